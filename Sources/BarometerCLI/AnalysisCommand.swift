import ArgumentParser
import Reports
import SurveyCore
import SurveyIO
import Studies
import Weighting

/// A verb that turns its flags into an ``AnalysisRequest``, runs it on a file and prints the
/// result: flags → request → load (with `--codebook`) → design (`--design-from-file`) →
/// the analysis pipeline (design, calibration, engine) → `ResultRenderer`, printed or written to
/// `--out` (an XLSX workbook only there).
protocol AnalysisCommand: BarometerVerb {
    /// The survey file to read.
    var file: String { get }
    var input: InputOptions { get }
    var design: DesignOptions { get }
    var calibration: CalibrationOptions { get }
    var output: OutputOptions { get }

    /// The request the parsed flags describe. `arguments` is the raw command line, which fixes
    /// the order of repeated flags that ArgumentParser collects separately.
    /// - Throws: `ValidationError` with one sentence when the flags do not make a request.
    func makeRequest(arguments: [String]?) throws -> AnalysisRequest
}

extension AnalysisCommand {
    /// Runs the analysis and writes the rendered result to `sink`.
    /// - Throws: `ValidationError`, ``ReadError`` or ``SurveyError``.
    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        var request = try makeRequest(arguments: arguments)
        let weighting = try calibration.spec()
        // The checksum of the file is shown only in JSON and in a workbook; hash it only then.
        let dataset: Dataset, provenance: Provenance?
        if output.chosenFormat == .json || output.chosenFormat == .xlsx {
            (dataset, provenance) = try input.loadWithProvenance(file, progress: progress)
        } else {
            (dataset, provenance) = (try input.load(file, progress: progress), nil)
        }
        if design.designFromFile {
            request.design = try design.spec(over: dataset.codebook.design, file: file)
        }
        var keyed = weighting
        keyed?.targets = try weighting?.targets?.keyedByCode(in: dataset)
        let wave = try AnalysisPipeline.prepare(WaveInput(dataset: dataset, design: request.design, weighting: keyed))
        var result = try Self.analyze(request, on: wave)
        if result.provenance == nil { result.provenance = provenance }
        try output.emit(result, into: &sink)
    }

    /// Runs the pipeline; a flag that does not fit the data (a `--reference` that is not a group
    /// of `--by`) is a usage error, like a malformed flag.
    /// - Throws: `ValidationError` or ``SurveyError``.
    static func analyze(_ request: AnalysisRequest, on wave: PreparedWave) throws -> AnalysisResult {
        do {
            return try AnalysisPipeline.analyze(request, on: wave)
        } catch {
            if error.field == .reference || error.field == .differences { throw ValidationError(error.message) }
            throw error
        }
    }

    /// Checks the flags while parsing, so that a bad flag is a usage error.
    func validate() throws {
        _ = try makeRequest(arguments: nil)
    }
}
