import BarometerCLI
import Foundation
@testable import Store
import Testing

private let studyFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path

@Suite("barometer store backup and restore")
struct StoreCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-command-\(UUID())").path

    /// The PostgreSQL test database with a schema of its own, or nil when none is configured.
    func postgresURL() -> String? {
        guard let base = ProcessInfo.processInfo.environment["BAROMETER_TEST_POSTGRES"], !base.isEmpty else { return nil }
        let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    @Test("a study imported into a SQLite store is backed up, restored whole into another store, and moved alone into PostgreSQL")
    func backupAndRestore() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(BarometerCLI.run(["import", studyFixture, "--data", folder + "/a", "--slug", "tracker"]).status == 0)
        let backup = BarometerCLI.run(["store", "backup", folder + "/a.sqlite", "--data", folder + "/a"])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout == "Backed up \(folder)/a (1 study) to \(folder)/a.sqlite.\n")
        let restore = BarometerCLI.run(["store", "restore", folder + "/a.sqlite", "--data", folder + "/b"])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try BarometerStore(directory: folder + "/b").waves(study: "tracker") == BarometerStore(directory: folder + "/a").waves(study: "tracker"))
        let refused = BarometerCLI.run(["store", "restore", folder + "/a.sqlite", "--data", folder + "/b"])
        #expect(refused.status == 1 && refused.stderr.contains("--replace"))

        guard let url = postgresURL() else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "CI=true but BAROMETER_TEST_POSTGRES is not set")
            return
        }
        let moved = BarometerCLI.run(["store", "restore", folder + "/a/barometer.sqlite", "--study", "tracker", "--store", url])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.hasPrefix("Restored study 'tracker' (3 waves)"))
        let store = try BarometerStore(location: StoreLocation(url))
        #expect(try store.waves(study: "tracker") == BarometerStore(directory: folder + "/a").waves(study: "tracker"))
        let export = BarometerCLI.run(["store", "backup", folder + "/pg.jsonl", "--store", url])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(BarometerCLI.run(["store", "restore", folder + "/pg.jsonl", "--data", folder + "/c"]).status == 0)
        #expect(try BarometerStore(directory: folder + "/c").study(slug: "tracker") == store.study(slug: "tracker"))
        if case .postgres(let location) = try StoreLocation(url), let schema = location.schema {
            try store.write("testing") { db in try db.execute("DROP SCHEMA \(schema) CASCADE") }
        }
    }
}
