/// A token of a filter, with the 1-based column where it starts.
struct FilterToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A bare name (`age`, `регион`, `q1.a`); `and`, `or` and `not` in any case are keywords.
        case name(String)
        /// A name in backquotes.
        case quotedName(String)
        case number(Double)
        case string(String)
        case comparison(FilterExpression.Comparison)
        case and, or, not
        case leftParenthesis, rightParenthesis, comma
        case end
    }

    var kind: Kind
    var column: Int
    /// The text of the token as written, for messages.
    var text: String
}
