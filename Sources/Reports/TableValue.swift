import SurveyCore

/// One value of a result's table before it is written: CSV writes it as text, XLSX as a cell
/// of the right kind, so that both show the same thing.
enum TableValue: Sendable, Equatable {
    /// Text; `nil` or empty is an empty field.
    case text(String?)
    /// A number at full precision; `nil`, NaN and infinities are an empty field.
    case number(Double?)
    /// A whole number; `nil` is an empty field.
    case integer(Int?)

    /// The CSV field: text as it is, numbers as the shortest text that reads back to the same
    /// `Double` (``NumberText/full(_:)``).
    var csvField: String {
        switch self {
        case .text(let text): text ?? ""
        case .number(let value): NumberText.full(value)
        case .integer(let value): value.map(String.init) ?? ""
        }
    }

    /// The spreadsheet cell.
    var cell: WorksheetCell {
        switch self {
        case .text(let text): .text(orEmpty: text)
        case .number(let value): value.map { $0.isFinite ? WorksheetCell.number($0) : .empty } ?? .empty
        case .integer(let value): .integer(orEmpty: value)
        }
    }
}
