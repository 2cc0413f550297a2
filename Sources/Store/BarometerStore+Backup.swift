import Foundation
import GRDB
import SurveyCore
import Weighting

extension BarometerStore {
    // MARK: Backup

    /// Writes a backup of the whole store to `file`, replacing it, or leaving it as it was when
    /// anything fails: a SQLite store is copied page by page through SQLite's backup API (the
    /// backup is itself a SQLite store), a PostgreSQL store is exported as ``StoreExport`` (JSON
    /// Lines) from one consistent snapshot.
    /// - Throws: ``StoreError`` (`database`) when the store cannot be read or `file` written.
    public func backup(to file: String) throws(StoreError) {
        let temporary = file + ".partial-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        if let sqlite = database as? SQLiteStoreDatabase {
            do {
                let copy = try DatabaseQueue(path: temporary)
                try sqlite.writer.backup(to: copy)
                try copy.close()
            } catch {
                throw StoreError(.database, "Cannot back the store '\(database.name)' up to '\(file)': \(Self.reason(error)); check that the folder exists and has room.")
            }
        } else {
            let bytes: Data
            do {
                bytes = try export().encoded()
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError(.database, "Cannot export the store '\(database.name)': \(error); this is a bug, please report it.")
            }
            do {
                try bytes.write(to: URL(fileURLWithPath: temporary))
            } catch {
                throw StoreError(.database, "Cannot write the backup '\(file)': \(error.localizedDescription); check that the folder exists and has room.")
            }
        }
        guard rename(temporary, file) == 0 else {
            throw StoreError(.database, "Cannot write the backup '\(file)': \(String(cString: strerror(errno))); check that the folder exists and you can write to it.")
        }
    }

    /// Every row of every table, the migrations and the catalog's version, from one snapshot.
    func export() throws(StoreError) -> StoreExport {
        try read("exporting its tables") { db in
            StoreExport(
                migrations: try db.values(String.self, "SELECT identifier FROM \(db.dialect.migrationsTable)"),
                catalogVersion: try db.value(Int64.self, "SELECT version FROM catalog WHERE id = 1") ?? 1,
                tables: try StoreTable.all.map { ($0, try $0.rows(in: db)) })
        }
    }

    // MARK: Restore

    /// Replaces everything in this store (studies, analyses, accounts, tokens, polls) with the
    /// backup in `file`, in one transaction, and raises the catalog's version so that servers on
    /// this store see the change. The backup may come from either database: a SQLite store (from
    /// a SQLite backup or a data directory's `barometer.sqlite`) or an export of a PostgreSQL
    /// store, so that a whole archive moves from one to the other.
    /// - Parameter replace: allow overwriting a store that holds studies, analyses or accounts.
    /// - Throws: ``StoreError``: `alreadyExists` when the store is not empty and `replace` is
    ///   false; `invalidInput` for a file that is no backup; `unsupportedVersion` for a backup
    ///   of a newer Barometer.
    public func restore(from file: String, replace: Bool = false) throws(StoreError) {
        let export = try Self.openBackup(file).export()
        let name = database.name
        try write("restoring '\(file)'") { db in
            if !replace {
                let held = try ["study", "analysis", "account"].reduce(0) { sum, table in
                    sum + (try db.value(Int.self, "SELECT COUNT(*) FROM \(table)") ?? 0)
                }
                if held > 0 {
                    throw StoreError(.alreadyExists, "The store '\(name)' is not empty; restore with --replace to overwrite everything in it, or restore one study with --study.")
                }
            }
            try Self.load(export, into: db)
        }
    }

    /// Copies study `slug` (its waves, data, weighting and saved analyses) from the backup in
    /// `file` into this store, as an import would, leaving the rest of the store as it is.
    /// - Parameter replace: overwrite a study already stored under `slug`.
    /// - Returns: the restored study's summary.
    /// - Throws: ``StoreError``: `notFound` when the backup has no such study, `alreadyExists`
    ///   when this store has one and `replace` is false, and those of ``restore(from:replace:)``.
    @discardableResult
    public func restoreStudy(_ slug: String, from file: String, replace: Bool = false) throws(StoreError) -> StudySummary {
        let source = try Self.openBackup(file)
        let study = try source.study(slug: slug)
        var datasets: [String: Dataset] = [:]
        var weightings: [String: WeightingSpec] = [:]
        for wave in study.waves {
            datasets[wave.id] = try source.dataset(study: slug, wave: wave.id)
            weightings[wave.id] = try source.weighting(study: slug, wave: wave.id)
        }
        let updated = try source.studies().first { $0.slug == slug }?.updatedAt ?? Date()
        let summary = try importStudy(slug: slug, study: study, datasets: datasets, weightings: weightings, replace: replace, at: updated)
        let analyses = try source.analyses(study: slug)
        try write("restoring the analyses of study '\(slug)'") { db in
            for analysis in analyses {
                try db.execute(
                    """
                    INSERT INTO analysis (id, studySlug, request, result, createdAt, name, savedBy, viewPath)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                    """,
                    [analysis.id, slug, try StoreJSON.encode(analysis.request, "the analysis request"),
                     try StoreJSON.encode(analysis.result, "the analysis result"), analysis.createdAt,
                     analysis.name, analysis.savedBy, analysis.viewPath])
            }
        }
        return summary
    }

    /// The backup in `file` as a store in memory, its schema brought up to date.
    static func openBackup(_ file: String) throws(StoreError) -> BarometerStore {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            head = try handle.read(upToCount: 16) ?? Data()
        } catch {
            throw StoreError(.notFound, "Cannot read the backup '\(file)': \(error.localizedDescription); check the path.")
        }
        if head == Data("SQLite format 3\u{0}".utf8) {
            let memory: DatabaseQueue
            do {
                var configuration = SQLiteStoreDatabase.configuration()
                configuration.readonly = true
                let original = try DatabaseQueue(path: file, configuration: configuration)
                memory = try DatabaseQueue(configuration: SQLiteStoreDatabase.configuration())
                try original.backup(to: memory)
                try original.close()
            } catch {
                throw StoreError(.invalidInput, "Cannot read the backup '\(file)': \(reason(error)); give a file written by `barometer store backup` or a store's barometer.sqlite.")
            }
            return try BarometerStore(database: SQLiteStoreDatabase(queue: memory, name: file), passwordIterations: PasswordHasher.defaultIterations)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw StoreError(.notFound, "Cannot read the backup '\(file)': \(error.localizedDescription); check the path.")
        }
        let export = try StoreExport(data: data, name: file)
        let known = StoreSchema.migrations.map(\.name)
        if let newer = export.migrations.first(where: { !known.contains($0) }) {
            throw StoreError(.unsupportedVersion, "The backup '\(file)' has migration '\(newer)' of a newer Barometer; upgrade Barometer to restore it.")
        }
        guard export.migrations == known else {
            throw StoreError(.unsupportedVersion, "The backup '\(file)' was exported by an older Barometer (its schema lacks \(known.filter { !export.migrations.contains($0) }.joined(separator: ", "))); restore it with that version and back it up again.")
        }
        let store = try BarometerStore.inMemory()
        try store.write("reading the backup '\(file)'") { db in try load(export, into: db) }
        return store
    }

    /// Empties the tables of `db` and fills them with the rows of `export`, then raises the
    /// catalog's version past both the store's and the export's.
    private static func load(_ export: StoreExport, into db: any StoreSession) throws {
        let current = try db.value(Int64.self, "SELECT version FROM catalog WHERE id = 1") ?? 1
        for table in StoreTable.all.reversed() {
            try db.execute("DELETE FROM \(table.name)")
        }
        for (table, rows) in export.tables {
            try table.insert(rows, into: db)
        }
        try db.execute("UPDATE catalog SET version = ? WHERE id = 1", [max(current, export.catalogVersion) + 1])
    }
}
