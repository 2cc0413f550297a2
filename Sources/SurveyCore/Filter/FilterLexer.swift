/// Splits the text of a filter into tokens.
struct FilterLexer {
    private let scalars: [Unicode.Scalar]
    private let source: String
    private var i = 0

    init(_ source: String) {
        self.source = source
        self.scalars = Array(source.unicodeScalars)
    }

    static func tokens(of source: String) throws(SurveyError) -> [FilterToken] {
        var lexer = FilterLexer(source)
        var tokens: [FilterToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func error(_ problem: String, at index: Int, detail: String = "", fix: String? = nil) -> SurveyError {
        FilterExpression.syntaxError(source, problem, column: index + 1, detail: detail, fix: fix)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[from..<to])
        return String(s)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        i + offset < scalars.count ? scalars[i + offset] : nil
    }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "." || c.properties.isAlphabetic
    }

    static func isNamePart(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
            || c.properties.generalCategory == .spacingMark
    }

    private static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    private mutating func next() throws(SurveyError) -> FilterToken {
        while let c = peek(), c.properties.isWhitespace { i += 1 }
        let start = i
        guard let c = peek() else { return FilterToken(kind: .end, column: start + 1, text: "") }

        func token(_ kind: FilterToken.Kind, length: Int) -> FilterToken {
            i += length
            return FilterToken(kind: kind, column: start + 1, text: text(start, i))
        }

        switch c {
        case "(": return token(.leftParenthesis, length: 1)
        case ")": return token(.rightParenthesis, length: 1)
        case ",": return token(.comma, length: 1)
        case "&": return token(.and, length: peek(1) == "&" ? 2 : 1)
        case "|": return token(.or, length: peek(1) == "|" ? 2 : 1)
        case "!": return peek(1) == "=" ? token(.comparison(.notEqual), length: 2) : token(.not, length: 1)
        case "=":
            if peek(1) == "=" { return token(.comparison(.equal), length: 2) }
            if peek(1) == ">" || peek(1) == "<" {
                let intended = peek(1) == ">" ? ">=" : "<="
                throw error("unknown operator '=\(peek(1)!)'", at: start, fix: "write '\(intended)'")
            }
            return token(.comparison(.equal), length: 1)
        case "<":
            if peek(1) == "=" { return token(.comparison(.lessOrEqual), length: 2) }
            if peek(1) == ">" { return token(.comparison(.notEqual), length: 2) }
            return token(.comparison(.less), length: 1)
        case ">":
            return peek(1) == "=" ? token(.comparison(.greaterOrEqual), length: 2) : token(.comparison(.greater), length: 1)
        case "\"", "'":
            return try string(quote: c)
        case "`":
            return try quotedName()
        default:
            break
        }
        if Self.isDigit(c) || (c == "." && Self.isDigit(peek(1)))
            || ((c == "-" || c == "+") && (Self.isDigit(peek(1)) || (peek(1) == "." && Self.isDigit(peek(2))))) {
            return try number()
        }
        if Self.isNameStart(c) {
            while let d = peek(), Self.isNamePart(d) { i += 1 }
            let word = text(start, i)
            switch word.lowercased() {
            case "and": return FilterToken(kind: .and, column: start + 1, text: word)
            case "or": return FilterToken(kind: .or, column: start + 1, text: word)
            case "not": return FilterToken(kind: .not, column: start + 1, text: word)
            default: return FilterToken(kind: .name(word), column: start + 1, text: word)
            }
        }
        if c == "-" || c == "+" {
            throw error("'\(c)'", at: start, detail: " is not followed by a number", fix: "a value is a number or a quoted string (arithmetic is not supported)")
        }
        throw error("unexpected character '\(Character(c))'", at: start, fix: "use ==, !=, <, <=, >, >=, in, is missing, and, or, not and parentheses")
    }

    private mutating func number() throws(SurveyError) -> FilterToken {
        let start = i
        if peek() == "-" || peek() == "+" { i += 1 }
        while Self.isDigit(peek()) { i += 1 }
        if peek() == "." {
            i += 1
            while Self.isDigit(peek()) { i += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var j = i + 1
            if j < scalars.count, scalars[j] == "-" || scalars[j] == "+" { j += 1 }
            if j < scalars.count, Self.isDigit(scalars[j]) {
                i = j
                while Self.isDigit(peek()) { i += 1 }
            }
        }
        let written = text(start, i)
        if let d = peek(), Self.isNamePart(d) {
            var j = i
            while j < scalars.count, Self.isNamePart(scalars[j]) { j += 1 }
            throw error("'\(text(start, j))'", at: start, detail: " is neither a number nor a name", fix: "write a name that starts with a digit in backquotes: `\(text(start, j))`")
        }
        guard let value = Double(written) else {
            throw error("'\(written)'", at: start, detail: " is not a number")
        }
        return FilterToken(kind: .number(value), column: start + 1, text: written)
    }

    private mutating func string(quote: Unicode.Scalar) throws(SurveyError) -> FilterToken {
        let start = i
        i += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                throw error("the string", at: start, detail: " has no closing quote", fix: "add \(quote) at its end")
            }
            i += 1
            if c == quote { break }
            if c == "\\" {
                value.append(try escape())
            } else {
                value.append(c)
            }
        }
        return FilterToken(kind: .string(String(value)), column: start + 1, text: text(start, i))
    }

    private mutating func quotedName() throws(SurveyError) -> FilterToken {
        let start = i
        i += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                throw error("the name in backquotes", at: start, detail: " has no closing backquote", fix: "add ` at its end")
            }
            i += 1
            if c == "`" { break }
            if c == "\\" {
                value.append(try escape())
            } else {
                value.append(c)
            }
        }
        if value.isEmpty {
            throw error("the backquotes", at: start, detail: " hold no name", fix: "write the variable name between them")
        }
        return FilterToken(kind: .quotedName(String(value)), column: start + 1, text: text(start, i))
    }

    /// The character escaped after a backslash (already consumed).
    private mutating func escape() throws(SurveyError) -> Unicode.Scalar {
        guard let c = peek() else {
            throw error("the backslash", at: i - 1, detail: " has nothing to escape", fix: "write \\\\ for a backslash")
        }
        i += 1
        switch c {
        case "\\", "\"", "'", "`": return c
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        default:
            throw error("unknown escape '\\\(c)'", at: i - 2, fix: "write \\\\ for a backslash, \\\" or \\' for a quote")
        }
    }
}
