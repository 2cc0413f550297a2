import Foundation
import GRDB

/// Barometer's archive in one SQLite database: studies with their waves, each wave's data (a
/// columnar blob, see ``DatasetBlobCodec``) and codebook, saved analyses, accounts and API
/// tokens.
///
/// One `BarometerStore` owns one database; every read and write goes through it. It is
/// `Sendable`: share one instance between tasks and requests. A file store is a GRDB
/// `DatabasePool` in WAL mode (readers run beside the one writer); ``inMemory(passwordIterations:)``
/// gives a private database for tests. Opening applies the migrations of ``StoreSchema`` that the
/// file lacks; foreign keys are on.
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

    /// The database file, or nil for an in-memory store.
    public let path: String?
    let writer: any DatabaseWriter
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
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StoreError(.database, "Cannot open the store '\(path)': \(Self.reason(error)); check that it is a Barometer store and that you can write to it.")
        }
        self.path = path
        self.writer = pool
        self.passwordIterations = passwordIterations
        try migrate(name: path)
    }

    /// Opens (creating) the store `barometer.sqlite` in the data directory `directory`.
    public convenience init(directory: String, passwordIterations: Int = PasswordHasher.defaultIterations) throws(StoreError) {
        try self.init(path: (directory as NSString).appendingPathComponent(Self.fileName), passwordIterations: passwordIterations)
    }

    private init(queue: DatabaseQueue, passwordIterations: Int) throws(StoreError) {
        self.path = nil
        self.writer = queue
        self.passwordIterations = passwordIterations
        try migrate(name: "in memory")
    }

    /// A new, empty store that lives in memory only, for tests and one-off runs.
    public static func inMemory(passwordIterations: Int = PasswordHasher.defaultIterations) throws(StoreError) -> BarometerStore {
        do {
            return try BarometerStore(queue: DatabaseQueue(configuration: configuration()), passwordIterations: passwordIterations)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, "Cannot create an in-memory store: \(reason(error)); this is a bug, please report it.")
        }
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.label = "Barometer store"
        // Wait for another process's write lock rather than failing at once.
        config.busyMode = .timeout(10)
        return config
    }

    private func migrate(name: String) throws(StoreError) {
        let migrator = StoreSchema.migrator
        do {
            if try writer.read(migrator.hasBeenSuperseded) {
                throw StoreError(.unsupportedVersion, "The store '\(name)' has a schema from a newer Barometer; upgrade Barometer to open it.")
            }
            try migrator.migrate(writer)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, "Cannot prepare the store '\(name)': \(Self.reason(error)); check that it is a Barometer store and that you can write to it.")
        }
    }

    /// The names of the migrations applied, oldest first (`["v1"]`).
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read("listing its migrations") { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    // MARK: Access

    /// Runs `body` in one write transaction: all of it is committed, or none when it throws.
    func write<T>(_ doing: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    /// Runs `body` on a consistent snapshot of the database.
    func read<T>(_ doing: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw storeError(error, doing: doing)
        }
    }

    private func storeError(_ error: any Error, doing: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is RowDecodingError {
            return StoreError(.corrupt, "The store '\(path ?? "in memory")' holds a row that does not read back while \(doing) (\(error)); restore it from a backup or re-import the study.")
        }
        return StoreError(.database, "The store '\(path ?? "in memory")' failed while \(doing): \(Self.reason(error)); check that its file is writable and the disk has room.")
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.resultCode.description }
        return "\(error)"
    }
}
