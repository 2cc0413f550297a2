import Foundation
import SurveyCore
import ZIPFoundation

/// Writes a ``Workbook`` as an Office Open XML spreadsheet (.xlsx, ECMA-376 SpreadsheetML), the
/// file Excel, LibreOffice Calc, Google Sheets, openpyxl and R's readxl open.
///
/// The file is a ZIP archive, built in memory, of the smallest set of parts a spreadsheet
/// program needs: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml` with its
/// relationships, `xl/styles.xml` (the bold header, wrapped text), `xl/sharedStrings.xml` and one
/// `xl/worksheets/sheetN.xml` per sheet (see ``XLSXParts``).
///
/// - Numbers are written exactly, as the shortest decimal that reads back to the same `Double`;
///   NaN and infinities become empty cells.
/// - Text is UTF-8 (Cyrillic and Kazakh letters as they are), escaped for XML; characters XML 1.0
///   cannot carry (control characters other than tab, line feed and carriage return) are
///   replaced by U+FFFD, the replacement character.
/// - Sheet names are made valid and unique (``Workbook/sheetNames``).
/// - A sheet's drop-down lists (``SurveyCore/WorksheetListValidation``) are list data
///   validations over its rows, pointing at the cells of the other sheet's column.
/// - The bytes depend only on the workbook: every entry carries the same fixed timestamp, so
///   the same table always gives the same file.
public enum XLSXWriter {
    /// The media type of an .xlsx file, for HTTP responses.
    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The time stamp of every entry of the archive: 1 January 2000, 00:00 UTC (ZIP times are
    /// DOS times, which start in 1980).
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    /// The .xlsx file of `workbook`.
    /// - Throws: ``WriteError`` (`unwritable`) when the archive cannot be built.
    public static func data(_ workbook: Workbook) throws(WriteError) -> Data {
        let parts = XLSXParts(workbook).files
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else {
                throw WriteError(.unwritable, "Cannot build the XLSX workbook: the in-memory archive has no data; write another format (--format csv).")
            }
            return data
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(.unwritable, "Cannot build the XLSX workbook: \(error); write another format (--format csv).")
        }
    }

    /// Writes `workbook` as an .xlsx file at `path`, whole or not at all (``AtomicFile``).
    /// - Throws: ``WriteError`` when the archive cannot be built, ``ReadError`` (`unwritable`)
    ///   when the file cannot be written.
    public static func write(_ workbook: Workbook, to path: String) throws {
        try AtomicFile.write(try data(workbook), to: path)
    }
}
