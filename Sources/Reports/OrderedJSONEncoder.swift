/// Encodes an `Encodable` value as JSON whose object members keep the order in which the
/// value's `encode(to:)` wrote them.
///
/// Foundation's `JSONEncoder` on Linux (swift-foundation) stores keyed containers in a
/// dictionary, so member order changes from run to run; the JSON result of DESIGN.md §5 has a
/// fixed order (`barometer`, `design`, `rows`, `tests`, `warnings`, ...), hence this encoder.
///
/// - Doubles are written with the shortest digits that read back to the same value, so
///   numbers round-trip exactly; NaN and infinities are written as `null`.
/// - Slashes are not escaped; non-ASCII text is written as UTF-8.
/// - A key written twice keeps its first position and its last value.
public struct OrderedJSONEncoder: Sendable {
    /// Indent nested values by two spaces, one member per line (arrays of scalars stay on one line).
    public var prettyPrinted: Bool

    public init(prettyPrinted: Bool = true) {
        self.prettyPrinted = prettyPrinted
    }

    /// The JSON text of `value`, without a trailing newline.
    public func encode<T: Encodable>(_ value: T) throws -> String {
        let root = JSONSlot()
        try JSONTreeEncoder(slot: root, codingPath: []).encodeValue(value, into: root, at: [])
        return root.value.serialized(pretty: prettyPrinted)
    }
}

/// A place in the JSON tree being built, shared by the containers that write into it.
final class JSONSlot {
    enum Content {
        case unset
        case scalar(JSONValue)
        case array([JSONSlot])
        case object(keys: [String], members: [String: JSONSlot])
    }

    var content: Content = .unset

    /// The finished value. A value that encoded nothing at all becomes `{}`, as with `JSONEncoder`.
    var value: JSONValue {
        switch content {
        case .unset: .object([])
        case .scalar(let v): v
        case .array(let slots): .array(slots.map(\.value))
        case .object(let keys, let members): .object(keys.map { ($0, members[$0]!.value) })
        }
    }

    func makeObject() {
        if case .object = content { return }
        content = .object(keys: [], members: [:])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    /// The slot of member `key`, created at the end of the object when new.
    func member(_ key: String) -> JSONSlot {
        makeObject()
        guard case .object(var keys, var members) = content else { preconditionFailure("not an object") }
        let child = JSONSlot()
        if members[key] == nil { keys.append(key) }
        members[key] = child
        content = .object(keys: keys, members: members)
        return child
    }

    /// A new slot at the end of the array.
    func appendElement() -> JSONSlot {
        makeArray()
        guard case .array(var slots) = content else { preconditionFailure("not an array") }
        let child = JSONSlot()
        slots.append(child)
        content = .array(slots)
        return child
    }

    var elementCount: Int {
        if case .array(let slots) = content { return slots.count }
        return 0
    }
}

/// The `Encoder` handed to `encode(to:)` implementations; writes into one ``JSONSlot``.
struct JSONTreeEncoder: Encoder {
    let slot: JSONSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(slot: JSONSlot, codingPath: [any CodingKey]) {
        self.slot = slot
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.makeObject()
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.makeArray()
        return JSONUnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(slot: slot, codingPath: codingPath)
    }

    /// Writes `value` into `target`: scalars directly, anything else through its `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T, into target: JSONSlot, at path: [any CodingKey]) throws {
        switch value {
        case let v as Double: target.content = .scalar(JSONValue(v))
        case let v as Float: target.content = .scalar(JSONValue(v))
        case let v as String: target.content = .scalar(.string(v))
        case let v as Bool: target.content = .scalar(.bool(v))
        case let v as any BinaryInteger: target.content = .scalar(.number(String(describing: v)))
        default: try value.encode(to: JSONTreeEncoder(slot: target, codingPath: path))
        }
    }
}
