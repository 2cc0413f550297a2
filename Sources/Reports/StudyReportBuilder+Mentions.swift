import Foundation
import Studies
import SurveyCore
import Translations

extension StudyReportBuilder {
    /// What a `chart: mentions` analysis adds to the report: a table, its CSV files and a line
    /// of the summary.
    struct MentionsFigure {
        var html: [String]
        var markdown: [String]
        var tables: [StudyReport.File]
        var summary: String
    }

    /// A `chart: mentions` analysis. With `mentions:`, each code's share of all mentions
    /// (`result`, run as written) and of the categorizable ones (run again with the uncodable,
    /// user-missing codes left out), beside the shares a source published; with `mentioned:`
    /// and `by:`, each code's share of the respondents of every group, with the per-code test
    /// and its Holm-adjusted p.
    func mentionsFigure(
        _ analysis: ReportAnalysis, result: AnalysisResult, title: String, name: String,
        run: (AnalysisRequest) throws -> AnalysisResult
    ) throws -> MentionsFigure {
        let translate = Translator(tag: language)
        let level = analysis.request.options.confidenceLevel
        let ciHeader = translate(.confidenceInterval, NumberText.level(level))
        /// "44.4% (42.2–46.6)": the share and its interval in one cell, so the table fits a page.
        func share(_ row: ResultRow?) -> String {
            guard let estimate = row?.estimate else { return "—" }
            guard let lower = row?.ci?.lower, let upper = row?.ci?.upper else { return NumberText.percent(estimate) }
            return "\(NumberText.percent(estimate)) (\(NumberText.fixed(lower * 100, decimals: 1))–\(NumberText.fixed(upper * 100, decimals: 1)))"
        }
        func header(_ text: String) -> ReportTable.Column { .init(header: "\(text) (\(ciHeader))", alignment: .right) }
        let codes = Self.codes(of: result)
        var table: ReportTable
        var files: [StudyReport.File] = [.init(name: "tables/\(name).csv", contents: CSVRenderer().render(result))]
        var notes: [String] = []
        var headline = ""
        if analysis.request.measures.first?.statistic == .mentions {
            var categorizableRequest = analysis.request
            categorizableRequest.options.language = language
            categorizableRequest.options.missing = .exclude
            let categorizable = try run(categorizableRequest)
            files.append(.init(name: "tables/\(name)-categorizable.csv", contents: CSVRenderer().render(categorizable)))
            let published = analysis.published
            func publishedCell(_ values: [Double]?, _ i: Int) -> [String] {
                guard let values else { return [] }
                return [i < values.count ? NumberText.fixed(values[i], decimals: 0) + "%" : "—"]
            }
            let publishedColumn: [ReportTable.Column] = published == nil ? [] : [.init(header: translate(.publishedHeader), alignment: .right)]
            let columns: [ReportTable.Column] = [.init(header: translate(.codeHeader), alignment: .left), header(translate(.ofAllMentions))]
                + publishedColumn + [header(translate(.ofCategorizableMentions))] + publishedColumn
            table = ReportTable(title: title, columns: columns, rows: codes.enumerated().map { i, code in
                let all = result.rows.first { $0.code == code.code }
                let kept = categorizable.rows.first { $0.code == code.code }
                return [code.label, share(all)] + publishedCell(published?.all, i) + [share(kept)] + publishedCell(published?.categorizable, i)
            })
            if let source = published?.source.text(in: language) { notes.append(translate(.publishedSource, source)) }
            notes.append(translate(.mentionsMethodNote))
            if let top = result.rows.max(by: { ($0.estimate ?? 0) < ($1.estimate ?? 0) }), let estimate = top.estimate {
                headline = "\(top.level ?? "") \(NumberText.percent(estimate))"
            }
        } else {
            let by = analysis.request.by.first ?? ""
            let groups = Array(Set(result.rows.compactMap { $0.domain[by] })).sorted()
            var columns: [ReportTable.Column] = [.init(header: translate(.codeHeader), alignment: .left)]
            for group in groups { columns.append(header(group)) }
            columns.append(.init(header: translate(.holmAdjustedPHeader), alignment: .right))
            table = ReportTable(title: title, columns: columns, rows: codes.map { code in
                var cells = [code.label]
                for group in groups {
                    let row = result.rows.first { $0.code == code.code && $0.domain[by] == group }
                    cells.append(share(row))
                }
                let test = result.tests.first { $0.description?.hasPrefix("\(code.label) × ") == true }
                cells.append(test?.adjustedPValue.map { NumberText.pValue($0).replacingOccurrences(of: "= ", with: "") } ?? "—")
                return cells
            })
            notes.append(translate(.mentionTestsNote))
            let differing = result.tests.filter { ($0.adjustedPValue ?? 1) < 1 - level }.count
            headline = translate(.codesDifferingBetweenGroups, String(differing), String(result.tests.count))
        }
        var captionless = table
        captionless.title = ""
        var html = ["<figure class=\"mentions\">", "<h3>\(MarkdownHTML.escape(title))</h3>", Self.htmlTable(captionless)]
        html.append("<figcaption>\(MarkdownHTML.escape(notes.joined(separator: " ")))</figcaption>")
        let linkNames = ["CSV", "CSV (\(translate(.ofCategorizableMentions).lowercased()))"]
        html.append("<p class=\"download\">" + zip(files, linkNames).map { "<a href=\"\($0.name)\">\(MarkdownHTML.escape($1))</a>" }.joined(separator: " · ") + "</p>")
        html.append("</figure>")
        let markdown = ["### " + title, MarkdownRenderer.draw(table), notes.joined(separator: " ")]
        let wave = analysis.request.wave.flatMap { id in study.wave(id)?.label.text(in: language) ?? id } ?? ""
        return MentionsFigure(html: html, markdown: markdown, tables: files, summary: [title, wave, headline].joined(separator: " | "))
    }

    /// The codes of a result's rows, in the order of their first row.
    static func codes(of result: AnalysisResult) -> [(code: String, label: String)] {
        var seen = Set<String>()
        return result.rows.compactMap { row in
            guard let code = row.code, seen.insert(code).inserted else { return nil }
            return (code, row.level ?? code)
        }
    }
}
