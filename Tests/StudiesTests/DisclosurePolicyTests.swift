import Foundation
import Studies
import SurveyCore
import Testing

/// The disclosure policy on its own: what is public, the cells rule, withholding.
@Suite("Disclosure policy")
struct DisclosurePolicyTests {
    /// 100 respondents: `g` with groups of 60, 38 and 2; `h` in halves; an id; a text column.
    static let data: Dataset = {
        let n = 100
        let g = (0..<n).map { Double($0 < 60 ? 1 : $0 < 98 ? 2 : 3) }
        var codebook = Codebook()
        codebook["g"] = VariableMetadata(valueLabels: [ValueLabel(code: 1, label: LocalizedText("a")), ValueLabel(code: 2, label: LocalizedText("b")), ValueLabel(code: 3, label: LocalizedText("c"))])
        codebook["h"] = VariableMetadata(valueLabels: [ValueLabel(code: 1, label: LocalizedText("x")), ValueLabel(code: 2, label: LocalizedText("y"))])
        codebook["q"] = VariableMetadata(valueLabels: [ValueLabel(code: 1, label: LocalizedText("yes")), ValueLabel(code: 2, label: LocalizedText("no"))])
        return try! Dataset(columns: [
            .numeric("id", (0..<n).map(Double.init)), .numeric("w", [Double](repeating: 1, count: n)),
            .numeric("g", g), .numeric("h", (0..<n).map { Double($0 % 2 + 1) }), .numeric("q", (0..<n).map { Double($0 % 3 == 0 ? 1 : 2) }),
            .numeric("age", (0..<n).map { Double(18 + $0 % 60) }), .categorical("why", strings: (0..<n).map { "reason \($0)" }),
        ], codebook: codebook)
    }()

    static let study = Study(
        title: LocalizedText("t"),
        waves: [StudyWave(id: "w1", label: LocalizedText("w1"), file: "w1.csv", fieldworkStart: "2020-01-01", fieldworkEnd: "2020-01-02",
                          design: DesignSpec(weights: "w"))],
        concepts: [Concept(id: "q", title: LocalizedText("q"), levels: [ConceptLevel(id: "yes", label: LocalizedText("yes")), ConceptLevel(id: "no", label: LocalizedText("no"))],
                           mappings: [ConceptMapping(wave: "w1", variable: "q", codes: ["1": "yes", "2": "no"])])],
        access: PublicAccess(estimate: ["age"]))

    let policy = DisclosurePolicy(minimumCount: 30)

    @Test("identifiers, weights, free text and continuous variables are not breakdowns; declared continuous ones may be averaged")
    func publicVariables() {
        let v = policy.variables(of: Self.study, datasets: [Self.data])
        #expect(v.questions == ["q"])
        #expect(v.numeric == ["age"])
        #expect(v.breakdowns == ["g", "h"])
        #expect(v.filters == ["g", "h"])
        #expect(!v.all.contains("id") && !v.all.contains("w") && !v.all.contains("why"))
    }

    @Test("quantiles are refused even of a declared continuous variable: each is one respondent's exact answer")
    func quantiles() throws {
        let v = policy.variables(of: Self.study, datasets: [Self.data])
        #expect(throws: Never.self) { try policy.check(AnalysisRequest(measures: [Measure(.mean, "age")], by: ["h"]), variables: v) }
        for name in ["age", "id"] {
            for probabilities in [[0.5], [0.01, 0.99]] {
                let request = AnalysisRequest(measures: [.quantiles(name, probabilities: probabilities)], by: ["h"])
                #expect {
                    try policy.check(request, variables: v)
                } throws: { error in
                    guard let error = error as? SurveyError, error.kind == .notPublic, error.field == .quantile else { return false }
                    return name == "age" ? error.message.contains("single respondent's exact answer") : error.message.contains("not a variable the public may average")
                }
            }
        }
    }

    @Test("a cell of fewer than the minimum refuses the request, without saying how small it is")
    func cells() throws {
        let v = policy.variables(of: Self.study, datasets: [Self.data])
        try policy.checkCells(AnalysisRequest(measures: [Measure(.proportion, "q")], by: ["h"]), variables: v, dataset: Self.data, wave: "w1")
        #expect(throws: SurveyError.self) {
            try policy.checkCells(AnalysisRequest(measures: [Measure(.proportion, "q")], by: ["g"]), variables: v, dataset: Self.data, wave: "w1")
        }
        // A filter selecting the large groups of g still mentions g, whose third group is small.
        do {
            try policy.checkCells(AnalysisRequest(measures: [Measure(.proportion, "q")], filter: "g != 3"), variables: v, dataset: Self.data, wave: "w1")
            Issue.record("a filter on g was allowed")
        } catch {
            #expect(error.kind == .smallGroups && error.value == "g")
            #expect(!error.message.contains("2 respondents"))
            #expect(error.message.contains("fewer than 30"))
        }
        // g × h: 30/30, 19/19, 1/1 — refused, although h alone is fine.
        #expect(throws: SurveyError.self) {
            try policy.checkCells(AnalysisRequest(measures: [Measure(.proportion, "q")], by: ["h"], filter: "g == 1"), variables: v, dataset: Self.data, wave: "w1")
        }
        // The shares of a breakdown variable are its cells too.
        #expect(throws: SurveyError.self) {
            try policy.checkCells(AnalysisRequest(measures: [Measure(.proportion, "g")]), variables: v, dataset: Self.data, wave: "w1")
        }
    }

    @Test("estimates resting on fewer than the minimum are withheld, and changes involving them dropped")
    func withholding() {
        let rows = [
            ResultRow(variable: "q", statistic: .proportion, domain: Domain([.init(variable: "wave", value: "w1")]), level: "yes", code: "yes",
                      estimate: 0.4, standardError: 0.1, ci: nil, degreesOfFreedom: 10, unweightedCount: 12, weightedCount: 12),
            ResultRow(variable: "q", statistic: .proportion, domain: Domain([.init(variable: "wave", value: "w1")]), level: "no", code: "no",
                      estimate: 0.6, standardError: 0.1, ci: nil, degreesOfFreedom: 10, unweightedCount: 10, weightedCount: 10),
            ResultRow(variable: "q", statistic: .proportion, domain: Domain([.init(variable: "wave", value: "w2")]), level: "yes", code: "yes",
                      estimate: 0.5, standardError: 0.05, ci: nil, degreesOfFreedom: 10, unweightedCount: 40, weightedCount: 40),
        ]
        let result = AnalysisResult(
            design: DesignSummary(weights: "w", strata: nil, clusters: [], fpc: [], nest: false, lonelyPSU: .fail, degreesOfFreedom: 10,
                                  respondents: 100, strataCount: 1, psuCount: 100, weighting: []),
            rows: rows, tests: [],
            comparisons: [Comparison(variable: "q", statistic: .proportion, level: "yes", domain: Domain(), from: "w1", to: "w2",
                                     fromEstimate: 0.4, fromStandardError: 0.1, toEstimate: 0.5, toStandardError: 0.05, confidenceLevel: 0.95)],
            waves: [], warnings: [])
        let out = policy.withhold(result)
        #expect(out.rows[0].suppressed && out.rows[1].suppressed && !out.rows[2].suppressed)
        #expect(out.rows[0].estimate == nil && out.rows[0].unweightedCount == 0)
        #expect(out.comparisons.isEmpty)
        #expect(out.warnings.contains { $0.contains("2 estimates are withheld") })
    }
}

/// Coded open-ended questions under the disclosure policy: the declared set's coded columns
/// may be counted, never the typed answers, and shares of mentions rest on enough respondents.
@Suite("Disclosure policy: coded questions")
struct CodedDisclosureTests {
    /// The policy test data with two coded columns of `why` and their sets.
    static let data: Dataset = {
        var data = DisclosurePolicyTests.data
        let n = data.rowCount
        let labels = [ValueLabel(code: 1, label: LocalizedText("price")), ValueLabel(code: 2, label: LocalizedText("quality"))]
        data.codebook["why1_code"] = VariableMetadata(valueLabels: labels)
        data.codebook["why2_code"] = VariableMetadata(valueLabels: labels)
        data.codebook["why_price"] = VariableMetadata(valueLabels: [ValueLabel(code: 0, label: LocalizedText("no")), ValueLabel(code: 1, label: LocalizedText("yes"))])
        data.codebook.multipleResponseSets = [
            MultipleResponseSet(name: "$why", label: LocalizedText("Why"), kind: .categories, variables: ["why1_code", "why2_code"]),
            MultipleResponseSet(name: "$why_d", label: LocalizedText("Why"), kind: .dichotomies(countedValue: "1"), variables: ["why_price"]),
        ]
        return try! Dataset(columns: data.columns + [
            .numeric("why1_code", (0..<n).map { Double($0 % 2 + 1) }), .numeric("why2_code", (0..<n).map { $0 % 3 == 0 ? 2 : .nan }),
            .numeric("why_price", (0..<n).map { Double($0 % 2) }),
        ], codebook: data.codebook)
    }()

    static let study: Study = {
        var study = DisclosurePolicyTests.study
        study.access.coded = ["why"]
        return study
    }()

    let policy = DisclosurePolicy(minimumCount: 30)

    @Test("a declared set's coded columns may be counted; the typed answers, the yes/no set and undeclared sets may not")
    func whatMayBeCounted() throws {
        let v = policy.variables(of: Self.study, datasets: [Self.data])
        #expect(v.coded.map(\.set) == ["$why"] && v.coded.first?.columns == ["why1_code", "why2_code"])
        #expect(!v.breakdowns.contains("why1_code") && !v.filters.contains("why1_code") && !v.questions.contains("why1_code"))
        for columns in [["$why"], ["why1_code", "why2_code"]] {
            try policy.check(AnalysisRequest(measures: [.mentions(.mentions, columns: columns)], by: ["h"]), variables: v)
        }
        for columns in [["why"], ["why1_code", "why"], ["$why_d"], ["why_price"]] {
            let error = try #require(throws: SurveyError.self) {
                try policy.check(AnalysisRequest(measures: [.mentions(.mentioned, columns: columns)]), variables: v)
            }
            #expect(error.kind == .notPublic && error.message.contains("is not a coded question the public may see") && error.message.contains("$why"))
        }
        // Undeclared: nothing is countable.
        let undeclared = policy.variables(of: DisclosurePolicyTests.study, datasets: [Self.data])
        #expect(undeclared.coded.isEmpty)
        #expect(throws: SurveyError.self) { try policy.check(AnalysisRequest(measures: [.mentions(.mentions, columns: ["$why"])]), variables: undeclared) }
    }

    @Test("a share of mentions is withheld unless the mentions divided by the question's columns reach the minimum")
    func withholdingMentions() {
        func row(_ code: String, _ count: Int, group: String, statistic: Statistic = .mentions, variable: String = "$why") -> ResultRow {
            ResultRow(variable: variable, statistic: statistic, domain: Domain([.init(variable: "h", value: group)]), level: code, code: code,
                      estimate: 0.5, standardError: 0.1, ci: nil, degreesOfFreedom: 10, unweightedCount: count, weightedCount: Double(count))
        }
        // Group x: 40 + 25 mentions of 2 columns: at least 32 respondents. Group y: 30 + 29: at least 29 (floor).
        let rows = [row("1", 40, group: "x"), row("2", 25, group: "x"), row("1", 30, group: "y"), row("2", 29, group: "y"),
                    row("1", 40, group: "x", statistic: .mentioned, variable: "why1_code,why2_code"),
                    row("2", 21, group: "x", statistic: .mentioned, variable: "why1_code,why2_code")]
        let result = AnalysisResult(
            design: DesignSummary(weights: "w", strata: nil, clusters: [], fpc: [], nest: false, lonelyPSU: .fail, degreesOfFreedom: 10,
                                  respondents: 100, strataCount: 1, psuCount: 100, weighting: []),
            rows: rows, tests: [], comparisons: [], waves: [], warnings: [])
        let v = policy.variables(of: Self.study, datasets: [Self.data])
        let out = policy.withhold(result, variables: v)
        // Respondents mentioning each code, 40 + 21 of 2 columns: at least 30.
        #expect(out.rows.map(\.suppressed) == [false, false, true, true, false, false])
    }

    @Test("a difference between groups is withheld when either group rests on fewer than the minimum")
    func withholdingDifferences() throws {
        // Groups a (60 respondents), b (38) and c (2): a − b stays, a − c and b − c go.
        let request = AnalysisRequest(design: DesignSpec(weights: "w"), measures: [Measure(.mean, "age")], by: ["g"],
                                      differences: DifferencesSpec())
        let result = try AnalysisEngine.run(request, on: Self.data)
        let differences = result.rows.filter { $0.statistic == .difference }
        #expect(differences.map { $0.domain["g"] } == ["a − b", "a − c", "b − c"])
        #expect(differences.allSatisfy { $0.estimate != nil })
        let out = DisclosurePolicy(minimumCount: 30).withhold(result)
        let withheld = out.rows.filter { $0.statistic == .difference }
        #expect(withheld.map(\.suppressed) == [false, true, true])
        #expect(withheld[0].estimate == differences[0].estimate && withheld[0].difference?.pValue != nil)
        #expect(withheld[1].estimate == nil && withheld[1].ci == nil && withheld[1].difference?.pValue == nil
                && withheld[1].difference?.groupEstimate == nil && withheld[2].difference?.referenceEstimate == nil)
        // A withheld difference does not tell how small its group is.
        #expect(withheld[1].difference?.referenceRespondents == 0 && withheld[2].difference?.referenceRespondents == 0)
        // A minimum of 2 keeps them all.
        #expect(!DisclosurePolicy(minimumCount: 2).withhold(result).rows.contains { $0.suppressed })
    }
}
