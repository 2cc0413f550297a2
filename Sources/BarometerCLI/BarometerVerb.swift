import ArgumentParser

/// A verb of `barometer`: parsed by ArgumentParser, run by ``BarometerCLI`` against collected
/// output so that tests read what it prints.
protocol BarometerVerb: ParsableCommand {
    /// Runs the verb. `arguments` is the raw command line (some verbs read the order of
    /// repeated flags from it); `progress` draws a bar while a file loads.
    /// - Throws: `ValidationError`, ``ReadError`` or ``SurveyError``.
    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws
}

extension BarometerVerb {
    /// Used only when a verb is run through ArgumentParser's own `main()`; the `barometer`
    /// executable goes through ``BarometerCLI/run(_:)``.
    mutating func run() throws {
        var sink = CommandOutput()
        try execute(arguments: Array(CommandLine.arguments.dropFirst()), into: &sink, progress: .standardError())
        print(sink.standardOutput, terminator: "")
    }
}
