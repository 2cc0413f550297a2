import ArgumentParser
import Foundation
import Store

/// `barometer store backup FILE`: the whole store in one file.
struct StoreBackup: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a backup of the whole store to a file (a SQLite file, or a JSON Lines export of PostgreSQL).",
        discussion: """
            The file is written whole or not at all; an existing one is replaced.

            Example:
              barometer store backup backups/2026-12-03.sqlite --data barometer-data
            """)

    @Argument(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var file: String

    @OptionGroup var storeOptions: StoreOptions

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let store = try storeOptions.open()
        try store.backup(to: file)
        let studies = try store.studies().count
        sink.write("Backed up \(storeOptions.shownName) (\(studies) stud\(studies == 1 ? "y" : "ies")) to \(file).\n")
    }
}
