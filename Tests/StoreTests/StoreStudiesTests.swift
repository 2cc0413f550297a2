import Foundation
@testable import Store
import Studies
import SurveyCore
import Testing

@Suite("studies in the store")
struct StoreStudiesTests {
    /// Everything a reader can see, to compare the store before and after a failed write.
    func snapshot(_ store: BarometerStore) throws -> String {
        try store.read("testing") { db in
            var text = ""
            for table in ["study", "wave", "dataset", "analysis"] {
                let rows = try db.query("SELECT * FROM \(table) ORDER BY 1")
                text += "\(table): \(rows.map(\.description))\n"
            }
            return text
        }
    }

    @Test("a study imported with its datasets reads back: summary, Study, waves, data and codebooks", arguments: StoreBackend.all)
    func importAndRead(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        let study = StoreFixture.study()
        let datasets = try StoreFixture.datasets()
        let summary = try store.importStudy(slug: "test", study: study, datasets: datasets, at: StoreFixture.now)
        #expect(summary.waveCount == 2 && summary.simulated)

        let listed = try store.studies()
        #expect(listed.map(\.slug) == ["test"])
        #expect(listed.first?.title.text(in: "kk") == "Сынақ мониторингі")
        #expect(listed.first?.waveCount == 2)
        #expect(listed.first?.createdAt == StoreFixture.now)

        #expect(try store.study(slug: "test") == study)

        let waves = try store.waves(study: "test")
        #expect(waves.map(\.id) == ["w1", "w2"])
        #expect(waves.map(\.respondents) == [12, 9])
        #expect(waves[0].label.text(in: "ru") == "Весна 2021")
        #expect(waves[0].design == StoreFixture.design)
        #expect(waves[1].mode == "telephone")
        #expect(waves[0].dataSHA256.count == 64)

        for (id, original) in datasets {
            let back = try store.dataset(study: "test", wave: id)
            #expect(StoreFixture.same(original, back), "wave \(id)")
            #expect(back.codebook["lang"]?.valueLabels.first?.stringCode == "kk")
            #expect(back.codebook["q_ru"]?.label.text(in: "kk") == "Ресей туралы пікір")
        }
    }

    @Test("the catalog's version rises with every import, replacement and deletion, and with nothing else", arguments: StoreBackend.all)
    func catalogVersion(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        let start = try store.catalogVersion()
        #expect(start >= 1)
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        #expect(try store.catalogVersion() == start + 1)
        _ = try store.studies()
        _ = try store.dataset(study: "test", wave: "w1")
        #expect(try store.catalogVersion() == start + 1)
        #expect(throws: StoreError.self) { try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets()) }
        #expect(try store.catalogVersion() == start + 1, "a refused import changes nothing")
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets(), replace: true)
        #expect(try store.catalogVersion() == start + 2)
        #expect(throws: StoreError.self) { try store.deleteStudy(slug: "nope") }
        #expect(try store.catalogVersion() == start + 2)
        try store.deleteStudy(slug: "test")
        #expect(try store.catalogVersion() == start + 3)
    }

    @Test("unknown studies and waves are named with the fix", arguments: StoreBackend.all)
    func notFound(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        let noStudy = #expect(throws: StoreError.self) { try store.study(slug: "cab") }
        #expect(noStudy == StoreError(.notFound, "No study 'cab' in the store; import it with `barometer import STUDY_DIR`."))
        #expect(throws: StoreError.noStudy("cab")) { try store.dataset(study: "cab", wave: "w1") }
        #expect(throws: StoreError.noStudy("cab")) { try store.waves(study: "cab") }
        #expect(throws: StoreError.noStudy("cab")) { try store.deleteStudy(slug: "cab") }
        let noWave = #expect(throws: StoreError.self) { try store.dataset(study: "test", wave: "w9") }
        #expect(noWave?.message == "Study 'test' has no wave 'w9'; its waves are 'w1', 'w2'.")
    }

    @Test("a missing dataset, an extra dataset, a bad slug and a bad code are refused and nothing is written", arguments: StoreBackend.all)
    func refusedInput(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        var datasets = try StoreFixture.datasets()
        datasets["w2"] = nil
        let missing = #expect(throws: StoreError.self) {
            try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: datasets)
        }
        #expect(missing?.kind == .invalidInput)
        #expect(missing?.message == "Study 'test' has no dataset for wave 'w2'; give one dataset per wave, keyed by the wave's id.")
        datasets = try StoreFixture.datasets()
        datasets["w3"] = datasets["w1"]
        let extra = #expect(throws: StoreError.self) {
            try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: datasets)
        }
        #expect(extra?.message.contains("wave 'w3', which study 'test' does not have") == true)
        for slug in ["", "Test", "a b", "-x", "../etc", String(repeating: "a", count: 65)] {
            let bad = #expect(throws: StoreError.self) {
                try store.importStudy(slug: slug, study: StoreFixture.study(), datasets: StoreFixture.datasets())
            }
            #expect(bad?.kind == .invalidInput, "slug \(slug)")
        }
        datasets = try StoreFixture.datasets()
        datasets["w2"] = try Dataset(columns: [.categorical("c", codes: [5], levels: ["a"])])
        let code = #expect(throws: StoreError.self) {
            try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: datasets)
        }
        #expect(code?.message.hasPrefix("Cannot store wave 'w2' of study 'test': Column 'c' has code 5 in row 1") == true)
        #expect(try store.studies().isEmpty)
    }

    @Test("a failure injected after the first wave's rows rolls the whole import back", arguments: StoreBackend.all)
    func rollbackOnInjectedFailure(backend: StoreBackend) throws {
        struct Injected: Error {}
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "other", study: StoreFixture.study(title: "Other"), datasets: StoreFixture.datasets())
        let before = try snapshot(store)
        var written: [String] = []
        #expect(throws: StoreError.self) {
            try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets(), replace: false,
                                  at: StoreFixture.now) { db, wave in
                // The study's and the wave's rows are there inside the transaction…
                let counts = try ["study", "wave", "dataset"].map { try db.value(Int.self, "SELECT COUNT(*) FROM \($0)") ?? 0 }
                written.append("\(wave): \(counts)")
                if wave == "w1" { throw Injected() }
            }
        }
        #expect(written == ["w1: [2, 3, 3]"])
        // …and gone after it.
        #expect(try snapshot(store) == before)
        #expect(try store.studies().map(\.slug) == ["other"])
    }

    @Test("replacing a study rolls back to the old one when it fails half-way", arguments: StoreBackend.all)
    func rollbackOfReplace(backend: StoreBackend) throws {
        struct Injected: Error {}
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(title: "Old"), datasets: StoreFixture.datasets(), at: StoreFixture.now)
        let before = try snapshot(store)
        #expect(throws: StoreError.self) {
            try store.importStudy(slug: "test", study: StoreFixture.study(title: "New"), datasets: StoreFixture.datasets(), replace: true,
                                  at: StoreFixture.now) { _, wave in
                if wave == "w2" { throw Injected() }
            }
        }
        #expect(try snapshot(store) == before)
        #expect(try store.study(slug: "test").title.text(in: "en") == "Old")
        #expect(StoreFixture.same(try store.dataset(study: "test", wave: "w2"), try StoreFixture.datasets()["w2"]!))
    }

    @Test("a taken slug is refused unless replace is asked; replacing keeps the creation time and saved analyses", arguments: StoreBackend.all)
    func replaceOrRefuse(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(title: "Old"), datasets: StoreFixture.datasets(), at: StoreFixture.now)
        let analysis = try store.saveAnalysis(study: "test", request: AnalysisFixture.request, result: AnalysisFixture.result())
        let before = try snapshot(store)
        let clash = #expect(throws: StoreError.self) {
            try store.importStudy(slug: "test", study: StoreFixture.study(title: "New"), datasets: StoreFixture.datasets())
        }
        #expect(clash == StoreError(.alreadyExists, "Study 'test' is already in the store; import it again with `--replace` to overwrite it, or choose another slug."))
        #expect(try snapshot(store) == before)

        var study = StoreFixture.study(title: "New")
        study.waves.removeLast()
        study.concepts[0].mappings.removeLast()
        let later = StoreFixture.now.addingTimeInterval(86_400)
        let data = try StoreFixture.dataset(rows: 30, seed: 2)
        let summary = try store.importStudy(slug: "test", study: study, datasets: ["w1": data], replace: true, at: later)
        #expect(summary.createdAt == StoreFixture.now && summary.updatedAt == later)
        #expect(try store.study(slug: "test") == study)
        #expect(try store.waves(study: "test").map(\.respondents) == [30])
        #expect(StoreFixture.same(try store.dataset(study: "test", wave: "w1"), data))
        #expect(throws: StoreError.self) { try store.dataset(study: "test", wave: "w2") }
        #expect(try store.analyses(study: "test").map(\.id) == [analysis])
        let count = try store.read("testing") { db in try db.value(Int.self, "SELECT COUNT(*) FROM dataset") }
        #expect(count == 1, "the old waves' data are gone")
    }

    @Test("embargoed waves are hidden from public listings until their day, and shown when asked", arguments: StoreBackend.all)
    func embargo(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(embargo: "2024-06-01"), datasets: StoreFixture.datasets())
        let hidden = try store.waves(study: "test", includeEmbargoed: false, asOf: StoreFixture.now)
        #expect(hidden.map(\.id) == ["w1"])
        #expect(try store.waves(study: "test", includeEmbargoed: true, asOf: StoreFixture.now).map(\.id) == ["w1", "w2"])
        let eve = Date(timeIntervalSince1970: 1_717_199_999)  // 2024-05-31 23:59:59 UTC
        let day = Date(timeIntervalSince1970: 1_717_200_000)  // 2024-06-01 00:00:00 UTC
        #expect(try store.waves(study: "test", includeEmbargoed: false, asOf: eve).map(\.id) == ["w1"])
        #expect(try store.waves(study: "test", includeEmbargoed: false, asOf: day).map(\.id) == ["w1", "w2"])
        #expect(try store.studies(includeEmbargoed: false, asOf: eve).map(\.waveCount) == [1])
        #expect(try store.studies(includeEmbargoed: false, asOf: day).map(\.waveCount) == [2])
        #expect(try store.studies(includeEmbargoed: true, asOf: eve).map(\.waveCount) == [2])
        #expect(hidden[0].isEmbargoed(on: "2024-03-15") == false)

        let publicStudy = try store.study(slug: "test", includeEmbargoed: false, asOf: eve)
        #expect(publicStudy.waves.map(\.id) == ["w1"])
        #expect(publicStudy.concepts[0].mappings.map(\.wave) == ["w1"])
        #expect(try store.study(slug: "test", includeEmbargoed: false, asOf: day) == StoreFixture.study(embargo: "2024-06-01"))
    }

    @Test("a study whose every wave is embargoed is left out of public listings", arguments: StoreBackend.all)
    func fullyEmbargoed(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        var study = StoreFixture.study(embargo: "2030-01-01")
        study.waves[0].embargoUntil = "2030-01-01"
        try store.importStudy(slug: "test", study: study, datasets: StoreFixture.datasets())
        #expect(try store.studies(includeEmbargoed: false, asOf: StoreFixture.now).isEmpty)
        #expect(try store.studies().count == 1)
        let error = #expect(throws: StoreError.self) { try store.study(slug: "test", includeEmbargoed: false, asOf: StoreFixture.now) }
        #expect(error?.kind == .notFound)
    }

    @Test("deleting a study removes its waves, data and analyses and leaves the others", arguments: StoreBackend.all)
    func delete(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "a", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        try store.importStudy(slug: "b", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        try store.saveAnalysis(study: "a", request: AnalysisFixture.request, result: AnalysisFixture.result())
        try store.deleteStudy(slug: "a")
        #expect(try store.studies().map(\.slug) == ["b"])
        let counts = try store.read("testing") { db in
            try ["wave", "dataset", "analysis"].map { try db.value(Int.self, "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        #expect(counts == [2, 2, 0])
    }

    @Test("damaged stored bytes are caught by their checksums", arguments: StoreBackend.all)
    func damagedRows(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        try store.write("testing") { db in
            try db.execute("UPDATE dataset SET codebook = replace(codebook, 'Favourable', 'Favorable') WHERE waveRowId = (SELECT id FROM wave WHERE waveId = 'w1')")
        }
        let codebook = #expect(throws: StoreError.self) { try store.dataset(study: "test", wave: "w1") }
        #expect(codebook?.kind == .corrupt)
        #expect(codebook?.message.contains("codebook of wave 'w1' of study 'test'") == true)
        try store.write("testing") { db in
            let blob = try db.value(Data.self, "SELECT data FROM dataset WHERE waveRowId = (SELECT id FROM wave WHERE waveId = 'w2')")!
            var damaged = blob
            damaged[30] ^= 1
            try db.execute("UPDATE dataset SET data = ? WHERE waveRowId = (SELECT id FROM wave WHERE waveId = 'w2')", [damaged])
        }
        let data = #expect(throws: StoreError.self) { try store.dataset(study: "test", wave: "w2") }
        #expect(data?.kind == .corrupt)
        #expect(data?.message.hasPrefix("Cannot decode the stored dataset of wave 'w2' of study 'test'") == true)
    }
}
