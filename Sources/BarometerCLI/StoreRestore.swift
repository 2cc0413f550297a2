import ArgumentParser
import Foundation
import Store

/// `barometer store restore FILE`: a backup back into a store, whole or one study.
struct StoreRestore: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into the store: everything, or one study with --study.",
        discussion: """
            FILE is a backup from `barometer store backup` of either kind of store, or a data \
            directory's barometer.sqlite. Without --study the store's whole content is replaced \
            in one transaction (a store that is not empty needs --replace); with --study only \
            that study, its waves, data and saved analyses are copied, as an import would.

            Examples:
              barometer store restore archive.sqlite --store postgres://barometer@db.internal/barometer
              barometer store restore barometer-data/barometer.sqlite --study cab --store postgres://barometer@db.internal/barometer
            """)

    @Argument(help: ArgumentHelp("The backup file to read.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Restore only this study (by slug), leaving the rest of the store as it is.", valueName: "slug"))
    var study: String?

    @Flag(help: "Overwrite: the whole store, or with --study a study of the same slug.")
    var replace = false

    @OptionGroup var storeOptions: StoreOptions

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let store = try storeOptions.open()
        if let study {
            let summary = try store.restoreStudy(study, from: file, replace: replace)
            sink.write("Restored study '\(summary.slug)' (\(summary.waveCount) wave\(summary.waveCount == 1 ? "" : "s")) from \(file) into \(storeOptions.shownName).\n")
        } else {
            try store.restore(from: file, replace: replace)
            let studies = try store.studies().count
            sink.write("Restored \(file) into \(storeOptions.shownName): \(studies) stud\(studies == 1 ? "y" : "ies").\n")
        }
    }
}
