import Foundation
import Studies
@testable import SurveyCore
import Testing

/// Shares of mentions across the waves of a study (`trend --mentions`, `trend?mentions=`): each
/// wave's rows are the one-wave estimates that equal R, and the changes between waves are
/// differences of independent samples.
@Suite("Shares of mentions across waves")
struct MentionTrendTests {
    /// Wave `a` is the R fixture; wave `b` the same respondents with the youngest weighted up by
    /// half, so its shares differ; only wave `a` has the set `$reason`.
    static func study() throws -> (Study, [String: PreparedWave]) {
        var a = try MentionConformanceTests.dataset()
        let age = try a.column("agegroup")
        guard case .numeric(let weight) = try a.column("weight").values else { throw SurveyError(.invalidVariable, "weight is not numeric") }
        let reweighted = (0..<a.rowCount).map { i in weight[i] * (age.text(at: i) == "18-29" ? 1.5 : 1) }
        let b = try Dataset(columns: a.columns.map { $0.name == "weight" ? .numeric("weight", reweighted) : $0 }, codebook: a.codebook)
        a.codebook.multipleResponseSets = [MultipleResponseSet(name: "$reason", label: LocalizedText("Reasons"), kind: .categories, variables: ["reason1", "reason2"])]
        let design = DesignSpec(weights: "weight", strata: "stratum", clusters: ["psu"], nest: true)
        let waves = ["a", "b"].map { StudyWave(id: $0, label: LocalizedText($0), file: "\($0).csv", fieldworkStart: "2020-01-01", fieldworkEnd: "2020-01-02", design: design) }
        let prepared = try [("a", a), ("b", b)].map { ($0.0, try AnalysisPipeline.prepare(WaveInput(dataset: $0.1, design: design, weighting: nil))) }
        return (Study(title: LocalizedText("t"), waves: waves), Dictionary(uniqueKeysWithValues: prepared))
    }

    static func request(_ query: [(String, String)]) throws -> AnalysisRequest {
        try RequestParameters(pairs: query, surface: .query).request()
    }

    @Test("every wave's shares of mentions (by language) equal R's one-wave estimates; the change between waves is a difference of independent samples")
    func trendOfMentions() throws {
        let (study, waves) = try Self.study()
        let request = try Self.request([("mentions", "reason1,reason2"), ("by", "language"), ("wave", "all")])
        #expect(request.trend?.concept == nil && request.trend?.changes == .firstToLast)
        let result = try AnalysisPipeline.run(request, study: study) { try #require(waves[$0.id]) }
        #expect(result.waves.map(\.id) == ["a", "b"])
        let golden = try #require(MentionConformanceTests.golden.cases.first { $0.name == "mentions all by language" })
        var first = result
        first.rows = result.rows.filter { $0.domain.entries.first == Domain.Entry(variable: "wave", value: "a") }.map { row in
            var row = row
            row.domain = Domain(Array(row.domain.entries.dropFirst()))
            return row
        }
        try expectRows(first, equal: golden.rows, case: "wave a", allDesignEffects: false)
        // Wave b, through the trend, equals wave b on its own.
        let alone = try AnalysisEngine.run(MentionConformanceTests.request(golden), on: try #require(waves["b"]).dataset)
        let second = result.rows.filter { $0.domain.entries.first?.value == "b" }
        #expect(second.count == alone.rows.count)
        for (t, o) in zip(second, alone.rows) {
            #expect(t.level == o.level && t.estimate == o.estimate && t.standardError == o.standardError)
        }
        #expect(second.contains { row in
            let same = first.rows.first { $0.level == row.level && $0.domain.entries == Array(row.domain.entries.dropFirst()) }
            return same.map { !close($0.estimate, row.estimate, 1e-6) } ?? false
        }, "reweighting changed no share")
        // Shares of all mentions have no per-code tests; shares of respondents do, named by wave.
        #expect(result.tests.isEmpty)
        let mentioned = try AnalysisPipeline.run(try Self.request([("mentioned", "reason1,reason2"), ("by", "language"), ("wave", "all")]), study: study) { try #require(waves[$0.id]) }
        #expect(mentioned.tests.contains { $0.description?.hasPrefix("a: ") == true && $0.adjustment == "holm" })
        #expect(mentioned.tests.contains { $0.description?.hasPrefix("b: ") == true })
        // One change per code and language, a → b, with the independent-samples SE.
        #expect(result.comparisons.count == first.rows.count)
        for change in result.comparisons {
            let from = try #require(first.rows.first { $0.level == change.level && $0.domain == change.domain })
            let to = try #require(second.first { $0.level == change.level && Domain(Array($0.domain.entries.dropFirst())) == change.domain })
            #expect(change.statistic == .mentions && change.from == "a" && change.to == "b")
            #expect(close(change.standardError, ((from.standardError ?? .nan) * (from.standardError ?? .nan) + (to.standardError ?? .nan) * (to.standardError ?? .nan)).squareRoot(), 1e-12))
        }
    }

    @Test("a set `$NAME` stands for its columns; waves without it are named, not failed")
    func setsAndMissingWaves() throws {
        let (study, waves) = try Self.study()
        let bySet = try AnalysisPipeline.run(try Self.request([("mentioned", "$reason"), ("waves", "a,b"), ("missing", "exclude")]), study: study) { try #require(waves[$0.id]) }
        #expect(bySet.waves.map(\.id) == ["a"])
        #expect(bySet.warnings.contains("$reason is not in b."))
        #expect(bySet.variableLabels["$reason"] == "Reasons")
        let golden = try #require(MentionConformanceTests.golden.cases.first { $0.name == "mentioned categorizable" })
        var rows = bySet
        rows.rows = bySet.rows.map { row in
            var row = row
            #expect(row.variable == "$reason")
            row.variable = "reason1,reason2"
            row.domain = Domain(Array(row.domain.entries.dropFirst()))
            return row
        }
        try expectRows(rows, equal: golden.rows, case: "set", allDesignEffects: false)
        // The set's name in one wave's analysis, too.
        let one = try AnalysisEngine.run(AnalysisRequest(design: DesignSpec(weights: "weight", strata: "stratum", clusters: ["psu"], nest: true),
                                                         measures: [.mentions(.mentions, columns: ["$reason"])]), on: try #require(waves["a"]).dataset)
        #expect(one.rows.count == 7)
        let unknown = try #require(throws: SurveyError.self) {
            try AnalysisEngine.run(AnalysisRequest(measures: [.mentions(.mentions, columns: ["$reasons"])]), on: try #require(waves["a"]).dataset)
        }
        #expect(unknown.message.contains("no multiple-response set '$reasons'") && unknown.message.contains("$reason"))
        let none = try #require(throws: SurveyError.self) {
            try AnalysisPipeline.run(try Self.request([("mentions", "$other"), ("wave", "all")]), study: study) { try #require(waves[$0.id]) }
        }
        #expect(none.message.contains("No wave has the columns $other"))
    }

    @Test("a trend of mentions takes no levels, collapse or net score; `waves` without a concept or mentions is refused")
    func refusals() throws {
        let levels = try #require(throws: SurveyError.self) { try Self.request([("mentions", "reason1,reason2"), ("wave", "all"), ("levels", "x")]) }
        #expect(levels.message(for: .query).contains("levels="))
        let alone = try #require(throws: SurveyError.self) { try Self.request([("waves", "a")]) }
        #expect(alone.message(for: .query).contains("concept=ID") && alone.message(for: .query).contains("mentions="))
        // One wave of mentions stays a one-wave analysis.
        let one = try Self.request([("mentions", "reason1,reason2"), ("wave", "a")])
        #expect(one.trend == nil && one.wave == "a")
    }
}
