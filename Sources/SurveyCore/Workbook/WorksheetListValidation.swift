/// A drop-down list on one column of a ``Worksheet``: each cell under the header offers the
/// values that another sheet of the same ``Workbook`` holds in one of its columns (under that
/// sheet's header), as a coder's sheet offers the codes of the frame.
///
/// ```swift
/// let codes = Worksheet(name: "codes", header: ["Code", "Label"], rows: [[.text("economy"), .text("Economy")]])
/// let answers = Worksheet(name: "anna", header: ["answer", "codes"], rows: [[.text("Развитая страна"), .empty]],
///                         listValidations: [WorksheetListValidation(column: 1, listSheet: "codes", listColumn: 0)])
/// ```
///
/// The list covers the rows of the sheet (not the empty rows below them). Spreadsheet programs
/// show `prompt` when a cell is selected and check what is typed against the list: with
/// ``allowsOtherValues`` they warn and let the entry stand (several codes in one cell, `a;b`),
/// else they refuse it. A list whose sheet is not in the workbook, or has no rows, is left out
/// of the file.
public struct WorksheetListValidation: Sendable, Equatable {
    /// The column (from 0) whose cells get the list.
    public var column: Int
    /// The ``Worksheet/name`` of the sheet that holds the values (the first sheet of that name).
    public var listSheet: String
    /// The column (from 0) of `listSheet` that holds the values, under its header.
    public var listColumn: Int
    /// Whether a value that is not in the list may stand after a warning.
    public var allowsOtherValues: Bool
    /// The title of the note shown when a cell is selected (spreadsheets show at most 32 characters).
    public var promptTitle: String
    /// The note shown when a cell is selected (at most 255 characters); empty for none.
    public var prompt: String
    /// The title of the message about a value not in the list (at most 32 characters).
    public var errorTitle: String
    /// The message about a value not in the list (at most 255 characters); empty for the
    /// spreadsheet program's own.
    public var error: String

    /// A list on `column` of the values in `listColumn` of the sheet named `listSheet`.
    public init(
        column: Int, listSheet: String, listColumn: Int, allowsOtherValues: Bool = false, promptTitle: String = "", prompt: String = "",
        errorTitle: String = "", error: String = ""
    ) {
        self.column = column
        self.listSheet = listSheet
        self.listColumn = listColumn
        self.allowsOtherValues = allowsOtherValues
        self.promptTitle = promptTitle
        self.prompt = prompt
        self.errorTitle = errorTitle
        self.error = error
    }
}
