@testable import SurveyCore
import Testing

/// The model formula (`--model`) and the model matrix it makes, as R's `terms()` and
/// `model.matrix()` make them.
@Suite("Regression formulas and model matrices")
struct RegressionFormulaTests {
    @Test func termsInROrder() throws {
        let f = try ModelFormula(parsing: "api00 ~ ell + meals + stype")
        #expect(f.outcome == "api00")
        #expect(f.terms.map(\.label) == ["ell", "meals", "stype"])
        #expect(f.hasIntercept)
    }

    @Test func starExpandsAndTermsSortByDegree() throws {
        let f = try ModelFormula(parsing: "y ~ a*b + c")
        #expect(f.terms.map(\.label) == ["a", "b", "c", "a:b"])
        let three = try ModelFormula(parsing: "y~a*b*c")
        #expect(three.terms.map(\.label) == ["a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"])
        let colon = try ModelFormula(parsing: "y ~ a:b + a + a:b")
        #expect(colon.terms.map(\.label) == ["a", "a:b"])
    }

    @Test func interceptRemoved() throws {
        #expect(try ModelFormula(parsing: "y ~ x - 1").hasIntercept == false)
        #expect(try ModelFormula(parsing: "y ~ 0 + x").hasIntercept == false)
        #expect(try ModelFormula(parsing: "y ~ x + 0").hasIntercept == false)
        #expect(try ModelFormula(parsing: "y ~ 1 + x").hasIntercept)
        #expect(try ModelFormula(parsing: "y ~ a*b - a:b").terms.map(\.label) == ["a", "b"])
    }

    @Test func backquotedAndDottedNames() throws {
        let f = try ModelFormula(parsing: "`my outcome` ~ sch.wide + `age group`")
        #expect(f.outcome == "my outcome")
        #expect(f.variables == ["my outcome", "sch.wide", "age group"])
    }

    @Test("malformed formulas say where", arguments: [
        ("api00 ell + meals", "no '~'"),
        ("api00 ~", "no predictors"),
        ("api00 ~ ell +", "ends after '+'"),
        ("api00 ~ ell meals", "character 13"),
        ("api00 ~ ell + (meals)", "character 15"),
        ("~ ell", "character 1"),
        ("api00 ~ `ell", "never closed"),
        ("api00 ~ ell - 1 - ell", "neither predictors nor an intercept"),
    ])
    func malformed(_ text: String, _ expected: String) {
        do {
            _ = try ModelFormula(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(error.message.contains("--model"), "\(error.message)")
            #expect(error.message(for: .query).contains("model="), "\(error.message(for: .query))")
            #expect(error.field == .model)
        }
    }

    static func sample() throws -> Dataset {
        try Dataset(columns: [
            .numeric("y", [1, 2, 3, 4, 5, 6, .nan, 8]),
            .numeric("x", [1, 3, 2, 5, 4, 7, 6, 8]),
            .categorical("f", strings: ["a", "b", "c", "a", "b", "c", "a", "b"]),
            .categorical("g", strings: ["u", "v", "u", "v", "u", "v", "u", nil]),
        ])
    }

    static func matrix(_ model: String, mask: [Bool]? = nil) throws -> RegressionDesignMatrix {
        try RegressionDesignMatrix(formula: ModelFormula(parsing: model), spec: RegressionSpec(model: model), dataset: sample(),
                                   mask: mask, options: AnalysisOptions())
    }

    @Test func treatmentContrastsAgainstTheFirstLevel() throws {
        let m = try Self.matrix("y ~ x + f")
        #expect(m.columnNames == ["(Intercept)", "x", "fb", "fc"])
        // Rows 7 (y missing) and 8 (complete) — only row 7 is dropped: g is not in the model.
        #expect(m.rows == [0, 1, 2, 3, 4, 5, 7])
        #expect(Array(m.values[0..<4]) == [1, 1, 0, 0])
        #expect(Array(m.values[4..<8]) == [1, 3, 1, 0])
        #expect(m.termOfColumn == [-1, 0, 1, 1])
    }

    /// Column names and codings as R's model.matrix (checked in R 4).
    @Test("interaction columns as R names them", arguments: [
        ("y ~ x + x:f", ["(Intercept)", "x", "x:fb", "x:fc"]),
        ("y ~ f*g", ["(Intercept)", "fb", "fc", "gv", "fb:gv", "fc:gv"]),
        ("y ~ 0 + f + g", ["fa", "fb", "fc", "gv"]),
        ("y ~ x:f", ["(Intercept)", "x:fa", "x:fb", "x:fc"]),
        ("y ~ g:f + f", ["(Intercept)", "fb", "fc", "gv:fa", "gv:fb", "gv:fc"]),
    ])
    func interactions(_ model: String, _ names: [String]) throws {
        #expect(try Self.matrix(model).columnNames == names)
    }

    @Test func missingValuesAndTheFilterLeaveRowsOut() throws {
        let m = try Self.matrix("y ~ g", mask: [true, true, true, true, false, true, true, true])
        #expect(m.rows == [0, 1, 2, 3, 5])
        #expect(m.outcome == [1, 2, 3, 4, 6])
    }

    @Test func aLevelWithoutRespondentsIsLeftOutWithAWarning() throws {
        let m = try Self.matrix("y ~ f", mask: [true, true, false, true, true, false, true, true])
        #expect(m.columnNames == ["(Intercept)", "fb"])
        #expect(m.warnings.first?.contains("'c' of 'f'") == true)
    }

    @Test func binomialOutcomeOfACategory() throws {
        let data = try Self.sample()
        let spec = RegressionSpec(model: "f ~ x", family: .binomial, event: "b")
        let m = try RegressionDesignMatrix(formula: ModelFormula(parsing: spec.model), spec: spec, dataset: data, mask: nil, options: AnalysisOptions())
        #expect(m.outcome == [0, 1, 0, 0, 1, 0, 0, 1])
        let last = RegressionSpec(model: "f ~ x", family: .binomial)
        let l = try RegressionDesignMatrix(formula: ModelFormula(parsing: last.model), spec: last, dataset: data, mask: nil, options: AnalysisOptions())
        #expect(l.outcome == [0, 0, 1, 0, 0, 1, 0, 0])
    }
}
