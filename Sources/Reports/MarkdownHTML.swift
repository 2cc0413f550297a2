import Foundation

/// The Markdown of report texts as HTML: paragraphs, headings (`#` to `####`), bullet and
/// numbered lists, block quotes, `**strong**`, `*emphasis*`, `` `code` `` and
/// `[links](https://…)`. Everything else is text, escaped; raw HTML is never passed through,
/// so a report text cannot inject markup or scripts.
public enum MarkdownHTML {
    public static func render(_ markdown: String) -> String {
        var html: [String] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])? = nil
        var quote: [String] = []
        func flush() {
            if !paragraph.isEmpty { html.append("<p>" + paragraph.map(inline).joined(separator: " ") + "</p>"); paragraph = [] }
            if let l = list {
                let tag = l.ordered ? "ol" : "ul"
                html.append("<\(tag)>" + l.items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>")
                list = nil
            }
            if !quote.isEmpty { html.append("<blockquote><p>" + quote.map(inline).joined(separator: " ") + "</p></blockquote>"); quote = [] }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flush(); continue }
            if let heading = headingLevel(trimmed) {
                flush()
                let text = trimmed.dropFirst(heading).trimmingCharacters(in: .whitespaces)
                let tag = "h\(min(heading + 2, 6))"
                html.append("<\(tag)>\(inline(text))</\(tag)>")
                continue
            }
            if trimmed.hasPrefix("> ") || trimmed == ">" {
                if !paragraph.isEmpty || list != nil { flush() }
                quote.append(String(trimmed.dropFirst(1)).trimmingCharacters(in: .whitespaces))
                continue
            }
            if let item = bullet(trimmed) {
                if !paragraph.isEmpty || !quote.isEmpty || list?.ordered == true { flush() }
                if list == nil { list = (false, []) }
                list!.items.append(item)
                continue
            }
            if let item = numbered(trimmed) {
                if !paragraph.isEmpty || !quote.isEmpty || list?.ordered == false { flush() }
                if list == nil { list = (true, []) }
                list!.items.append(item)
                continue
            }
            if list != nil, line.hasPrefix("  ") {   // continuation of a list item
                list!.items[list!.items.count - 1] += " " + trimmed
                continue
            }
            if list != nil || !quote.isEmpty { flush() }
            paragraph.append(trimmed)
        }
        flush()
        return html.joined(separator: "\n")
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...4).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private static func bullet(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { return String(line.dropFirst(2)) }
        return nil
    }

    private static func numbered(_ line: String) -> String? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return String(rest.dropFirst(2))
    }

    /// Inline markup of one block's text.
    static func inline(_ text: String) -> String {
        var out = ""
        var chars = Array(text)
        var i = 0
        func find(_ pattern: [Character], from start: Int) -> Int? {
            guard pattern.count <= chars.count else { return nil }
            var j = start
            while j + pattern.count <= chars.count {
                if Array(chars[j..<(j + pattern.count)]) == pattern { return j }
                j += 1
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == "`", let end = find(["`"], from: i + 1) {
                out += "<code>" + escape(String(chars[(i + 1)..<end])) + "</code>"
                i = end + 1
            } else if c == "*", i + 1 < chars.count, chars[i + 1] == "*", let end = find(["*", "*"], from: i + 2), end > i + 2 {
                out += "<strong>" + inline(String(chars[(i + 2)..<end])) + "</strong>"
                i = end + 2
            } else if (c == "*" || c == "_"), let end = find([c], from: i + 1), end > i + 1, chars[i + 1] != " " {
                out += "<em>" + inline(String(chars[(i + 1)..<end])) + "</em>"
                i = end + 1
            } else if c == "[", let close = find(["]", "("], from: i + 1), let paren = find([")"], from: close + 2) {
                let label = String(chars[(i + 1)..<close])
                let url = String(chars[(close + 2)..<paren])
                if url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("#") || url.hasPrefix("mailto:") {
                    out += "<a href=\"\(escape(url))\">" + inline(label) + "</a>"
                } else {
                    out += escape("[" + label + "](" + url + ")")
                }
                i = paren + 1
            } else {
                out += escape(String(c))
                i += 1
            }
        }
        chars.removeAll()
        return out
    }

    /// Text safe inside HTML elements and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
