import Foundation
import GRDB

/// A Swift type the store binds to a statement and reads from a column.
protocol StoreValueConvertible {
    /// The value as bound to a statement.
    var storeValue: StoreValue { get }
    /// The column value as this type; nil when it is of another kind.
    static func fromStoreValue(_ value: StoreValue) -> Self?
}

extension String: StoreValueConvertible {
    var storeValue: StoreValue { .text(self) }
    static func fromStoreValue(_ value: StoreValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Int64: StoreValueConvertible {
    var storeValue: StoreValue { .integer(self) }
    static func fromStoreValue(_ value: StoreValue) -> Int64? {
        switch value {
        case .integer(let number): number
        case .bool(let flag): flag ? 1 : 0
        default: nil
        }
    }
}

extension Int: StoreValueConvertible {
    var storeValue: StoreValue { .integer(Int64(self)) }
    static func fromStoreValue(_ value: StoreValue) -> Int? { Int64.fromStoreValue(value).flatMap { Int(exactly: $0) } }
}

extension Double: StoreValueConvertible {
    var storeValue: StoreValue { .real(self) }
    static func fromStoreValue(_ value: StoreValue) -> Double? {
        switch value {
        case .real(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }
}

extension Bool: StoreValueConvertible {
    var storeValue: StoreValue { .bool(self) }
    static func fromStoreValue(_ value: StoreValue) -> Bool? {
        switch value {
        case .bool(let flag): flag
        case .integer(let number) where number == 0 || number == 1: number == 1
        default: nil
        }
    }
}

extension Date: StoreValueConvertible {
    var storeValue: StoreValue { .date(self) }
    static func fromStoreValue(_ value: StoreValue) -> Date? {
        switch value {
        case .date(let date): date
        case .text(let text): Date.fromDatabaseValue(text.databaseValue)
        default: nil
        }
    }
}

extension Data: StoreValueConvertible {
    var storeValue: StoreValue { .blob(self) }
    static func fromStoreValue(_ value: StoreValue) -> Data? {
        if case .blob(let bytes) = value { return bytes }
        return nil
    }
}

extension Optional: StoreValueConvertible where Wrapped: StoreValueConvertible {
    var storeValue: StoreValue { map(\.storeValue) ?? .null }
    static func fromStoreValue(_ value: StoreValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.fromStoreValue(value).map { .some($0) }
    }
}

extension StoreValue: StoreValueConvertible {
    var storeValue: StoreValue { self }
    static func fromStoreValue(_ value: StoreValue) -> StoreValue? { value }
}
