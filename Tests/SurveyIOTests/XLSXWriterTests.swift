import Foundation
import SurveyCore
@testable import SurveyIO
import Testing

@Suite("XLSX writer")
struct XLSXWriterTests {
    static let sample = Workbook(sheets: [
        Worksheet(
            name: "Estimates", header: ["Level", "Estimate", "n"],
            rows: [
                [.text("Favourable"), .number(0.1 + 0.2), .number(144)],
                [.text("Ресей туралы пікір — Қазақстан"), .number(1e-300), .empty],
                [.text(#"a<b & "c" > 'd'"#), .number(-2.5e21), .number(.nan)],
                [.text("two\r\nlines\twith a tab"), .number(.infinity), .text("ctrl\u{1}\u{0}x\u{1F}")],
                [.text("_x0041_ stays as typed"), .empty, .number(-0.0)],
                [.number(1e20), .number(-123_456_789_012_345), .number(2.5)],
            ]),
        Worksheet(name: "About", header: [], rows: [[.text("Design"), .text("weights pw")]]),
    ])

    @Test func holdsTheMinimalPartsAllWellFormed() throws {
        let package = try XLSXPackage(try XLSXWriter.data(Self.sample))
        #expect(Set(package.parts.keys) == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ])
        #expect(package.isWellFormed)
        #expect(package.text("[Content_Types].xml").contains("/xl/worksheets/sheet2.xml"))
        #expect(package.text("xl/_rels/workbook.xml.rels").contains("Target=\"worksheets/sheet2.xml\""))
        #expect(package.sheetNames == ["Estimates", "About"])
    }

    @Test func numbersAreExactAndNonFiniteNumbersEmpty() throws {
        let cells = try XLSXPackage(try XLSXWriter.data(Self.sample)).cells(sheet: 1)
        // The shortest text that reads back to the same Double: equality is the property tested.
        #expect(cells["B2"] == "0.30000000000000004" && Double(cells["B2"]!) == 0.1 + 0.2)
        #expect(Double(cells["B3"]!) == 1e-300)
        #expect(Double(cells["B4"]!) == -2.5e21)
        #expect(cells["C2"] == "144")  // a whole number without a decimal point
        #expect(cells["C3"] == nil && cells["C4"] == nil && cells["B5"] == nil && cells["B6"] == nil)
        #expect(cells["C6"] == "0")
        #expect(Double(cells["A7"]!) == 1e20 && cells["B7"] == "-123456789012345" && cells["C7"] == "2.5")
    }

    @Test func textIsEscapedAndReadsBackAsWritten() throws {
        let package = try XLSXPackage(try XLSXWriter.data(Self.sample))
        let cells = package.cells(sheet: 1)
        #expect(cells["A1"] == "Level")
        #expect(cells["A3"] == "Ресей туралы пікір — Қазақстан")
        #expect(cells["A4"] == #"a<b & "c" > 'd'"#)
        #expect(cells["A5"] == "two\r\nlines\twith a tab")
        // Characters XML 1.0 cannot carry become U+FFFD.
        #expect(cells["C5"] == "ctrl\u{FFFD}\u{FFFD}x\u{FFFD}")
        // Text that looks like SpreadsheetML's own escape is protected from being decoded.
        #expect(cells["A6"] == "_x005F_x0041_ stays as typed")
        #expect(package.text("xl/sharedStrings.xml").contains("Ресей туралы пікір"))  // UTF-8, not character references
        #expect(package.cells(sheet: 2)["B1"] == "weights pw")
    }

    @Test func headerIsBoldAndFrozen() throws {
        let package = try XLSXPackage(try XLSXWriter.data(Self.sample))
        let sheet = package.text("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\">"))
        #expect(package.text("xl/styles.xml").contains("<font><b/>"))
        // A sheet without a header freezes nothing.
        #expect(!package.text("xl/worksheets/sheet2.xml").contains("frozen"))
    }

    @Test func sameWorkbookGivesTheSameBytesWithAFixedTimestamp() throws {
        let first = try XLSXWriter.data(Self.sample)
        let second = try XLSXWriter.data(Self.sample)
        #expect(first == second)
        // The first local file header: signature PK\3\4, then at offset 10 the DOS time and date
        // of 2000-01-01 00:00 (time 0; date (2000 − 1980) << 9 | 1 << 5 | 1 = 0x2821).
        #expect(Array(first.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        #expect(Array(first[10..<14]) == [0x00, 0x00, 0x21, 0x28])
    }

    @Test func sheetNamesAreValidAndUnique() throws {
        let names = ["a/b:c*d?[e]\\f", String(repeating: "Ж", count: 40), "Estimates", "estimates", "", "'quoted'"]
        let workbook = Workbook(sheets: names.map { Worksheet(name: $0, header: [], rows: []) })
        let expected = ["a b c d  e  f", String(repeating: "Ж", count: 31), "Estimates", "estimates (2)", "Sheet 5", "quoted"]
        #expect(workbook.sheetNames == expected)
        let package = try XLSXPackage(try XLSXWriter.data(workbook))
        #expect(package.sheetNames == expected)
        // A repeated long name keeps its suffix within 31 characters.
        let long = String(repeating: "x", count: 40)
        #expect(Workbook(sheets: [Worksheet(name: long, header: [], rows: []), Worksheet(name: long, header: [], rows: [])]).sheetNames
            == [String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)"])
    }

    @Test func emptyWorkbookStillHasASheet() throws {
        let package = try XLSXPackage(try XLSXWriter.data(Workbook(sheets: [])))
        #expect(package.sheetNames == ["Sheet 1"])
        #expect(package.isWellFormed)
    }

    @Test("wrapped columns wrap their text; a list offers another sheet's column under its header, with notes cut to the spreadsheet limits")
    func wrapsColumnsAndOffersLists() throws {
        let list = WorksheetListValidation(
            column: 1, listSheet: "It's codes", listColumn: 0, allowsOtherValues: true, promptTitle: String(repeating: "t", count: 40),
            prompt: "Pick <one>", errorTitle: "Not a code", error: String(repeating: "е", count: 300))
        let workbook = Workbook(sheets: [
            Worksheet(name: "anna", header: ["answer", "codes"], rows: [[.text("Развитая страна"), .empty], [.text("Дос ел"), .empty]],
                      wrappedColumns: [0], listValidations: [list, WorksheetListValidation(column: 0, listSheet: "absent", listColumn: 0)]),
            Worksheet(name: "It's codes", header: ["Code"], rows: [[.text("a")], [.text("b")], [.text("c")]]),
        ])
        let package = try XLSXPackage(try XLSXWriter.data(workbook))
        #expect(package.isWellFormed)
        let sheet = package.text("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<c r=\"A2\" s=\"2\" t=\"s\">") && sheet.contains("<c r=\"A3\" s=\"2\" t=\"s\">"))
        // One list: the one whose sheet is absent is left out. It covers the rows, not the sheet.
        #expect(sheet.contains("<dataValidations count=\"1\"><dataValidation type=\"list\" errorStyle=\"warning\" allowBlank=\"1\""))
        #expect(sheet.contains("sqref=\"B2:B3\"><formula1>&apos;It&apos;&apos;s codes&apos;!$A$2:$A$4</formula1></dataValidation></dataValidations></worksheet>"))
        #expect(sheet.contains("promptTitle=\"\(String(repeating: "t", count: 32))\"") && sheet.contains("prompt=\"Pick &lt;one&gt;\""))
        #expect(sheet.contains("error=\"\(String(repeating: "е", count: 255))\""))
        // The sheet of codes has neither wrapped cells nor lists.
        let codes = package.text("xl/worksheets/sheet2.xml")
        #expect(!codes.contains("s=\"2\"") && !codes.contains("dataValidation"))
        // A list without rows to cover is left out, and a sheet without lists has none.
        var empty = workbook
        empty.sheets[0].rows = []
        #expect(!(try XLSXPackage(try XLSXWriter.data(empty))).text("xl/worksheets/sheet1.xml").contains("dataValidation"))
        #expect(!(try XLSXPackage(try XLSXWriter.data(Self.sample))).text("xl/worksheets/sheet1.xml").contains("dataValidation"))
    }

    @Test func columnsAreLettered() {
        #expect([0, 25, 26, 51, 701, 702].map(XLSXParts.columnName) == ["A", "Z", "AA", "AZ", "ZZ", "AAA"])
    }

    @Test func writesTheFileWholeOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.xlsx").path
        try XLSXWriter.write(Self.sample, to: path)
        #expect(FileManager.default.contents(atPath: path) == (try XLSXWriter.data(Self.sample)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.xlsx"])

        let missing = folder.appendingPathComponent("no-such-folder/out.xlsx").path
        #expect(throws: ReadError.self) { try XLSXWriter.write(Self.sample, to: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
