import Foundation

/// A connection inside one transaction (or one read), as the store's logic sees either database.
///
/// Statements are written once with `?` placeholders; each backend rewrites them for its
/// dialect (``StoreDialect``).
protocol StoreSession {
    /// Which database this is, for the few statements that differ.
    var dialect: StoreDialect { get }
    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any StoreValueConvertible]) throws -> Int
    /// Runs one statement and returns all its rows.
    func query(_ sql: String, _ arguments: [any StoreValueConvertible]) throws -> [StoreRow]
}

extension StoreSession {
    @discardableResult
    func execute(_ sql: String) throws -> Int { try execute(sql, []) }

    func query(_ sql: String) throws -> [StoreRow] { try query(sql, []) }

    /// The first row of `sql`, or nil when it has none.
    func queryOne(_ sql: String, _ arguments: [any StoreValueConvertible] = []) throws -> StoreRow? {
        try query(sql, arguments).first
    }

    /// The first column of the first row of `sql` as `T`, or nil when there is no row.
    func value<T: StoreValueConvertible>(_ type: T.Type = T.self, _ sql: String, _ arguments: [any StoreValueConvertible] = []) throws -> T? {
        try queryOne(sql, arguments).map { try $0.first(T.self) }
    }

    /// The first column of every row of `sql` as `T`.
    func values<T: StoreValueConvertible>(_ type: T.Type = T.self, _ sql: String, _ arguments: [any StoreValueConvertible] = []) throws -> [T] {
        try query(sql, arguments).map { try $0.first(T.self) }
    }

    /// Whether `sql` gives at least one row.
    func exists(_ sql: String, _ arguments: [any StoreValueConvertible] = []) throws -> Bool {
        try !query(sql, arguments).isEmpty
    }
}
