import Foundation

/// A database failure the store turns into a ``StoreError``.
struct StoreDatabaseFailure {
    enum Kind {
        /// A UNIQUE constraint refused a row (a slug or user name taken meanwhile).
        case uniqueViolation
        /// The server could not be reached.
        case unreachable
        case other
    }

    var kind: Kind
    var reason: String
}
