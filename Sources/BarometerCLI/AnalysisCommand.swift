import ArgumentParser
import Reports
import SurveyCore
import SurveyIO

/// A verb that turns its flags into an ``AnalysisRequest``, runs it on a file and prints the
/// result: flags → request → `DatasetLoader.load` → `AnalysisEngine.run` → `ResultRenderer`.
protocol AnalysisCommand: ParsableCommand {
    /// The survey file to read.
    var file: String { get }
    var output: OutputOptions { get }

    /// The request the parsed flags describe. `arguments` is the raw command line, which fixes
    /// the order of repeated flags that ArgumentParser collects separately.
    /// - Throws: `ValidationError` with one sentence when the flags do not make a request.
    func makeRequest(arguments: [String]?) throws -> AnalysisRequest
}

extension AnalysisCommand {
    /// Runs the analysis and writes the rendered result to `sink`.
    /// - Throws: `ValidationError`, ``ReadError`` or ``SurveyError``.
    func execute(arguments: [String], into sink: inout CommandOutput) throws {
        let request = try makeRequest(arguments: arguments)
        let dataset = try DatasetLoader.load(path: file)
        var result = try AnalysisEngine.run(request, on: dataset)
        if result.request == nil { result.request = request }
        if result.provenance == nil { result.provenance = try FileFingerprint.provenance(path: file) }
        sink.write(ResultRenderer(language: output.language).render(result, as: output.format))
    }

    /// Checks the flags while parsing, so that a bad flag is a usage error.
    func validate() throws {
        _ = try makeRequest(arguments: nil)
    }

    /// Used only when a verb is run through ArgumentParser's own `main()`; the `barometer`
    /// executable goes through ``BarometerCLI/run(_:)``.
    mutating func run() throws {
        var sink = CommandOutput()
        try execute(arguments: Array(CommandLine.arguments.dropFirst()), into: &sink)
        print(sink.standardOutput, terminator: "")
    }
}
