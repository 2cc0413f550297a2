import BarometerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The explorer's XLSX download: the CSV's result (the same request and disclosure control) as a
/// workbook, headers in the page's language.
@Suite("XLSX download")
struct SpreadsheetDownloadTests {
    /// The parts of an .xlsx body by path.
    static func parts(_ body: ByteBuffer) throws -> [String: String] {
        let archive = try Archive(data: Data(buffer: body), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            #expect(XMLParser(data: bytes).parse(), "\(entry.path) is not well-formed")
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    /// The `<v>` values of a worksheet part, in order.
    static func values(_ sheet: String) -> [String] {
        sheet.components(separatedBy: "<v>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func workbookHasTheCSVNumbersAndHeadersInThePagesLanguage() async throws {
        let query = "concept=russian_base&by=agegroup&waves=2022-autumn"
        try await ServerFixture.app().test(.router) { client in
            var csvNumbers: [Double] = []
            try await client.execute(uri: "/api/v1/studies/demo/trend.csv?\(query)", method: .get) { r in
                // The estimate is the tenth field from the end (labels before it may hold commas).
                let lines = ServerFixture.text(r).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
                #expect(lines[0][lines[0].count - 10] == "estimate")
                csvNumbers = lines.dropFirst().compactMap { Double($0[$0.count - 10]) }
            }
            #expect(!csvNumbers.isEmpty)
            try await client.execute(uri: "/api/v1/studies/demo/trend.xlsx?\(query)&lang=kk", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(r.headers[.contentDisposition] == "attachment; filename=\"trend.xlsx\"")
                let parts = try Self.parts(r.body)
                #expect(parts["xl/workbook.xml"]?.contains("name=\"Бағалаулар\"") == true)
                #expect(parts["xl/sharedStrings.xml"]?.contains(">Бағалау<") == true)
                let numbers = Set(Self.values(parts["xl/worksheets/sheet1.xml"] ?? "").compactMap(Double.init))
                #expect(csvNumbers.allSatisfy(numbers.contains))
            }
        }
    }

    @Test func questionPageLinksTheWorkbookBesideTheCSV() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?by=agegroup&lang=ru", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains("id=\"download-csv\""))
                #expect(html.contains(
                    "<a id=\"download-xlsx\" href=\"/api/v1/studies/demo/trend.xlsx?concept=opinion_russia&amp;by=agegroup&amp;lang=ru\" download>Таблица (XLSX)</a>"))
            }
        }
    }
}
