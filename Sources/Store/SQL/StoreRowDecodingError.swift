import Foundation

/// A column that is missing from a row or holds a value of another kind than asked for.
struct StoreRowDecodingError: Error, CustomStringConvertible {
    let column: String
    let value: StoreValue?
    let type: String

    var description: String {
        value.map { "\($0) is not a \(type)" } ?? "no column '\(column)'"
    }
}
