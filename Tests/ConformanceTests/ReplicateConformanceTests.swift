import Foundation
@testable import SurveyCore
import SurveyIO
import Testing
import Weighting

/// Golden values for replicate-weight designs, written by
/// `conformance/generate-replicate-goldens.R` with R's `svrepdesign` on replicate weights that
/// R's `as.svrepdesign` made (JK1, JKn, BRR, Fay, bootstrap; the same columns read as
/// successive-difference and "other" replicates, and JKn with `mse = TRUE`).
struct ReplicateGoldens: Decodable {
    struct Difference: Decodable {
        let group: String
        let reference: String
        let estimate: Double
        let standardError: Double
        let ciLower: Double
        let ciUpper: Double
        let pValue: Double
    }

    struct DifferenceCase: Decodable {
        let name: String
        let data: String
        let request: AnalysisRequest
        let rows: [Difference]
    }

    struct Value: Decodable {
        let estimate: Double
        let standardError: Double
    }

    struct CalibratedCase: Decodable {
        let name: String
        let design: DesignSpec
        let method: String
        let mean: Value
        let proportionYes: Value
    }

    struct Quantile: Decodable {
        let probability: Double
        let estimate: Double
        let ciLower: Double
        let ciUpper: Double
        let standardError: Double
    }

    struct QuantileCase: Decodable {
        let name: String
        let design: DesignSpec
        let rows: [Quantile]
    }

    let cases: [Goldens.Case]
    let differences: [DifferenceCase]
    let calibrated: [CalibratedCase]
    let quantiles: [QuantileCase]

    static let all: ReplicateGoldens = {
        let data = try! Data(contentsOf: Goldens.fixtures.appendingPathComponent("replicate-goldens.json"))
        return try! JSONDecoder().decode(ReplicateGoldens.self, from: data)
    }()

    static let dataset: Dataset = try! Goldens.dataset("apistrat-replicates.csv")
}

@Suite("Replicate-weight designs equal R's svrepdesign")
struct ReplicateConformanceTests {
    @Test("golden case", arguments: ReplicateGoldens.all.cases.map(\.name), [false, true])
    func goldenCase(_ name: String, chunked: Bool) throws {
        let golden = ReplicateGoldens.all.cases.first { $0.name == name }!
        try RowChunks.$testChunkRows.withValue(chunked ? 16 : nil) {
            let result = try AnalysisEngine.run(golden.request, on: ReplicateGoldens.dataset)
            #expect(result.design.replicates?.type == golden.request.design.replicateWeights?.type)
            if let rows = golden.rows {
                #expect(!rows.isEmpty)
                try expectRows(result, equal: rows, case: name, allDesignEffects: false)
            }
            guard golden.tests != nil else { return }
            for kind in IndependenceTest.allCases {
                var request = golden.request
                request.crosstab?.test = kind
                let result = try AnalysisEngine.run(request, on: ReplicateGoldens.dataset)
                let expected = try #require(golden.tests?[kind.rawValue])
                let actual = try #require(result.tests.first)
                #expect(actual.name == expected.name)
                #expect(close(actual.statistic, expected.statistic, 1e-6), "\(name) \(kind) statistic \(actual.statistic ?? .nan) vs \(expected.statistic)")
                #expect(close(actual.correctedStatistic, expected.correctedStatistic, 1e-6), "\(name) \(kind) corrected statistic")
                #expect(actual.df.count == expected.df.count)
                for (a, e) in zip(actual.df, expected.df) { #expect(close(a, e, 1e-6), "\(name) \(kind) df \(a) vs \(e)") }
                #expect(close(actual.pValue, expected.pValue, 1e-6), "\(name) \(kind) p \(actual.pValue ?? .nan) vs \(expected.pValue)")
            }
        }
    }

    @Test("differences between groups", arguments: ReplicateGoldens.all.differences.map(\.name))
    func differences(_ name: String) throws {
        let golden = ReplicateGoldens.all.differences.first { $0.name == name }!
        let result = try AnalysisEngine.run(golden.request, on: ReplicateGoldens.dataset)
        for expected in golden.rows {
            let row = try #require(result.rows.first {
                $0.statistic == .difference && $0.difference?.group["stype"] == expected.group && $0.difference?.reference["stype"] == expected.reference
            })
            #expect(close(row.estimate, expected.estimate, 1e-9), "\(name) \(expected.group)-\(expected.reference)")
            #expect(close(row.standardError, expected.standardError, 1e-6), "\(name) SE \(row.standardError ?? .nan) vs \(expected.standardError)")
            #expect(close(row.ci?.lower, expected.ciLower, 1e-6))
            #expect(close(row.ci?.upper, expected.ciUpper, 1e-6))
            #expect(close(row.difference?.pValue, expected.pValue, 1e-6))
        }
    }

    @Test("calibration redone on every replicate", arguments: ReplicateGoldens.all.calibrated.map(\.name))
    func calibrated(_ name: String) throws {
        let golden = ReplicateGoldens.all.calibrated.first { $0.name == name }!
        let dataset = ReplicateGoldens.dataset
        let targets = WeightingTargets(margins: [WeightingTargets.Margin(variable: "stype", targets: [
            .init(level: "E", value: 4421), .init(level: "H", value: 755), .init(level: "M", value: 1018)])])
        let method: WeightingMethod = golden.method == "poststratify" ? .poststratify : golden.method == "linear" ? .linear : .raking
        let outcome = try Calibrator.weight(try SurveyDesign(golden.design, dataset: dataset), dataset: dataset,
                                            spec: WeightingSpec(method: method, targets: targets))
        let request = AnalysisRequest(design: golden.design, measures: [Measure(.mean, "api00"), Measure(.proportion, "sch.wide")])
        let result = try AnalysisEngine.run(request, on: dataset, design: outcome.design)
        let mean = try #require(result.rows.first { $0.statistic == .mean })
        #expect(close(mean.estimate, golden.mean.estimate, 1e-9), "\(name) mean \(mean.estimate ?? .nan) vs \(golden.mean.estimate)")
        #expect(close(mean.standardError, golden.mean.standardError, 1e-6), "\(name) SE \(mean.standardError ?? .nan) vs \(golden.mean.standardError)")
        let yes = try #require(result.rows.first { $0.statistic == .proportion && $0.level == "Yes" })
        #expect(close(yes.estimate, golden.proportionYes.estimate, 1e-9))
        #expect(close(yes.standardError, golden.proportionYes.standardError, 1e-6), "\(name) SE(Yes) \(yes.standardError ?? .nan) vs \(golden.proportionYes.standardError)")
    }

    @Test("quantiles", arguments: ReplicateGoldens.all.quantiles.map(\.name))
    func quantiles(_ name: String) throws {
        let golden = ReplicateGoldens.all.quantiles.first { $0.name == name }!
        let measure = Measure.quantiles("api00", probabilities: [0.25, 0.5])
        let result = try AnalysisEngine.run(AnalysisRequest(design: golden.design, measures: [measure]), on: ReplicateGoldens.dataset)
        for expected in golden.rows {
            let row = try #require(result.rows.first { $0.level == "\(expected.probability)" })
            #expect(close(row.estimate, expected.estimate, 1e-9))
            #expect(close(row.ci?.lower, expected.ciLower, 1e-6), "\(name) \(expected.probability) lower \(row.ci?.lower ?? .nan) vs \(expected.ciLower)")
            #expect(close(row.ci?.upper, expected.ciUpper, 1e-6), "\(name) \(expected.probability) upper \(row.ci?.upper ?? .nan) vs \(expected.ciUpper)")
            #expect(close(row.standardError, expected.standardError, 1e-6), "\(name) \(expected.probability) SE")
        }
    }
}
