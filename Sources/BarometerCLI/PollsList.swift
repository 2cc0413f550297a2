import ArgumentParser
import Foundation
import Polls
import Reports
import SurveyCore

/// `barometer polls list FILE [--question Q]`: the polls of a file, checked, one line each.
struct PollsList: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the polls of a file (checked: dates, shares, sample size, margin of error).",
        discussion: """
            --format xlsx writes the csv columns as a workbook (numbers as numbers) to --out.

            Examples:
              barometer polls list polls.csv --question war_side
              barometer polls list polls.csv --format xlsx --out polls.xlsx
            """)

    @OptionGroup(title: "Polls")
    var source: PollSourceOptions

    @Option(help: ArgumentHelp("Only the polls of this question.", valueName: "question"))
    var question: String?

    @Option(help: ArgumentHelp(
        "table, csv (the columns `polls import` reads, so a list re-imports unchanged), json, or xlsx (the csv columns as a workbook; needs --out). Default: table, or xlsx when --out ends in .xlsx.",
        valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Write the list to this file (whole or not at all) instead of printing it.", valueName: "file"))
    var out: String?

    /// The format asked for, or the one `--out`'s extension implies.
    var chosenFormat: String {
        format ?? (out.map(OutputOptions.namesWorkbook) == true ? "xlsx" : "table")
    }

    func validate() throws {
        if let format, !["table", "csv", "json", "xlsx"].contains(format) {
            throw ValidationError("--format \(format) is not table, csv, json or xlsx.")
        }
        try OutputOptions.check(format: format, out: out)
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let polls = try source.polls().filter { question == nil || $0.poll.question == question }
        switch chosenFormat {
        case "csv":
            try OutputOptions.write(PollTable.csv(polls.map(\.poll)), to: out, into: &sink)
            return
        case "xlsx":
            // The sheet is the CSV under the same column names: the import format, not prose.
            let sheet = Worksheet(name: "polls", header: PollTable.requiredColumns + PollTable.optionalColumns, rows: PollTable.rows(polls.map(\.poll)))
            try OutputOptions.write(Workbook(sheets: [sheet]), to: out, into: &sink)
            return
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            struct Listed: Encodable { let id: String?; let poll: Poll }
            let json = String(decoding: try encoder.encode(["polls": polls.map { Listed(id: $0.id, poll: $0.poll) }]), as: UTF8.self) + "\n"
            try OutputOptions.write(json, to: out, into: &sink)
            return
        default:
            break
        }
        let rows: [[String]] = polls.map { (id, p) in
            let who = p.pollster + (p.population.map { " (\($0))" } ?? "")
            let answers = p.answers.map { "\($0.answer) \(String(format: "%g", $0.share))" }.joined(separator: ", ")
            return (id.map { [$0] } ?? []) + [who, "\(p.fieldStart) to \(p.fieldEnd)", p.sampleSize.map(String.init) ?? PollTable.unpublished, p.question, answers, p.source ?? ""]
        }
        let headers = (source.file == nil ? ["id"] : []) + ["pollster", "fieldwork", "n", "question", "answers (%)", "source"]
        let table = PlainTable.render(headers: headers, rows: rows, rightAligned: [source.file == nil ? 3 : 2])
        try OutputOptions.write(table + "\(polls.count) poll\(polls.count == 1 ? "" : "s").\n", to: out, into: &sink)
    }
}
