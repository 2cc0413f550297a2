import ArgumentParser
import SurveyCore
import SurveyIO

/// `barometer convert`: reads a survey file (with `--codebook`) and writes it in the format
/// its output name says; a CSV output gets its labels in a sidecar `.codebook.yaml`.
struct Convert: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a survey file to CSV (with a YAML codebook beside it), SPSS or Stata.",
        discussion: """
            The output's extension picks the format: .csv writes the stored codes and, when the \
            data has labels, NAME.codebook.yaml beside it; .sav, .zsav and .dta write SPSS and \
            Stata files. Files are written whole or not at all, and never over the input.

            Examples:
              barometer convert wave12.sav wave12.csv
              barometer convert wave12.csv wave12.sav --codebook wave12.yaml
            """)

    @Argument(help: ArgumentHelp("The survey file to read.", valueName: "input"))
    var source: String

    @Argument(help: ArgumentHelp("The file to write: .csv, .sav, .zsav or .dta.", valueName: "output"))
    var destination: String

    @OptionGroup(title: "Input")
    var input: InputOptions

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        try DatasetWriter.check(output: destination, input: source)
        let dataset = try input.load(source, progress: progress)
        let written = try DatasetWriter.write(dataset, to: destination, input: source)
        let files = written.map { "'\($0)'" }.joined(separator: " and ")
        sink.write("Wrote \(files): \(dataset.rowCount) respondents, \(dataset.columns.count) variables.\n")
    }
}
