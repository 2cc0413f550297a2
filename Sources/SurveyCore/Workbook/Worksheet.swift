/// One sheet of a ``Workbook``: a name, a header row and rows of cells.
public struct Worksheet: Sendable, Equatable {
    /// The name on the sheet's tab. The file gets a cleaned, unique form of it
    /// (``Workbook/sheetNames``): at most 31 characters, none of `[ ] : * ? / \`.
    public var name: String
    /// The column headers: the first row, bold and frozen so it stays in view while scrolling.
    /// Empty for a sheet without a header.
    public var header: [String]
    /// The rows under the header; rows may have different lengths.
    public var rows: [[WorksheetCell]]
    /// Widths of the first columns in characters (the width of a digit in the default font);
    /// columns without one are sized to their longest content.
    public var columnWidths: [Double]
    /// The columns (from 0) whose text wraps within the column's width, aligned to the top of
    /// the row, so that a long answer shows whole in a column of readable width. Text with line
    /// breaks wraps in every column.
    public var wrappedColumns: Set<Int>
    /// Drop-down lists on columns of the sheet, offering the values of a column of another sheet.
    public var listValidations: [WorksheetListValidation]

    /// A sheet named `name` with `header` over `rows`.
    public init(
        name: String, header: [String], rows: [[WorksheetCell]], columnWidths: [Double] = [], wrappedColumns: Set<Int> = [],
        listValidations: [WorksheetListValidation] = []
    ) {
        self.name = name
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
        self.wrappedColumns = wrappedColumns
        self.listValidations = listValidations
    }
}
