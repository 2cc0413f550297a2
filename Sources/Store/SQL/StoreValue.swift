import Foundation
import GRDB

/// One value bound to, or read from, a statement of either database: the few kinds the store's
/// columns hold. Each backend maps them to its own types (a boolean is SQLite's 0/1 and
/// PostgreSQL's BOOLEAN, a time is GRDB's UTC text and PostgreSQL's TIMESTAMPTZ, bytes are a
/// BLOB and a BYTEA).
enum StoreValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
    case bool(Bool)
    case date(Date)

    var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): "\(value)"
        case .real(let value): "\(value)"
        case .text(let value): "'\(value)'"
        case .blob(let value): "<\(value.count) bytes>"
        case .bool(let value): value ? "1" : "0"
        case .date(let value): "'\(StoreValue.text(of: value))'"
        }
    }

    /// A time at the precision both stores keep (milliseconds, rounded down), so that a value
    /// reads back the same from either.
    static func truncatedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// GRDB's UTC text of `date` (`YYYY-MM-DD HH:MM:SS.SSS`), as SQLite stores times.
    static func text(of date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? "\(date)"
    }
}
