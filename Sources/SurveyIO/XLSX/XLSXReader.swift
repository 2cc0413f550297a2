import Foundation
import SurveyCore

/// Reads the cells of a worksheet of an Office Open XML spreadsheet (.xlsx, ECMA-376
/// SpreadsheetML) as text: what Excel, LibreOffice Calc, Google Sheets or openpyxl saved, and
/// what ``XLSXWriter`` writes.
///
/// ```swift
/// let rows = try XLSXReader.rows(path: "coding/anna.xlsx")          // the first sheet
/// let codes = try XLSXReader.rows(path: "coding/anna.xlsx", sheet: "codes")
/// let table = try XLSXReader.table(path: "coding/anna.xlsx")        // first row as the header
/// ```
///
/// Each cell becomes the text a reader of the sheet would type to get it back:
/// - a string (shared, inline, or the text result of a formula) as it is, rich-text runs joined
///   and SpreadsheetML's `_xHHHH_` escapes decoded; phonetic guides left out;
/// - a number as the shortest text that reads back to the same `Double`, a whole number below
///   10¹⁵ without a decimal point (`144`, not `144.0`);
/// - a boolean as `TRUE` or `FALSE`, an error as its code (`#N/A`);
/// - a date as the number the file stores (days since 1899-12-30 for most workbooks):
///   number formats are not read, so a date is not turned into a calendar date;
/// - a formula as its cached result (formulas are not evaluated);
/// - an empty cell, and a cell the file leaves out (a gap between `A1` and `C1`), as `""`.
///
/// Rows are numbered as in the sheet: a row the file leaves out is an empty row `[]`. Each row
/// ends at its last cell with a value, and the rows end at the last row with a value.
///
/// Bad input (a file that is not a ZIP archive or has no workbook in it, a workbook without
/// sheets, a sheet that is not there, XML that is not well-formed, a reference to a shared
/// string that does not exist) is a ``ReadError`` of one sentence naming the file, never a crash.
public enum XLSXReader {
    /// The names of the workbook's sheets, in the order of their tabs.
    /// - Throws: ``ReadError`` as described for the type.
    public static func sheetNames(path: String) throws(ReadError) -> [String] {
        try XLSXArchive(data: FileContents.read(path: path), name: path).sheets().map(\.name)
    }

    /// The rows of cell text of the sheet named `sheet` (compared without case, as spreadsheet
    /// programs compare sheet names), or of the first sheet.
    /// - Throws: ``ReadError`` as described for the type.
    public static func rows(path: String, sheet: String? = nil) throws(ReadError) -> [[String]] {
        try rows(data: FileContents.read(path: path), name: path, sheet: sheet)
    }

    /// The rows of a workbook held in memory; `name` identifies it in messages.
    /// - Throws: ``ReadError`` as described for the type.
    public static func rows(data: Data, name: String, sheet: String? = nil) throws(ReadError) -> [[String]] {
        let archive = try XLSXArchive(data: data, name: name)
        let sheets = try archive.sheets()
        guard let first = sheets.first else {
            throw ReadError(.malformed, "Cannot read '\(name)': the workbook has no sheets; open it in a spreadsheet program, put the data on a sheet and save it again.")
        }
        var chosen = first
        if let sheet {
            guard let named = sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                throw ReadError(.malformed, "Cannot read '\(name)': it has no sheet '\(sheet)'; its sheets are \(sheets.map { "'\($0.name)'" }.joined(separator: ", ")).")
            }
            chosen = named
        }
        let strings = try archive.sharedStrings()
        return try archive.cells(of: chosen, strings: strings)
    }

    /// The sheet as a table: its first row names the columns, every column is text (an empty
    /// cell is missing). Read numbers with ``SurveyCore/Column/text(at:)``, which gives them
    /// back as the text of the cell.
    /// - Throws: ``ReadError`` as for ``rows(path:sheet:)``, and for a sheet without a header
    ///   row, a value under an empty or repeated header.
    public static func table(path: String, sheet: String? = nil) throws(ReadError) -> Dataset {
        try table(data: FileContents.read(path: path), name: path, sheet: sheet)
    }

    /// The sheet of a workbook held in memory as a table, as ``table(path:sheet:)``.
    public static func table(data: Data, name: String, sheet: String? = nil) throws(ReadError) -> Dataset {
        let rows = try rows(data: data, name: name, sheet: sheet)
        let which = sheet.map { "the sheet '\($0)'" } ?? "the first sheet"
        guard let header = rows.first, !header.isEmpty else {
            throw ReadError(.malformed, "Cannot read '\(name)': the first row of \(which) is empty; put the column names in the first row.")
        }
        let width = rows.map(\.count).max() ?? 0
        var seen: [String: Int] = [:]
        var columns: [Column] = []
        for index in 0..<width {
            let title = index < header.count ? header[index].trimmingCharacters(in: .whitespaces) : ""
            let values: [String?] = rows.dropFirst().map { index < $0.count && !$0[index].isEmpty ? $0[index] : nil }
            let reference = XLSXParts.columnName(index)
            if title.isEmpty {
                guard let row = values.firstIndex(where: { $0 != nil }) else { continue }
                throw ReadError(.malformed, "Cannot read '\(name)': column \(reference) of \(which) has a value in row \(row + 2) but no name in row 1; name the column or clear it.")
            }
            if let earlier = seen.updateValue(index, forKey: title) {
                throw ReadError(.malformed, "Cannot read '\(name)': columns \(XLSXParts.columnName(earlier)) and \(reference) of \(which) are both named '\(title)'; give each column its own name.")
            }
            columns.append(Column(name: title, values: .text(values)))
        }
        do {
            return try Dataset(columns: columns)
        } catch {
            throw ReadError(.malformed, "Cannot read '\(name)': \(error)")
        }
    }
}
