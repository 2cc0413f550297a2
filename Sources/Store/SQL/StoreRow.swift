import Foundation

/// One row of a result, its columns in the order the statement gave them. Columns are looked up
/// ignoring case, because PostgreSQL folds unquoted names to lowercase (`createdAt` comes back
/// as `createdat`).
struct StoreRow: Sendable, Equatable, CustomStringConvertible {
    /// The columns' names and values, in order.
    let columns: [(name: String, value: StoreValue)]

    init(_ columns: [(name: String, value: StoreValue)]) {
        self.columns = columns
    }

    /// The value of column `name` (ignoring case); nil when the row has no such column.
    subscript(name: String) -> StoreValue? {
        let key = name.lowercased()
        return columns.first { $0.name.lowercased() == key }?.value
    }

    /// The value of column `name` as `T`.
    /// - Throws: ``StoreRowDecodingError`` when the column is missing or of another kind.
    func decode<T: StoreValueConvertible>(_ type: T.Type = T.self, _ name: String) throws -> T {
        guard let value = self[name] else { throw StoreRowDecodingError(column: name, value: nil, type: "\(T.self)") }
        guard let decoded = T.fromStoreValue(value) else { throw StoreRowDecodingError(column: name, value: value, type: "\(T.self)") }
        return decoded
    }

    /// The first column's value as `T`.
    func first<T: StoreValueConvertible>(_ type: T.Type = T.self) throws -> T {
        guard let column = columns.first else { throw StoreRowDecodingError(column: "1", value: nil, type: "\(T.self)") }
        return try decode(T.self, column.name)
    }

    static func == (lhs: StoreRow, rhs: StoreRow) -> Bool {
        lhs.columns.map(\.name) == rhs.columns.map(\.name) && lhs.columns.map(\.value) == rhs.columns.map(\.value)
    }

    var description: String {
        "[" + columns.map { "\($0.name.lowercased()):\($0.value)" }.joined(separator: " ") + "]"
    }
}
