import Foundation
@testable import SurveyCore
import SurveyIO
import Testing

/// Golden values written by `conformance/generate-goldens.R` with R's survey package.
struct Goldens: Decodable {
    struct Cell: Decodable, Equatable { let row: String; let column: String }

    struct Row: Decodable {
        let variable: String?
        let statistic: String?
        let domain: [String: String]?
        let level: String?
        let cell: Cell?
        let estimate: Double?
        let standardError: Double?
        let ciLower: Double?
        let ciUpper: Double?
        let designEffect: Double?
        let designEffectWithReplacement: Double?
        let df: Int?
        let unweightedCount: Int?
    }

    struct Test: Decodable {
        let name: String
        let statistic: Double
        let correctedStatistic: Double?
        let df: [Double]
        let pValue: Double
    }

    struct Case: Decodable {
        let name: String
        let data: String
        let request: AnalysisRequest
        let rows: [Row]?
        let tests: [String: Test]?
        let error: String?
        let rError: String?
    }

    let generator: String
    let cases: [Case]

    static let fixtures: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static let all: Goldens = {
        let data = try! Data(contentsOf: fixtures.appendingPathComponent("goldens.json"))
        return try! JSONDecoder().decode(Goldens.self, from: data)
    }()

    static var caseNames: [String] { all.cases.map(\.name) }

    static func dataset(_ name: String) throws -> Dataset {
        try CSVReader.read(path: fixtures.appendingPathComponent(name).path)
    }
}

/// `actual` equals `expected` to a relative tolerance (absolute near zero).
func close(_ actual: Double?, _ expected: Double?, _ tolerance: Double) -> Bool {
    guard let expected else { return actual == nil }
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(abs(expected), 1e-3)
}

/// Every expected row has exactly one row of `result` equal to it: estimates to 1e-9
/// relative, SEs and interval ends to 1e-6, degrees of freedom and counts exactly; design
/// effects of non-crosstab rows always (`allDesignEffects`) or where R gives one.
func expectRows(_ result: AnalysisResult, equal expectedRows: [Goldens.Row], case name: String, allDesignEffects: Bool) throws {
    for expected in expectedRows {
        let candidates = result.rows.filter { row in
            if let cell = expected.cell {
                return row.cell == CrosstabCell(row: cell.row, column: cell.column)
            }
            let domain = Dictionary(uniqueKeysWithValues: row.domain.entries.map { ($0.variable, $0.value) })
            return row.variable == expected.variable && row.statistic.rawValue == expected.statistic
                && domain == (expected.domain ?? [:]) && row.level == expected.level
        }
        let label = "\(name): \(expected.variable ?? "") \(expected.domain ?? [:]) \(expected.level ?? "") \(expected.cell.map { "\($0.row)|\($0.column)" } ?? "")"
        try #require(candidates.count == 1, "\(label): \(candidates.count) matching rows")
        let row = candidates[0]
        #expect(close(row.estimate, expected.estimate, 1e-9), "\(label) estimate \(row.estimate ?? .nan) vs \(expected.estimate ?? .nan)")
        #expect(close(row.standardError, expected.standardError, 1e-6), "\(label) SE \(row.standardError ?? .nan) vs \(expected.standardError ?? .nan)")
        #expect(close(row.ci?.lower, expected.ciLower, 1e-6), "\(label) CI lower \(row.ci?.lower ?? .nan) vs \(expected.ciLower ?? .nan)")
        #expect(close(row.ci?.upper, expected.ciUpper, 1e-6), "\(label) CI upper \(row.ci?.upper ?? .nan) vs \(expected.ciUpper ?? .nan)")
        if let df = expected.df { #expect(row.degreesOfFreedom == df, "\(label) df") }
        if expected.cell == nil, allDesignEffects || expected.designEffect != nil {
            #expect(close(row.designEffect, expected.designEffect, 1e-6), "\(label) deff \(row.designEffect ?? .nan) vs \(expected.designEffect ?? .nan)")
            if allDesignEffects {
                #expect(close(row.designEffectWithReplacement, expected.designEffectWithReplacement, 1e-6), "\(label) deff (replace)")
            }
        }
        if let n = expected.unweightedCount { #expect(row.unweightedCount == n, "\(label) n") }
    }
}

@Suite("Equal to R's survey package")
struct RSurveyConformanceTests {
    /// Every case twice: as it comes (the goldens' data sets make one chunk) and with every pass
    /// over respondents split into chunks of 16 rows run on all cores and merged.
    @Test("golden case", arguments: Goldens.caseNames, [false, true])
    func goldenCase(_ name: String, chunked: Bool) throws {
        try RowChunks.$testChunkRows.withValue(chunked ? 16 : nil) {
            try checkGoldenCase(name)
        }
    }

    private func checkGoldenCase(_ name: String) throws {
        let golden = Goldens.all.cases.first { $0.name == name }!
        let dataset = try Goldens.dataset(golden.data)

        if let expectedError = golden.error {
            #expect(golden.rError?.contains(expectedError) == true, "R itself should fail: \(golden.rError ?? "")")
            #expect(throws: SurveyError.self) { try AnalysisEngine.run(golden.request, on: dataset) }
            do {
                _ = try AnalysisEngine.run(golden.request, on: dataset)
            } catch {
                #expect(error.message.contains(expectedError), "\(error.message)")
            }
            return
        }

        let result = try AnalysisEngine.run(golden.request, on: dataset)
        let expectedRows = golden.rows ?? []
        #expect(!expectedRows.isEmpty)
        try expectRows(result, equal: expectedRows, case: name, allDesignEffects: true)
        if let tests = golden.tests, let kind = golden.request.crosstab?.test {
            let key = kind.rawValue
            let expected = try #require(tests[key])
            let actual = try #require(result.tests.first)
            #expect(actual.name == expected.name)
            #expect(close(actual.statistic, expected.statistic, 1e-6), "\(name) statistic \(actual.statistic ?? .nan) vs \(expected.statistic)")
            #expect(actual.df.count == expected.df.count)
            for (a, e) in zip(actual.df, expected.df) { #expect(close(a, e, 1e-6), "\(name) df \(a) vs \(e)") }
            #expect(close(actual.pValue, expected.pValue, 1e-6), "\(name) p \(actual.pValue ?? .nan) vs \(expected.pValue)")
        }
    }

    /// Every test statistic of every crosstab case, not only the one the request names.
    @Test("all four tests of independence", arguments: Goldens.all.cases.filter { $0.tests != nil }.map(\.name), [false, true])
    func everyTest(_ name: String, chunked: Bool) throws {
        try RowChunks.$testChunkRows.withValue(chunked ? 16 : nil) {
            try checkEveryTest(name)
        }
    }

    private func checkEveryTest(_ name: String) throws {
        let golden = Goldens.all.cases.first { $0.name == name }!
        let dataset = try Goldens.dataset(golden.data)
        for kind in IndependenceTest.allCases {
            var request = golden.request
            request.crosstab?.test = kind
            let result = try AnalysisEngine.run(request, on: dataset)
            let expected = try #require(golden.tests?[kind.rawValue])
            let actual = try #require(result.tests.first)
            #expect(close(actual.statistic, expected.statistic, 1e-6), "\(name) \(kind) statistic \(actual.statistic ?? .nan) vs \(expected.statistic)")
            #expect(close(actual.correctedStatistic, expected.correctedStatistic, 1e-6), "\(name) \(kind) corrected statistic")
            for (a, e) in zip(actual.df, expected.df) { #expect(close(a, e, 1e-6), "\(name) \(kind) df") }
            #expect(close(actual.pValue, expected.pValue, 1e-6), "\(name) \(kind) p \(actual.pValue ?? .nan) vs \(expected.pValue)")
        }
    }
}
