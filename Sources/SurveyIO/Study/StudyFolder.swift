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

    /// The data of `wave` and, when the study weights it when analysed, its calibrated design.
    public func waveData(_ wave: StudyWave, language: String = "en") throws -> TrendAnalysis.WaveData {
        let dataset = try self.dataset(of: wave)
        guard let weighting = wave.weighting else { return TrendAnalysis.WaveData(dataset: dataset) }
        let targets = try WeightingTargetsYAML.read(path: resolve(weighting.targets))
        let base = try SurveyDesign(wave.design, dataset: dataset)
        let spec = WeightingSpec(
            method: weighting.method, targets: targets, bounds: weighting.bounds,
            trimming: weighting.trim.map { WeightingSpec.Trimming(limits: $0) })
        do {
            let outcome = try Calibrator.weight(base, dataset: dataset, spec: spec, language: language)
            return TrendAnalysis.WaveData(dataset: dataset, design: outcome.design)
        } catch {
            throw SurveyError(error.kind, "Wave '\(wave.id)', weighting to '\(weighting.targets)': \(error.message)")
        }
    }
}
