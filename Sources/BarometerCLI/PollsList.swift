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

    @Argument(help: ArgumentHelp("The polls (CSV, one row per answer).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Only the polls of this question.", valueName: "question"))
    var question: String?

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let polls = try PollsCommand.load(file).filter { question == nil || $0.question == question }
        let rows: [[String]] = polls.map { p in
            let who = p.pollster + (p.population.map { " (\($0))" } ?? "")
            let answers = p.answers.map { "\($0.answer) \(String(format: "%g", $0.share))" }.joined(separator: ", ")
            return [who, "\(p.fieldStart) to \(p.fieldEnd)", String(p.sampleSize), p.question, answers, p.source ?? ""]
        }
        sink.write(PlainTable.render(headers: ["pollster", "fieldwork", "n", "question", "answers (%)", "source"], rows: rows, rightAligned: [2]))
        sink.write("\(polls.count) poll\(polls.count == 1 ? "" : "s").\n")
    }
}
