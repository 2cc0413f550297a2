import Foundation
@testable import SurveyCore
import SurveyIO
import Testing

/// Differences between the groups of one sample (`--differences`, `--reference`) against R's
/// survey package (`svycontrast` on `svyby(..., covmat = TRUE)`): goldens written by
/// `conformance/generate-difference-goldens.R`.
@Suite("Differences between groups equal R's survey package")
struct DifferenceConformanceTests {
    struct Golden: Decodable {
        struct Row: Decodable {
            let variable: String
            let of: String
            let group: [String: String]
            let reference: [String: String]
            let level: String?
            let estimate: Double
            let standardError: Double
            let ciLower: Double
            let ciUpper: Double
            let pValue: Double
            let df: Int
            let groupEstimate: Double
            let referenceEstimate: Double
        }
        struct Case: Decodable {
            let name: String
            let data: String
            let request: AnalysisRequest
            let rows: [Row]
        }
        let generator: String
        let cases: [Case]

        static let all: Golden = {
            let data = try! Data(contentsOf: Goldens.fixtures.appendingPathComponent("difference-goldens.json"))
            return try! JSONDecoder().decode(Golden.self, from: data)
        }()
    }

    @Test("golden case", arguments: Golden.all.cases.map(\.name))
    func goldenCase(_ name: String) throws {
        let golden = try #require(Golden.all.cases.first { $0.name == name })
        let result = try AnalysisEngine.run(golden.request, on: try Goldens.dataset(golden.data))
        let differences = result.rows.filter { $0.statistic == .difference }
        // Exactly the rows R has: no pair or level more, none less.
        #expect(differences.count == golden.rows.count, "\(name): \(differences.count) difference rows, R has \(golden.rows.count)")
        for expected in golden.rows {
            let label = "\(name): \(expected.group) − \(expected.reference) \(expected.level ?? "")"
            let matches = differences.filter { row in
                func entries(_ d: Domain?) -> [String: String] { Dictionary(uniqueKeysWithValues: (d?.entries ?? []).map { ($0.variable, $0.value) }) }
                return row.variable == expected.variable && row.level == expected.level
                    && entries(row.difference?.group) == expected.group && entries(row.difference?.reference) == expected.reference
            }
            try #require(matches.count == 1, "\(label): \(matches.count) matching rows")
            let row = matches[0]
            let difference = try #require(row.difference)
            #expect(difference.of.rawValue == expected.of, "\(label) of")
            #expect(close(row.estimate, expected.estimate, 1e-9), "\(label) estimate \(row.estimate ?? .nan) vs \(expected.estimate)")
            #expect(close(difference.groupEstimate, expected.groupEstimate, 1e-9), "\(label) group estimate")
            #expect(close(difference.referenceEstimate, expected.referenceEstimate, 1e-9), "\(label) reference estimate")
            #expect(close(row.standardError, expected.standardError, 1e-6), "\(label) SE \(row.standardError ?? .nan) vs \(expected.standardError)")
            #expect(close(row.ci?.lower, expected.ciLower, 1e-6), "\(label) CI lower \(row.ci?.lower ?? .nan) vs \(expected.ciLower)")
            #expect(close(row.ci?.upper, expected.ciUpper, 1e-6), "\(label) CI upper \(row.ci?.upper ?? .nan) vs \(expected.ciUpper)")
            #expect(close(difference.pValue, expected.pValue, 1e-6), "\(label) p \(difference.pValue ?? .nan) vs \(expected.pValue)")
            #expect(row.degreesOfFreedom == expected.df, "\(label) df")
            // The row's domain names both groups for every renderer.
            let variable = try #require(expected.group.keys.first)
            #expect(row.domain[variable] == "\(expected.group[variable]!) − \(expected.reference[variable]!)", "\(label) domain")
        }
    }

    /// The covariance matters: in a cluster sample the SE of a difference is not the
    /// independent-samples √(SE₁² + SE₂²) that a change between waves uses.
    @Test func covarianceIsAccountedFor() throws {
        let golden = try #require(Golden.all.cases.first { $0.name == "clus1-mean-stype-pairs" })
        let result = try AnalysisEngine.run(golden.request, on: try Goldens.dataset(golden.data))
        let row = try #require(result.rows.first { $0.statistic == .difference })
        let difference = try #require(row.difference)
        let se = { (domain: Domain) in result.rows.first { $0.statistic == .mean && $0.domain == domain }?.standardError ?? .nan }
        let independent = (pow(se(difference.group), 2) + pow(se(difference.reference), 2)).squareRoot()
        #expect(!close(row.standardError, independent, 1e-3), "SE \(row.standardError ?? .nan) equals the independent \(independent)")
    }
}
