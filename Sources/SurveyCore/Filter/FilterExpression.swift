/// A subpopulation filter such as `age >= 18 and region == "Almaty"`, parsed once and evaluated
/// column by column on a ``Dataset``.
///
/// ## Grammar
///
/// ```
/// filter     := or
/// or         := and (("or" | "|" | "||") and)*
/// and        := not (("and" | "&" | "&&") not)*
/// not        := ("not" | "!") not | primary
/// primary    := "(" or ")" | condition
/// condition  := variable comparison value | value comparison variable
///             | variable ["not"] "in" "(" value ("," value)* ")"
///             | variable "is" ["not"] "missing"
/// comparison := "==" | "=" | "!=" | "<>" | "<" | "<=" | ">" | ">="
/// ```
///
/// `not` binds tighter than `and`, which binds tighter than `or`; a comparison binds tighter than
/// all three, so `not age > 5` means `not (age > 5)`. Keywords (`and`, `or`, `not`, `in`, `is`,
/// `missing`) are case-insensitive; only `and`, `or` and `not` are reserved, so a variable may be
/// called `missing`. A variable name is letters (any script), digits, `_` and `.`, not starting
/// with a digit; any other name goes in backquotes (`` `q 1` ``). A value is a number (`18`,
/// `-2.5`, `1e3`) or a string in double or single quotes with backslash escapes (`\"`, `\'`,
/// `\\`, `\n`, `\t`, `\r`).
///
/// ## Meaning
///
/// - Numeric variable: a number compares the value; a string is a value label (in any language
///   of the codebook) and stands for its code, also in `<`, `>=` and the like.
/// - Categorical variable: a string is a level (ordering follows the order of the levels); a
///   number matches levels whose text is that number.
/// - Text variable: only `==`, `!=` and `in`, with strings.
///
/// Missing values follow three-valued (Kleene) logic: a condition on a missing value is unknown,
/// `not unknown` is unknown, `false and unknown` is false, `true or unknown` is true. Respondents
/// for whom the whole filter is unknown are outside the subpopulation, as in R's `subset`. So
/// `x in (1, 2)` is the same as `x == 1 or x == 2` (unlike R's `%in%`, which gives `FALSE`
/// for `NA`), and `x != 1` excludes respondents with `x` missing; `x is missing` and
/// `x is not missing` are never unknown. User-missing codes (98 "Don't know") are ordinary
/// values here.
public struct FilterExpression: Sendable, Equatable, CustomStringConvertible {
    /// A comparison operator.
    public enum Comparison: String, Sendable, Equatable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="

        /// The operator with its sides swapped: `18 <= age` is `age >= 18`.
        public var swapped: Comparison {
            switch self {
            case .equal, .notEqual: self
            case .less: .greater
            case .lessOrEqual: .greaterOrEqual
            case .greater: .less
            case .greaterOrEqual: .lessOrEqual
            }
        }

        /// Whether `a` relates to `b` by this operator.
        @inlinable
        public func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
            switch self {
            case .equal: a == b
            case .notEqual: a != b
            case .less: a < b
            case .lessOrEqual: a <= b
            case .greater: a > b
            case .greaterOrEqual: a >= b
            }
        }

        /// Whether this operator orders (`<`, `<=`, `>`, `>=`) rather than tests equality.
        public var isOrdering: Bool { self != .equal && self != .notEqual }
    }

    /// A literal value in a filter.
    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case number(Double)
        case string(String)

        /// The value as it would be written in a filter.
        public var description: String {
            switch self {
            case .number(let x):
                if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
                return "\(x)"
            case .string(let s):
                var out = "\""
                for c in s.unicodeScalars {
                    switch c {
                    case "\\": out += "\\\\"
                    case "\"": out += "\\\""
                    case "\n": out += "\\n"
                    case "\t": out += "\\t"
                    case "\r": out += "\\r"
                    default: out.unicodeScalars.append(c)
                    }
                }
                return out + "\""
            }
        }
    }

    /// The tree of a filter.
    public indirect enum Node: Sendable, Equatable {
        /// `variable <op> value`.
        case compare(variable: String, Comparison, Value)
        /// `variable in (values)`.
        case isIn(variable: String, [Value])
        /// `variable is missing`.
        case isMissing(variable: String)
        case not(Node)
        case and(Node, Node)
        case or(Node, Node)
    }

    /// Where the parts of one condition were written (1-based columns of the text), for messages.
    struct Positions: Sendable {
        var variable: Int
        var comparison: Int
        var values: [Int]
    }

    /// The tree.
    public let root: Node
    /// The text the filter was parsed from (or, for a filter built from a tree, its rendering).
    public let text: String
    /// Columns of the conditions, in the order they are written; empty for a built filter.
    let positions: [Positions]

    /// Parses `text`.
    /// - Throws: ``SurveyError/Kind/invalidFilter`` naming the column of the problem, e.g.
    ///   "Cannot read the filter 'age >= and x': expected a number or a quoted string at column 8."
    public init(parsing text: String) throws(SurveyError) {
        var parser = try FilterParser(text)
        self.root = try parser.parse()
        self.text = text
        self.positions = parser.positions
    }

    /// A filter built from a tree.
    public init(_ root: Node) {
        self.root = root
        self.text = Self.render(root, context: 0)
        self.positions = []
    }

    /// The variables the filter reads, each once, in the order they first appear.
    public var variables: [String] {
        var names: [String] = []
        var seen = Set<String>()
        func visit(_ node: Node) {
            switch node {
            case .compare(let v, _, _), .isIn(let v, _), .isMissing(let v):
                if seen.insert(v).inserted { names.append(v) }
            case .not(let a):
                visit(a)
            case .and(let a, let b), .or(let a, let b):
                visit(a)
                visit(b)
            }
        }
        visit(root)
        return names
    }

    /// The filter in a canonical spelling that parses back to the same tree:
    /// `age >= 18 and region == "Almaty"`.
    public var description: String { Self.render(root, context: 0) }

    /// Two filters are equal when their trees are, however they were written.
    public static func == (a: FilterExpression, b: FilterExpression) -> Bool { a.root == b.root }

    // MARK: - Messages

    /// "Cannot read the filter '<source>': <problem> at column <column><detail>; <fix>."
    static func syntaxError(_ source: String, _ problem: String, column: Int, detail: String = "", fix: String? = nil) -> SurveyError {
        SurveyError(.invalidFilter, "Cannot read the filter '\(source)': \(problem) at column \(column)\(detail)\(fix.map { "; \($0)" } ?? "").", field: .filter, value: source)
    }

    // MARK: - Rendering

    /// Whether `name` can be written without backquotes.
    static func isBareName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, FilterLexer.isNameStart(first) else { return false }
        if first == ".", scalars.count > 1, scalars[1].properties.numericType != nil { return false }
        guard scalars.allSatisfy(FilterLexer.isNamePart) else { return false }
        return !["and", "or", "not"].contains(name.lowercased())
    }

    static func render(name: String) -> String {
        if isBareName(name) { return name }
        var out = "`"
        for c in name.unicodeScalars {
            switch c {
            case "`": out += "\\`"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "`"
    }

    /// Renders `node` inside an operator of precedence `context` (0 top, 1 or, 2 and, 3 not);
    /// `right` asks for parentheses around an operand of the same precedence on the right, so
    /// that the tree comes back the same.
    private static func render(_ node: Node, context: Int, right: Bool = false) -> String {
        let own: Int
        let body: String
        switch node {
        case .compare(let v, let op, let value):
            return "\(render(name: v)) \(op.rawValue) \(value)"
        case .isIn(let v, let values):
            return "\(render(name: v)) in (\(values.map(\.description).joined(separator: ", ")))"
        case .isMissing(let v):
            return "\(render(name: v)) is missing"
        case .not(.isMissing(let v)):
            return "\(render(name: v)) is not missing"
        case .not(.isIn(let v, let values)):
            return "\(render(name: v)) not in (\(values.map(\.description).joined(separator: ", ")))"
        case .not(let a):
            own = 3
            body = "not " + render(a, context: 3)
        case .and(let a, let b):
            own = 2
            body = render(a, context: 2) + " and " + render(b, context: 2, right: true)
        case .or(let a, let b):
            own = 1
            body = render(a, context: 1) + " or " + render(b, context: 1, right: true)
        }
        return own < context || (right && own == context && own != 3) ? "(\(body))" : body
    }
}
