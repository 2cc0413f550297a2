import Foundation
import Polls
@testable import Store
import Studies
import SurveyCore
import Testing

@Suite("store backup and restore")
struct StoreBackupTests {
    /// A backup file's path in a folder of its own, removed after `body`.
    func withBackupFile(_ name: String, _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent(name).path)
    }

    /// A store with two studies, a saved analysis, an account with a token and an extra poll.
    func fill(_ store: BarometerStore) throws -> (token: String, analysis: String) {
        try store.importStudy(slug: "test", study: StoreFixture.study(embargo: "2024-06-01"), datasets: StoreFixture.datasets(), at: StoreFixture.now)
        try store.importStudy(slug: "other", study: StoreFixture.study(title: "Other"), datasets: StoreFixture.datasets(), at: StoreFixture.now)
        let analysis = try store.saveAnalysis(study: "test", request: AnalysisFixture.request, result: AnalysisFixture.result(), at: StoreFixture.now)
        try store.createAccount(username: "aigerim", password: "long enough", role: .admin, at: StoreFixture.now)
        let token = try store.createToken(username: "aigerim", name: "laptop", at: StoreFixture.now)
        try store.importPolls([Poll(pollster: "Test", fieldStart: CivilDay("2023-01-01")!, fieldEnd: CivilDay("2023-01-05")!, sampleSize: 800,
                                    question: "test_side", wording: ["en": "Which side?"], answers: [.init("Russia", share: 20)], source: "a test")],
                              at: StoreFixture.now)
        return (token, analysis)
    }

    /// What a reader sees of a store, to compare two stores.
    struct Contents: Equatable {
        var studies: [StudySummary]
        var study: [Study]
        var waves: [[StoredWave]]
        var analyses: [[String]]
        var requests: [[AnalysisRequest]]
        var accounts: [Account]
        var polls: [BarometerStore.StoredPoll]
    }

    func contents(_ store: BarometerStore) throws -> Contents {
        let studies = try store.studies()
        return Contents(
            studies: studies, study: try studies.map { try store.study(slug: $0.slug) }, waves: try studies.map { try store.waves(study: $0.slug) },
            analyses: try studies.map { try store.analyses(study: $0.slug).map { "\($0.id) \($0.createdAt)" } },
            requests: try studies.map { try store.analyses(study: $0.slug).map(\.request) },
            accounts: try store.accounts(), polls: try store.polls())
    }

    @Test("a backup restores into an empty store of the same kind: studies, data, analyses, accounts, tokens and polls",
          arguments: StoreBackend.all)
    func roundTrip(backend: StoreBackend) throws {
        try withBackupFile("backup") { file in
            let store = try backend.open(passwordIterations: 1_000)
            defer { backend.dispose(store) }
            let (token, analysis) = try fill(store)
            try store.backup(to: file)
            let restored = try backend.open(passwordIterations: 1_000)
            defer { backend.dispose(restored) }
            let before = try restored.catalogVersion()
            try restored.restore(from: file)
            #expect(try contents(restored) == contents(store))
            #expect(try restored.catalogVersion() > before, "servers on the restored store see a change")
            #expect(StoreFixture.same(try restored.dataset(study: "test", wave: "w2"), try StoreFixture.datasets()["w2"]!))
            #expect(try restored.authenticate(token: token)?.username == "aigerim")
            #expect(try restored.verifyPassword(username: "aigerim", password: "long enough") != nil)
            #expect(try restored.analysis(id: analysis).request == AnalysisFixture.request)
            // New rows after a restore take fresh ids.
            try restored.importStudy(slug: "third", study: StoreFixture.study(), datasets: StoreFixture.datasets())
            try restored.createAccount(username: "bolat", password: "long enough", role: .editor)
            #expect(try restored.studies().count == 3 && restored.accounts().count == 2)
        }
    }

    @Test("a whole archive moves both ways between SQLite and PostgreSQL through a backup")
    func acrossDatabases() throws {
        guard StoreBackend.all.contains(.postgres) else { return }
        for (from, to) in [(StoreBackend.sqlite, StoreBackend.postgres), (.postgres, .sqlite)] {
            try withBackupFile("backup") { file in
                let source = try from.open(passwordIterations: 1_000)
                defer { from.dispose(source) }
                let (token, _) = try fill(source)
                try source.backup(to: file)
                let target = try to.open(passwordIterations: 1_000)
                defer { to.dispose(target) }
                try target.restore(from: file)
                #expect(try contents(target) == contents(source), "\(from) to \(to)")
                #expect(try target.authenticate(token: token) != nil)
            }
        }
    }

    @Test("one study moves from a SQLite data directory into a PostgreSQL (or another SQLite) store, the rest left alone",
          arguments: StoreBackend.all)
    func moveOneStudy(backend: StoreBackend) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = try BarometerStore(directory: folder, passwordIterations: 1_000)
        _ = try fill(source)
        let target = try backend.open(passwordIterations: 1_000)
        defer { backend.dispose(target) }
        try target.importStudy(slug: "kept", study: StoreFixture.study(title: "Kept"), datasets: StoreFixture.datasets())
        let file = folder + "/" + BarometerStore.fileName
        let summary = try target.restoreStudy("test", from: file)
        #expect(summary.slug == "test" && summary.waveCount == 2)
        #expect(try target.studies().map(\.slug) == ["kept", "test"])
        #expect(try target.study(slug: "test") == source.study(slug: "test"))
        #expect(try target.waves(study: "test") == source.waves(study: "test"))
        #expect(try target.analyses(study: "test").map(\.id) == source.analyses(study: "test").map(\.id))
        let again = #expect(throws: StoreError.self) { try target.restoreStudy("test", from: file) }
        #expect(again?.kind == .alreadyExists)
        try target.restoreStudy("test", from: file, replace: true)
        let missing = #expect(throws: StoreError.self) { try target.restoreStudy("nope", from: file) }
        #expect(missing?.kind == .notFound)
    }

    @Test("a restore into a store that holds studies needs replace, and a file that is no backup is refused", arguments: StoreBackend.all)
    func refusals(backend: StoreBackend) throws {
        try withBackupFile("backup") { file in
            let store = try backend.open(passwordIterations: 1_000)
            defer { backend.dispose(store) }
            _ = try fill(store)
            try store.backup(to: file)
            let full = #expect(throws: StoreError.self) { try store.restore(from: file) }
            #expect(full?.kind == .alreadyExists)
            #expect(full?.message.contains("--replace") == true)
            try store.restore(from: file, replace: true)
            #expect(try store.studies().count == 2)

            try Data("not a backup\n".utf8).write(to: URL(fileURLWithPath: file))
            let bad = #expect(throws: StoreError.self) { try store.restore(from: file, replace: true) }
            #expect(bad?.kind == .invalidInput)
            #expect(bad?.message == "The backup '\(file)' is neither a SQLite store nor a Barometer store export; give a file written by `barometer store backup`.")
            #expect(try store.studies().count == 2, "nothing changed")
        }
    }
}
