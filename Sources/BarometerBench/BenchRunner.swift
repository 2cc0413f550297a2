import Foundation
import SurveyCore
import SurveyIO
import Weighting

/// Runs operations in this process: each `repetitions` times on the same data, timing only the
/// call into the engine (the design an analysis uses is built beforehand, untimed, and passed
/// in, so the design build is timed once, as its own operation).
struct BenchRunner {
    /// The data of the compute operations (nil when only files are loaded).
    var dataset: Dataset?
    var repetitions: Int
    /// The CSV and .sav files of the load operations.
    var csvPath: String?
    var savPath: String?
    /// Where the JSON result of every engine operation goes, if anywhere.
    var resultsDirectory: String?

    func measure(_ operation: BenchOperation) throws -> BenchMeasurement {
        var seconds: [Double] = []
        switch operation {
        case .loadCSV, .loadSAV:
            guard let path = operation == .loadCSV ? csvPath : savPath else {
                throw BenchError("No file to time \(operation.rawValue) on; run without --child, or give --files.")
            }
            let baseline = BenchMeasurement.peakRSSMB()
            for _ in 0..<repetitions {
                seconds.append(try BenchMeasurement.time {
                    let loaded = try DatasetLoader.load(path: path)
                    keep(loaded.rowCount)
                })
            }
            return BenchMeasurement(operation: operation, seconds: seconds, baselineRSSMB: baseline)
        case .design:
            let dataset = try data(for: operation)
            let baseline = BenchMeasurement.peakRSSMB()
            for _ in 0..<repetitions {
                seconds.append(try BenchMeasurement.time {
                    let design = try SurveyDesign(SyntheticSurvey.design, dataset: dataset)
                    keep(design.degreesOfFreedom)
                })
            }
            return BenchMeasurement(operation: operation, seconds: seconds, baselineRSSMB: baseline)
        case .rake:
            let dataset = try data(for: operation)
            let design = try SurveyDesign(SyntheticSurvey.design, dataset: dataset)
            let baseline = BenchMeasurement.peakRSSMB()
            var last: Calibrator.Outcome?
            for _ in 0..<repetitions {
                seconds.append(try BenchMeasurement.time {
                    let outcome = try Calibrator.weight(design, dataset: dataset, spec: BenchOperation.rakingSpec)
                    keep(outcome.diagnostics.iterations)
                    last = outcome
                })
            }
            if let last { try save(RakingSummary(last), as: operation) }
            return BenchMeasurement(operation: operation, seconds: seconds, baselineRSSMB: baseline)
        case .proportions, .proportionsByAge, .crosstab, .meanByDistrict, .meanWhole:
            let dataset = try data(for: operation)
            let request = operation.request!
            let design = try SurveyDesign(request.design, dataset: dataset)
            let baseline = BenchMeasurement.peakRSSMB()
            var last: AnalysisResult?
            for _ in 0..<repetitions {
                seconds.append(try BenchMeasurement.time {
                    let result = try AnalysisEngine.run(request, on: dataset, design: design)
                    keep(result.rows.count)
                    last = result
                })
            }
            if let last { try save(last, as: operation) }
            return BenchMeasurement(operation: operation, seconds: seconds, baselineRSSMB: baseline)
        }
    }

    private func data(for operation: BenchOperation) throws -> Dataset {
        guard let dataset else { throw BenchError("No data to time \(operation.rawValue) on.") }
        return dataset
    }

    /// Writes `value` as JSON to `resultsDirectory/OPERATION.json`, when a folder was given.
    private func save<T: Encodable>(_ value: T, as operation: BenchOperation) throws {
        guard let resultsDirectory else { return }
        try FileManager.default.createDirectory(atPath: resultsDirectory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let path = (resultsDirectory as NSString).appendingPathComponent(operation.rawValue + ".json")
        try encoder.encode(value).write(to: URL(fileURLWithPath: path))
    }
}

/// What the raking operation writes for checking: iterations and a summary of the weights.
struct RakingSummary: Codable {
    var iterations: Int
    var converged: Bool
    var largestRelativeError: Double
    var weightSum: Double
    var minimum: Double
    var maximum: Double

    init(_ outcome: Calibrator.Outcome) {
        let w = outcome.design.weights
        iterations = outcome.diagnostics.iterations
        converged = outcome.diagnostics.converged
        largestRelativeError = outcome.diagnostics.largestRelativeError
        weightSum = w.reduce(0, +)
        minimum = w.min() ?? 0
        maximum = w.max() ?? 0
    }
}

/// Hands a value to a function the optimiser cannot see through, so that timed work whose
/// result is otherwise unused is not removed.
@_optimize(none)
func keep<T>(_ value: T) {}
