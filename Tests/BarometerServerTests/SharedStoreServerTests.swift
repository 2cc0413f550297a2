import BarometerServer
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Store
import Testing

/// Several servers on one store — two on one SQLite file, or two on one PostgreSQL database —
/// answer byte for byte as each other and as a server on a store of its own, and each serves
/// what the other imported at its next request.
@Suite("Several servers on one store")
struct SharedStoreServerTests {
    /// SQLite always; PostgreSQL when `BAROMETER_TEST_POSTGRES` names a database, and always
    /// under `CI=true` (where a missing URL fails the test rather than skipping it).
    static var kinds: [String] {
        let environment = ProcessInfo.processInfo.environment
        let postgres = !(environment["BAROMETER_TEST_POSTGRES"] ?? "").isEmpty || environment["CI"] == "true"
        return postgres ? ["sqlite", "postgres"] : ["sqlite"]
    }

    /// A new shared location of `kind`: a folder of its own, or a schema of its own.
    static func location(_ kind: String) throws -> StoreLocation {
        guard kind == "postgres" else {
            return .directory(FileManager.default.temporaryDirectory.appendingPathComponent("barometer-shared-\(UUID().uuidString)").path)
        }
        let url = try #require(ProcessInfo.processInfo.environment["BAROMETER_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 },
                               "CI=true but BAROMETER_TEST_POSTGRES is not set (scripts/postgres-test-cluster start prints it)")
        var postgres = try PostgresStoreLocation(url: url)
        postgres.schema = "serve_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return .postgres(postgres)
    }

    static let views = [
        "/api/v1/studies", "/api/v1/studies/demo/analyze?wave=2022-autumn&variable=opinion_russia&by=agegroup",
        "/api/v1/studies/demo/trend?concept=opinion_russia&by=agegroup", "/api/v1/studies/demo/trend.csv?concept=opinion_china",
        "/api/v1/studies/demo/chart.svg?concept=opinion_russia&lang=kk", "/studies/demo/concepts/opinion_russia?by=language&lang=ru",
    ]

    static func answers(_ store: BarometerStore) async throws -> [String] {
        try await ServerFixture.app(store: store).test(.router) { client in
            var bodies: [String] = []
            for uri in views {
                let r = try await client.execute(uri: uri, method: .get, headers: [:], body: nil)
                #expect(r.status == .ok, "\(uri)")
                bodies.append(String(buffer: r.body))
            }
            return bodies
        }
    }

    @Test("two servers on one store answer as each other and as a server of their own; an import through one is served by the other", arguments: kinds)
    func serversAgree(_ kind: String) async throws {
        let location = try Self.location(kind)
        let first = try BarometerStore(location: location, passwordIterations: 1_000)
        defer { Self.remove(first, location) }
        try first.importStudy(slug: "demo", study: ServerFixture.demo.study, datasets: ServerFixture.datasets())
        let second = try BarometerStore(location: location, passwordIterations: 1_000)
        let own = try await Self.answers(ServerFixture.store)
        let mine = try await Self.answers(first), theirs = try await Self.answers(second)
        for (index, uri) in Self.views.enumerated() {
            #expect(mine[index] == theirs[index] && mine[index] == own[index], "\(kind): \(uri)")
        }
        // The first server lists one study; the second imports another; the first lists both.
        let app = ServerFixture.app(store: first)
        try await app.test(.router) { client in
            let before = String(buffer: try await client.execute(uri: "/api/v1/studies", method: .get, headers: [:], body: nil).body)
            #expect(!before.contains("\"slug\":\"copy\""))
            try second.importStudy(slug: "copy", study: ServerFixture.demo.study, datasets: ServerFixture.datasets())
            let after = String(buffer: try await client.execute(uri: "/api/v1/studies", method: .get, headers: [:], body: nil).body)
            #expect(after.contains("\"slug\":\"copy\"") && after.contains("\"slug\":\"demo\""))
            let copied = try await client.execute(uri: "/api/v1/studies/copy/analyze?wave=2022-autumn&variable=opinion_russia&by=agegroup",
                                                  method: .get, headers: [:], body: nil)
            // The same estimates as the original study's (its provenance names the copy).
            let rows = { (text: String) -> NSArray? in
                (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["rows"] as? NSArray
            }
            #expect(rows(String(buffer: copied.body)) != nil && rows(String(buffer: copied.body)) == rows(mine[1]))
        }
    }

    /// Drops the test's schema, or removes its folder.
    static func remove(_ store: BarometerStore, _ location: StoreLocation) {
        switch location {
        case .directory(let folder):
            try? FileManager.default.removeItem(atPath: folder)
        case .postgres(let postgres):
            guard let schema = postgres.schema else { return }
            _ = try? store.write("dropping the test schema") { db in try db.execute("DROP SCHEMA \(PostgresStoreLocation.quoted(schema)) CASCADE") }
        }
    }
}
