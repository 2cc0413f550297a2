import Foundation
import GRDB

/// Barometer's archive: studies with their waves, each wave's data (a columnar blob, see
/// ``DatasetBlobCodec``) and codebook, saved analyses, accounts, API tokens and polls, in one
/// SQLite file (the embedded default) or one PostgreSQL database that several servers share.
///
/// One `BarometerStore` owns one database; every read and write goes through it, and the same
/// logic runs on both (``StoreLocation``). It is `Sendable`: share one instance between tasks
/// and requests. A file store is a GRDB `DatabasePool` in WAL mode (readers run beside the one
/// writer); ``inMemory(passwordIterations:)`` gives a private database for tests; a PostgreSQL
/// store keeps a small pool of connections and blocks its callers (never an event loop of
/// theirs) while PostgreSQL answers. Opening applies the migrations of ``StoreSchema`` that the
/// database lacks; foreign keys are on.
///
/// Writes that belong together (a whole study with its waves and data) run in one transaction,
/// so a failure leaves the store as it was. Nothing here reads a clock inside a query: the day
/// that decides embargoes and the time stamped on new rows are arguments.
///
/// ```swift
/// let store = try BarometerStore(path: "/var/lib/barometer/barometer.sqlite")
/// try store.importStudy(slug: "cab", study: study, datasets: ["2017-spring": data])
/// let waves = try store.waves(study: "cab", includeEmbargoed: false, asOf: Date())
/// ```
public final class BarometerStore: Sendable {
    /// The file name a data directory holds the store under.
    public static let fileName = "barometer.sqlite"

    /// The database file, or nil for an in-memory or PostgreSQL store.
    public let path: String?
    let database: any StoreDatabase
    /// PBKDF2 iterations for passwords set through this store (verification reads the count
    /// stored with each hash).
    let passwordIterations: Int

    /// Opens the store in the file at `path`, creating it (and its folder) if needed, in WAL
    /// mode, and brings its schema up to date.
    /// - Parameter passwordIterations: PBKDF2-HMAC-SHA256 iterations for new passwords.
    /// - Throws: ``StoreError`` (`database`) when the file cannot be opened or is not a SQLite
    ///   database, (`unsupportedVersion`) when a newer Barometer wrote its schema.
    public init(path: String, passwordIterations: Int = PasswordHasher.defaultIterations) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.database, "Cannot create the folder '\(folder)' of the store: \(error.localizedDescription); choose a data directory you can write to.")
            }
        }
        let database: SQLiteStoreDatabase
        do {
            database = try SQLiteStoreDatabase(path: path)
        } catch {
            throw StoreError(.database, "Cannot open the store '\(path)': \(Self.reason(error)); check that it is a Barometer store and that you can write to it.")
        }
        self.path = path
        self.database = database
        self.passwordIterations = passwordIterations
        try migrate()
    }

    /// Opens (creating) the store `barometer.sqlite` in the data directory `directory`.
    public convenience init(directory: String, passwordIterations: Int = PasswordHasher.defaultIterations) throws(StoreError) {
        try self.init(path: (directory as NSString).appendingPathComponent(Self.fileName), passwordIterations: passwordIterations)
    }

    /// Opens the store at `location`: a data directory's SQLite file, or a PostgreSQL database
    /// (its schema created when the URL names one that is missing), and brings its schema up to
    /// date.
    /// - Throws: ``StoreError``: `database` when the database cannot be reached or opened,
    ///   `unsupportedVersion` when a newer Barometer wrote its schema.
    public convenience init(location: StoreLocation, passwordIterations: Int = PasswordHasher.defaultIterations) throws(StoreError) {
        switch location {
        case .directory(let directory):
            try self.init(directory: directory, passwordIterations: passwordIterations)
        case .postgres(let postgres):
            try self.init(database: PostgresStoreDatabase(postgres), passwordIterations: passwordIterations)
        }
    }

    init(database: any StoreDatabase, passwordIterations: Int) throws(StoreError) {
        self.path = nil
        self.database = database
        self.passwordIterations = passwordIterations
        try migrate()
    }

    deinit {
        database.close()
    }

    /// A new, empty store that lives in memory only, for tests and one-off runs.
    public static func inMemory(passwordIterations: Int = PasswordHasher.defaultIterations) throws(StoreError) -> BarometerStore {
        let database: SQLiteStoreDatabase
        do {
            database = try SQLiteStoreDatabase(inMemory: ())
        } catch {
            throw StoreError(.database, "Cannot create an in-memory store: \(reason(error)); this is a bug, please report it.")
        }
        return try BarometerStore(database: database, passwordIterations: passwordIterations)
    }

    /// The database as messages name it: its file, `in memory`, or its PostgreSQL URL without
    /// the password.
    public var name: String { database.name }

    /// Applies, in one transaction, the migrations the database lacks, after checking that it
    /// records none this Barometer does not know. On PostgreSQL an advisory lock makes servers
    /// that start together migrate one after the other, and the URL's schema is created first.
    private func migrate() throws(StoreError) {
        let known = StoreSchema.migrations.map(\.name)
        let name = database.name
        try write("preparing its schema") { db in
            let table = db.dialect.migrationsTable
            if db.dialect == .postgres {
                try db.execute("SELECT pg_advisory_xact_lock(7306021)")
                // Create the URL's schema only when it is missing: creating needs a privilege on
                // the database that a user of an existing schema may lack.
                if let schema = (database as? PostgresStoreDatabase)?.location.schema,
                   try !db.exists("SELECT 1 FROM pg_namespace WHERE nspname = ?", [schema]) {
                    try db.execute("CREATE SCHEMA \(PostgresStoreLocation.quoted(schema))")
                }
            }
            try db.execute("CREATE TABLE IF NOT EXISTS \(table) (identifier TEXT NOT NULL PRIMARY KEY)")
            let applied = Set(try db.values(String.self, "SELECT identifier FROM \(table)"))
            if !applied.isSubset(of: known) {
                throw StoreError(.unsupportedVersion, "The store '\(name)' has a schema from a newer Barometer; upgrade Barometer to open it.")
            }
            for migration in StoreSchema.migrations where !applied.contains(migration.name) {
                try migration.apply(db)
                try db.execute("INSERT INTO \(table) (identifier) VALUES (?)", [migration.name])
            }
        }
    }

    /// The names of the migrations applied, oldest first (`["v1"]`).
    public func appliedMigrations() throws(StoreError) -> [String] {
        let applied = try readStatement("listing its migrations") { db in
            Set(try db.values(String.self, "SELECT identifier FROM \(db.dialect.migrationsTable)"))
        }
        return StoreSchema.migrations.map(\.name).filter(applied.contains)
    }

    // MARK: Access

    /// Runs `body` in one write transaction: all of it is committed, or none when it throws.
    @discardableResult
    func write<T>(_ doing: String, _ body: (any StoreSession) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    /// Runs `body` on a consistent snapshot of the database.
    func read<T>(_ doing: String, _ body: (any StoreSession) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    /// Runs `body`, which sends a single statement, without a transaction of its own (see
    /// ``StoreDatabase/readStatement(_:)``): for the reads a server makes on every request.
    func readStatement<T>(_ doing: String, _ body: (any StoreSession) throws -> T) throws(StoreError) -> T {
        do {
            return try database.readStatement(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    /// Whether `error`, thrown by a write, is a UNIQUE constraint refusing a row.
    func isUniqueViolation(_ error: StoreError) -> Bool {
        error.kind == .database && error.message.hasPrefix(Self.uniqueMarker)
    }

    private static let uniqueMarker = "The store refused a duplicate"

    private func storeError(_ error: any Error, doing: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is StoreRowDecodingError {
            return StoreError(.corrupt, "The store '\(database.name)' holds a row that does not read back while \(doing) (\(error)); restore it from a backup or re-import the study.")
        }
        let failure = database.describe(error)
        switch failure.kind {
        case .uniqueViolation:
            return StoreError(.database, "\(Self.uniqueMarker) while \(doing) in '\(database.name)': \(failure.reason); try again, another writer took the name meanwhile.")
        case .unreachable:
            let target = (database as? PostgresStoreDatabase).map { "\($0.location.host):\($0.location.port)" } ?? database.name
            return StoreError(.database, "Cannot connect to PostgreSQL at \(target) (\(failure.reason)); check --store or BAROMETER_STORE and that PostgreSQL is running there.")
        case .other:
            if database.dialect == .postgres {
                return StoreError(.database, "The store '\(database.name)' failed while \(doing): \(failure.reason); check that PostgreSQL is running and the user may write to the database.")
            }
            return StoreError(.database, "The store '\(database.name)' failed while \(doing): \(failure.reason); check that its file is writable and the disk has room.")
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.resultCode.description }
        return "\(error)"
    }
}
