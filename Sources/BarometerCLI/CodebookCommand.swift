import ArgumentParser
import Reports
import SurveyCore
import SurveyIO

/// `barometer codebook`: what a survey file holds — every variable with its label, type, value
/// labels, missing codes and counts, and the file's label, documents, sets and stored design.
struct CodebookCommand: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "List the variables of a survey file with their labels, codes, missing values and counts.",
        discussion: """
            --format yaml writes the codebook as YAML: a starting point for labels and \
            translations that --codebook reads back.

            Examples:
              barometer codebook wave12.sav --lang ru
              barometer codebook wave12.csv --codebook wave12.yaml --format json
              barometer codebook wave12.sav --format yaml > wave12.yaml
            """)

    /// What `codebook` prints.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, json, markdown, csv, yaml
    }

    @Argument(help: ArgumentHelp("The survey file.", valueName: "file"))
    var file: String

    @OptionGroup(title: "Input")
    var input: InputOptions

    @Option(help: "Output format.")
    var format: Format = .table

    @Option(name: .customLong("lang"),
            help: ArgumentHelp("Language of labels and headings as a BCP 47 tag (headings: en, ru).", valueName: "language"))
    var language: String = "en"

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let dataset = try input.load(file, progress: progress)
        let output: OutputFormat
        switch format {
        case .yaml:
            sink.write(try CodebookYAML.string(for: dataset))
            return
        case .table: output = .table
        case .json: output = .json
        case .markdown: output = .markdown
        case .csv: output = .csv
        }
        sink.write(CodebookRenderer(language: language).render(CodebookSummary(dataset, file: file), as: output))
    }
}
