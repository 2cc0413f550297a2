import Foundation

/// A JSON value of the expectation files written by `conformance/stata-expectations.py`,
/// decoded with `JSONDecoder` so that numbers keep every bit of their `Double`.
enum StataExpectation: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([StataExpectation])
    case object([String: StataExpectation])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([StataExpectation].self) { self = .array(a) }
        else { self = .object(try c.decode([String: StataExpectation].self)) }
    }

    static func load(_ data: Data) throws -> StataExpectation { try JSONDecoder().decode(StataExpectation.self, from: data) }

    subscript(key: String) -> StataExpectation {
        if case .object(let o) = self { return o[key] ?? .null }
        return .null
    }

    var string: String? { if case .string(let s) = self { return s }; return nil }
    var number: Double? { if case .number(let d) = self { return d }; return nil }
    var int: Int? { number.map { Int($0) } }
    var array: [StataExpectation]? { if case .array(let a) = self { return a }; return nil }
    var object: [String: StataExpectation]? { if case .object(let o) = self { return o }; return nil }
    var isNull: Bool { self == .null }
}
