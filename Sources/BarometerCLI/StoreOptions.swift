import ArgumentParser
import Foundation
import Store

/// Where the verbs that read or write the store find it: `--data DIR` (the SQLite file in that
/// folder), `--store` (a folder or a `postgres://` URL), or else the `BAROMETER_STORE`
/// environment variable, or else the folder `barometer-data`.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store's folder, its SQLite file barometer.sqlite (default: barometer-data).", valueName: "folder"))
    var data: String?

    @Option(help: ArgumentHelp(
        "The store: a folder, or a PostgreSQL database as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME] (default: $BAROMETER_STORE, else barometer-data).",
        valueName: "folder-or-url"))
    var store: String?

    /// The folder used when neither option nor the environment names a store.
    static let defaultDirectory = "barometer-data"

    /// The store's location, from the options or else `environment`.
    /// - Throws: a ``Store/StoreError`` when both options are given or the URL does not parse.
    func location(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreLocation {
        switch (data, store) {
        case (.some, .some):
            throw StoreError(.invalidInput, "Both --data and --store name a store; give one of them.")
        case (.some(let folder), nil):
            return .directory(folder)
        case (nil, .some(let text)):
            return try StoreLocation(text, option: "--store")
        case (nil, nil):
            if let text = environment[StoreLocation.environmentVariable], !text.isEmpty {
                return try StoreLocation(text, option: StoreLocation.environmentVariable)
            }
            return .directory(Self.defaultDirectory)
        }
    }

    /// The store as messages name it: its folder or its URL without the password.
    var shownName: String {
        (try? location().description) ?? data ?? store ?? Self.defaultDirectory
    }

    /// Opens (creating) the store.
    func open() throws -> BarometerStore {
        try BarometerStore(location: try location())
    }
}
