/// The content of one cell of a ``Worksheet``.
public enum WorksheetCell: Sendable, Equatable {
    /// Text, shown as it is (never read as a number or a formula).
    case text(String)
    /// A number, stored exactly (the shortest decimal that reads back to the same `Double`).
    /// A NaN or infinite value is written as an empty cell: spreadsheets have no such numbers.
    case number(Double)
    /// No content.
    case empty

    /// A number cell, or an empty cell for `nil`.
    public static func number(orEmpty value: Double?) -> WorksheetCell {
        value.map { .number($0) } ?? .empty
    }

    /// A number cell of an integer, or an empty cell for `nil`.
    public static func integer(orEmpty value: Int?) -> WorksheetCell {
        value.map { .number(Double($0)) } ?? .empty
    }

    /// A text cell, or an empty cell for `nil` and the empty string.
    public static func text(orEmpty value: String?) -> WorksheetCell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }
}
