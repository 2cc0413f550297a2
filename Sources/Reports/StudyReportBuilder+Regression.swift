import Foundation
import Studies
import SurveyCore

extension StudyReportBuilder {
    /// What a regression of report.yaml (`{chart: table, wave: W, model: …}`) adds to the
    /// report: its table of coefficients with the Wald tests, a CSV and a line of the summary.
    struct RegressionFigure {
        var html: [String]
        var markdown: [String]
        var table: StudyReport.File
        var summary: String
    }

    /// The coefficients of one wave's model: a heading (the analysis title, else the formula),
    /// the table (estimate, SE, interval, t, p, odds ratios when asked for), the Wald test of
    /// every term of several coefficients, and a note with the wave's design.
    func regressionFigure(_ result: AnalysisResult, title: String, name: String) -> RegressionFigure {
        let words = ReportWords(language: language)
        let text = ReportText(language: language)
        let document = ReportBuilder(language: language, cellStyle: .inline).build(result)
        var note = words.design + ": " + text.designDescription(result.design) + "."
        if study.simulated { note += " " + words.simulatedBanner }
        var html = ["<figure>", "<h3>\(MarkdownHTML.escape(title))</h3>"]
        html += document.tables.map(Self.htmlTable)
        if !document.tests.isEmpty {
            html.append("<ul class=\"verdicts\">" + document.tests.map { "<li>\(MarkdownHTML.escape($0))</li>" }.joined() + "</ul>")
        }
        html.append("<figcaption>\(MarkdownHTML.escape(note))</figcaption>")
        html.append("<p class=\"download\"><a href=\"tables/\(name).csv\">CSV</a></p>")
        html.append("</figure>")
        let markdown = ["### " + title, MarkdownRenderer(language: language).render(result)]
        let wave = result.provenance?.wave ?? result.request?.wave ?? ""
        let summary = [title, wave, "n = \(result.rows.first?.unweightedCount ?? 0)"].filter { !$0.isEmpty }.joined(separator: " | ")
        return RegressionFigure(html: html, markdown: markdown, table: .init(name: "tables/\(name).csv", contents: CSVRenderer().render(result)),
                                summary: summary)
    }
}
