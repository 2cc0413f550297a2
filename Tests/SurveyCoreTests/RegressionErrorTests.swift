@testable import SurveyCore
import Testing

/// Every way a regression can fail gets one sentence naming the thing, the value and the fix.
@Suite("Regression errors")
struct RegressionErrorTests {
    /// 40 respondents in 8 PSUs of 2 strata; x, a copy of it doubled, a 0/1 outcome that x
    /// separates, a noisy one that it does not, and a three-level factor.
    static func sample() throws -> Dataset {
        let n = 40
        let x = (0..<n).map { Double(($0 * 7) % 40) / 4 }
        return try Dataset(columns: [
            .numeric("w", (0..<n).map { Double(1 + $0 % 3) }),
            .categorical("stratum", strings: (0..<n).map { $0 < 20 ? "A" : "B" }),
            .numeric("psu", (0..<n).map { Double($0 / 5) }),
            .numeric("x", x),
            .numeric("x2", x.map { 2 * $0 + 1 }),
            .numeric("y", (0..<n).map { Double(($0 * 13) % 17) + x[$0] }),
            .numeric("same", [Double](repeating: 5, count: n)),
            .numeric("count", (0..<n).map { Double(($0 * 5) % 9) - ($0 == 3 ? 10 : 0) }),
            .numeric("separated", x.map { $0 > 4.5 ? 1 : 0 }),
            .numeric("noisy", (0..<n).map { ($0 * 11) % 7 < 3 ? 1 : 0 }),
            .numeric("three", (0..<n).map { Double($0 % 3) }),
            .categorical("f", strings: (0..<n).map { ["low", "mid", "high"][$0 % 3] }),
            .categorical("answer", strings: (0..<n).map { ($0 * 11) % 7 < 3 ? "yes" : "no" }),
        ])
    }

    static func failure(_ spec: RegressionSpec, filter: String? = nil) throws -> SurveyError? {
        let request = AnalysisRequest(
            design: DesignSpec(weights: "w", strata: "stratum", clusters: ["psu"]), filter: filter, regression: spec)
        let data = try sample()
        do {
            _ = try AnalysisEngine.run(request, on: data)
            return nil
        } catch {
            return error
        }
    }

    @Test func itFitsWhenNothingIsWrong() throws {
        #expect(try Self.failure(RegressionSpec(model: "y ~ x + f")) == nil)
        #expect(try Self.failure(RegressionSpec(model: "noisy ~ x", family: .binomial, oddsRatios: true)) == nil)
        #expect(try Self.failure(RegressionSpec(model: "answer ~ x", family: .binomial, event: "yes")) == nil)
    }

    @Test func singularModelNamesTheAliasedColumn() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "y ~ x + x2")))
        #expect(error.message.contains("singular") && error.message.contains("'x2'"), "\(error.message)")
        #expect(error.field == .model)
    }

    @Test func constantOutcome() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "same ~ x")))
        #expect(error.message.contains("'same' is 5 for every one of the 40"), "\(error.message)")
    }

    @Test func binomialOutcomeNotZeroOne() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "three ~ x", family: .binomial)))
        #expect(error.message.contains("has the value 2, but must be 0 or 1"), "\(error.message)")
    }

    @Test func poissonOutcomeNegative() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "count ~ x", family: .poisson)))
        #expect(error.message.contains("negative value -4"), "\(error.message)")
    }

    @Test func separationNamesTheTerm() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "separated ~ x + f", family: .binomial)))
        #expect(error.message.contains("separates") && error.message.contains("'x'"), "\(error.message)")
    }

    @Test func unknownVariableSuggestsOne() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "y ~ xx + f")))
        #expect(error.kind == .unknownVariable)
        #expect(error.message.contains("'xx'") && error.message.contains("did you mean 'x"), "\(error.message)")
    }

    @Test func malformedFormula() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "y ~ x +* f")))
        #expect(error.message.contains("character 8"), "\(error.message)")
    }

    @Test func oddsRatiosNeedABinomialModel() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "y ~ x", oddsRatios: true)))
        #expect(error.message.contains("--odds-ratios") && error.message.contains("--family binomial"), "\(error.message)")
        #expect(error.field == .oddsRatios)
    }

    @Test func eventOfANumericOutcomeOrAnUnknownLevel() throws {
        let numeric = try #require(try Self.failure(RegressionSpec(model: "noisy ~ x", family: .binomial, event: "1")))
        #expect(numeric.message.contains("'noisy' is numeric"), "\(numeric.message)")
        let unknown = try #require(try Self.failure(RegressionSpec(model: "answer ~ x", family: .binomial, event: "maybe")))
        #expect(unknown.message.contains("--event maybe is not a level of 'answer'") && unknown.message.contains("'yes'"), "\(unknown.message)")
        let gaussian = try #require(try Self.failure(RegressionSpec(model: "y ~ x", event: "1")))
        #expect(gaussian.field == .event)
    }

    @Test func anIntervalMethodOtherThanWald() throws {
        let request = AnalysisRequest(design: DesignSpec(weights: "w", strata: "stratum", clusters: ["psu"]),
                                      options: AnalysisOptions(ciMethod: .logit), regression: RegressionSpec(model: "y ~ x"))
        let data = try Self.sample()
        #expect(throws: SurveyError.self) { try AnalysisEngine.run(request, on: data) }
        do { _ = try AnalysisEngine.run(request, on: data) } catch {
            #expect(error.field == .ciMethod && error.message.contains("--ci-method wald"), "\(error.message)")
        }
    }

    @Test func categoricalOutcomeOfALinearModel() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "answer ~ x")))
        #expect(error.message.contains("--family binomial"), "\(error.message)")
    }

    @Test func aPredictorWithOneLevelInTheDomain() throws {
        let error = try #require(try Self.failure(RegressionSpec(model: "y ~ x + stratum"), filter: "stratum == 'A'"))
        #expect(error.message.contains("'stratum' has only one level ('A')"), "\(error.message)")
    }

    @Test func theParametersDecodeOnEverySurface() throws {
        let request = try RequestParameters(pairs: [("model", "y ~ x"), ("family", "binomial"), ("event", "yes"), ("odds-ratios", "true")], surface: .query).request()
        #expect(request.regression == RegressionSpec(model: "y ~ x", family: .binomial, event: "yes", oddsRatios: true))
        do {
            _ = try RequestParameters(pairs: [("model", "y ~ x"), ("family", "logit")], surface: .query).request()
            Issue.record("family=logit decoded")
        } catch {
            #expect(error.message(for: .query).contains("family=logit is not a model family"))
        }
        do {
            _ = try RequestParameters(pairs: [("family", "binomial")], surface: .commandLine).request()
            Issue.record("a family without a model decoded")
        } catch {
            #expect(error.message.contains("--model"))
        }
    }

    /// A replicate design: the variance of refits with each replicate's weights, centred as
    /// `ReplicateWeights` says — here a hand-made JK1 of 4 replicates over 8 PSUs' rows,
    /// whose covariance is checked against the spread of refits made directly.
    @Test func replicateVarianceIsTheSpreadOfRefits() throws {
        let data = try Self.sample()
        var design = try SurveyDesign(DesignSpec(weights: "w"), dataset: data)
        let n = data.rowCount, R = 4
        var values = [Double](repeating: 0, count: n * R)
        for i in 0..<n { for r in 0..<R { values[i * R + r] = (i / 10 == r ? 0 : Double(R) / Double(R - 1)) * design.weights[i] } }
        design.replicates = try ReplicateWeights(type: .jk1, count: R, values: values, scale: Double(R - 1) / Double(R),
                                                 rscales: [Double](repeating: 1, count: R), mse: false)
        let spec = RegressionSpec(model: "y ~ x")
        let result = try AnalysisEngine.run(AnalysisRequest(design: DesignSpec(weights: "w"), regression: spec), on: data, design: design)
        // Direct refits.
        let matrix = try RegressionDesignMatrix(formula: ModelFormula(parsing: spec.model), spec: spec, dataset: data, mask: nil, options: AnalysisOptions())
        var slopes: [Double] = []
        for r in 0..<R {
            let w = matrix.rows.map { values[$0 * R + r] }
            let fit = try WeightedGLMFit.fit(x: matrix.values, columns: 2, y: matrix.outcome, weights: w, family: .gaussian).get()
            slopes.append(fit.coefficients[1])
        }
        let mean = slopes.reduce(0, +) / Double(R)
        let variance = Double(R - 1) / Double(R) * slopes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let row = try #require(result.rows.first { $0.variable == "x" })
        #expect(abs((row.standardError ?? 0) - variance.squareRoot()) <= 1e-9 * variance.squareRoot(), "\(row.standardError ?? .nan) vs \(variance.squareRoot())")
        #expect(row.degreesOfFreedom == R - 1 + 1 - 2)
    }
}
