import ArgumentParser
import Reports

/// How a verb prints its result.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Option(name: .customLong("lang"),
            help: ArgumentHelp("Language of value labels and headings as a BCP 47 tag (headings: en, ru).", valueName: "language"))
    var language: String = "en"
}
