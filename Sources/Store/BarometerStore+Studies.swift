import Crypto
import Foundation
import Studies
import SurveyCore
import SurveyIO
import Weighting

extension BarometerStore {
    // MARK: Import

    /// Stores `study` under `slug` with one dataset per wave (keyed by wave id) and the
    /// weighting of every wave that study.yaml weights when analysed (keyed by wave id, targets
    /// keyed by code), in one transaction: when anything fails, the store is left exactly as it was.
    ///
    /// The study is kept as its `study.yaml` text (``SurveyIO/StudyYAML``), each dataset as a
    /// ``DatasetBlobCodec`` blob plus its codebook as JSON, each with a SHA-256 checked on read.
    /// Replacing a study keeps its creation time and its saved analyses.
    ///
    /// - Parameters:
    ///   - replace: overwrite a study already stored under `slug`; when false such a study is
    ///     an error.
    ///   - date: the time recorded as the import's.
    /// - Returns: the stored study's summary.
    /// - Throws: ``StoreError``: `invalidInput` for a bad slug, a wave without a dataset, a
    ///   dataset for no wave, or a study whose YAML does not read back; `alreadyExists` when
    ///   `slug` is taken and `replace` is false; `database` when SQLite fails.
    @discardableResult
    public func importStudy(
        slug: String, study: Study, datasets: [String: Dataset], weightings: [String: WeightingSpec] = [:],
        replace: Bool = false, at date: Date = Date()
    ) throws(StoreError) -> StudySummary {
        try importStudy(slug: slug, study: study, datasets: datasets, weightings: weightings, replace: replace, at: date,
                        afterWave: { _, _ in })
    }

    /// ``importStudy(slug:study:datasets:replace:at:)`` with a hook run inside the transaction
    /// after each wave's rows are written (tests inject failures through it).
    func importStudy(
        slug: String, study: Study, datasets: [String: Dataset], weightings: [String: WeightingSpec] = [:],
        replace: Bool, at date: Date, afterWave: (any StoreSession, String) throws -> Void
    ) throws(StoreError) -> StudySummary {
        try StoreNames.checkSlug(slug)
        let yaml: String
        do {
            yaml = try StudyYAML.string(for: study)
            _ = try StudyYAML.read(string: yaml, name: "\(slug)/study.yaml")
        } catch {
            throw StoreError(.invalidInput, error.message)
        }
        let waveIds = study.waves.map(\.id)
        if let extra = datasets.keys.sorted().first(where: { !waveIds.contains($0) }) {
            throw StoreError(.invalidInput, "A dataset is given for wave '\(extra)', which study '\(slug)' does not have (its waves are \(Self.quoted(waveIds))); key each dataset by its wave's id.")
        }
        // Encode outside the transaction, so that the write lock is held only for the writes.
        var prepared: [String: PreparedDataset] = [:]
        for wave in study.waves {
            guard let dataset = datasets[wave.id] else { continue }
            prepared[wave.id] = try PreparedDataset(dataset, wave: wave.id, study: slug)
        }
        var weightingRows: [String: String] = [:]
        for wave in study.waves {
            if let spec = weightings[wave.id] {
                guard wave.weighting != nil else {
                    throw StoreError(.invalidInput, "Weighting targets are given for wave '\(wave.id)', which study.yaml does not weight when analysed; add `weighting:` to the wave, or leave the targets out.")
                }
                weightingRows[wave.id] = try StoreJSON.encode(spec, "the weighting of wave '\(wave.id)'")
            } else if let weighting = wave.weighting {
                throw StoreError(.invalidInput, "Wave '\(wave.id)' is weighted to '\(weighting.targets)' when analysed, but its targets were not given; import the study folder, whose targets file is read with it.")
            }
        }
        let title = try StoreJSON.encode(study.title, "the title of study '\(slug)'")
        var waveRows: [(label: String, design: String)] = []
        for wave in study.waves {
            waveRows.append((try StoreJSON.encode(wave.label, "the label of wave '\(wave.id)'"),
                             try StoreJSON.encode(wave.design, "the design of wave '\(wave.id)'")))
        }

        let taken = StoreError(.alreadyExists, "Study '\(slug)' is already in the store; import it again with `--replace` to overwrite it, or choose another slug.")
        do {
            try write("importing study '\(slug)'") { db in
                let existing = try db.value(Int64.self, "SELECT id FROM study WHERE slug = ?", [slug])
                let studyRowId: Int64
                if let existing {
                    guard replace else { throw taken }
                    studyRowId = existing
                    try db.execute(
                        "UPDATE study SET title = ?, yaml = ?, simulated = ?, updatedAt = ? WHERE id = ?",
                        [title, yaml, study.simulated, date, studyRowId])
                    try db.execute("DELETE FROM wave WHERE studyId = ?", [studyRowId])
                } else {
                    // A concurrent import of the same slug fails here on the UNIQUE slug (see below).
                    studyRowId = try db.value(
                        Int64.self, "INSERT INTO study (slug, title, yaml, simulated, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                        [slug, title, yaml, study.simulated, date, date])!
                }
                for (position, wave) in study.waves.enumerated() {
                    guard let data = prepared[wave.id] else {
                        throw StoreError(.invalidInput, "Study '\(slug)' has no dataset for wave '\(wave.id)'; give one dataset per wave, keyed by the wave's id.")
                    }
                    let waveRowId = try db.value(
                        Int64.self, """
                            INSERT INTO wave (studyId, waveId, position, label, fieldworkStart, fieldworkEnd, mode, design, embargoUntil, respondents)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                            """,
                        [studyRowId, wave.id, position, waveRows[position].label, wave.fieldworkStart, wave.fieldworkEnd,
                         wave.mode, waveRows[position].design, wave.embargoUntil, data.rowCount])!
                    try db.execute(
                        "INSERT INTO dataset (waveRowId, format, data, dataSHA256, codebook, codebookSHA256) VALUES (?, ?, ?, ?, ?, ?)",
                        [waveRowId, Int(DatasetBlobCodec.version), data.blob, data.blobSHA256, data.codebook, data.codebookSHA256])
                    if let spec = weightingRows[wave.id] {
                        try db.execute("INSERT INTO waveWeighting (waveRowId, spec) VALUES (?, ?)", [waveRowId, spec])
                    }
                    try afterWave(db, wave.id)
                }
                try Self.raiseCatalogVersion(db)
            }
        } catch let error where isUniqueViolation(error) {
            // Another writer stored the same slug between our check and our insert: it won.
            throw taken
        }
        // Read back, so that the times have the precision they are stored with (milliseconds).
        guard let summary = try summaries(day: nil, slug: slug).first else { throw StoreError.noStudy(slug) }
        return summary
    }

    // MARK: Reading

    /// Every stored study, by slug, with the number of its waves.
    public func studies() throws(StoreError) -> [StudySummary] {
        try summaries(day: nil)
    }

    /// The stored studies as the public sees them on `date` (its UTC day): when
    /// `includeEmbargoed` is false, `waveCount` counts only waves whose embargo has lifted, and
    /// studies with no such wave are left out.
    public func studies(includeEmbargoed: Bool, asOf date: Date) throws(StoreError) -> [StudySummary] {
        try summaries(day: includeEmbargoed ? nil : StoreNames.day(date))
    }

    /// Summaries of all studies (or of `slug`), counting the waves public on `day` when given.
    private func summaries(day: String?, slug: String? = nil) throws(StoreError) -> [StudySummary] {
        var arguments: [any StoreValueConvertible] = []
        let visible = day.map { arguments.append($0); return "AND (w.embargoUntil IS NULL OR w.embargoUntil <= ?)" } ?? ""
        let only = slug.map { arguments.append($0); return "WHERE s.slug = ?" } ?? ""
        let having = day == nil ? "" : "HAVING COUNT(w.id) > 0"
        let rows = try readStatement("listing studies") { db in
            try db.query("""
                SELECT s.slug, s.title, s.simulated, s.createdAt, s.updatedAt, COUNT(w.id) AS waveCount
                FROM study s LEFT JOIN wave w ON w.studyId = s.id \(visible) \(only)
                GROUP BY s.id, s.slug, s.title, s.simulated, s.createdAt, s.updatedAt \(having) ORDER BY s.slug
                """, arguments)
        }
        var result: [StudySummary] = []
        for row in rows {
            let slug: String = try decode(row, "slug")
            result.append(StudySummary(
                slug: slug, title: try StoreJSON.decode(LocalizedText.self, from: try decode(row, "title"), "title of study '\(slug)'"),
                waveCount: try decode(row, "waveCount"), simulated: try decode(row, "simulated"),
                createdAt: try decode(row, "createdAt"), updatedAt: try decode(row, "updatedAt")))
        }
        return result
    }

    /// The study stored under `slug`, read back from its `study.yaml` text.
    /// - Throws: ``StoreError`` (`notFound`) when there is no such study.
    public func study(slug: String) throws(StoreError) -> Study {
        let yaml = try readStatement("reading study '\(slug)'") { db in
            try db.value(String.self, "SELECT yaml FROM study WHERE slug = ?", [slug])
        }
        guard let yaml else { throw StoreError.noStudy(slug) }
        do {
            return try StudyYAML.read(string: yaml, name: "\(slug)/study.yaml")
        } catch {
            throw StoreError(.corrupt, "The stored study.yaml of study '\(slug)' no longer reads (\(error.message)); re-import the study with `--replace`.")
        }
    }

    /// The study stored under `slug` as the public sees it on `date` (its UTC day): when
    /// `includeEmbargoed` is false, embargoed waves and their concept mappings are left out.
    /// - Throws: ``StoreError`` (`notFound`) when there is no such study or none of its waves
    ///   is public yet.
    public func study(slug: String, includeEmbargoed: Bool, asOf date: Date) throws(StoreError) -> Study {
        var study = try study(slug: slug)
        guard !includeEmbargoed else { return study }
        let day = StoreNames.day(date)
        let hidden = Set(study.waves.filter { $0.embargoUntil.map { day < $0 } ?? false }.map(\.id))
        guard !hidden.isEmpty else { return study }
        study.waves.removeAll { hidden.contains($0.id) }
        guard !study.waves.isEmpty else {
            throw StoreError(.notFound, "Study '\(slug)' has no wave public on \(day); its waves are under embargo until their release day.")
        }
        for i in study.concepts.indices { study.concepts[i].mappings.removeAll { hidden.contains($0.wave) } }
        return study
    }

    /// Every wave of study `slug`, embargoed or not, in study order.
    /// - Throws: ``StoreError`` (`notFound`) when there is no such study.
    public func waves(study slug: String) throws(StoreError) -> [StoredWave] {
        try waves(study: slug, day: nil)
    }

    /// The waves of study `slug` in study order; when `includeEmbargoed` is false, only those
    /// public on the UTC day of `date` (a wave is public from its `embargoUntil` day on).
    /// - Throws: ``StoreError`` (`notFound`) when there is no such study.
    public func waves(study slug: String, includeEmbargoed: Bool, asOf date: Date) throws(StoreError) -> [StoredWave] {
        try waves(study: slug, day: includeEmbargoed ? nil : StoreNames.day(date))
    }

    private func waves(study slug: String, day: String?) throws(StoreError) -> [StoredWave] {
        var arguments: [any StoreValueConvertible] = [slug]
        let visible = day.map { arguments.append($0); return "AND (w.embargoUntil IS NULL OR w.embargoUntil <= ?)" } ?? ""
        let (exists, rows) = try read("listing the waves of study '\(slug)'") { db in
            let exists = try db.exists("SELECT 1 FROM study WHERE slug = ?", [slug])
            let rows = try db.query("""
                SELECT w.waveId, w.label, w.fieldworkStart, w.fieldworkEnd, w.mode, w.design, w.embargoUntil,
                       w.respondents, d.dataSHA256
                FROM study s JOIN wave w ON w.studyId = s.id JOIN dataset d ON d.waveRowId = w.id
                WHERE s.slug = ? \(visible) ORDER BY w.position
                """, arguments)
            return (exists, rows)
        }
        guard exists else { throw StoreError.noStudy(slug) }
        var waves: [StoredWave] = []
        for row in rows {
            let id: String = try decode(row, "waveId")
            waves.append(StoredWave(
                id: id, label: try StoreJSON.decode(LocalizedText.self, from: try decode(row, "label"), "label of wave '\(id)'"),
                fieldworkStart: try decode(row, "fieldworkStart"), fieldworkEnd: try decode(row, "fieldworkEnd"),
                mode: try decode(row, "mode"),
                design: try StoreJSON.decode(DesignSpec.self, from: try decode(row, "design"), "design of wave '\(id)'"),
                embargoUntil: try decode(row, "embargoUntil"), respondents: try decode(row, "respondents"),
                dataSHA256: try decode(row, "dataSHA256")))
        }
        return waves
    }

    /// The dataset of wave `wave` of study `slug`, with its codebook, after checking both
    /// against their stored SHA-256.
    ///
    /// This read ignores embargoes: callers that serve the public check the wave with
    /// ``waves(study:includeEmbargoed:asOf:)`` first.
    /// - Throws: ``StoreError``: `notFound` for an unknown study or wave, `corrupt` when the
    ///   stored bytes fail their checksum or do not decode.
    public func dataset(study slug: String, wave: String) throws(StoreError) -> Dataset {
        let what = "wave '\(wave)' of study '\(slug)'"
        let (row, knownWaves) = try read("reading the dataset of \(what)") { db in
            let row = try db.queryOne("""
                SELECT d.format, d.data, d.dataSHA256, d.codebook, d.codebookSHA256
                FROM study s JOIN wave w ON w.studyId = s.id JOIN dataset d ON d.waveRowId = w.id
                WHERE s.slug = ? AND w.waveId = ?
                """, [slug, wave])
            // For the error when there is no such row: nil when the study itself is missing.
            var known: [String]? = []
            if row == nil {
                let exists = try db.exists("SELECT 1 FROM study WHERE slug = ?", [slug])
                known = exists
                    ? try db.values(String.self, "SELECT w.waveId FROM wave w JOIN study s ON s.id = w.studyId WHERE s.slug = ? ORDER BY w.position", [slug])
                    : nil
            }
            return (row, known)
        }
        guard let row else {
            guard let knownWaves else { throw StoreError.noStudy(slug) }
            throw StoreError.noWave(wave, study: slug, known: knownWaves)
        }
        let format: Int = try decode(row, "format")
        guard format <= Int(DatasetBlobCodec.version) else {
            throw StoreError(.unsupportedVersion, "The dataset of \(what) is stored in blob format \(format), which this Barometer cannot read; upgrade Barometer.")
        }
        let blob: Data = try decode(row, "data")
        let codebookJSON: String = try decode(row, "codebook")
        guard DatasetBlobCodec.storedDigest(of: blob) == (try decode(row, "dataSHA256") as String) else {
            throw StoreError(.corrupt, "The stored data of \(what) do not match their recorded SHA-256, so the blob was damaged or swapped; re-import the study with `--replace`.")
        }
        guard Self.sha256(codebookJSON) == (try decode(row, "codebookSHA256") as String) else {
            throw StoreError(.corrupt, "The stored codebook of \(what) does not match its recorded SHA-256, so it was damaged; re-import the study with `--replace`.")
        }
        let codebook = try StoreJSON.decode(Codebook.self, from: codebookJSON, "codebook of \(what)")
        return try DatasetBlobCodec.decode(blob, codebook: codebook, name: "the stored dataset of \(what)")
    }

    /// The weighting study.yaml applies to wave `wave` of study `slug` when it is analysed, with
    /// its targets keyed by code; nil when the wave is analysed with its stored weights.
    /// - Throws: ``StoreError``: `corrupt` when the stored JSON does not decode.
    public func weighting(study slug: String, wave: String) throws(StoreError) -> WeightingSpec? {
        let json = try readStatement("reading the weighting of wave '\(wave)' of study '\(slug)'") { db in
            try db.value(String.self, """
                SELECT g.spec FROM study s JOIN wave w ON w.studyId = s.id JOIN waveWeighting g ON g.waveRowId = w.id
                WHERE s.slug = ? AND w.waveId = ?
                """, [slug, wave])
        }
        return try json.map { text throws(StoreError) in
            try StoreJSON.decode(WeightingSpec.self, from: text, "weighting of wave '\(wave)' of study '\(slug)'")
        }
    }

    /// Removes study `slug`, its waves, their data and its saved analyses.
    /// - Throws: ``StoreError`` (`notFound`) when there is no such study.
    public func deleteStudy(slug: String) throws(StoreError) {
        let deleted = try write("deleting study '\(slug)'") { db in
            let deleted = try db.execute("DELETE FROM study WHERE slug = ?", [slug])
            if deleted > 0 { try Self.raiseCatalogVersion(db) }
            return deleted
        }
        guard deleted > 0 else { throw StoreError.noStudy(slug) }
    }

    // MARK: Versions

    /// The catalog's version: raised by every import, replacement and deletion of a study, in
    /// the transaction that makes it. Equal versions mean the same studies, waves and data, so a
    /// reader may keep what it decoded; one indexed read, cheap enough to ask on every request.
    public func catalogVersion() throws(StoreError) -> Int64 {
        try readStatement("reading the catalog's version") { db in
            try db.value(Int64.self, "SELECT version FROM catalog WHERE id = 1") ?? 0
        }
    }

    static func raiseCatalogVersion(_ db: any StoreSession) throws {
        try db.execute("UPDATE catalog SET version = version + 1 WHERE id = 1")
    }

    // MARK: Helpers

    /// A column of `row`, a decoding failure reported as a damaged store.
    func decode<T: StoreValueConvertible>(_ row: StoreRow, _ column: String) throws(StoreError) -> T {
        do {
            return try row.decode(T.self, column)
        } catch {
            throw StoreError(.corrupt, "The store '\(database.name)' has a bad value in column '\(column)' (\(error)); restore it from a backup or re-import the study.")
        }
    }

    static func sha256(_ text: String) -> String {
        Crypto.SHA256.hash(data: Data(text.utf8)).map { DatasetBlobCodec.hexDigits[Int($0)] }.joined()
    }

    static func quoted(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}

/// A wave's dataset encoded for the store, before the transaction that writes it.
private struct PreparedDataset {
    let blob: Data
    let blobSHA256: String
    let codebook: String
    let codebookSHA256: String
    let rowCount: Int

    init(_ dataset: Dataset, wave: String, study: String) throws(StoreError) {
        do {
            blob = try DatasetBlobCodec.encode(dataset)
        } catch {
            throw StoreError(error.kind, "Cannot store wave '\(wave)' of study '\(study)': \(error.message)")
        }
        blobSHA256 = DatasetBlobCodec.storedDigest(of: blob)!
        codebook = try StoreJSON.encode(dataset.codebook, "the codebook of wave '\(wave)' of study '\(study)'")
        codebookSHA256 = BarometerStore.sha256(codebook)
        rowCount = dataset.rowCount
    }
}
