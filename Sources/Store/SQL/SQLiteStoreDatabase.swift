import Foundation
import GRDB

/// The store's SQLite database through GRDB: a `DatabasePool` in WAL mode for a file (readers run
/// beside the one writer), a `DatabaseQueue` in memory. Foreign keys are on; a writer waits up to
/// ten seconds for another process's lock.
struct SQLiteStoreDatabase: StoreDatabase {
    let name: String
    let writer: any DatabaseWriter
    var dialect: StoreDialect { .sqlite }

    /// Opens (creating) the database file at `path`.
    init(path: String) throws {
        writer = try DatabasePool(path: path, configuration: Self.configuration())
        name = path
    }

    /// A private database in memory.
    init(inMemory: Void) throws {
        writer = try DatabaseQueue(configuration: Self.configuration())
        name = "in memory"
    }

    /// The database in `queue` (a backup opened in memory), named `name` in messages.
    init(queue: DatabaseQueue, name: String) {
        writer = queue
        self.name = name
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.label = "Barometer store"
        // Wait for another process's write lock rather than failing at once.
        config.busyMode = .timeout(10)
        return config
    }

    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try writer.write { db in try body(Session(db: db)) }
    }

    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try writer.read { db in try body(Session(db: db)) }
    }

    /// One statement needs no snapshot: it runs without BEGIN/COMMIT (the server asks the
    /// catalog's version on every request).
    func readStatement<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try writer.unsafeRead { db in try body(Session(db: db)) }
    }

    func describe(_ error: any Error) -> StoreDatabaseFailure {
        guard let error = error as? DatabaseError else { return StoreDatabaseFailure(kind: .other, reason: "\(error)") }
        let kind: StoreDatabaseFailure.Kind = error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE ? .uniqueViolation : .other
        return StoreDatabaseFailure(kind: kind, reason: error.message ?? error.resultCode.description)
    }

    /// GRDB closes the database when its last reference goes.
    func close() {}

    /// A GRDB database handle seen as a ``StoreSession``.
    struct Session: StoreSession {
        let db: Database
        var dialect: StoreDialect { .sqlite }

        func execute(_ sql: String, _ arguments: [any StoreValueConvertible]) throws -> Int {
            try db.execute(sql: sql, arguments: Self.arguments(arguments))
            return db.changesCount
        }

        func query(_ sql: String, _ arguments: [any StoreValueConvertible]) throws -> [StoreRow] {
            // Compiled once per connection: the same few queries run on every request.
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map { row in
                StoreRow(row.columnNames.enumerated().map { index, name in (name, Self.value(row[index] as DatabaseValue)) })
            }
        }

        private static func arguments(_ values: [any StoreValueConvertible]) -> StatementArguments {
            StatementArguments(values.map { value -> DatabaseValue in
                switch value.storeValue {
                case .null: .null
                case .integer(let number): number.databaseValue
                case .real(let number): number.databaseValue
                case .text(let text): text.databaseValue
                case .blob(let bytes): bytes.databaseValue
                case .bool(let flag): flag.databaseValue
                case .date(let date): date.databaseValue
                }
            })
        }

        private static func value(_ value: DatabaseValue) -> StoreValue {
            switch value.storage {
            case .null: .null
            case .int64(let number): .integer(number)
            case .double(let number): .real(number)
            case .string(let text): .text(text)
            case .blob(let bytes): .blob(bytes)
            }
        }
    }
}
