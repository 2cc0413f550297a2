import Crypto
import Foundation
import Polls

extension BarometerStore {
    /// A stored poll and its id (for `barometer polls show ID`).
    public struct StoredPoll: Sendable, Equatable {
        public var id: String
        public var poll: Poll
    }

    /// The id of `poll`: 12 hex digits of the SHA-256 of pollster, fieldwork, question,
    /// population and sample size — what makes two rows the same poll.
    public static func pollID(_ poll: Poll) -> String {
        let identity = [poll.pollster, poll.fieldStart.description, poll.fieldEnd.description, poll.question, poll.population ?? "",
                        poll.sampleSize.map(String.init) ?? ""].joined(separator: "\u{1F}")
        return String(sha256(identity).prefix(12))
    }

    /// Stores `polls` in one transaction (all or none), replacing polls with the same id.
    /// - Returns: how many were new and how many replaced one already stored.
    @discardableResult
    public func importPolls(_ polls: [Poll], at date: Date = Date()) throws(StoreError) -> (added: Int, replaced: Int) {
        try write("importing \(polls.count) polls") { db in try Self.insert(polls, into: db, at: date, replacing: true) }
    }

    /// Inserts `polls` in the open transaction `db`: replacing a stored poll with the same id,
    /// or (with `replacing` false) keeping it.
    @discardableResult
    static func insert(_ polls: [Poll], into db: any StoreSession, at date: Date, replacing: Bool) throws -> (added: Int, replaced: Int) {
        var added = 0, replaced = 0
        for poll in polls {
            let id = pollID(poll)
            let json = try StoreJSON.encode(poll, "a poll of \(poll.pollster)")
            let exists = try db.exists("SELECT 1 FROM poll WHERE id = ?", [id])
            if exists && !replacing { continue }
            if exists { replaced += 1 } else { added += 1 }
            try db.execute(
                """
                INSERT INTO poll (id, pollster, question, fieldStart, fieldEnd, poll, importedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET pollster = excluded.pollster, question = excluded.question, fieldStart = excluded.fieldStart,
                    fieldEnd = excluded.fieldEnd, poll = excluded.poll, importedAt = excluded.importedAt
                """,
                [id, poll.pollster, poll.question, poll.fieldStart.description, poll.fieldEnd.description, json, date])
        }
        return (added, replaced)
    }

    /// The stored polls, of one question or all, by fieldwork start then pollster.
    public func polls(question: String? = nil) throws(StoreError) -> [StoredPoll] {
        let rows = try readStatement("reading the polls") { db in
            if let question {
                return try db.query("SELECT id, poll FROM poll WHERE question = ? ORDER BY fieldStart, pollster, id", [question])
            }
            return try db.query("SELECT id, poll FROM poll ORDER BY fieldStart, pollster, id")
        }
        var out: [StoredPoll] = []
        for row in rows {
            let id: String = try decode(row, "id")
            out.append(StoredPoll(id: id, poll: try StoreJSON.decode(Poll.self, from: try decode(row, "poll"), "poll '\(id)'")))
        }
        return out
    }

    /// The stored poll `id`.
    /// - Throws: ``StoreError`` (`notFound`) naming the id.
    public func poll(id: String) throws(StoreError) -> StoredPoll {
        let json = try readStatement("reading poll '\(id)'") { db in try db.value(String.self, "SELECT poll FROM poll WHERE id = ?", [id]) }
        guard let json else {
            throw StoreError(.notFound, "No poll '\(id)' in the store; `barometer polls list` shows the ids.")
        }
        return StoredPoll(id: id, poll: try StoreJSON.decode(Poll.self, from: json, "poll '\(id)'"))
    }
}
