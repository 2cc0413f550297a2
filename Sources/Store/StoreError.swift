import Foundation

/// A failure of the store: one sentence that names the thing, the offending value and the fix.
///
/// ```
/// No study 'cab' in the store; import it with `barometer import STUDY_DIR`.
/// ```
///
/// The `kind` lets callers map the failure to an exit code or an HTTP status (404, 409, 401,
/// 422, 500) without parsing the text.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong, in broad terms.
    public enum Kind: String, Sendable, Codable {
        /// No such study, wave, saved analysis or account.
        case notFound
        /// A study slug or a user name that is already taken.
        case alreadyExists
        /// An argument the store refuses: a bad slug, a wave without its dataset, a short password.
        case invalidInput
        /// Stored bytes that fail their checksum or do not parse (a damaged blob, a bad JSON column).
        case corrupt
        /// Data written by a newer Barometer (a newer blob format or database schema).
        case unsupportedVersion
        /// The database failed: a SQLite file cannot be opened or written, the disk is full, it is
        /// locked; a PostgreSQL server cannot be reached or refuses the user.
        case database
    }

    public let kind: Kind
    /// The full sentence shown to the user.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}

extension StoreError {
    /// No study `slug`.
    static func noStudy(_ slug: String) -> StoreError {
        StoreError(.notFound, "No study '\(slug)' in the store; import it with `barometer import STUDY_DIR`.")
    }

    /// No wave `wave` in study `slug`.
    static func noWave(_ wave: String, study slug: String, known: [String]) -> StoreError {
        let list = known.isEmpty ? "it has no waves" : "its waves are " + known.map { "'\($0)'" }.joined(separator: ", ")
        return StoreError(.notFound, "Study '\(slug)' has no wave '\(wave)'; \(list).")
    }
}
