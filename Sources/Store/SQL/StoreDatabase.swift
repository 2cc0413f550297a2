import Foundation

/// A database the store runs on: SQLite through GRDB (``SQLiteStoreDatabase``) or PostgreSQL
/// through PostgresNIO (``PostgresStoreDatabase``). Both are synchronous: they block the calling
/// thread, never an event loop of the caller's.
protocol StoreDatabase: Sendable {
    /// The database as messages name it: a file path, `in memory`, or `postgres://host:port/db`.
    var name: String { get }
    var dialect: StoreDialect { get }
    /// Runs `body` in one write transaction: all of it is committed, or none when it throws.
    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T
    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T
    /// Runs `body`, which sends one statement, without a transaction of its own: one statement
    /// sees one snapshot, and PostgreSQL is spared a BEGIN and a COMMIT.
    func readStatement<T>(_ body: (any StoreSession) throws -> T) throws -> T
    /// The reason of a failure this database threw, in words for a sentence, and what kind it is.
    func describe(_ error: any Error) -> StoreDatabaseFailure
    /// Closes its connections; later calls fail.
    func close()
}
