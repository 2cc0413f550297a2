/// A JSON document whose objects keep their members in the order they were written.
///
/// Numbers are held as their final text so that a `Double` is written with the shortest
/// digits that read back to the same value (Swift's `description`), e.g. `648.87`, `4874.0`,
/// `1e-05`; non-finite numbers never get here (they become `null`).
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// A finite `Double` as a number, anything else (NaN, ±∞) as `null`.
    init(_ value: Double) {
        self = value.isFinite ? .number(value.description) : .null
    }

    /// A finite `Float` as a number, anything else as `null`.
    init(_ value: Float) {
        self = value.isFinite ? .number(value.description) : .null
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// The document as text. Pretty printing indents nested objects by two spaces, one
    /// member per line; an array of scalars stays on one line. Slashes are not escaped.
    func serialized(pretty: Bool) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty {
                out += "[]"
            } else if !pretty || elements.allSatisfy(\.isScalar) {
                out += "["
                for (i, e) in elements.enumerated() {
                    if i > 0 { out += pretty ? ", " : "," }
                    e.write(into: &out, pretty: pretty, indent: indent)
                }
                out += "]"
            } else {
                out += "[\n"
                for (i, e) in elements.enumerated() {
                    out += String(repeating: " ", count: indent + 2)
                    e.write(into: &out, pretty: pretty, indent: indent + 2)
                    out += i < elements.count - 1 ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "]"
            }
        case .object(let members):
            if members.isEmpty {
                out += "{}"
            } else if !pretty {
                out += "{"
                for (i, m) in members.enumerated() {
                    if i > 0 { out += "," }
                    Self.writeString(m.key, into: &out)
                    out += ":"
                    m.value.write(into: &out, pretty: false, indent: 0)
                }
                out += "}"
            } else {
                out += "{\n"
                for (i, m) in members.enumerated() {
                    out += String(repeating: " ", count: indent + 2)
                    Self.writeString(m.key, into: &out)
                    out += ": "
                    m.value.write(into: &out, pretty: true, indent: indent + 2)
                    out += i < members.count - 1 ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "}"
            }
        }
    }

    /// A JSON string literal (RFC 8259 §7): quotes, backslashes and control characters are
    /// escaped; U+2028 and U+2029 too, so the text is also valid JavaScript.
    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
