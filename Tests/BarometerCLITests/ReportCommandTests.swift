@testable import BarometerCLI
import Foundation
import SurveyCore
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures").standardized

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
