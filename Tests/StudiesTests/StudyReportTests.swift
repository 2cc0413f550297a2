import Foundation
import Reports
import Studies
import SurveyCore
import SurveyIO
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Study reports")
struct StudyReportTests {
    static func build(_ language: String) throws -> StudyReport {
        let spec = try ReportSpecYAML.read(path: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/report.yaml").path)
        let folder = try StudyFixture.folder()
        return try StudyReportBuilder(study: folder.study, language: language).build(spec) { request in
            try TrendAnalysis.run(request, study: folder.study) { try folder.prepared($0) }
        }
    }

    func parses(_ xml: String) -> Bool {
        let parser = XMLParser(data: Data(xml.utf8))
        return parser.parse()
    }

    @Test func htmlHasEverySectionChartVerdictAndTable() throws {
        let report = try Self.build("en")
        let html = report.html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("@media print"))
        #expect(html.contains("Simulated data"))
        #expect(html.contains("<h2>Opinion of Russia</h2>") && html.contains("<h2>By sex</h2>"))
        #expect(html.contains("A <strong>short</strong> report on the <a href=\"https://example.org\">test study</a> &amp; its &lt;waves&gt;."))
        #expect(html.contains("<ul><li>first wave high</li><li>last wave low</li></ul>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 8)
        #expect(!html.contains("<script"))
        #expect(html.contains("favourable fell from") || html.contains("favourable rose from"))
        #expect(html.contains("Rao–Scott F, p"))
        #expect(html.contains("<table>"))
        #expect(report.charts.count == 4 && report.tables.count == 5)
        for chart in report.charts { #expect(parses(chart.contents), "\(chart.name) is not XML") }
        #expect(report.tables[0].contents.hasPrefix("variable,statistic"))
        #expect(report.markdown.contains("## By sex") && report.markdown.contains("![Opinion of Russia](charts/01-opinion.svg)"))
        #expect(report.summary.count == 5)
    }

    @Test func languagesChangeTheWords() throws {
        let ru = try Self.build("ru").html
        #expect(ru.contains("<html lang=\"ru\">"))
        #expect(ru.contains("<h2>Мнение о России</h2>"))
        #expect(ru.contains("Смоделированные данные"))
        #expect(ru.contains("Источник:"))
        let kk = try Self.build("kk").html
        #expect(kk.contains("Модельденген деректер") && kk.contains("Мазмұны"))
    }
}
