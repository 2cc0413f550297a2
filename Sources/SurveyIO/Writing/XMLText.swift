/// Text made safe for XML 1.0 character data and attribute values.
enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` as entity references, carriage returns as `&#13;`
    /// (a parser would otherwise turn them into line feeds), and every character XML 1.0 cannot
    /// carry (U+0000–U+001F but tab, line feed and carriage return; U+FFFE, U+FFFF) replaced by
    /// U+FFFD, the replacement character.
    ///
    /// With `spreadsheet`, the underscore that starts something that looks like SpreadsheetML's
    /// own escape `_xHHHH_` is written `_x005F_` (ECMA-376 Part 1, the ST_Xstring type), so that
    /// Excel shows the text as it is instead of decoding it.
    static func escaped(_ text: String, spreadsheet: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "_" where spreadsheet && looksLikeEscape(scalars, at: index): out += "_x005F_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Text of a spreadsheet with SpreadsheetML's escapes `_xHHHH_` decoded (ECMA-376 Part 1,
    /// the ST_Xstring type): `_x000D_` is a carriage return, `_x005F_` the underscore that
    /// ``escaped(_:spreadsheet:)`` writes before text that looks like an escape. An escape of a
    /// code that is no character (a lone surrogate) is kept as it is.
    static func unescapedSpreadsheet(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", looksLikeEscape(scalars, at: index),
               let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(scalar)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// Whether `_xHHHH_` (four hexadecimal digits) starts at `index`.
    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
