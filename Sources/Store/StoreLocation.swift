import Foundation

/// Where a store lives: a SQLite file in a data directory (the embedded default) or a PostgreSQL
/// database that several servers share.
///
/// ```swift
/// let here = try StoreLocation("postgres://barometer@db.internal:5432/barometer")
/// let store = try BarometerStore(location: here)
/// ```
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// `barometer.sqlite` in the data directory `directory`.
    case directory(String)
    /// A PostgreSQL database.
    case postgres(PostgresStoreLocation)

    /// The environment variable that names the store when no `--store` or `--data` is given.
    public static let environmentVariable = "BAROMETER_STORE"

    /// Reads `text`: a `postgres://` (or `postgresql://`) URL, or else a data directory.
    /// - Parameter option: how the surface names the setting, for the error (`--store`).
    /// - Throws: ``StoreError`` (`invalidInput`) for a PostgreSQL URL that does not parse.
    public init(_ text: String, option: String = "--store") throws(StoreError) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(try PostgresStoreLocation(url: text, option: option))
        } else if lower.contains("://") {
            throw StoreError(.invalidInput, "The store '\(text)' is neither a folder nor a postgres:// URL; give \(option) a data directory or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
        } else if text.isEmpty {
            throw StoreError(.invalidInput, "The store is empty; give \(option) a data directory or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
        } else {
            self = .directory(text)
        }
    }

    /// The location as messages show it (a PostgreSQL password is never shown).
    public var description: String {
        switch self {
        case .directory(let directory): directory
        case .postgres(let location): location.description
        }
    }
}
