import BarometerCLI
import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

private let tiny = Bundle.module.path(forResource: "tiny", ofType: "csv", inDirectory: "Fixtures")!
private let opinion = Bundle.module.path(forResource: "opinion", ofType: "csv", inDirectory: "Fixtures")!
private let opinionCodebook = Bundle.module.path(forResource: "opinion", ofType: "yaml", inDirectory: "Fixtures")!
private let study = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path
private let warSide = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/polls-war-side.csv").standardized.path

/// `--format xlsx --out FILE` on the verbs that print results, and `--out` for the text formats.
@Suite("XLSX output")
struct SpreadsheetOutputTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-cli-\(UUID())")

    init() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    /// The parts of the .xlsx file at `path` by name, each checked to be well-formed XML.
    static func parts(_ path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            #expect(XMLParser(data: bytes).parse(), "\(entry.path) is not well-formed")
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    /// The sheet names in `xl/workbook.xml`.
    static func sheetNames(_ parts: [String: String]) -> [String] {
        (parts["xl/workbook.xml"] ?? "").components(separatedBy: "<sheet name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The `<v>` values of a worksheet part, in order.
    static func values(_ sheet: String) -> [String] {
        sheet.components(separatedBy: "<v>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func estimateWritesAWorkbookWithTheCSVNumbers() throws {
        let arguments = ["estimate", tiny, "--mean", "api00", "--by", "stype", "--weight", "pw", "--lang", "ru"]
        let csv = BarometerCLI.run(arguments + ["--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let out = path("estimate.xlsx")
        let run = BarometerCLI.run(arguments + ["--format", "xlsx", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Wrote '\(out)'.\n")
        let parts = try Self.parts(out)
        #expect(Self.sheetNames(parts) == ["Оценки", "О результате"])
        #expect(parts["xl/sharedStrings.xml"]?.contains(">Оценка<") == true)
        // Every number of the CSV is a number cell of the first sheet.
        let numbers = Set(Self.values(parts["xl/worksheets/sheet1.xml"] ?? "").compactMap(Double.init))
        let fields = csv.stdout.split(separator: "\n").dropFirst().flatMap { $0.split(separator: ",") }.compactMap { Double($0) }
        #expect(!fields.isEmpty && fields.allSatisfy(numbers.contains))
        // The same table gives the same file.
        let again = path("again.xlsx")
        #expect(BarometerCLI.run(arguments + ["--out", again]).status == 0)
        #expect(FileManager.default.contents(atPath: out) == FileManager.default.contents(atPath: again))
    }

    @Test func xlsxWithoutOutIsAUsageError() {
        let run = BarometerCLI.run(["estimate", tiny, "--mean", "api00", "--format", "xlsx"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--format xlsx writes a binary file: add --out FILE.xlsx."))
        #expect(run.stdout.isEmpty)
    }

    @Test func textFormatIntoAnXLSXNameIsAUsageError() {
        let out = path("table.xlsx")
        let run = BarometerCLI.run(["estimate", tiny, "--mean", "api00", "--format", "table", "--out", out])
        #expect(run.status == 64)
        #expect(run.stderr.contains("names a spreadsheet but --format is table"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func outInAMissingFolderWritesNothing() throws {
        let out = path("no-such-folder/estimate.xlsx")
        let run = BarometerCLI.run(["estimate", tiny, "--mean", "api00", "--format", "xlsx", "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: Cannot write '\(out)': the folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func textFormatsGoToOutToo() throws {
        let arguments = ["estimate", tiny, "--proportion", "stype", "--weight", "pw", "--format", "csv"]
        let printed = BarometerCLI.run(arguments)
        let out = path("estimate.csv")
        let written = BarometerCLI.run(arguments + ["--out", out])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "Wrote '\(out)'.\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == printed.stdout)
    }

    @Test func crosstabHasATestsSheet() throws {
        let out = path("crosstab.xlsx")
        let run = BarometerCLI.run(["crosstab", opinion, "sex", "q1", "--codebook", opinionCodebook, "--weight", "wt", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let parts = try Self.parts(out)
        #expect(Self.sheetNames(parts) == ["Estimates", "Tests", "About"])
        #expect(parts["xl/sharedStrings.xml"]?.contains(">Row<") == true)
        #expect(parts["xl/sharedStrings.xml"]?.contains(">Very favourable<") == true)
    }

    @Test func trendHasTheChangesInKazakh() throws {
        let out = path("trend.xlsx")
        let run = BarometerCLI.run(["trend", study, "opinion", "--lang", "kk", "--format", "xlsx", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let parts = try Self.parts(out)
        #expect(Self.sheetNames(parts).first == "Бағалаулар")
        #expect(Self.sheetNames(parts).contains("Толқындар арасындағы өзгерістер"))
        #expect(parts["xl/sharedStrings.xml"]?.contains(">Толқын<") == true)
    }

    @Test func codebookWritesItsListingAsAWorkbook() throws {
        let out = path("codebook.xlsx")
        let run = BarometerCLI.run(["codebook", opinion, "--codebook", opinionCodebook, "--lang", "kk", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let parts = try Self.parts(out)
        #expect(Self.sheetNames(parts) == ["Код кітабы"])
        #expect(parts["xl/sharedStrings.xml"]?.contains(">Ресей туралы пікір<") == true)
        #expect(parts["xl/sharedStrings.xml"]?.contains(">Мән белгісі<") == true)
        let missing = BarometerCLI.run(["codebook", opinion, "--format", "xlsx"])
        #expect(missing.status == 64 && missing.stderr.contains("add --out FILE.xlsx"))
    }

    @Test func pollListWritesTheImportColumnsAsAWorkbook() throws {
        let out = path("polls.xlsx")
        let run = BarometerCLI.run(["polls", "list", warSide, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let parts = try Self.parts(out)
        #expect(Self.sheetNames(parts) == ["polls"])
        #expect(parts["xl/sharedStrings.xml"]?.contains(">sample_size<") == true)
        // Shares and sample sizes are numbers: "Ukraine 22, Russia 13, Neutral 59" of 1110 respondents.
        let numbers = Self.values(parts["xl/worksheets/sheet1.xml"] ?? "")
        #expect(numbers.contains("1110") && numbers.contains("13") && numbers.contains("59"))
        let csv = BarometerCLI.run(["polls", "list", warSide, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n").count
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("<row r=\"\(lines)\">") == true)
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("<row r=\"\(lines + 1)\">") == false)
    }

    @Test func pollAverageWritesAWorkbook() throws {
        let out = path("average.xlsx")
        let run = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let parts = try Self.parts(out)
        #expect(parts["xl/sharedStrings.xml"]?.contains(">poll-average<") == true)
        #expect(parts["xl/sharedStrings.xml"]?.contains(">Model<") == true)
    }
}
