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
            Example:
              barometer polls list polls.csv --question war_side
            """)

    @OptionGroup(title: "Polls")
    var source: PollSourceOptions

    @Option(help: ArgumentHelp("Only the polls of this question.", valueName: "question"))
    var question: String?

    @Option(help: ArgumentHelp("table, csv (the columns `polls import` reads, so a list re-imports unchanged) or json.", valueName: "format"))
    var format: String = "table"

    func validate() throws {
        guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format \(format) is not table, csv or json.") }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let polls = try source.polls().filter { question == nil || $0.poll.question == question }
        if format == "csv" {
            sink.write(PollTable.csv(polls.map(\.poll)))
            return
        }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            struct Listed: Encodable { let id: String?; let poll: Poll }
            sink.write(String(decoding: try encoder.encode(["polls": polls.map { Listed(id: $0.id, poll: $0.poll) }]), as: UTF8.self) + "\n")
            return
        }
        let rows: [[String]] = polls.map { (id, p) in
            let who = p.pollster + (p.population.map { " (\($0))" } ?? "")
            let answers = p.answers.map { "\($0.answer) \(String(format: "%g", $0.share))" }.joined(separator: ", ")
            return (id.map { [$0] } ?? []) + [who, "\(p.fieldStart) to \(p.fieldEnd)", p.sampleSize.map(String.init) ?? PollTable.unpublished, p.question, answers, p.source ?? ""]
        }
        let headers = (source.file == nil ? ["id"] : []) + ["pollster", "fieldwork", "n", "question", "answers (%)", "source"]
        sink.write(PlainTable.render(headers: headers, rows: rows, rightAligned: [source.file == nil ? 3 : 2]))
        sink.write("\(polls.count) poll\(polls.count == 1 ? "" : "s").\n")
    }
}
