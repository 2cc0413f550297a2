import Foundation
import SurveyCore

extension BarometerStore {
    /// Keeps `request` and the `result` it gave on study `study`, and returns the new analysis's
    /// id (20 random hex digits). Saved analyses go when their study is deleted and stay when
    /// it is replaced.
    /// - Throws: ``StoreError`` (`notFound`) when there is no such study.
    @discardableResult
    public func saveAnalysis(
        study slug: String, request: AnalysisRequest, result: AnalysisResult, name: String? = nil, savedBy: String? = nil,
        viewPath: String? = nil, at date: Date = Date()
    ) throws(StoreError) -> String {
        let requestJSON = try StoreJSON.encode(request, "the analysis request")
        let resultJSON = try StoreJSON.encode(result, "the analysis result")
        let id = Self.randomHex(bytes: 10)
        return try write("saving an analysis of study '\(slug)'") { db in
            guard try db.exists("SELECT 1 FROM study WHERE slug = ?", [slug]) else {
                throw StoreError.noStudy(slug)
            }
            try db.execute(
                "INSERT INTO analysis (id, studySlug, request, result, createdAt, name, savedBy, viewPath) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [id, slug, requestJSON, resultJSON, date, name, savedBy, viewPath])
            return id
        }
    }

    /// The saved analysis `id`.
    /// - Throws: ``StoreError`` (`notFound`) when there is none.
    public func analysis(id: String) throws(StoreError) -> SavedAnalysis {
        let row = try readStatement("reading analysis '\(id)'") { db in
            try db.queryOne("SELECT id, studySlug, request, result, createdAt, name, savedBy, viewPath FROM analysis WHERE id = ?", [id])
        }
        guard let row else {
            throw StoreError(.notFound, "No saved analysis '\(id)' in the store; check the id, or list a study's analyses to find it.")
        }
        return try savedAnalysis(row)
    }

    /// The analyses saved on study `slug`, oldest first.
    /// - Throws: ``StoreError`` (`notFound`) when there is no such study.
    public func analyses(study slug: String) throws(StoreError) -> [SavedAnalysis] {
        let rows = try read("listing the analyses of study '\(slug)'") { db -> [StoreRow]? in
            guard try db.exists("SELECT 1 FROM study WHERE slug = ?", [slug]) else { return nil }
            return try db.query("""
                SELECT id, studySlug, request, result, createdAt, name, savedBy, viewPath FROM analysis WHERE studySlug = ?
                ORDER BY createdAt, \(db.dialect.insertionOrder)
                """, [slug])
        }
        guard let rows else { throw StoreError.noStudy(slug) }
        var result: [SavedAnalysis] = []
        for row in rows { result.append(try savedAnalysis(row)) }
        return result
    }

    /// Removes the saved analysis `id`.
    /// - Throws: ``StoreError`` (`notFound`) when there is none.
    public func deleteAnalysis(id: String) throws(StoreError) {
        let deleted = try write("deleting analysis '\(id)'") { db in
            try db.execute("DELETE FROM analysis WHERE id = ?", [id])
        }
        guard deleted > 0 else {
            throw StoreError(.notFound, "No saved analysis '\(id)' in the store; check the id, or list a study's analyses to find it.")
        }
    }

    private func savedAnalysis(_ row: StoreRow) throws(StoreError) -> SavedAnalysis {
        let id: String = try decode(row, "id")
        return SavedAnalysis(
            id: id, study: try decode(row, "studySlug"),
            request: try StoreJSON.decode(AnalysisRequest.self, from: try decode(row, "request"), "request of analysis '\(id)'"),
            result: try StoreJSON.decode(AnalysisResult.self, from: try decode(row, "result"), "result of analysis '\(id)'"),
            createdAt: try decode(row, "createdAt"), name: try decode(row, "name"), savedBy: try decode(row, "savedBy"),
            viewPath: try decode(row, "viewPath"))
    }

    /// The analyses analysts saved from the explorer (those with a name), newest first.
    public func namedAnalyses() throws(StoreError) -> [SavedAnalysis] {
        let rows = try readStatement("listing the saved analyses") { db in
            try db.query("""
                SELECT id, studySlug, request, result, createdAt, name, savedBy, viewPath FROM analysis WHERE name IS NOT NULL
                ORDER BY createdAt DESC, id
                """)
        }
        var result: [SavedAnalysis] = []
        for row in rows { result.append(try savedAnalysis(row)) }
        return result
    }

    /// `bytes` random bytes from the system's secure generator, as lowercase hex.
    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in DatasetBlobCodec.hexDigits[Int(UInt8.random(in: 0...255, using: &generator))] }.joined()
    }
}
