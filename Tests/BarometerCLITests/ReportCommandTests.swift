@testable import BarometerCLI
import Foundation
import SurveyCore
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures").standardized
private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples").standardized

@Suite("barometer report and chart")
struct ReportCommandTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID())")

    @Test func reportWritesTheFolder() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("report").path
        let run = BarometerCLI.run(["report", fixtures.appendingPathComponent("report.yaml").path, "--out", out, "--lang", "ru"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Wrote \(out)/report.html (4 charts, 5 tables)."))
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()
        #expect(files.contains("report.html") && files.contains("report.md") && files.contains("tables/05-opinion.csv") && files.contains("charts/04-opinion.svg"))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"ru\">"))
        // Running again replaces the folder whole.
        #expect(BarometerCLI.run(["report", fixtures.appendingPathComponent("report.yaml").path, "--out", out]).status == 0)
        #expect(try String(contentsOfFile: out + "/report.html", encoding: .utf8).contains("<html lang=\"en\">"))
    }

    @Test func aFailingReportWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let spec = try String(contentsOf: fixtures.appendingPathComponent("report.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "chart: table}", with: "chart: table}\n      - {concept: opinon, chart: trend}")
            .replacingOccurrences(of: "study: study", with: "study: \(fixtures.appendingPathComponent("study").path)")
        let file = scratch.appendingPathComponent("bad.yaml")
        try spec.write(to: file, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("out").path
        let run = BarometerCLI.run(["report", file.path, "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr == "error: The study has no concept 'opinon'; did you mean 'opinion'? (run `barometer trend STUDY --list` to see them).\n")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["bad.yaml"])
    }

    /// A report folder: report.yaml on the fixture study, whose second section holds the
    /// example focus groups (transcripts `transcripts`) coded with the example frame.
    func focusGroupsReport(transcripts: String) throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(at: scratch.appendingPathComponent("code-frames"), withIntermediateDirectories: true)
        try fm.copyItem(at: examples.appendingPathComponent("focus-groups-example.csv"), to: scratch.appendingPathComponent("groups.csv"))
        try fm.copyItem(at: examples.appendingPathComponent("code-frames/russia-reasons.yaml"),
                        to: scratch.appendingPathComponent("code-frames/russia-reasons.yaml"))
        let file = scratch.appendingPathComponent("report.yaml").path
        try """
            title: {en: Opinion and its reasons, ru: Мнение и его причины}
            study: \(fixtures.appendingPathComponent("study").path)
            sections:
              - title: {en: Opinion of Russia, ru: Мнение о России}
                analyses:
                  - {concept: opinion, chart: table}
              - title: {en: Reasons in their own words, ru: Причины своими словами}
                focus-groups:
                  transcripts: \(transcripts)
                  frame: code-frames/russia-reasons.yaml
            """.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("a report with focus groups writes their section apart from the estimates: counts, the note that they are not estimates, quotations")
    func reportWithFocusGroups() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try focusGroupsReport(transcripts: "[groups.csv]")
        let out = scratch.appendingPathComponent("report").path
        let run = BarometerCLI.run(["report", file, "--out", out, "--lang", "ru"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Фокус-группы") && run.stdout.contains("групп: 3, реплик участников: 11, закодировано: 11"), "\(run.stdout)")
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        let start = try #require(html.range(of: "<section class=\"focus-groups\">"))
        let block = String(html[start.lowerBound...]).components(separatedBy: "</section>")[0]
        #expect(block.contains("<h3>Фокус-группы</h3>") && block.contains("фокус-групп: 3 (Almaty-ru, Shymkent-kk, Kostanay-ru)"))
        #expect(block.contains("Это не оценки опроса"))
        // Russia's domestic qualities: one segment in each group, two in Russian, one in Kazakh.
        let cells = { (cells: [String]) in cells.map { "<td class=\"num\">\($0)</td>" }.joined() }
        #expect(block.contains("<td class=\"\">Внутренние качества России</td>" + cells(["1", "1", "1", "3"])))
        #expect(block.contains("<td class=\"\">Внутренние качества России</td>" + cells(["2", "1", "3"])))
        #expect(block.contains("<blockquote lang=\"kk\"><p>Тарихымыз ортақ. Бір елде өмір сүрдік.</p></blockquote><p class=\"attribution\">— Дана, Shymkent-kk</p>"))
        #expect(!block.contains("%") && !block.contains("Модератор"))
        let csv = try String(contentsOfFile: out + "/tables/focus-groups-02.csv", encoding: .utf8)
        #expect(csv.hasPrefix("code,label,group:Almaty-ru,group:Shymkent-kk,group:Kostanay-ru,language:ru,language:kk,total\ndomestic,Внутренние качества России,1,1,1,2,1,3\n"))
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains("### Фокус-группы") && markdown.contains("#### Цитаты"))
    }

    @Test("a focus-groups transcript that does not exist stops the report in one sentence with report.yaml's line, and nothing is written")
    func missingTranscript() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try focusGroupsReport(transcripts: "[groups.csv, gone.csv]")
        let out = scratch.appendingPathComponent("report").path
        let run = BarometerCLI.run(["report", file, "--out", out])
        #expect(run.status != 0)
        #expect(run.stderr.contains("Cannot read report '\(file)', line 9: the focus groups' transcript '\(scratch.path)/gone.csv' does not exist; check the path, which is relative to the report file.\n"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func chartWritesSVG() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for type in ["trend", "diverging", "bars", "small-multiples"] {
            let out = scratch.appendingPathComponent("\(type).svg").path
            let run = BarometerCLI.run(["chart", fixtures.appendingPathComponent("study").path, "opinion", "--type", type, "--by", "sex", "--out", out])
            #expect(run.status == 0, "\(run.stderr)")
            let svg = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(XMLParser(data: svg).parse(), "\(type)")
            #expect(String(decoding: svg, as: UTF8.self).contains("Opinion of Russia"))
        }
        #expect(BarometerCLI.run(["chart", fixtures.path, "opinion", "--type", "pie", "--out", "x.svg"]).status == 64)
        #expect(BarometerCLI.run(["chart", fixtures.path, "opinion", "--out", "x.pdf"]).status == 64)
    }

    @Test func pngNeedsRsvgConvert() {
        #expect(throws: SurveyError.self) { try Chart.rsvgConvert(searchPath: "/nonexistent") }
        do {
            _ = try Chart.rsvgConvert(searchPath: "/nonexistent")
        } catch {
            #expect("\(error)".contains("apt-get install librsvg2-bin"))
        }
    }
}
