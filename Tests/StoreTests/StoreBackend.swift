import Foundation
@testable import Store
import Testing

/// The databases the store's tests run on: SQLite always; PostgreSQL at the URL in
/// `BAROMETER_TEST_POSTGRES` (`scripts/postgres-test-cluster start` prints one). Without that
/// variable the PostgreSQL cases are left out, except under `CI=true`, where they run and fail
/// so that CI cannot pass without them.
enum StoreBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresVariable = "BAROMETER_TEST_POSTGRES"

    /// The backends to run a parameterized test on.
    static var all: [StoreBackend] {
        let environment = ProcessInfo.processInfo.environment
        let wanted = environment[postgresVariable].map { !$0.isEmpty } ?? false || environment["CI"] == "true"
        return wanted ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }

    /// The test database's URL.
    static func postgresURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[postgresVariable], !url.isEmpty else {
            throw StoreError(.invalidInput, "CI=true but \(postgresVariable) is not set; start a cluster with scripts/postgres-test-cluster and export the URL it prints.")
        }
        return url
    }

    /// A new, empty store of this kind: in memory for SQLite, a schema of its own for PostgreSQL
    /// (so that tests run in parallel). Pair it with ``dispose(_:)``.
    func open(passwordIterations: Int = PasswordHasher.defaultIterations) throws -> BarometerStore {
        switch self {
        case .sqlite:
            return try BarometerStore.inMemory(passwordIterations: passwordIterations)
        case .postgres:
            return try BarometerStore(location: try Self.freshPostgres(), passwordIterations: passwordIterations)
        }
    }

    /// A new, empty database of this kind that several stores may open: a file in a folder of
    /// its own for SQLite, a schema of its own for PostgreSQL.
    func freshLocation() throws -> StoreLocation {
        switch self {
        case .sqlite:
            .directory(FileManager.default.temporaryDirectory.appendingPathComponent("barometer-store-\(UUID().uuidString)").path)
        case .postgres:
            try Self.freshPostgres()
        }
    }

    private static func freshPostgres() throws -> StoreLocation {
        var location = try PostgresStoreLocation(url: try postgresURL())
        location.schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return .postgres(location)
    }

    /// Removes what ``open(passwordIterations:)`` or ``freshLocation()`` made: the schema and its
    /// tables, or the folder.
    func dispose(_ store: BarometerStore) {
        if let postgres = store.database as? PostgresStoreDatabase, let schema = postgres.location.schema {
            do {
                try store.write("dropping the test schema") { db in
                    try db.execute("DROP SCHEMA \(PostgresStoreLocation.quoted(schema)) CASCADE")
                }
            } catch {
                Issue.record("The test schema \(schema) was not dropped: \(error)")
            }
        } else if let path = store.path {
            try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
        }
    }
}
