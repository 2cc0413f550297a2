/// A model formula as R writes it: `y ~ x1 + x2 + stype`, with interactions `a:b` and
/// `a*b` (= `a + b + a:b`), and the intercept removed by `- 1` or `+ 0`.
///
/// Terms are ordered as R's `terms()` orders them (`keep.order = FALSE`): by the number of
/// variables they hold, in the order written within each degree, duplicates removed. Names are
/// R names (letters, digits, `.` and `_`) or any text in backquotes.
public struct ModelFormula: Sendable, Equatable, Codable {
    /// One term: a variable or the interaction of several.
    public struct Term: Sendable, Equatable, Hashable, Codable {
        public var variables: [String]
        public init(_ variables: [String]) { self.variables = variables }
        /// The label R prints, `ell:stype`.
        public var label: String { variables.joined(separator: ":") }
        /// Whether two terms hold the same variables, in whatever order.
        func sameVariables(as other: Term) -> Bool { Set(variables) == Set(other.variables) && variables.count == other.variables.count }
    }

    public var outcome: String
    public var terms: [Term]
    public var hasIntercept: Bool
    /// The formula as written.
    public var text: String

    /// Every variable the formula names, the outcome first.
    public var variables: [String] {
        var seen: [String] = [outcome]
        for term in terms { for v in term.variables where !seen.contains(v) { seen.append(v) } }
        return seen
    }

    /// Parses `text`.
    /// - Throws: ``SurveyError`` naming the position and what was expected there.
    public init(parsing text: String) throws(SurveyError) {
        self.text = text
        var parser = Parser(text: text)
        (outcome, terms, hasIntercept) = try parser.parse()
    }

    /// A character-level parser of the formula grammar
    /// `outcome ~ [0|1|-1|term] {(+|-) (0|1|term)}`, `term = factor {(:|*) factor}`.
    private struct Parser {
        let text: String
        let characters: [Character]
        var position = 0

        init(text: String) {
            self.text = text
            characters = Array(text)
        }

        mutating func parse() throws(SurveyError) -> (String, [Term], Bool) {
            skipSpaces()
            guard position < characters.count else {
                throw fail("is empty", fix: "write it as 'OUTCOME ~ PREDICTOR + PREDICTOR', e.g. 'api00 ~ ell + meals + stype'")
            }
            let outcome = try name(expecting: "the outcome variable")
            skipSpaces()
            guard peek() == "~" else {
                throw fail("has no '~' after the outcome '\(outcome)' (at character \(position + 1))", fix: "write it as '\(outcome) ~ PREDICTOR + PREDICTOR'")
            }
            position += 1
            var written: [Term] = []
            var intercept = true
            var sign: Character = "+"
            var first = true
            while true {
                skipSpaces()
                if !first || peek() == "-" || peek() == "+" {
                    if first, let s = peek(), s == "-" || s == "+" { sign = s; position += 1; skipSpaces() }
                }
                guard position < characters.count else {
                    throw fail(first ? "has no predictors after '~'" : "ends after '\(sign)'",
                               fix: first ? "name at least one predictor, or write '1' for the intercept alone" : "add a term after it or remove it")
                }
                if let digit = peek(), digit == "0" || digit == "1", !isNameCharacter(at: position + 1) {
                    position += 1
                    let value = digit == "1"
                    intercept = sign == "+" ? value : !value
                } else {
                    let expanded = try term()
                    if sign == "-" {
                        for t in expanded { written.removeAll { $0.sameVariables(as: t) } }
                    } else {
                        written += expanded
                    }
                }
                first = false
                skipSpaces()
                guard let next = peek() else { break }
                guard next == "+" || next == "-" else {
                    throw fail("has '\(next)' at character \(position + 1) where '+', '-' or the end was expected", fix: "separate terms with '+', join interactions with ':' or '*'")
                }
                sign = next
                position += 1
            }
            // Unique terms, ordered by degree (R's terms(), keep.order = FALSE).
            var unique: [Term] = []
            for t in written where !unique.contains(where: { $0.sameVariables(as: t) }) { unique.append(t) }
            let ordered = unique.enumerated().sorted { ($0.element.variables.count, $0.offset) < ($1.element.variables.count, $1.offset) }.map(\.element)
            if ordered.isEmpty && !intercept {
                throw fail("has neither predictors nor an intercept", fix: "add a predictor or remove '- 1'")
            }
            return (outcome, ordered, intercept)
        }

        /// `a:b*c`: the terms it expands to, in R's order of expansion.
        mutating func term() throws(SurveyError) -> [Term] {
            // Groups joined by '*', each a ':' product of names.
            var groups: [[String]] = [[try name(expecting: "a variable")]]
            while true {
                skipSpaces()
                guard let op = peek(), op == ":" || op == "*" else { break }
                position += 1
                skipSpaces()
                let next = try name(expecting: "a variable after '\(op)'")
                if op == ":" { groups[groups.count - 1].append(next) } else { groups.append([next]) }
            }
            // a*b*c = every non-empty product of the groups.
            var out: [Term] = []
            for mask in 1..<(1 << groups.count) {
                var variables: [String] = []
                for (g, group) in groups.enumerated() where mask & (1 << g) != 0 {
                    for v in group where !variables.contains(v) { variables.append(v) }
                }
                out.append(Term(variables))
            }
            return out
        }

        mutating func name(expecting what: String) throws(SurveyError) -> String {
            skipSpaces()
            guard position < characters.count else {
                throw fail("ends where \(what) was expected", fix: "complete it")
            }
            if characters[position] == "`" {
                guard let end = characters[(position + 1)...].firstIndex(of: "`") else {
                    throw fail("has a '`' at character \(position + 1) that is never closed", fix: "close the name with '`'")
                }
                let n = String(characters[(position + 1)..<end])
                position = end + 1
                guard !n.isEmpty else { throw fail("has an empty name '``'", fix: "write a variable name between the backquotes") }
                return n
            }
            let start = position
            while isNameCharacter(at: position) { position += 1 }
            guard position > start else {
                throw fail("has '\(characters[position])' at character \(position + 1) where \(what) was expected", fix: "write a variable name there (backquote names with other characters, `like this`)")
            }
            return String(characters[start..<position])
        }

        func isNameCharacter(at i: Int) -> Bool {
            guard i < characters.count else { return false }
            let c = characters[i]
            return c.isLetter || c.isNumber || c == "." || c == "_"
        }

        func peek() -> Character? { position < characters.count ? characters[position] : nil }

        mutating func skipSpaces() { while position < characters.count, characters[position].isWhitespace { position += 1 } }

        func fail(_ problem: String, fix: String) -> SurveyError {
            SurveyError(.invalidRequest, "The model '\(text)' \(problem); \(fix) in \(parameter: .model).", field: .model, value: text)
        }
    }
}
