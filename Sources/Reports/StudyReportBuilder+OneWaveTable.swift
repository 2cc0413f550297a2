import Foundation
import Studies
import SurveyCore

extension StudyReportBuilder {
    /// What a table of one wave in report.yaml — a regression (`{chart: table, wave: W, model: …}`)
    /// or quantiles (`{chart: table, wave: W, quantile: V}`) — adds to the report: its table with
    /// any tests, a CSV and a line of the summary.
    struct OneWaveFigure {
        var html: [String]
        var markdown: [String]
        var table: StudyReport.File
        var summary: String
    }

    /// One wave's table: a heading (the analysis title, else the formula or the variable), the
    /// table (a model's estimate, SE, interval, t, p and odds ratios when asked for, with the Wald
    /// test of every term of several coefficients; or quantiles with their Woodruff intervals),
    /// and a note with the wave and its design.
    func oneWaveFigure(_ result: AnalysisResult, title: String, name: String) -> OneWaveFigure {
        let words = ReportWords(language: language)
        let text = ReportText(language: language)
        let document = ReportBuilder(language: language, cellStyle: .inline).build(result)
        let waveID = result.request?.wave ?? ""
        let waveLabel = study.wave(waveID)?.label.text(in: language) ?? waveID
        var note = (waveLabel.isEmpty ? "" : waveLabel + ". ") + words.design + ": " + text.designDescription(result.design) + "."
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
        return OneWaveFigure(html: html, markdown: markdown, table: .init(name: "tables/\(name).csv", contents: CSVRenderer().render(result)),
                                summary: summary)
    }
}
