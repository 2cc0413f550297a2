import Charts
import Foundation
import Polls
import Studies
import SurveyCore
import Translations

extension StudyReportBuilder {
    /// What a `chart: polls` analysis adds to the report.
    struct PollsFigure {
        var html: [String]
        var markdown: [String]
        var table: StudyReport.File
        var charts: [StudyReport.File]
        var summary: String
    }

    /// A `chart: polls` analysis: the study's own waves of the requested concept level (`trend`,
    /// the result of the analysis's request) enter the average of the published polls of
    /// `question` as one more pollster; the chart shows the polls as dots, the average with its
    /// band, the study's waves with their intervals and the study's events, and the
    /// house-effect table follows. The CSV holds the whole average (every day, every house
    /// effect).
    func pollsFigure(
        _ analysis: ReportAnalysis, question: ReportAnalysis.PollQuestion, trend: AnalysisResult, polls: [Poll], title: String,
        name: String, number: Int
    ) throws -> PollsFigure {
        let translate = Translator(tag: language)
        let surveyName = study.simulated ? translate(.thisSurveySimulated) : translate(.thisSurvey)
        let waves = try SurveyWaveObservations.observations(trend, pollster: surveyName)
        var average = try PollAverage.result(polls, question: question.question, answers: [question.answer], also: [question.answer: waves])
        average.request = analysis.request
        let series = [PollChartMaker.studySeries(trend, label: surveyName)]
        let points = series[0].points
        let (first, last) = (points.first.map { $0.date.fractionalYear } ?? 0, points.last.map { $0.date.fractionalYear } ?? 0)
        let published = polls.filter { $0.question == question.question }.map { ChartDate(dayNumber: $0.midpoint.number).fractionalYear }
        let from = min(first, published.min() ?? first), to = max(last, published.max() ?? last)
        let events = StudyChartMaker(study: study, language: language).events(from: from, to: to, margin: 0.1)
        // The answer in the report's language: the label of the study's level it was matched with.
        let label = trend.rows.first { $0.statistic == .proportion }?.level
        func svg(width: Double, id: String) -> String {
            PollChartMaker.chart(polls: polls, result: average, answer: question.answer, language: language, events: events, study: series,
                                 title: title, labels: label.map { [question.answer: $0] } ?? [:], width: width, id: id).svg()
        }
        let wide = svg(width: 760, id: "chart\(number)"), narrow = svg(width: 420, id: "chart\(number)n")
        let houses = HouseEffectTable(result: average, answer: question.answer, label: label, language: language)
        var html = ["<figure>", "<div class=\"chart chart-wide\">" + Self.inlineSVG(wide) + "</div>",
                    "<div class=\"chart chart-narrow\">" + Self.inlineSVG(narrow) + "</div>"]
        var markdown = ["![\(title)](charts/\(name).svg)"]
        let model = average.pollModels.first
        let caption = model.map { PollChartMaker.modelDescription($0, language: language) }.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
        html.append("<figcaption>\(MarkdownHTML.escape(caption))</figcaption>")
        html.append("<details open><summary>\(MarkdownHTML.escape(houses.title))</summary>\(houses.html())<p class=\"download\"><a href=\"tables/\(name).csv\">CSV</a> · <a href=\"charts/\(name).svg\">SVG</a></p></details>")
        html.append("</figure>")
        markdown.append(caption)
        markdown.append(houses.markdown())
        let latest = average.rows.last { $0.statistic == .pollAverage }
        let headline = [title, latest?.domain["date"] ?? "",
                        latest.flatMap { row in row.estimate.map { "\(label ?? question.answer) \(NumberText.percent($0)) (\(translate(.averageOfThePolls)))" } } ?? ""]
            .joined(separator: " | ")
        return PollsFigure(
            html: html, markdown: markdown, table: .init(name: "tables/\(name).csv", contents: CSVRenderer().render(average)),
            charts: [.init(name: "charts/\(name).svg", contents: wide)], summary: headline)
    }
}
