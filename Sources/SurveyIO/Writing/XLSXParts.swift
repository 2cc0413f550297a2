import SurveyCore

/// The XML parts of an .xlsx file for a ``Workbook``, as (path in the archive, text) in the
/// order they are stored: the parts ECMA-376 Part 1 (SpreadsheetML) requires of a workbook,
/// packaged as Part 2 (Open Packaging Conventions) describes, and nothing optional (no document
/// properties, themes or calculation chain).
///
/// Strings go to a shared-string table (`xl/sharedStrings.xml`), each distinct text once, in
/// the order of first use. Style 1 is the bold header, style 2 wraps text (text with line
/// breaks, and the text of a sheet's ``SurveyCore/Worksheet/wrappedColumns``).
struct XLSXParts {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Style indices of `xl/styles.xml`.
    enum Style: Int {
        case plain = 0, header = 1, wrapped = 2
    }

    let files: [(path: String, text: String)]

    init(_ workbook: Workbook) {
        // A workbook must have a sheet to open.
        let sheets = workbook.sheets.isEmpty ? [Worksheet(name: "Sheet 1", header: [], rows: [])] : workbook.sheets
        let names = Workbook(sheets: sheets).sheetNames
        var strings = SharedStrings()
        let lists = ListRanges(sheets: sheets, names: names)
        let sheetTexts = sheets.indices.map { Self.worksheet(sheets[$0], selected: $0 == 0, lists: lists, strings: &strings) }
        var files: [(String, String)] = [
            ("[Content_Types].xml", Self.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", Self.packageRelationships),
            ("xl/workbook.xml", Self.workbookPart(names)),
            ("xl/_rels/workbook.xml.rels", Self.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", Self.styles),
            ("xl/sharedStrings.xml", strings.part),
        ]
        for (index, text) in sheetTexts.enumerated() { files.append(("xl/worksheets/sheet\(index + 1).xml", text)) }
        self.files = files
    }

    // MARK: Package

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + sheets + "</Types>"
    }

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbookPart(_ names: [String]) -> String {
        let sheets = names.enumerated().map { index, name in
            "<sheet name=\"\(XMLText.escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return declaration
            + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>\(sheets)</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        let sheets = (1...sheetCount).map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(base)worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return declaration + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">" + sheets
            + "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(base)styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(base)sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"
    }

    /// Fonts: regular and bold; cell formats: plain, bold header, wrapped text.
    static let styles = declaration
        + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    // MARK: Worksheets

    /// A sheet: the header row frozen, column widths, then the rows (empty cells are left out),
    /// then its drop-down lists.
    static func worksheet(_ sheet: Worksheet, selected: Bool, lists: ListRanges, strings: inout SharedStrings) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
        let view = selected ? " tabSelected=\"1\"" : ""
        if sheet.header.isEmpty {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"\(view)/></sheetViews>"
        } else {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"\(view)>"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        }
        let widths = columnWidths(sheet)
        if !widths.isEmpty {
            xml += "<cols>" + widths.enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        var rowNumber = 0
        func append(_ cells: [WorksheetCell], header: Bool) {
            rowNumber += 1
            var row = ""
            for (column, cell) in cells.enumerated() {
                let reference = Self.columnName(column) + String(rowNumber)
                switch cell {
                case .empty:
                    continue
                case .number(let value):
                    guard value.isFinite else { continue }
                    row += "<c r=\"\(reference)\"\(header ? " s=\"\(Style.header.rawValue)\"" : "")><v>\(Self.numberText(value))</v></c>"
                case .text(let text):
                    let wraps = text.contains("\n") || sheet.wrappedColumns.contains(column)
                    let style: Style = header ? .header : (wraps ? .wrapped : .plain)
                    let styleAttribute = style == .plain ? "" : " s=\"\(style.rawValue)\""
                    row += "<c r=\"\(reference)\"\(styleAttribute) t=\"s\"><v>\(strings.index(of: text))</v></c>"
                }
            }
            if !row.isEmpty { xml += "<row r=\"\(rowNumber)\">" + row + "</row>" }
        }
        if !sheet.header.isEmpty { append(sheet.header.map { WorksheetCell.text($0) }, header: true) }
        for cells in sheet.rows { append(cells, header: false) }
        return xml + "</sheetData>" + dataValidations(sheet, lists: lists) + "</worksheet>"
    }

    /// The `<dataValidations>` element of the sheet's lists that have values to offer and rows
    /// to offer them in; empty when there are none.
    static func dataValidations(_ sheet: Worksheet, lists: ListRanges) -> String {
        let first = sheet.header.isEmpty ? 1 : 2
        let last = first + sheet.rows.count - 1
        guard last >= first else { return "" }
        let elements = sheet.listValidations.compactMap { list -> String? in
            guard list.column >= 0, let source = lists.range(list) else { return nil }
            let column = columnName(list.column)
            var attributes = "type=\"list\" errorStyle=\"\(list.allowsOtherValues ? "warning" : "stop")\" allowBlank=\"1\""
                + " showInputMessage=\"1\" showErrorMessage=\"1\""
            for (name, text, limit) in [("errorTitle", list.errorTitle, 32), ("error", list.error, 255),
                                        ("promptTitle", list.promptTitle, 32), ("prompt", list.prompt, 255)] where !text.isEmpty {
                attributes += " \(name)=\"\(XMLText.escaped(cut(text, to: limit)))\""
            }
            return "<dataValidation \(attributes) sqref=\"\(column)\(first):\(column)\(last)\"><formula1>\(XMLText.escaped(source))</formula1></dataValidation>"
        }
        guard !elements.isEmpty else { return "" }
        return "<dataValidations count=\"\(elements.count)\">" + elements.joined() + "</dataValidations>"
    }

    /// The longest prefix of `text` (whole characters) of at most `length` UTF-16 code units:
    /// spreadsheet programs refuse a file whose validation texts are longer than their limits.
    static func cut(_ text: String, to length: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            used += character.utf16.count
            if used > length { break }
            out.append(character)
        }
        return out
    }

    /// A finite number as the shortest text that reads back to the same `Double`; a whole number
    /// below 10¹⁵ without a decimal point ("144", not "144.0"), so readers see an integer.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// Widths in characters: the sheet's own where it gives them, else the longest content of
    /// the column plus two, between 8 and 60.
    static func columnWidths(_ sheet: Worksheet) -> [Double] {
        let count = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        return (0..<count).map { column in
            if column < sheet.columnWidths.count { return sheet.columnWidths[column] }
            var longest = column < sheet.header.count ? sheet.header[column].count : 0
            for row in sheet.rows where column < row.count {
                switch row[column] {
                case .text(let text): longest = max(longest, text.split(separator: "\n").map(\.count).max() ?? 0)
                case .number(let value): longest = max(longest, value.isFinite ? Self.numberText(value).count : 0)
                case .empty: break
                }
            }
            return Double(min(60, max(8, longest + 2)))
        }
    }

    /// The letters of a column (0 → A, 25 → Z, 26 → AA, ...).
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// Where the values of each ``SurveyCore/WorksheetListValidation`` are: the cells of a column of
/// a sheet under its header, as an absolute reference with the sheet's name in the file.
struct ListRanges {
    let sheets: [Worksheet]
    let names: [String]

    /// `'codes'!$A$2:$A$9` for the list's column of its sheet; nil when no sheet has that name or
    /// the sheet has no rows.
    func range(_ list: WorksheetListValidation) -> String? {
        guard list.listColumn >= 0, let index = sheets.firstIndex(where: { $0.name == list.listSheet }) else { return nil }
        let sheet = sheets[index]
        let first = sheet.header.isEmpty ? 1 : 2
        let last = first + sheet.rows.count - 1
        guard last >= first else { return nil }
        let column = XLSXParts.columnName(list.listColumn)
        let quoted = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'"
        return "\(quoted)!$\(column)$\(first):$\(column)$\(last)"
    }
}

/// The shared-string table of a workbook: each distinct text once, numbered in order of first use.
struct SharedStrings {
    private var numbers: [String: Int] = [:]
    private var texts: [String] = []
    private var uses = 0

    /// The number of `text` in the table, adding it when new.
    mutating func index(of text: String) -> Int {
        uses += 1
        if let number = numbers[text] { return number }
        numbers[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    /// `xl/sharedStrings.xml`.
    var part: String {
        XLSXParts.declaration
            + "<sst xmlns=\"\(XLSXParts.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(texts.count)\">"
            + texts.map { "<si><t xml:space=\"preserve\">\(XMLText.escaped($0, spreadsheet: true))</t></si>" }.joined()
            + "</sst>"
    }
}
