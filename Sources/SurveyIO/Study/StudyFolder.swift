import Foundation
import Studies
import SurveyCore
import Weighting

/// A study on disk: the folder with `study.yaml`, and the loading of each wave's file (with
/// its codebook) and of its weighting targets, resolved against the folder.
public struct StudyFolder: Sendable {
    /// The folder.
    public let path: String
    /// The manifest's path.
    public let manifest: String
    public let study: Study

    /// Reads the study at `path`: a folder holding `study.yaml`, or the YAML file itself.
    /// - Throws: ``ReadError`` when the folder has no manifest or the manifest is malformed.
    public init(path: String) throws(ReadError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(.notFound, "Cannot find the study '\(path)'; give the folder that holds study.yaml (e.g. barometer-demo/study).")
        }
        if isDirectory.boolValue {
            self.path = path
            manifest = (path as NSString).appendingPathComponent("study.yaml")
            guard FileManager.default.fileExists(atPath: manifest) else {
                throw ReadError(.notFound, "The folder '\(path)' has no study.yaml; give the folder of a study (one with a study.yaml describing its waves).")
            }
        } else {
            manifest = path
            self.path = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        }
        study = try StudyYAML.read(path: manifest)
    }

    /// A path of the study, relative to its folder unless absolute.
    public func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : (path as NSString).appendingPathComponent(relative)
    }

    /// The data of `wave`: its file with its codebook applied.
    public func dataset(of wave: StudyWave, progress: ReadProgress? = nil) throws(ReadError) -> Dataset {
        let file = resolve(wave.file)
        let document = try wave.codebook.map { c throws(ReadError) in try CodebookYAML.read(path: resolve(c)) }
        let data = try DatasetLoader.load(path: file, progress: progress)
        guard let document else { return data }
        return try CodebookMerger.apply(document, to: data, dataName: file)
    }

    /// The wave as the pipeline takes it: its data, its design, and its weighting with the
    /// targets file read and its levels named by code.
    /// - Throws: ``ReadError`` for a file that does not read, ``SurveyCore/SurveyError`` for
    ///   targets that do not fit the data.
    public func input(of wave: StudyWave) throws -> WaveInput {
        let dataset = try self.dataset(of: wave)
        return WaveInput(dataset: dataset, design: wave.design, weighting: try weighting(of: wave, dataset: dataset))
    }

    /// The weighting study.yaml gives `wave`, its targets read and keyed by code (nil when the
    /// wave is analysed with its stored weights).
    public func weighting(of wave: StudyWave, dataset: Dataset) throws -> WeightingSpec? {
        guard let weighting = wave.weighting else { return nil }
        let targets = try WeightingTargetsYAML.read(path: resolve(weighting.targets))
        do {
            return WeightingSpec(
                method: weighting.method, targets: try targets.keyedByCode(in: dataset), bounds: weighting.bounds,
                trimming: weighting.trim.map { WeightingSpec.Trimming(limits: $0) })
        } catch {
            throw error.prefixed("Wave '\(wave.id)', weighting to '\(weighting.targets)': ")
        }
    }

    /// `wave` read and prepared by the analysis pipeline (design compiled, calibrated).
    public func prepared(_ wave: StudyWave) throws -> PreparedWave {
        try AnalysisPipeline.prepare(try input(of: wave), wave: wave)
    }

    /// Runs `request` on the study through the analysis pipeline, each wave read once.
    public func run(_ request: AnalysisRequest) throws -> AnalysisResult {
        var cache: [String: PreparedWave] = [:]
        return try run(request, cache: &cache)
    }

    /// Runs `request`, reading waves not yet in `cache` (several requests share their waves).
    public func run(_ request: AnalysisRequest, cache: inout [String: PreparedWave]) throws -> AnalysisResult {
        var result = try AnalysisPipeline.run(request, study: study) { wave in
            if let hit = cache[wave.id] { return hit }
            let prepared = try self.prepared(wave)
            cache[wave.id] = prepared
            return prepared
        }
        result.provenance?.file = manifest
        return result
    }
}
