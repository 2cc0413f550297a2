import Foundation
import GRDB
@testable import Store
import Testing

@Suite("store files")
struct StoreFileTests {
    /// A fresh folder under the temporary directory, removed after `body`.
    func withTemporaryFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    @Test("a file store is created in its data directory, in WAL mode, with foreign keys on")
    func walMode() throws {
        try withTemporaryFolder { folder in
            let store = try BarometerStore(directory: folder + "/data", passwordIterations: 1_000)
            #expect(store.path == folder + "/data/barometer.sqlite")
            #expect(FileManager.default.fileExists(atPath: folder + "/data/barometer.sqlite"))
            let (mode, foreignKeys) = try store.read("testing") { db in
                (try db.value(String.self, "PRAGMA journal_mode"), try db.value(Int.self, "PRAGMA foreign_keys"))
            }
            #expect(mode == "wal")
            #expect(foreignKeys == 1)
            #expect(try store.appliedMigrations() == ["v1", "v2-wave-weighting", "v3-polls", "v4-published-polls", "v5-catalog-version", "v6-staff-sessions", "v7-named-analyses"])
        }
    }

    @Test("reopening a file store applies no migration twice and keeps its data")
    func reopen() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/barometer.sqlite"
            do {
                let store = try BarometerStore(path: path, passwordIterations: 1_000)
                try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
                try store.createAccount(username: "aigerim", password: "long enough", role: .admin)
            }
            for _ in 0..<2 {
                let store = try BarometerStore(path: path, passwordIterations: 1_000)
                #expect(try store.appliedMigrations() == ["v1", "v2-wave-weighting", "v3-polls", "v4-published-polls", "v5-catalog-version", "v6-staff-sessions", "v7-named-analyses"])
                #expect(try store.studies().map(\.slug) == ["test"])
                #expect(StoreFixture.same(try store.dataset(study: "test", wave: "w1"), try StoreFixture.datasets()["w1"]!))
                #expect(try store.verifyPassword(username: "aigerim", password: "long enough") != nil)
            }
        }
    }

    @Test("a store with a migration from a newer Barometer is refused with an upgrade hint")
    func newerSchema() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/barometer.sqlite"
            _ = try BarometerStore(path: path)
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
            try queue.close()
            let error = #expect(throws: StoreError.self) { try BarometerStore(path: path) }
            #expect(error?.kind == .unsupportedVersion)
            #expect(error?.message.contains("upgrade Barometer") == true)
        }
    }

    @Test("a file that is not a database is refused with a clear sentence")
    func notADatabase() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/barometer.sqlite"
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try BarometerStore(path: path) }
            #expect(error?.kind == .database)
            #expect(error?.message.contains("'\(path)'") == true)
        }
    }
}

@Suite("store concurrency")
struct StoreConcurrencyTests {
    @Test("one store (a file, or PostgreSQL through its pool) shared by concurrent tasks: readers see whole studies while imports and saves run",
          arguments: StoreBackend.all)
    func sharedStore(backend: StoreBackend) async throws {
        let store = try BarometerStore(location: try backend.freshLocation(), passwordIterations: 1_000)
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        let result = try AnalysisFixture.result()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<4 {
                group.addTask {
                    for j in 0..<5 {
                        try store.importStudy(slug: "s\(i)", study: StoreFixture.study(), datasets: StoreFixture.datasets(), replace: j > 0)
                        try store.saveAnalysis(study: "test", request: AnalysisFixture.request, result: result)
                    }
                }
                group.addTask {
                    for _ in 0..<10 {
                        for summary in try store.studies() {
                            // A listed study is complete: every wave has its data.
                            let waves = try store.waves(study: summary.slug)
                            #expect(waves.count == 2)
                            #expect(try store.dataset(study: summary.slug, wave: "w2").rowCount == 9)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.studies().count == 5)
        #expect(try store.analyses(study: "test").count == 20)
    }
}
