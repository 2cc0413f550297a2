import ArgumentParser
import Foundation
import Polls
import Store
import SurveyCore
import SurveyIO

/// Where the polls of `polls list`, `average` and `chart` come from: a file (CSV with one row
/// per answer, or YAML), or else the poll database of the store in `--data`, which starts with
/// the published polls.
struct PollSourceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The polls (CSV, one row per answer, or YAML); the poll database (published polls and those imported) when left out.", valueName: "file"))
    var file: String?

    @OptionGroup var storeOptions: StoreOptions

    /// The polls, with their store ids when they come from the store.
    func polls() throws -> [(id: String?, poll: Poll)] {
        if let file { return try PollFile.read(path: file).map { (nil, $0) } }
        return try storeOptions.open().polls().map { ($0.id, $0.poll) }
    }

    /// Where a result's numbers came from: the file (with its fingerprint) or the store.
    var provenance: Provenance {
        file.flatMap { try? FileFingerprint.provenance(path: $0) } ?? Provenance(file: storeOptions.shownName)
    }
}
