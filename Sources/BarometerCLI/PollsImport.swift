import ArgumentParser
import Foundation
import Polls
import Store
import SurveyIO

/// `barometer polls import FILE [--data DIR]`: checks the polls of a CSV or YAML file and stores them, all
/// or none; the same poll imported again replaces the stored one.
struct PollsImport: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check the polls of a CSV or YAML file and store them in the poll database (all or none).",
        discussion: """
            Example:
              barometer polls import examples/polls-war-side.csv --data barometer-data
            """)

    @Argument(help: ArgumentHelp("The polls (CSV, one row per answer, or YAML).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The store's folder (default: barometer-data).", valueName: "folder"))
    var data: String = "barometer-data"

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let polls = try PollFile.read(path: file)
        let (added, replaced) = try BarometerStore(directory: data).importPolls(polls)
        sink.write("Imported \(polls.count) poll\(polls.count == 1 ? "" : "s") into \(data): \(added) new, \(replaced) replaced.\n")
    }
}
