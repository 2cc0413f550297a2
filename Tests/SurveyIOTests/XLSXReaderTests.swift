import Foundation
import SurveyCore
@testable import SurveyIO
import Testing
import ZIPFoundation

/// A workbook built from its XML parts, for files no writer at hand would make.
private func package(_ parts: [(String, String)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in parts {
        let bytes = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data!
}

/// The parts of a workbook of one sheet whose `<sheetData>` is `rows`, with `strings` as its
/// shared-string items; the main namespace is bound to the prefix `x` when `prefixed`.
private func parts(rows: String, strings: String = "", prefixed: Bool = false) -> [(String, String)] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let ns = prefixed ? "x:" : ""
    let binding = prefixed ? "xmlns:x=\"\(main)\"" : "xmlns=\"\(main)\""
    return [
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relations)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ("xl/workbook.xml", "<\(ns)workbook \(binding) xmlns:r=\"\(relations)\"><\(ns)sheets><\(ns)sheet name=\"Data\" sheetId=\"1\" r:id=\"rId7\"/></\(ns)sheets></\(ns)workbook>"),
        ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" Type=\"\(relations)/worksheet\" Target=\"sheets/data.xml\"/><Relationship Id=\"rId8\" Type=\"\(relations)/sharedStrings\" Target=\"strings.xml\"/></Relationships>"),
        ("xl/strings.xml", "<\(ns)sst \(binding)>\(strings)</\(ns)sst>"),
        ("xl/sheets/data.xml", "<\(ns)worksheet \(binding)><\(ns)sheetData>\(rows)</\(ns)sheetData></\(ns)worksheet>"),
    ]
}

@Suite("XLSX reader")
struct XLSXReaderTests {
    static let openpyxlFixture = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/xlsx/openpyxl-cells.xlsx").path

    @Test("reads back what the writer wrote: texts as written, numbers as their shortest text, gaps empty")
    func readsTheWritersWorkbook() throws {
        let data = try XLSXWriter.data(XLSXWriterTests.sample)
        let rows = try XLSXReader.rows(data: data, name: "sample.xlsx")
        #expect(rows == [
            ["Level", "Estimate", "n"],
            ["Favourable", "0.30000000000000004", "144"],
            ["Ресей туралы пікір — Қазақстан", "1e-300"],
            [#"a<b & "c" > 'd'"#, "-2.5e+21"],
            ["two\r\nlines\twith a tab", "", "ctrl\u{FFFD}\u{FFFD}x\u{FFFD}"],
            // The writer protects text that looks like an escape; the reader undoes it.
            ["_x0041_ stays as typed", "", "0"],
            ["1e+20", "-123456789012345", "2.5"],
        ])
        #expect(Double(rows[1][1]) == 0.1 + 0.2 && Double(rows[2][1]) == 1e-300)
        #expect(try XLSXReader.rows(data: data, name: "sample.xlsx", sheet: "about") == [["Design", "weights pw"]])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID()).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XLSXWriter.write(XLSXWriterTests.sample, to: path)
        #expect(try XLSXReader.sheetNames(path: path) == ["Estimates", "About"])
        #expect(try XLSXReader.rows(path: path) == rows)
    }

    @Test("reads a workbook openpyxl saved: inline and rich text, numbers, booleans, a date's serial number, gaps")
    func readsOpenpyxlsWorkbook() throws {
        let rows = try XLSXReader.rows(path: Self.openpyxlFixture)
        let values = Dictionary(rows.dropFirst().compactMap { $0.count >= 2 ? ($0[0], $0[1]) : nil }, uniquingKeysWith: { a, _ in a })
        #expect(rows.first == ["kind", "value"])
        #expect(values["text"] == "Развитая страна")
        #expect(values["integer"] == "42")
        #expect(values["float"] == "0.3")
        #expect(values["small"] == "1e-05")
        #expect(values["negative"] == "-3.5")
        #expect(values["large"] == "1e+20")
        #expect(values["true"] == "TRUE" && values["false"] == "FALSE")
        // Dates stay the serial number the file stores: 2024-03-01 is day 45352 after 1899-12-30.
        #expect(values["date"] == "45352")
        #expect(values["rich"] == "Экономикасы күшті")
        #expect(values["spaces"] == "  two\nlines  ")
        // openpyxl writes the underscores as typed, so the reader decodes SpreadsheetML's escape
        // as Excel would show it.
        #expect(values["escape-like"] == "A as typed")
        // A14 and D14, C14 left out; row 15 left out.
        #expect(rows[13] == ["gap", "", "", "D"])
        #expect(rows[14] == [] && rows[15] == ["after an empty row"] && rows.count == 16)
        #expect(try XLSXReader.sheetNames(path: Self.openpyxlFixture) == ["Cells", "Коды"])
        let codes = try XLSXReader.table(path: Self.openpyxlFixture, sheet: "Коды")
        #expect(codes.variableNames == ["unit", "codes"])
        #expect((0..<codes.rowCount).map { try! codes.column("codes").text(at: $0) } == ["domestic", "a;b", "7"])
    }

    @Test("shared strings with rich-text runs and phonetic guides, inline strings, prefixes, cells and rows without references")
    func readsHandMadeParts() throws {
        let strings = """
            <si><t>plain</t></si>\
            <si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>\
            <si><t xml:space="preserve"> </t></si>\
            <si><t>a_x000D_b</t></si>
            """
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>\
            <row><c t="inlineStr"><is><t>inline</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>formula text</v></c></row>\
            <row r="4"><c r="B4" t="s"><v>2</v></c><c r="C4" s="3"/><c r="D4"><v>1.1000000000000001</v></c><c r="E4" t="s"><v>3</v></c></row>\
            <row r="6"><c r="A6" s="1"/></row>
            """
        for prefixed in [false, true] {
            let data = try package(parts(rows: rows, strings: strings, prefixed: prefixed))
            let read = try XLSXReader.rows(data: data, name: "hand.xlsx")
            #expect(read == [["plain", "", "rich text"], ["inline", "TRUE", "#N/A", "formula text"], [], ["", " ", "", "1.1", "a\rb"]], "prefixed: \(prefixed)")
        }
    }

    @Test("the first row names the columns of a table of text; an empty cell is missing")
    func readsATable() throws {
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c><c r="B1" t="inlineStr"><is><t>codes</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>101:q</t></is></c><c r="B2"><v>3</v></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>102:q</t></is></c></row>
            """
        let table = try XLSXReader.table(data: package(parts(rows: rows)), name: "t.xlsx")
        #expect(table.variableNames == ["unit", "codes"] && table.rowCount == 2)
        let codes = try table.column("codes")
        #expect(codes.text(at: 0) == "3" && codes.text(at: 1) == nil)
    }

    @Test("bad workbooks are refused in one sentence naming the file", arguments: [
        ("no header", #"<row r="2"><c r="A2"><v>1</v></c></row>"#, "the first row of the first sheet is empty"),
        ("value without a name", #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="C2"><v>1</v></c></row>"#,
         "column C of the first sheet has a value in row 2 but no name in row 1"),
        ("repeated name", #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>a</t></is></c></row>"#,
         "columns A and B of the first sheet are both named 'a'"),
        ("missing shared string", #"<row r="1"><c r="A1" t="s"><v>5</v></c></row>"#, "the sheet 'Data' has cell A1 pointing to shared string '5', but the workbook has 0 shared strings"),
        ("bad reference", #"<row r="1"><c r="11" t="s"><v>0</v></c></row>"#, "a cell at '11', which is not a cell reference"),
        ("bad row", #"<row r="0"><c r="A1"><v>1</v></c></row>"#, "a row numbered '0'"),
        ("column beyond XFD", #"<row r="1"><c r="XFE1"><v>1</v></c></row>"#, "beyond column XFD"),
        ("not well-formed", #"<row r="1"><c r="A1"><v>1</c></row>"#, "its part xl/sheets/data.xml is not well-formed XML"),
    ])
    func refusesBadSheets(_ what: String, _ rows: String, _ expected: String) throws {
        let data = try package(parts(rows: rows))
        let error = #expect(throws: ReadError.self, "\(what)") { try XLSXReader.table(data: data, name: "bad.xlsx") }
        #expect(error?.message.hasPrefix("Cannot read 'bad.xlsx': ") == true, "\(what)")
        #expect(error?.message.contains(expected) == true, "\(what): \(error?.message ?? "")")
        #expect(error?.message.split(separator: "\n").count == 1)
    }

    @Test("a file that is not a workbook, one without sheets, and a sheet that is not there are refused")
    func refusesWhatIsNotAWorkbook() throws {
        let csv = #expect(throws: ReadError.self) { try XLSXReader.rows(data: Data("unit,codes\n1,a\n".utf8), name: "sheet.xlsx") }
        #expect(csv?.message == "Cannot read 'sheet.xlsx': it is not an XLSX workbook (not a readable ZIP archive); save it from the spreadsheet program as an Excel workbook (.xlsx), or as CSV.")
        let zip = try package([("word/document.xml", "<document/>")])
        let noWorkbook = #expect(throws: ReadError.self) { try XLSXReader.rows(data: zip, name: "letter.xlsx") }
        #expect(noWorkbook?.message.contains("the archive holds no workbook (xl/workbook.xml)") == true)
        var empty = parts(rows: "")
        empty[2].1 = #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"#
        let noSheets = #expect(throws: ReadError.self) { try XLSXReader.rows(data: package(empty), name: "empty.xlsx") }
        #expect(noSheets?.message.contains("the workbook has no sheets") == true)
        let data = try XLSXWriter.data(XLSXWriterTests.sample)
        let noSheet = #expect(throws: ReadError.self) { try XLSXReader.rows(data: data, name: "s.xlsx", sheet: "codes") }
        #expect(noSheet?.message == "Cannot read 's.xlsx': it has no sheet 'codes'; its sheets are 'Estimates', 'About'.")
        let missing = #expect(throws: ReadError.self) { try XLSXReader.rows(path: "/nonexistent/anna.xlsx") }
        #expect(missing?.kind == .notFound)
    }

    @Test("mutated workbooks read or fail with a ReadError, never crash")
    func survivesMutations() throws {
        let original = try XLSXPackage(try XLSXWriter.data(XLSXWriterTests.sample))
        let paths = original.parts.keys.sorted()
        var random = SplitMix64(seed: 14)
        var failures = 0
        let rounds = 300
        for _ in 0..<rounds {
            var mutated = original.parts
            let path = paths[Int(random.next() % UInt64(paths.count))]
            var bytes = [UInt8](mutated[path]!)
            for _ in 0..<(1 + random.next() % 4) where !bytes.isEmpty {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 5 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(Array("<>&\"'/=:_x0".utf8)[Int(random.next() % 11)], at: at)
                case 2: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 40)))
                default: bytes = Array(bytes.prefix(at))
                }
            }
            mutated[path] = Data(bytes)
            let data = try package(mutated.keys.sorted().map { ($0, String(decoding: mutated[$0]!, as: UTF8.self)) })
            do {
                _ = try XLSXReader.rows(data: data, name: "fuzz.xlsx")
            } catch {
                #expect(error.message.hasPrefix("Cannot read 'fuzz.xlsx': "), "\(error.message)")
                failures += 1
            }
        }
        // Some mutations leave a readable workbook, most do not.
        #expect(failures > 0 && failures < rounds)
        // Damaged archives: truncated, or with bytes changed in the compressed data.
        let data = try XLSXWriter.data(XLSXWriterTests.sample)
        for cut in stride(from: 10, to: data.count, by: max(1, data.count / 40)) {
            #expect(throws: ReadError.self) { try XLSXReader.rows(data: data.prefix(cut), name: "cut.xlsx") }
        }
        for offset in stride(from: 40, to: data.count - 200, by: 97) {
            var damaged = data
            damaged[offset] ^= 0xFF
            do { _ = try XLSXReader.rows(data: damaged, name: "damaged.xlsx") } catch { #expect(!error.message.isEmpty) }
        }
    }
}
