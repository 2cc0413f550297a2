import Foundation
@testable import SurveyCore
import SurveyIO
import Testing
import Weighting

/// Golden values written by `conformance/generate-weighting-goldens.R`: weights after
/// post-stratification, raking, calibration and trimming, and estimates with their
/// calibrated standard errors, from R's survey package.
struct WeightingGoldens: Decodable {
    struct Trim: Decodable {
        let lower: Double?
        let upper: Double?
        let strict: Bool
    }

    struct Weighting: Decodable {
        let method: String
        let targets: WeightingTargets?
        let bounds: [Double]?
        let trim: [Double]?
        let trimWeights: Trim?

        var spec: WeightingSpec {
            WeightingSpec(
                method: method == "none" ? nil : WeightingMethod(rawValue: method),
                targets: targets,
                bounds: bounds.map { WeightLimits(lower: $0[0], upper: $0[1]) },
                calibrationTrim: trim.map { WeightLimits(lower: $0[0], upper: $0[1]) },
                trimming: trimWeights.map {
                    WeightingSpec.Trimming(limits: WeightLimits(lower: $0.lower ?? -.infinity, upper: $0.upper ?? .infinity), strict: $0.strict)
                },
                maxIterations: method == "rake" ? 10 : nil)
        }
    }

    struct Case: Decodable {
        let name: String
        let data: String
        let weighting: Weighting
        let request: AnalysisRequest
        let weights: [Double]?
        let rows: [Goldens.Row]?
        let tests: [String: Goldens.Test]?
        let error: String?
        let rError: String?
    }

    let generator: String
    let cases: [Case]

    static let all: WeightingGoldens = {
        let data = try! Data(contentsOf: Goldens.fixtures.appendingPathComponent("weighting-goldens.json"))
        return try! JSONDecoder().decode(WeightingGoldens.self, from: data)
    }()
}

@Suite("Weighting equal to R's survey package")
struct WeightingConformanceTests {
    /// Every case as it comes and with every pass over respondents split into chunks of 16 rows.
    @Test("weighting golden case", arguments: WeightingGoldens.all.cases.map(\.name), [false, true])
    func goldenCase(_ name: String, chunked: Bool) throws {
        try RowChunks.$testChunkRows.withValue(chunked ? 16 : nil) {
            try checkGoldenCase(name)
        }
    }

    private func checkGoldenCase(_ name: String) throws {
        let golden = WeightingGoldens.all.cases.first { $0.name == name }!
        let dataset = try Goldens.dataset(golden.data)
        let base = try SurveyDesign(golden.request.design, dataset: dataset)

        if let expectedError = golden.error {
            #expect(golden.rError != nil && golden.rError != "no error", "R itself should fail")
            do {
                _ = try Calibrator.weight(base, dataset: dataset, spec: golden.weighting.spec)
                Issue.record("\(name): weighting should fail with '\(expectedError)'")
            } catch {
                #expect(error.message.contains(expectedError), "\(error.message)")
            }
            return
        }

        let outcome = try Calibrator.weight(base, dataset: dataset, spec: golden.weighting.spec)
        if let weights = golden.weights {
            try #require(weights.count == outcome.design.weights.count)
            for (i, (a, e)) in zip(outcome.design.weights, weights).enumerated() {
                #expect(close(a, e, 1e-9), "\(name): weight of respondent \(i + 1) \(a) vs \(e)")
            }
        }
        let result = try AnalysisEngine.run(golden.request, on: dataset, design: outcome.design)
        try expectRows(result, equal: golden.rows ?? [], case: name, allDesignEffects: false)
        if let tests = golden.tests {
            for kind in IndependenceTest.allCases {
                guard let expected = tests[kind.rawValue] else { continue }
                var request = golden.request
                request.crosstab?.test = kind
                let actual = try #require(try AnalysisEngine.run(request, on: dataset, design: outcome.design).tests.first)
                #expect(close(actual.statistic, expected.statistic, 1e-6), "\(name) \(kind) statistic \(actual.statistic ?? .nan) vs \(expected.statistic)")
                #expect(close(actual.correctedStatistic, expected.correctedStatistic, 1e-6), "\(name) \(kind) corrected statistic")
                #expect(close(actual.pValue, expected.pValue, 1e-6), "\(name) \(kind) p \(actual.pValue ?? .nan) vs \(expected.pValue)")
            }
        }
    }
}
