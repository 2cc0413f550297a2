import SurveyCore
import Weighting

/// The one analysis pipeline (DESIGN.md §3): a wave source gives dataset + design + weighting
/// targets; the pipeline compiles the design, calibrates it, runs the engine, and for a trend
/// repeats that over waves and adds the changes between them. The command line (`estimate`,
/// `crosstab`, `trend`, `chart`, `report`) and the server all call it, so for the same request
/// on the same data they print the same numbers.
///
/// ```
/// WaveInput ──prepare──▶ PreparedWave ──AnalysisEngine──▶ AnalysisResult
///  (source)   design → calibration        one wave, or TrendAnalysis over waves
/// ```
///
/// Pure: sources do the reading (`StudyFolder` in SurveyIO, the store in the server).
public enum AnalysisPipeline {
    /// Compiles the wave's design and applies its weighting (targets matched by code).
    /// - Throws: ``SurveyError``: a design that does not fit the data, targets that do not fit,
    ///   a calibration that fails.
    public static func prepare(_ input: WaveInput) throws(SurveyError) -> PreparedWave {
        let base = try SurveyDesign(input.design, dataset: input.dataset)
        guard let weighting = input.weighting else { return PreparedWave(dataset: input.dataset, design: base) }
        let outcome = try Calibrator.weight(base, dataset: input.dataset, spec: weighting, language: nil)
        return PreparedWave(dataset: input.dataset, design: outcome.design)
    }

    /// Runs a request that is not a trend on one prepared wave (a file, or a wave of a study).
    /// The request's design is the wave's: a request naming another design is refused.
    public static func analyze(_ request: AnalysisRequest, on wave: PreparedWave) throws(SurveyError) -> AnalysisResult {
        var request = request
        if request.design != wave.design.spec {
            guard request.design == DesignSpec() else {
                throw SurveyError(.invalidRequest, "The request names its own design (weights '\(request.design.weights ?? "none")'), but the wave is analysed with its own design; leave the design out of the request.", field: .weight, value: request.design.weights)
            }
            request.design = wave.design.spec
        }
        var result = try AnalysisEngine.run(request, on: wave.dataset, design: wave.design)
        if result.request == nil { result.request = request }
        return result
    }

    /// Runs `request` on `study`: the trend of a concept (`request.trend`) or one wave
    /// (`request.wave`), loading and preparing each wave through `wave`.
    /// - Throws: ``SurveyError`` for a request the study cannot answer, or whatever `wave` throws.
    public static func run(
        _ request: AnalysisRequest, study: Study, wave: (StudyWave) throws -> PreparedWave
    ) throws -> AnalysisResult {
        if request.trend != nil { return try TrendAnalysis.run(request, study: study, data: wave) }
        guard let id = request.wave else {
            throw SurveyError(.invalidRequest, "The request names neither a concept nor a wave; add \(parameter: .concept, "ID") for a trend or \(parameter: .wave, "ID") for one wave.", field: .wave)
        }
        guard let stored = study.wave(id) else {
            throw SurveyError(.invalidRequest, "The study has no wave '\(id)'; its waves are \(study.waves.map(\.id).joined(separator: ", ")).", field: .wave, value: id)
        }
        do {
            var result = try analyze(request, on: try wave(stored))
            result.provenance = Provenance(study: study.title.text(in: request.options.language), wave: id)
            if study.simulated {
                result.warnings.insert(TrendAnalysis.simulatedWarning, at: 0)
            }
            return result
        } catch let error as SurveyError where error.field == nil {
            throw error.prefixed("Wave '\(id)': ")
        }
    }

    /// Prepares one wave of a study, naming the wave and its weighting in any error.
    public static func prepare(_ input: WaveInput, wave: StudyWave) throws(SurveyError) -> PreparedWave {
        do {
            return try prepare(input)
        } catch {
            let weighting = wave.weighting.map { ", weighting to '\($0.targets)'" } ?? ""
            throw error.prefixed("Wave '\(wave.id)'\(weighting): ")
        }
    }
}
