/// A recursive-descent parser from tokens to a ``FilterExpression/Node``.
struct FilterParser {
    typealias Node = FilterExpression.Node
    typealias Value = FilterExpression.Value

    private let source: String
    private let tokens: [FilterToken]
    private var k = 0
    /// The columns of each condition, in the order written.
    private(set) var positions: [FilterExpression.Positions] = []

    init(_ source: String) throws(SurveyError) {
        self.source = source
        self.tokens = try FilterLexer.tokens(of: source)
    }

    mutating func parse() throws(SurveyError) -> Node {
        if tokens[0].kind == .end {
            throw SurveyError(.invalidFilter, "Cannot read the filter '\(source)': it is empty; write a condition such as age >= 18, or give no filter.")
        }
        let node = try parseOr()
        let t = tokens[k]
        switch t.kind {
        case .end:
            return node
        case .rightParenthesis:
            throw error("unexpected ')'", at: t, fix: "remove it or add a matching '('")
        default:
            throw expected("'and', 'or' or the end of the filter", at: t)
        }
    }

    // MARK: - Messages

    private func error(_ problem: String, at token: FilterToken, detail: String = "", fix: String? = nil) -> SurveyError {
        FilterExpression.syntaxError(source, problem, column: token.column, detail: detail, fix: fix)
    }

    /// "expected <what> at column N, found <token>" (or "where the filter ends").
    private func expected(_ what: String, at t: FilterToken, fix: String? = nil) -> SurveyError {
        let detail = t.kind == .end ? ", where the filter ends" : ", found \(describe(t))"
        return error("expected \(what)", at: t, detail: detail, fix: fix)
    }

    private func describe(_ t: FilterToken) -> String {
        switch t.kind {
        case .end: "the end of the filter"
        case .number: "the number \(t.text)"
        case .string: "the string \(t.text)"
        case .name: "the name '\(t.text)'"
        case .quotedName: "the name \(t.text)"
        default: "'\(t.text)'"
        }
    }

    // MARK: - Grammar

    private mutating func parseOr() throws(SurveyError) -> Node {
        var left = try parseAnd()
        while tokens[k].kind == .or {
            k += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(SurveyError) -> Node {
        var left = try parseNot()
        while tokens[k].kind == .and {
            k += 1
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(SurveyError) -> Node {
        if tokens[k].kind == .not {
            k += 1
            return .not(try parseNot())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(SurveyError) -> Node {
        let t = tokens[k]
        switch t.kind {
        case .leftParenthesis:
            k += 1
            let inner = try parseOr()
            let close = tokens[k]
            guard close.kind == .rightParenthesis else {
                throw expected("')'", at: close, fix: "close the parenthesis opened at column \(t.column)")
            }
            k += 1
            return inner
        case .name(let name), .quotedName(let name):
            k += 1
            return try parseCondition(variable: name, at: t)
        case .number, .string:
            return try parseValueFirst()
        case .end:
            throw expected("a condition", at: t, fix: "add one such as age >= 18")
        case .comparison:
            throw expected("a variable name", at: t)
        case .and, .or, .not, .rightParenthesis, .comma:
            throw expected("a condition", at: t)
        }
    }

    /// A condition after its variable name.
    private mutating func parseCondition(variable: String, at v: FilterToken) throws(SurveyError) -> Node {
        let t = tokens[k]
        switch t.kind {
        case .comparison(let op):
            k += 1
            let (value, column) = try parseValue(variable: v)
            positions.append(.init(variable: v.column, comparison: t.column, values: [column]))
            return .compare(variable: variable, op, value)
        case .name(let word) where word.lowercased() == "in":
            k += 1
            return try parseList(variable: variable, at: v, keyword: t)
        case .not where isWord(k + 1, "in"):
            k += 2
            return .not(try parseList(variable: variable, at: v, keyword: tokens[k - 1]))
        case .name(let word) where word.lowercased() == "is":
            k += 1
            var negated = false
            if tokens[k].kind == .not {
                negated = true
                k += 1
            }
            guard isWord(k, "missing") else {
                throw expected(negated ? "'missing'" : "'missing' or 'not missing'", at: tokens[k])
            }
            k += 1
            positions.append(.init(variable: v.column, comparison: t.column, values: []))
            let node = Node.isMissing(variable: variable)
            return negated ? .not(node) : node
        default:
            throw expected("a comparison (==, !=, <, <=, >, >=), 'in' or 'is'", at: t)
        }
    }

    private func isWord(_ index: Int, _ word: String) -> Bool {
        if case .name(let w) = tokens[index].kind { return w.lowercased() == word }
        return false
    }

    /// `value op variable`, turned round to `variable op' value`.
    private mutating func parseValueFirst() throws(SurveyError) -> Node {
        let valueToken = tokens[k]
        let value = literal(valueToken)!
        k += 1
        let opToken = tokens[k]
        guard case .comparison(let op) = opToken.kind else {
            throw expected("a comparison (==, !=, <, <=, >, >=)", at: opToken)
        }
        k += 1
        let v = tokens[k]
        let variable: String
        switch v.kind {
        case .name(let name), .quotedName(let name):
            variable = name
        case .number, .string:
            throw expected("a variable name", at: v, fix: "compare a variable with a value, as in age \(opToken.text) \(valueToken.text)")
        default:
            throw expected("a variable name", at: v)
        }
        k += 1
        positions.append(.init(variable: v.column, comparison: opToken.column, values: [valueToken.column]))
        return .compare(variable: variable, op.swapped, value)
    }

    private func literal(_ t: FilterToken) -> Value? {
        switch t.kind {
        case .number(let x): .number(x)
        case .string(let s): .string(s)
        default: nil
        }
    }

    /// The value after a comparison operator or in a list.
    private mutating func parseValue(variable: FilterToken, inList: Bool = false) throws(SurveyError) -> (Value, Int) {
        let t = tokens[k]
        if let value = literal(t) {
            k += 1
            return (value, t.column)
        }
        switch t.kind {
        case .name(let word):
            let example = inList ? "\(Value.string(word))" : "\(variable.text) \(tokens[k - 1].text) \(Value.string(word))"
            throw expected("a number or a quoted string", at: t, fix: "put text in quotes, as in \(example) (comparing two variables is not supported)")
        case .quotedName:
            throw expected("a number or a quoted string", at: t, fix: "comparing two variables is not supported")
        default:
            throw error("expected a number or a quoted string", at: t)
        }
    }

    private mutating func parseList(variable: String, at v: FilterToken, keyword: FilterToken) throws(SurveyError) -> Node {
        guard tokens[k].kind == .leftParenthesis else {
            throw expected("'('", at: tokens[k], fix: "write the values after '\(keyword.text)' in parentheses, as in \(v.text) in (1, 2)")
        }
        let open = tokens[k]
        k += 1
        if tokens[k].kind == .rightParenthesis {
            throw expected("a number or a quoted string", at: tokens[k], fix: "the list after '\(keyword.text)' needs at least one value")
        }
        var values: [Value] = []
        var columns: [Int] = []
        while true {
            let (value, column) = try parseValue(variable: v, inList: true)
            values.append(value)
            columns.append(column)
            let t = tokens[k]
            k += 1
            if t.kind == .comma { continue }
            if t.kind == .rightParenthesis { break }
            throw expected("',' or ')'", at: t, fix: "separate the values with commas and close the list opened at column \(open.column) with ')'")
        }
        positions.append(.init(variable: v.column, comparison: keyword.column, values: columns))
        return .isIn(variable: variable, values)
    }
}
