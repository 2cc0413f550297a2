import Foundation

/// A table of the store as a backup copies it: its columns, each with the kind of value it
/// holds, so that rows move between SQLite and PostgreSQL (a boolean is 0/1 in one and BOOLEAN
/// in the other, a time GRDB's text in one and TIMESTAMPTZ in the other).
///
/// The tables are listed parents first, the order rows are restored in.
struct StoreTable: Sendable {
    /// What a column holds.
    enum Kind: String, Sendable {
        case integer, text, blob, bool, time
    }

    let name: String
    let columns: [(name: String, kind: Kind)]
    /// Whether PostgreSQL generates its `id` (an identity), so that a restore must override it
    /// and then move the sequence past the restored ids.
    let hasIdentity: Bool
    /// The order its rows are read in: the primary key, or for saved analyses the order they
    /// were saved in (which their listing keeps).
    let order: @Sendable (StoreDialect) -> String

    /// Every table a backup holds, parents first. The catalog's version and the record of
    /// migrations are not rows of a backup: a restore raises the one and checks the other.
    static let all: [StoreTable] = [
        StoreTable(name: "study", columns: [("id", .integer), ("slug", .text), ("title", .text), ("yaml", .text), ("simulated", .bool),
                                            ("createdAt", .time), ("updatedAt", .time)], hasIdentity: true),
        StoreTable(name: "wave", columns: [("id", .integer), ("studyId", .integer), ("waveId", .text), ("position", .integer), ("label", .text),
                                           ("fieldworkStart", .text), ("fieldworkEnd", .text), ("mode", .text), ("design", .text),
                                           ("embargoUntil", .text), ("respondents", .integer)], hasIdentity: true),
        StoreTable(name: "dataset", columns: [("waveRowId", .integer), ("format", .integer), ("data", .blob), ("dataSHA256", .text),
                                              ("codebook", .text), ("codebookSHA256", .text)], hasIdentity: false),
        StoreTable(name: "waveWeighting", columns: [("waveRowId", .integer), ("spec", .text)], hasIdentity: false),
        StoreTable(name: "analysis", columns: [("id", .text), ("studySlug", .text), ("request", .text), ("result", .text), ("createdAt", .time),
                                               ("name", .text), ("savedBy", .text), ("viewPath", .text)],
                   hasIdentity: false, order: { "createdAt, \($0.insertionOrder)" }),
        StoreTable(name: "account", columns: [("id", .integer), ("username", .text), ("passwordHash", .text), ("role", .text), ("createdAt", .time)],
                   hasIdentity: true),
        StoreTable(name: "apiToken", columns: [("id", .integer), ("accountId", .integer), ("tokenSHA256", .text), ("name", .text),
                                               ("createdAt", .time), ("lastUsedAt", .time)], hasIdentity: true),
        StoreTable(name: "poll", columns: [("id", .text), ("pollster", .text), ("question", .text), ("fieldStart", .text), ("fieldEnd", .text),
                                           ("poll", .text), ("importedAt", .time)], hasIdentity: false),
    ]

    init(name: String, columns: [(name: String, kind: Kind)], hasIdentity: Bool, order: @escaping @Sendable (StoreDialect) -> String = { _ in "1" }) {
        self.name = name
        self.columns = columns
        self.hasIdentity = hasIdentity
        self.order = order
    }

    /// Every row, its values of the kinds of ``columns``.
    func rows(in db: any StoreSession) throws -> [[StoreValue]] {
        let names = columns.map(\.name).joined(separator: ", ")
        return try db.query("SELECT \(names) FROM \(name) ORDER BY \(order(db.dialect))").map { row in
            try zip(row.columns, columns).map { cell, column in try Self.normalized(cell.value, column) }
        }
    }

    /// Inserts `rows` (values of the kinds of ``columns``), keeping their ids.
    func insert(_ rows: [[StoreValue]], into db: any StoreSession) throws {
        let names = columns.map(\.name).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let overriding = hasIdentity && db.dialect == .postgres ? " OVERRIDING SYSTEM VALUE" : ""
        let sql = "INSERT INTO \(name) (\(names))\(overriding) VALUES (\(marks))"
        for row in rows { try db.execute(sql, row) }
        if hasIdentity && db.dialect == .postgres {
            try db.execute("SELECT setval(pg_get_serial_sequence('\(name)', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM \(name)), false)")
        }
    }

    /// `value` as the kind `column` holds, whichever database it was read from.
    private static func normalized(_ value: StoreValue, _ column: (name: String, kind: Kind)) throws -> StoreValue {
        if value == .null { return .null }
        let converted: StoreValue? = switch column.kind {
        case .integer: Int64.fromStoreValue(value).map(StoreValue.integer)
        case .text: String.fromStoreValue(value).map(StoreValue.text)
        case .blob: Data.fromStoreValue(value).map(StoreValue.blob)
        case .bool: Bool.fromStoreValue(value).map(StoreValue.bool)
        case .time: Date.fromStoreValue(value).map(StoreValue.date)
        }
        guard let converted else { throw StoreRowDecodingError(column: column.name, value: value, type: column.kind.rawValue) }
        return converted
    }
}
