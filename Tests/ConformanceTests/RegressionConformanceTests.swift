import Foundation
@testable import SurveyCore
import SurveyIO
import Testing
import Weighting

/// Design-based regression (`barometer regress`) against R's `svyglm`: goldens written by
/// `conformance/generate-regression-goldens.R` — linearization with strata, clusters, two
/// stages, a domain, post-stratification, and JK1 replicate weights.
@Suite("Regression equal to R's svyglm")
struct RegressionConformanceTests {
    struct Golden: Decodable {
        struct Row: Decodable {
            let name: String
            let estimate: Double
            let standardError: Double
            let tValue: Double
            let pValue: Double
            let ciLower: Double
            let ciUpper: Double
            let df: Int
        }
        struct Test: Decodable {
            let term: String
            let statistic: Double
            let df: Int
            let ddf: Int
            let pValue: Double
        }
        struct Replicates: Decodable {
            let type: String
            let columns: [String]
            let scale: Double
            let rscales: [Double]
            let mse: Bool
        }
        struct Case: Decodable {
            let name: String
            let data: String
            let request: AnalysisRequest
            let rows: [Row]
            let tests: [Test]
            let weighting: WeightingGoldens.Weighting?
            let replicates: Replicates?
        }
        let generator: String
        let cases: [Case]

        static let all: Golden = {
            let data = try! Data(contentsOf: Goldens.fixtures.appendingPathComponent("regression-goldens.json"))
            return try! JSONDecoder().decode(Golden.self, from: data)
        }()
    }

    /// The design of a case: compiled, then weighted or given replicate weights as in R.
    static func design(_ golden: Golden.Case, dataset: Dataset) throws -> SurveyDesign {
        var design = try SurveyDesign(golden.request.design, dataset: dataset)
        if let weighting = golden.weighting {
            design = try Calibrator.weight(design, dataset: dataset, spec: weighting.spec).design
        }
        if let spec = golden.replicates {
            let columns = try spec.columns.map { name throws -> [Double] in
                guard case .numeric(let v) = try dataset.column(name).values else { throw SurveyError(.invalidData, "not numeric") }
                return v
            }
            var values = [Double](repeating: 0, count: dataset.rowCount * columns.count)
            for i in 0..<dataset.rowCount { for r in columns.indices { values[i * columns.count + r] = columns[r][i] } }
            design.replicates = try ReplicateWeights(
                type: ReplicateType(rawValue: spec.type)!, count: columns.count, values: values, scale: spec.scale,
                rscales: spec.rscales, mse: spec.mse, columns: spec.columns)
        }
        return design
    }

    @Test("golden case", arguments: Golden.all.cases.map(\.name))
    func goldenCase(_ name: String) throws {
        let golden = try #require(Golden.all.cases.first { $0.name == name })
        let dataset = try Goldens.dataset(golden.data)
        let result = try AnalysisEngine.run(golden.request, on: dataset, design: try Self.design(golden, dataset: dataset))
        let rows = result.rows.filter { $0.statistic == .coefficient }
        #expect(rows.map(\.variable) == golden.rows.map(\.name), "\(name): coefficients \(rows.map(\.variable))")
        for (row, expected) in zip(rows, golden.rows) {
            let label = "\(name): \(expected.name)"
            #expect(close(row.estimate, expected.estimate, 1e-7), "\(label) estimate \(row.estimate ?? .nan) vs \(expected.estimate)")
            #expect(close(row.standardError, expected.standardError, 1e-6), "\(label) SE \(row.standardError ?? .nan) vs \(expected.standardError)")
            #expect(close(row.coefficient?.tValue, expected.tValue, 1e-6), "\(label) t \(row.coefficient?.tValue ?? .nan) vs \(expected.tValue)")
            #expect(close(row.coefficient?.pValue, expected.pValue, 1e-6), "\(label) p \(row.coefficient?.pValue ?? .nan) vs \(expected.pValue)")
            #expect(close(row.ci?.lower, expected.ciLower, 1e-6), "\(label) CI lower \(row.ci?.lower ?? .nan) vs \(expected.ciLower)")
            #expect(close(row.ci?.upper, expected.ciUpper, 1e-6), "\(label) CI upper \(row.ci?.upper ?? .nan) vs \(expected.ciUpper)")
            #expect(row.degreesOfFreedom == expected.df, "\(label) df \(row.degreesOfFreedom ?? -1) vs \(expected.df)")
        }
        #expect(result.tests.map(\.description) == golden.tests.map(\.term), "\(name): tests \(result.tests.map(\.description))")
        for (test, expected) in zip(result.tests, golden.tests) {
            let label = "\(name): Wald test of \(expected.term)"
            #expect(test.name == "wald")
            #expect(close(test.statistic, expected.statistic, 1e-6), "\(label) F \(test.statistic ?? .nan) vs \(expected.statistic)")
            #expect(test.df == [Double(expected.df), Double(expected.ddf)], "\(label) df \(test.df)")
            #expect(close(test.pValue, expected.pValue, 1e-6), "\(label) p \(test.pValue ?? .nan) vs \(expected.pValue)")
        }
    }

    /// Odds ratios are exp of the coefficient and of its interval's ends.
    @Test func oddsRatios() throws {
        let golden = try #require(Golden.all.cases.first { $0.name == "strat binomial sch.wide ~ ell + stype" })
        var request = golden.request
        request.regression?.oddsRatios = true
        let result = try AnalysisEngine.run(request, on: try Goldens.dataset(golden.data))
        for (row, expected) in zip(result.rows, golden.rows) {
            #expect(close(row.coefficient?.oddsRatio, exp(expected.estimate), 1e-7))
            #expect(close(row.coefficient?.oddsRatioLower, exp(expected.ciLower), 1e-6))
            #expect(close(row.coefficient?.oddsRatioUpper, exp(expected.ciUpper), 1e-6))
        }
    }
}
