import Foundation
@testable import Store
import Studies
import SurveyCore
import Testing

@Suite("several stores on one database, and SQLite against PostgreSQL")
struct StoreSharedDatabaseTests {
    @Test("two stores on one database see each other's imports: the catalog's version rises and the data read back alike",
          arguments: StoreBackend.all)
    func twoStoresSeeEachOther(backend: StoreBackend) throws {
        let location = try backend.freshLocation()
        let first = try BarometerStore(location: location, passwordIterations: 1_000)
        defer { backend.dispose(first) }
        let second = try BarometerStore(location: location, passwordIterations: 1_000)
        let before = try second.catalogVersion()
        try first.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets(), at: StoreFixture.now)
        #expect(try second.catalogVersion() == before + 1)
        #expect(try second.studies() == first.studies())
        #expect(try second.study(slug: "test") == StoreFixture.study())
        #expect(try second.waves(study: "test") == first.waves(study: "test"))
        #expect(StoreFixture.same(try second.dataset(study: "test", wave: "w2"), try StoreFixture.datasets()["w2"]!))
        try second.deleteStudy(slug: "test")
        #expect(try first.catalogVersion() == before + 2)
        #expect(try first.studies().isEmpty)
        try second.createAccount(username: "aigerim", password: "long enough", role: .admin)
        #expect(try first.verifyPassword(username: "AIGERIM", password: "long enough")?.username == "aigerim")
    }

    @Test("two concurrent imports of the same new slug: one wins, the other is told the slug is taken", arguments: StoreBackend.all)
    func concurrentImportsOfOneSlug(backend: StoreBackend) async throws {
        let location = try backend.freshLocation()
        let stores = try (0..<2).map { _ in try BarometerStore(location: location, passwordIterations: 1_000) }
        defer { backend.dispose(stores[0]) }
        let datasets = try StoreFixture.datasets()
        for round in 0..<5 {
            let slug = "race-\(round)"
            let outcomes = await withTaskGroup(of: StoreError?.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask {
                        // Each import runs on a thread of its own, as two server processes would.
                        await withCheckedContinuation { (continuation: CheckedContinuation<StoreError?, Never>) in
                            Thread.detachNewThread {
                                do {
                                    try store.importStudy(slug: slug, study: StoreFixture.study(title: "Writer \(index)"), datasets: datasets)
                                    continuation.resume(returning: nil)
                                } catch {
                                    continuation.resume(returning: error as? StoreError ?? StoreError(.database, "\(error)"))
                                }
                            }
                        }
                    }
                }
                var outcomes: [StoreError?] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            #expect(outcomes.filter { $0 == nil }.count == 1, "exactly one import wins")
            #expect(outcomes.compactMap { $0?.kind } == [StoreError.Kind.alreadyExists], "the other is told the slug is taken")
            #expect(try stores[1].waves(study: slug).count == 2, "the winner's study is whole")
        }
        #expect(try stores[0].studies().count == 5)
    }

    @Test("SQLite and PostgreSQL give identical read-backs of the same import")
    func sameReadBacks() throws {
        guard StoreBackend.all.contains(.postgres) else { return }
        let datasets = try StoreFixture.datasets()
        let study = StoreFixture.study(embargo: "2024-06-01")
        var reads: [(Study, [StoredWave], [Dataset], [StudySummary], [String])] = []
        for backend in StoreBackend.allCases {
            let store = try backend.open(passwordIterations: 1_000)
            defer { backend.dispose(store) }
            try store.importStudy(slug: "test", study: study, datasets: datasets, at: StoreFixture.now)
            try store.createAccount(username: "Bolat", password: "long enough", role: .editor, at: StoreFixture.now)
            try store.createAccount(username: "aigerim", password: "long enough", role: .admin, at: StoreFixture.now)
            reads.append((try store.study(slug: "test"), try store.waves(study: "test"),
                          try ["w1", "w2"].map { try store.dataset(study: "test", wave: $0) },
                          try store.studies(includeEmbargoed: false, asOf: StoreFixture.now),
                          try store.accounts().map(\.username) + store.polls().map(\.id)))
        }
        #expect(reads[0].0 == reads[1].0)
        #expect(reads[0].1 == reads[1].1)
        #expect(zip(reads[0].2, reads[1].2).allSatisfy { StoreFixture.same($0, $1) })
        #expect(reads[0].3 == reads[1].3)
        #expect(reads[0].4 == reads[1].4, "accounts and polls in the same order")
    }

    @Test("a PostgreSQL schema from a newer Barometer is refused, and both databases record the same migrations")
    func migrationsOnPostgres() throws {
        guard StoreBackend.all.contains(.postgres) else { return }
        let location = try StoreBackend.postgres.freshLocation()
        let store = try BarometerStore(location: location)
        defer { StoreBackend.postgres.dispose(store) }
        #expect(try store.appliedMigrations() == BarometerStore.inMemory().appliedMigrations())
        #expect(try BarometerStore(location: location).appliedMigrations().count == 7, "reopening applies nothing twice")
        try store.write("testing") { db in try db.execute("INSERT INTO barometer_migrations (identifier) VALUES ('v99')") }
        let error = #expect(throws: StoreError.self) { try BarometerStore(location: location) }
        #expect(error?.kind == .unsupportedVersion)
        #expect(error?.message.contains("upgrade Barometer") == true)
    }

    @Test("a PostgreSQL server that does not answer is named with host and port and the settings to check")
    func unreachable() throws {
        let error = #expect(throws: StoreError.self) {
            try BarometerStore(location: StoreLocation("postgres://barometer@127.0.0.1:1/nowhere"))
        }
        #expect(error?.kind == .database)
        #expect(error?.message.hasPrefix("Cannot connect to PostgreSQL at 127.0.0.1:1 (connection refused)") == true, "\(error?.message ?? "")")
        #expect(error?.message.hasSuffix("; check --store or BAROMETER_STORE and that PostgreSQL is running there.") == true)
    }

    @Test("a store location is a folder or a postgres:// URL; a bad URL is one sentence naming the option")
    func locations() throws {
        #expect(try StoreLocation("barometer-data") == .directory("barometer-data"))
        let url = try StoreLocation("postgresql://ana:s%40cret@db.internal:6543/archive?schema=public_portal&pool=8")
        #expect(url == .postgres(PostgresStoreLocation(host: "db.internal", port: 6543, user: "ana", password: "s@cret", database: "archive",
                                                       schema: "public_portal", maximumConnections: 8)))
        #expect(url.description == "postgres://ana@db.internal:6543/archive?schema=public_portal", "no password shown")
        #expect(try StoreLocation("postgres://ana@db/archive") == .postgres(PostgresStoreLocation(host: "db", user: "ana", database: "archive")))
        let noDatabase = #expect(throws: StoreError.self) { try StoreLocation("postgres://ana:pw@db:5432/") }
        #expect(noDatabase?.message == "The PostgreSQL URL 'postgres://ana:***@db:5432/' names no database; give --store as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
        let noUser = #expect(throws: StoreError.self) { try StoreLocation("postgres://db/archive", option: "BAROMETER_STORE") }
        #expect(noUser?.message.contains("give BAROMETER_STORE as") == true)
        let unknown = #expect(throws: StoreError.self) { try StoreLocation("postgres://ana@db/archive?colour=red") }
        #expect(unknown?.message.contains("unknown parameter 'colour'") == true)
        let other = #expect(throws: StoreError.self) { try StoreLocation("mysql://ana@db/archive") }
        #expect(other?.kind == .invalidInput)
    }
}
