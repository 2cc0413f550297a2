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
            translations that --codebook reads back. --format xlsx writes the csv listing as a \
            workbook (headers in --lang) to --out.

            Examples:
              barometer codebook wave12.sav --lang ru
              barometer codebook wave12.csv --codebook wave12.yaml --format json
              barometer codebook wave12.sav --format yaml > wave12.yaml
              barometer codebook wave12.sav --lang kk --format xlsx --out wave12-codebook.xlsx
            """)

    /// What `codebook` prints.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, json, markdown, csv, yaml, xlsx
    }

    @Argument(help: ArgumentHelp("The survey file.", valueName: "file"))
    var file: String

    @OptionGroup(title: "Input")
    var input: InputOptions

    @Option(help: "Output format (default: table, or xlsx when --out ends in .xlsx).")
    var format: Format?

    @Option(name: .customLong("lang"),
            help: ArgumentHelp("Language of labels and headings as a BCP 47 tag (headings: en, ru, kk).", valueName: "language"))
    var language: String = "en"

    @Option(help: ArgumentHelp("Write the output to this file (whole or not at all) instead of printing it.", valueName: "file"))
    var out: String?

    /// The format asked for, or the one `--out`'s extension implies.
    var chosenFormat: Format {
        format ?? (out.map(OutputOptions.namesWorkbook) == true ? .xlsx : .table)
    }

    func validate() throws {
        try OutputOptions.check(format: format?.rawValue, out: out)
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let dataset = try input.load(file, progress: progress)
        let output: ResultFormat
        switch chosenFormat {
        case .yaml:
            try OutputOptions.write(try CodebookYAML.string(for: dataset), to: out, into: &sink)
            return
        case .table: output = .table
        case .json: output = .json
        case .markdown: output = .markdown
        case .csv: output = .csv
        case .xlsx: output = .xlsx
        }
        let renderer = CodebookRenderer(language: language)
        let summary = CodebookSummary(dataset, file: file)
        try OutputOptions.emit(format: output, out: out, text: { renderer.render(summary, as: $0) },
                               workbook: { renderer.workbook(summary) }, into: &sink)
    }
}
