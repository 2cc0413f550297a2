import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) into rows of cell text, as
/// ``XLSXReader`` describes: `<row>` and `<c>` placed by their references (or after the
/// previous one where a file leaves them out), values by the cell's type.
final class XLSXWorksheetParser: NSObject, XMLPartDelegate {
    var failure: ReadError?
    /// The most rows and columns a sheet has (Excel's, since 2007).
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    private let strings: [String]
    private let sheet: String
    private let file: String
    /// The cells with a value: row → column → text (from 0).
    private var cells: [Int: [Int: String]] = [:]
    private var row = -1
    private var column = -1
    private var inRow = false
    /// The cell being read: its type and the texts of its `<v>` and inline string.
    private var type: String?
    private var inCell = false
    private var value: String?
    private var inline: String?
    private var inValue = false
    private var inInlineText = false
    private var phoneticDepth = 0

    private init(strings: [String], sheet: String, file: String) {
        self.strings = strings
        self.sheet = sheet
        self.file = file
    }

    /// The rows of the worksheet in `data`; `strings` is the workbook's shared-string table.
    static func rows(in data: Data, part: String, sheet: String, strings: [String], file: String) throws(ReadError) -> [[String]] {
        let parser = XLSXWorksheetParser(strings: strings, sheet: sheet, file: file)
        try XMLPart.parse(data, with: parser, part: part, file: file)
        return parser.assembled()
    }

    /// The cells as rows, each up to its last value, up to the last row with a value.
    private func assembled() -> [[String]] {
        guard let last = cells.keys.max() else { return [] }
        return (0...last).map { index in
            guard let values = cells[index], let width = values.keys.max() else { return [] }
            return (0...width).map { values[$0] ?? "" }
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        let attributes = XMLPart.localAttributes(attributes)
        switch XMLPart.localName(elementName) {
        case "row":
            inRow = true
            column = -1
            if let text = attributes["r"] {
                guard let number = Int(text.trimmingCharacters(in: .whitespaces)), (1...Self.maximumRows).contains(number) else {
                    return fail(malformed("a row numbered '\(text)', which is not a row number from 1 to \(Self.maximumRows)"))
                }
                row = number - 1
            } else {
                row += 1
            }
        case "c" where inRow:
            inCell = true
            type = attributes["t"]
            value = nil
            inline = nil
            if let reference = attributes["r"] {
                guard let index = Self.columnIndex(reference) else {
                    return fail(malformed("a cell at '\(reference)', which is not a cell reference such as B2"))
                }
                column = index
            } else {
                column += 1
            }
            guard column < Self.maximumColumns else {
                return fail(malformed("a cell beyond column XFD, the last a sheet has"))
            }
        case "v" where inCell:
            inValue = true
            value = value ?? ""
        case "is" where inCell:
            inline = inline ?? ""
        case "rPh":
            phoneticDepth += 1
        case "t" where inline != nil:
            inInlineText = phoneticDepth == 0
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch XMLPart.localName(elementName) {
        case "row":
            inRow = false
        case "c" where inCell:
            inCell = false
            inValue = false
            inInlineText = false
            guard let text = cellText(), !text.isEmpty, row >= 0, column >= 0 else { return }
            cells[row, default: [:]][column] = text
        case "v":
            inValue = false
        case "t":
            inInlineText = false
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        append(whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(_ text: String) {
        if inValue { value? += text } else if inInlineText { inline? += text }
    }

    /// The text of the cell just read, by its type; nil when it holds no value.
    private func cellText() -> String? {
        switch type {
        case "inlineStr":
            return inline.map(XMLText.unescapedSpreadsheet)
        case "s":
            guard let value else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let index = Int(trimmed), strings.indices.contains(index) else {
                fail(malformed("cell \(reference) pointing to shared string '\(trimmed)', but the workbook has \(strings.count) shared strings"))
                return nil
            }
            return strings[index]
        case "b":
            switch value?.trimmingCharacters(in: .whitespaces) {
            case "1": return "TRUE"
            case "0": return "FALSE"
            default: return value
            }
        case "str":
            return value.map(XMLText.unescapedSpreadsheet)
        case nil, "n":
            guard let value else { return inline.map(XMLText.unescapedSpreadsheet) }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let number = Double(trimmed), number.isFinite else { return value }
            return XLSXParts.numberText(number)
        default:
            // Errors (#N/A) and ISO 8601 dates (`d`) as the file writes them.
            return value
        }
    }

    /// The reference of the current cell ("B2").
    private var reference: String {
        XLSXParts.columnName(column) + String(row + 1)
    }

    private func malformed(_ problem: String) -> ReadError {
        ReadError(.malformed, "Cannot read '\(file)': the sheet '\(sheet)' has \(problem); open the workbook in a spreadsheet program and save it again.")
    }

    /// The column (from 0) of a cell reference: `B2` → 1, `AA10` → 26, `$C$3` → 2; nil when it
    /// does not start with letters or names a column beyond the last.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars.drop(while: { $0 == "$" }) {
            let value = scalar.value
            let letter: UInt32
            switch value {
            case 65...90: letter = value - 64
            case 97...122: letter = value - 96
            default:
                return letters > 0 ? index - 1 : nil
            }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int(letter)
        }
        return letters > 0 ? index - 1 : nil
    }
}
