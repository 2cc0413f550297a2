import Foundation
import Yams

/// How the codebook reads and writes YAML scalars. Every scalar is read from its text as
/// written, never through YAML 1.1's implicit types, so `No`, `yes` or `off` stay words.
enum YAMLScalars {
    /// A finite number written as YAML writes one: `1`, `-2`, `1.5`, `1e3`, `0x1A`; `nil` for
    /// anything else (including `.inf` and `.nan`, which are no codes).
    static func number(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let first = t.unicodeScalars.first,
              first == "-" || first == "+" || first == "." || ("0"..."9").contains(first) else { return nil }
        guard let x = Double(t), x.isFinite else { return nil }
        return x
    }

    /// An end of a missing-value range: a number, or `.inf`/`hi`/`highest`, `-.inf`/`lo`/`lowest`.
    static func rangeEnd(_ text: String) -> Double? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case ".inf", "+.inf", "hi", "highest": .infinity
        case "-.inf", "lo", "lowest": -.infinity
        case let t: number(t)
        }
    }

    /// `true`/`false` in YAML's spellings (`yes`, `no`, `on`, `off` too).
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "y": true
        case "false", "no", "off", "n": false
        default: nil
        }
    }

    /// Whether a scalar is YAML's null: empty, `~` or `null`, unquoted.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Whether `tag` looks like a BCP 47 language tag: a primary subtag of two or three letters,
    /// then subtags of letters and digits (`en`, `ru`, `kk`, `kk-Cyrl`, `kk-Latn-KZ`).
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
            }
        }
    }

    /// A scalar node for `text` that reads back as the same text: quoted when YAML would
    /// otherwise read it as a number, boolean or null, or when it is empty or has surrounding spaces.
    static func text(_ text: String) -> Node {
        let resolved = Resolver.default.resolveTag(of: Node(text))
        let needsQuotes = resolved != .str || text.isEmpty || text.first?.isWhitespace == true
            || text.last?.isWhitespace == true || bool(text) != nil
        return Node(text, .implicit, needsQuotes ? .doubleQuoted : .any)
    }

    /// A plain scalar node for a number, written as briefly as it reads back (`98`, `1.5`).
    static func number(_ value: Double) -> Node {
        Node(code(value), .implicit, .plain)
    }

    /// A number as a code: integers without a decimal point, others with the shortest digits
    /// that read back to the same value; infinities as YAML writes them.
    static func code(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        if x == .infinity { return ".inf" }
        if x == -.infinity { return "-.inf" }
        return x.description
    }
}
