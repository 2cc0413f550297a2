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

    @OptionGroup var storeOptions: StoreOptions

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let polls = try PollFile.read(path: file)
        let (added, replaced) = try storeOptions.open().importPolls(polls)
        sink.write("Imported \(polls.count) poll\(polls.count == 1 ? "" : "s") into \(storeOptions.shownName): \(added) new, \(replaced) replaced.\n")
    }
}
