/// Builds SVG markup as a string: elements with attributes in a fixed order, text escaped for
/// XML, numbers written with at most two decimals and never as NaN or infinity.
struct SVGWriter {
    private(set) var markup = ""
    private var depth = 1

    typealias Attributes = [(String, String)]

    mutating func open(_ name: String, _ attributes: Attributes = []) {
        line("<\(name)\(Self.attributeText(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An element with optional text content and an optional `<title>` child (a tooltip).
    mutating func element(_ name: String, _ attributes: Attributes, text: String? = nil, tooltip: String? = nil) {
        let attrs = Self.attributeText(attributes)
        switch (text, tooltip) {
        case (nil, nil):
            line("<\(name)\(attrs)/>")
        case (let t?, nil):
            line("<\(name)\(attrs)>\(Self.escape(t))</\(name)>")
        case (let t, let tip?):
            line("<\(name)\(attrs)><title>\(Self.escape(tip))</title>\(Self.escape(t ?? ""))</\(name)>")
        }
    }

    /// Raw markup, already well formed.
    mutating func raw(_ text: String) { line(text) }

    private mutating func line(_ text: String) {
        markup += String(repeating: "  ", count: max(0, depth)) + text + "\n"
    }

    static func attributeText(_ attributes: Attributes) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// `text` safe inside XML content and attribute values: & < > " ' as entities, characters
    /// XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF) dropped, line breaks and tabs
    /// as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\r", "\t": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF || (0x7F...0x84).contains(v) || (0x86...0x9F).contains(v) {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Short numeric attribute text.
func n(_ value: Double) -> String { NumberText.coordinate(value) }
