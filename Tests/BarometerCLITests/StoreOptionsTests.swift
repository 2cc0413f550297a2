@testable import BarometerCLI
import Foundation
@testable import Store
import Testing

private let studyFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path

@Suite("--data, --store and BAROMETER_STORE")
struct StoreOptionsTests {
    func options(_ arguments: [String]) throws -> StoreOptions {
        try StoreOptions.parse(arguments)
    }

    @Test("--data is a folder, --store a folder or a URL, BAROMETER_STORE the default, barometer-data the last resort")
    func locations() throws {
        let url = "postgres://barometer@127.0.0.1:55432/archive"
        #expect(try options(["--data", "here"]).location(environment: [:]) == .directory("here"))
        #expect(try options(["--store", "there"]).location(environment: [:]) == .directory("there"))
        #expect(try options(["--store", url]).location(environment: [:]) == StoreLocation(url))
        #expect(try options([]).location(environment: ["BAROMETER_STORE": url]) == StoreLocation(url))
        #expect(try options(["--data", "here"]).location(environment: ["BAROMETER_STORE": url]) == .directory("here"))
        #expect(try options([]).location(environment: [:]) == .directory("barometer-data"))
        let both = #expect(throws: StoreError.self) { try options(["--data", "a", "--store", "b"]).location(environment: [:]) }
        #expect(both?.message == "Both --data and --store name a store; give one of them.")
        let environment = #expect(throws: StoreError.self) { try options([]).location(environment: ["BAROMETER_STORE": "postgres://db/x"]) }
        #expect(environment?.message.contains("give BAROMETER_STORE as postgres://") == true)
    }

    @Test("a bad --store URL is refused in one sentence that names --store, on every verb that opens the store",
          arguments: [["import", studyFixture], ["serve"], ["polls", "list"], ["polls", "show", "abc"], ["polls", "average", "--question", "q", "--answer", "a"]])
    func badURL(verb: [String]) {
        let run = BarometerCLI.run(verb + ["--store", "postgres://127.0.0.1/archive"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("give --store as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"), "\(run.stderr)")
        #expect(run.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
    }

    @Test("import and polls work on a PostgreSQL store given by --store")
    func importIntoPostgres() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["BAROMETER_TEST_POSTGRES"], !base.isEmpty else {
            #expect(environment["CI"] != "true", "CI=true but BAROMETER_TEST_POSTGRES is not set")
            return
        }
        let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let run = BarometerCLI.run(["import", studyFixture, "--store", url, "--slug", "tracker"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("into \(try StoreLocation(url)).\n"))
        let store = try BarometerStore(location: StoreLocation(url))
        #expect(try store.studies().map(\.slug) == ["tracker"])
        #expect(BarometerCLI.run(["polls", "list", "--store", url, "--question", "war_side"]).status == 0)
        let again = BarometerCLI.run(["import", studyFixture, "--store", url, "--slug", "tracker"])
        #expect(again.status == 1 && again.stderr.contains("already in the store"))
        // Leave nothing behind: the schema goes with its tables.
        _ = try store.write("testing") { db in try db.execute("DROP SCHEMA \(schema) CASCADE") }
    }
}
