import Foundation
@testable import SurveyCore
import SurveyIO
import Testing

/// Shares of coded mentions of a multiple-response question (`--mentions`, `--mentioned`)
/// against R's survey package: goldens written by `conformance/generate-mention-goldens.R`.
@Suite("Shares of mentions equal R's survey package")
struct MentionConformanceTests {
    struct Golden: Decodable {
        struct Test: Decodable {
            let level: String
            let statistic: Double
            let df: [Double]
            let pValue: Double
            let adjustedPValue: Double
        }
        struct Case: Decodable {
            let name: String
            let statistic: String
            let by: [String]
            let missing: String
            let rows: [Goldens.Row]
            let tests: [Test]?
        }
        let generator: String
        let labels: [String]
        let cases: [Case]
    }

    static let golden: Golden = {
        let data = try! Data(contentsOf: Goldens.fixtures.appendingPathComponent("mention-goldens.json"))
        return try! JSONDecoder().decode(Golden.self, from: data)
    }()

    static var caseNames: [String] { golden.cases.map(\.name) }

    /// The fixture with the two reason columns labelled 1–7, code 7 ("other") user-missing, as
    /// a coded open-ended question written by Barometer is.
    static func dataset() throws -> Dataset {
        var dataset = try Goldens.dataset("mentions.csv")
        let labels = golden.labels.enumerated().map { ValueLabel(code: Double($0 + 1), label: LocalizedText($1)) }
        for column in ["reason1", "reason2"] {
            var meta = dataset.metadata(column)
            meta.valueLabels = labels
            meta.missingCodes = [7]
            dataset.codebook.variables[column] = meta
        }
        return dataset
    }

    static func request(_ golden: Golden.Case) -> AnalysisRequest {
        let statistic = Statistic(rawValue: golden.statistic)!
        return AnalysisRequest(
            design: DesignSpec(weights: "weight", strata: "stratum", clusters: ["psu"], nest: true),
            measures: [.mentions(statistic, columns: ["reason1", "reason2"])], by: golden.by,
            options: AnalysisOptions(missing: MissingPolicy(rawValue: golden.missing)!))
    }

    @Test("every code in every domain: estimate, SE, interval, df and count", arguments: caseNames, [false, true])
    func goldenCase(_ name: String, chunked: Bool) throws {
        let golden = try #require(Self.golden.cases.first { $0.name == name })
        let result = try RowChunks.$testChunkRows.withValue(chunked ? 16 : nil) {
            try AnalysisEngine.run(Self.request(golden), on: Self.dataset())
        }
        #expect(result.rows.count == golden.rows.count, "\(name): \(result.rows.count) rows vs R's \(golden.rows.count)")
        try expectRows(result, equal: golden.rows, case: name, allDesignEffects: false)
        // "other" is a code of the base only when the missing policy keeps it.
        #expect(result.rows.contains { $0.level == "other" } == (golden.missing == "include"))
    }

    @Test("differences between groups: one Rao–Scott F per code, Holm-adjusted", arguments: caseNames.filter { name in
        golden.cases.first { $0.name == name }?.tests != nil
    })
    func differences(_ name: String) throws {
        let golden = try #require(Self.golden.cases.first { $0.name == name })
        let expected = try #require(golden.tests)
        let result = try AnalysisEngine.run(Self.request(golden), on: Self.dataset())
        #expect(result.tests.count == expected.count)
        for test in expected {
            let actual = try #require(result.tests.first { $0.description == "\(test.level) × \(golden.by.joined(separator: " × "))" },
                                      "\(name): no test for \(test.level)")
            #expect(actual.name == "rao-scott-f")
            #expect(close(actual.statistic, test.statistic, 1e-6), "\(name) \(test.level) F \(actual.statistic ?? .nan) vs \(test.statistic)")
            for (a, e) in zip(actual.df, test.df) { #expect(close(a, e, 1e-6), "\(name) \(test.level) df") }
            #expect(close(actual.pValue, test.pValue, 1e-6), "\(name) \(test.level) p")
            #expect(close(actual.adjustedPValue, test.adjustedPValue, 1e-6), "\(name) \(test.level) Holm p")
            #expect(actual.adjustment == "holm")
        }
    }

    @Test("the shares of all mentions add to one in every domain; the shares of respondents to at least one")
    func sums() throws {
        for golden in Self.golden.cases {
            let result = try AnalysisEngine.run(Self.request(golden), on: Self.dataset())
            for domain in Set(result.rows.map(\.domain)) {
                let total = result.rows.filter { $0.domain == domain }.compactMap(\.estimate).reduce(0, +)
                if golden.statistic == "mentions" {
                    #expect(close(total, 1, 1e-12), "\(golden.name) \(domain): \(total)")
                } else {
                    #expect(total >= 1 - 1e-12, "\(golden.name) \(domain): \(total)")
                }
            }
        }
    }

    @Test("typed answers are refused until they are coded; no columns is refused")
    func refusals() throws {
        var dataset = try Self.dataset()
        dataset = try Dataset(columns: dataset.columns + [Column(name: "reason_text", values: .text(Array(repeating: "Развитая страна", count: dataset.rowCount)))],
                              codebook: dataset.codebook)
        let typed = AnalysisRequest(measures: [.mentions(.mentions, columns: ["reason1", "reason_text"])])
        let error = try #require(throws: SurveyError.self) { try AnalysisEngine.run(typed, on: dataset) }
        #expect(error.message.contains("'reason_text' holds typed answers, not codes"))
        let none = AnalysisRequest(measures: [.mentions(.mentioned, columns: [])])
        #expect(throws: SurveyError.self) { try AnalysisEngine.run(none, on: dataset) }
    }
}
