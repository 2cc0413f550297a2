import BarometerCLI
import Foundation
import SurveyCore
import SurveyIO
import Testing

private let russiaReasons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/code-frames/russia-reasons.yaml").standardized.path

/// `code export --format xlsx` and `code import` of workbooks: the same plan, sheets and
/// results as the CSV path.
extension CodeSheetCommandTests {
    /// Reads a coder's workbook, fills its codes column with `code(unit)` and saves it again, as
    /// a coder's spreadsheet program would (the first sheet only: what `code import` reads).
    func fillWorkbook(_ path: String, _ code: (String) -> String) throws {
        let rows = try XLSXReader.rows(path: path)
        let header = rows[0]
        let unit = try #require(header.firstIndex(of: "unit")), codes = try #require(header.firstIndex(of: "codes"))
        let filled = rows.dropFirst().map { row -> [WorksheetCell] in
            var cells = (0..<header.count).map { $0 < row.count ? WorksheetCell.text(orEmpty: row[$0]) : .empty }
            cells[codes] = .text(orEmpty: code(row[unit]))
            return cells
        }
        try XLSXWriter.write(Workbook(sheets: [Worksheet(name: "sheet", header: header, rows: filled)]), to: path)
    }

    /// The columns of a codings file that do not depend on when the sheets were saved.
    func codings(_ path: String) throws -> [[String?]] {
        let table = try DatasetLoader.load(path: path)
        return try ["unit", "coder", "codes", "source", "note"].map { name in
            let column = try table.column(name)
            return (0..<table.rowCount).map { column.text(at: $0) }
        }
    }

    @Test("export --format xlsx writes the CSV path's plan and sheets as workbooks with the frame's codes; import reads them to the same codings")
    func workbookRoundTrip() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try survey()
        let csv = scratch.appendingPathComponent("csv").path, xlsx = scratch.appendingPathComponent("xlsx").path
        let common = ["code", "export", file, "--text", "reason1,reason2", "--id", "respid", "--language-column", "language",
                      "--coders", "anna,bolat", "--double", "0.2", "--seed", "7"]
        let plain = BarometerCLI.run(common + ["--out", csv])
        let book = BarometerCLI.run(common + ["--format", "xlsx", "--frame", russiaReasons, "--lang", "ru", "--out", xlsx])
        #expect(plain.status == 0 && book.status == 0, "\(book.stderr)")
        #expect(book.stdout == plain.stdout.replacingOccurrences(of: csv, with: xlsx))
        #expect(try FileManager.default.contentsOfDirectory(atPath: xlsx).sorted() == ["anna.xlsx", "bolat.xlsx", "plan.csv"])
        #expect(FileManager.default.contents(atPath: "\(xlsx)/plan.csv") == FileManager.default.contents(atPath: "\(csv)/plan.csv"))
        // The same plan gives the same bytes.
        let twice = scratch.appendingPathComponent("twice").path
        #expect(BarometerCLI.run(common + ["--format", "xlsx", "--frame", russiaReasons, "--lang", "ru", "--out", twice]).status == 0)
        #expect(FileManager.default.contents(atPath: "\(twice)/anna.xlsx") == FileManager.default.contents(atPath: "\(xlsx)/anna.xlsx"))

        for coder in ["anna", "bolat"] {
            // The first sheet holds the CSV sheet: the same columns, the same texts.
            let sheet = try XLSXReader.table(path: "\(xlsx)/\(coder).xlsx"), expected = try DatasetLoader.load(path: "\(csv)/\(coder).csv")
            #expect(sheet.variableNames == ["unit", "respondent", "question", "language", "answer", "codes", "note"])
            #expect(sheet.variableNames == expected.variableNames && sheet.rowCount == expected.rowCount)
            for name in expected.variableNames {
                let a = try sheet.column(name), b = try expected.column(name)
                #expect((0..<sheet.rowCount).allSatisfy { a.text(at: $0) == b.text(at: $0) }, "\(coder) \(name)")
            }
            // The second lists the frame's codes with their Russian labels.
            let codes = try XLSXReader.rows(path: "\(xlsx)/\(coder).xlsx", sheet: "codes")
            #expect(codes.first?.prefix(2) == ["Код", "Метка"])
            #expect(codes.dropFirst().map(\.[0]) == ["domestic", "relationship", "bonds", "practical", "benign", "strong", "other"])
            #expect(codes[1][1] == "Внутренние качества России")
        }

        // Both coders code the same way on either path.
        let code: (String) -> String = { unit in Int(unit.prefix(3))! % 2 == 1 ? "domestic" : "bonds;practical" }
        let bolatCode: (String) -> String = { unit in Int(unit.prefix(3))! % 3 == 0 ? "other" : code(unit) }
        try fill("\(csv)/anna.csv", code)
        try fill("\(csv)/bolat.csv", bolatCode)
        try fillWorkbook("\(xlsx)/anna.xlsx", code)
        try fillWorkbook("\(xlsx)/bolat.xlsx", bolatCode)
        var outputs: [String] = []
        for (folder, ext) in [(csv, "csv"), (xlsx, "xlsx")] {
            let run = BarometerCLI.run(["code", "import", "\(folder)/anna.\(ext)", "\(folder)/bolat.\(ext)", "--plan", "\(folder)/plan.csv",
                                        "--out", "\(folder)/codings.csv", "--disagreements", "\(folder)/disagreements.\(ext)"])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(run.stdout.replacingOccurrences(of: folder, with: "DIR").replacingOccurrences(of: "disagreements.\(ext)", with: "disagreements.EXT"))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[1].contains("Imported 48 codings of 40 answers by anna, bolat"), "\(outputs[1])")
        #expect(try codings("\(csv)/codings.csv") == (try codings("\(xlsx)/codings.csv")))

        // The disagreements come as a workbook too; resolved in it, they settle every answer.
        let open = try XLSXReader.table(path: "\(xlsx)/disagreements.xlsx")
        #expect(open.variableNames == ["unit", "answer", "codes", "resolution"] && open.rowCount > 0)
        #expect(open.rowCount == (try DatasetLoader.load(path: "\(csv)/disagreements.csv")).rowCount)
        let rows = try XLSXReader.rows(path: "\(xlsx)/disagreements.xlsx")
        let resolved = rows.dropFirst().map { row in [WorksheetCell.text(row[0]), .text(orEmpty: row[1]), .text(orEmpty: row[2]), .text("domestic")] }
        try XLSXWriter.write(Workbook(sheets: [Worksheet(name: "d", header: rows[0], rows: resolved)]), to: "\(xlsx)/disagreements.xlsx")
        let again = BarometerCLI.run(["code", "import", "\(xlsx)/anna.xlsx", "\(xlsx)/bolat.xlsx", "--plan", "\(xlsx)/plan.csv",
                                      "--resolutions", "\(xlsx)/disagreements.xlsx", "--out", "\(xlsx)/codings.csv"])
        #expect(again.status == 0 && again.stdout.contains("Disagreements: \(open.rowCount), \(open.rowCount) resolved."), "\(again.stdout)\(again.stderr)")
        let sources = try codings("\(xlsx)/codings.csv")[3]
        #expect(sources.filter { $0 == "final" }.count == 40)
    }

    @Test("a coder's workbook whose units do not match the plan is refused in one sentence, and nothing is written")
    func mismatchedWorkbook() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try survey()
        let out = scratch.appendingPathComponent("coding").path
        #expect(BarometerCLI.run(["code", "export", file, "--text", "reason1", "--id", "respid", "--coders", "anna,bolat", "--format", "xlsx", "--out", out]).status == 0)
        // Anna's workbook loses its last row.
        let anna = "\(out)/anna.xlsx"
        let rows = try XLSXReader.rows(path: anna)
        let kept = rows.dropFirst().dropLast().map { $0.map { WorksheetCell.text(orEmpty: $0) } }
        try XLSXWriter.write(Workbook(sheets: [Worksheet(name: "anna", header: rows[0], rows: kept)]), to: anna)
        let codings = scratch.appendingPathComponent("codings.csv").path
        let run = BarometerCLI.run(["code", "import", anna, "--plan", "\(out)/plan.csv", "--out", codings])
        #expect(run.status == 1)
        #expect(run.stderr.contains("The units of the coder sheet '\(anna)' do not match the plan"), "\(run.stderr)")
        #expect(run.stderr.contains("1 of anna's unit missing"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: codings))
    }

    @Test("bad workbook input: one sentence each, nothing written")
    func badWorkbookInput() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try survey()
        let out = scratch.appendingPathComponent("coding").path
        let frameWithCSV = BarometerCLI.run(["code", "export", file, "--text", "reason1", "--id", "respid", "--coders", "anna", "--frame", russiaReasons, "--out", out])
        #expect(frameWithCSV.status != 0 && frameWithCSV.stderr.contains("a CSV sheet cannot hold; add --format xlsx, or leave --frame out."), "\(frameWithCSV.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(BarometerCLI.run(["code", "export", file, "--text", "reason1", "--id", "respid", "--coders", "anna", "--format", "xlsx", "--out", out]).status == 0)
        let again = BarometerCLI.run(["code", "export", file, "--text", "reason1", "--id", "respid", "--coders", "anna", "--format", "xlsx", "--out", out])
        #expect(again.status != 0 && again.stderr.contains("already holds anna.xlsx"), "\(again.stderr)")

        // A CSV saved under the workbook's name.
        let anna = "\(out)/anna.xlsx"
        try "unit,codes\n101:reason1,a\n".write(toFile: anna, atomically: true, encoding: .utf8)
        let codings = scratch.appendingPathComponent("codings.csv").path
        let notWorkbook = BarometerCLI.run(["code", "import", anna, "--out", codings])
        #expect(notWorkbook.status == 1 && notWorkbook.stderr.contains("Cannot read '\(anna)': it is not an XLSX workbook"), "\(notWorkbook.stderr)")
        #expect(notWorkbook.stderr.split(separator: "\n").count == 1)
        // A workbook without the codes column.
        try XLSXWriter.write(Workbook(sheets: [Worksheet(name: "anna", header: ["unit", "code"], rows: [[.text("101:reason1"), .text("a")]])]), to: anna)
        let noCodes = BarometerCLI.run(["code", "import", anna, "--out", codings])
        #expect(noCodes.status == 1 && noCodes.stderr.contains("has no column 'codes'"), "\(noCodes.stderr)")
        #expect(!FileManager.default.fileExists(atPath: codings))
        let workbookOut = BarometerCLI.run(["code", "import", anna, "--out", scratch.appendingPathComponent("codings.xlsx").path])
        #expect(workbookOut.status != 0 && workbookOut.stderr.contains("name a .csv file"), "\(workbookOut.stderr)")
    }
}
