import Foundation

/// The logical backup of a store, written for PostgreSQL (which has no file to copy) and read
/// by a restore into either database: UTF-8 JSON Lines, one JSON value per line.
///
/// - Line 1, the header: `{"format":"barometer-store-export","version":1,"migrations":[…],
///   "catalogVersion":N,"tables":{"study":["id","slug",…],…}}` — the migrations applied to the
///   store it came from, and each table's columns in the order its rows give them.
/// - Every further line, one row: `{"table":"study","row":[1,"cab",…]}`, tables parents first
///   (``StoreTable/all``), a table's rows by primary key (saved analyses in the order saved).
///
/// Values are JSON null, numbers (integers), strings, and `true`/`false`; bytes (a dataset's
/// blob) are Base64 strings and times are UTC text `YYYY-MM-DD HH:MM:SS.SSS`, as the header's
/// table columns and ``StoreTable`` say which column is which.
struct StoreExport {
    static let format = "barometer-store-export"
    static let version = 1

    var migrations: [String]
    var catalogVersion: Int64
    var tables: [(table: StoreTable, rows: [[StoreValue]])]

    /// The export's bytes.
    func encoded() throws -> Data {
        var header: [String: Any] = ["format": Self.format, "version": Self.version, "migrations": migrations,
                                     "catalogVersion": catalogVersion]
        header["tables"] = Dictionary(uniqueKeysWithValues: tables.map { ($0.table.name, $0.table.columns.map(\.name)) })
        var out = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes])
        out.append(0x0A)
        for (table, rows) in tables {
            for row in rows {
                let line: [String: Any] = ["table": table.name, "row": row.map(Self.json)]
                out.append(try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]))
                out.append(0x0A)
            }
        }
        return out
    }

    /// Reads an export's bytes.
    /// - Throws: ``StoreError``: `invalidInput` for bytes that are not such an export or whose
    ///   rows do not fit their tables, `unsupportedVersion` for one made by a newer Barometer.
    init(data: Data, name: String) throws(StoreError) {
        func bad(_ what: String) -> StoreError {
            StoreError(.invalidInput, "The backup '\(name)' \(what); give a file written by `barometer store backup`.")
        }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, let header = try? JSONSerialization.jsonObject(with: Data(first)) as? [String: Any],
              header["format"] as? String == Self.format else {
            throw bad("is neither a SQLite store nor a Barometer store export")
        }
        guard let version = header["version"] as? Int, version <= Self.version else {
            throw StoreError(.unsupportedVersion, "The backup '\(name)' is an export of a newer format; upgrade Barometer to restore it.")
        }
        migrations = header["migrations"] as? [String] ?? []
        catalogVersion = (header["catalogVersion"] as? NSNumber)?.int64Value ?? 1
        let byName = Dictionary(uniqueKeysWithValues: StoreTable.all.map { ($0.name, $0) })
        var rows: [String: [[StoreValue]]] = [:]
        for (number, line) in lines.dropFirst().enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let tableName = object["table"] as? String, let values = object["row"] as? [Any] else {
                throw bad("has a damaged line \(number + 2)")
            }
            guard let table = byName[tableName], values.count == table.columns.count else {
                throw bad("has a row of an unknown table or of the wrong width on line \(number + 2)")
            }
            var row: [StoreValue] = []
            for (value, column) in zip(values, table.columns) {
                guard let decoded = Self.value(value, column.kind) else {
                    throw bad("has a bad \(column.kind.rawValue) in column '\(column.name)' of table '\(tableName)' on line \(number + 2)")
                }
                row.append(decoded)
            }
            rows[tableName, default: []].append(row)
        }
        tables = StoreTable.all.map { ($0, rows[$0.name] ?? []) }
    }

    init(migrations: [String], catalogVersion: Int64, tables: [(table: StoreTable, rows: [[StoreValue]])]) {
        self.migrations = migrations
        self.catalogVersion = catalogVersion
        self.tables = tables
    }

    private static func json(_ value: StoreValue) -> Any {
        switch value {
        case .null: NSNull()
        case .integer(let number): NSNumber(value: number)
        case .real(let number): NSNumber(value: number)
        case .text(let text): text
        case .blob(let bytes): bytes.base64EncodedString()
        case .bool(let flag): flag
        case .date(let date): StoreValue.text(of: date)
        }
    }

    private static func value(_ json: Any, _ kind: StoreTable.Kind) -> StoreValue? {
        if json is NSNull { return .null }
        switch kind {
        case .integer:
            guard let number = json as? NSNumber else { return nil }
            return .integer(number.int64Value)
        case .text:
            return (json as? String).map(StoreValue.text)
        case .blob:
            return (json as? String).flatMap { Data(base64Encoded: $0) }.map(StoreValue.blob)
        case .bool:
            return (json as? Bool).map(StoreValue.bool)
        case .time:
            return (json as? String).flatMap { Date.fromStoreValue(.text($0)) }.map(StoreValue.date)
        }
    }
}
