import Foundation
import Reports
import Studies
import SurveyCore

extension ExplorerPages {
    /// The view form's choice of base: shares of all mentions, or of the respondents who answered.
    enum MentionBase: String, CaseIterable {
        case mentions
        case respondents

        /// The request parameter of this base.
        var parameter: RequestParameter { self == .mentions ? .mentions : .mentioned }
    }

    /// The page of a coded open-ended question: the view form (breakdown, wave, base, codes,
    /// chart), the chart, verdicts, the method, the table of shares with intervals and the links
    /// to download and share this view. Only coded categories are shown, never the answers.
    static func coded(
        study: Study, slug: String, question: CodedQuestion, request: AnalysisRequest, base: MentionBase, chart: String?,
        result: AnalysisResult, breakdowns: [(name: String, label: String)], minimumCell: Int, host: String?
    ) -> String {
        let language = request.options.language
        let text = ExplorerText(language: language)
        let lang: String? = language == "en" ? nil : language
        let waves = request.trend?.waves ?? []
        let waveChoice = waves.count == 1 ? waves[0] : "all"
        let viewQuery: [(String, String?)] = [
            ("by", request.by.first), ("wave", waveChoice == "all" ? nil : waveChoice),
            ("base", base == .mentions ? nil : base.rawValue),
            ("missing", request.options.missing == .exclude ? "exclude" : nil), ("chart", chart), ("filter", request.filter), ("lang", lang),
        ]
        let path = "/studies/\(slug)/coded/\(question.id)"
        let title = question.label.text(in: language) ?? question.id
        let kind = (try? chartKind(chart, request: request)) ?? .trend
        let apiQuery = [(base.parameter.name, Optional(question.set))] + viewQuery.filter { !["chart", "base"].contains($0.0) }
        let csv = "/api/v1/studies/\(slug)/trend.csv" + query(apiQuery)
        let xlsx = "/api/v1/studies/\(slug)/trend.xlsx" + query(apiQuery)
        let svg = "/api/v1/studies/\(slug)/chart.svg" + query(apiQuery + [("chart", chart)])
        let viewURL = (host.map { "http://\($0)" } ?? "") + path + query(viewQuery)
        let waveItems = [("all", text.allWaves)] + study.waves.filter { question.waves.contains($0.id) }.map { ($0.id, $0.label.text(in: language) ?? $0.id) }
        let controls = """
            <form class="controls" id="controls" method="get" action="\(path)">
            <label for="by">\(text.breakdown)<select id="by" name="by">\(options([("", text.none)] + breakdowns.map { ($0.name, $0.label) }, selected: request.by.first ?? ""))</select></label>
            <label for="wave">\(text.wave)<select id="wave" name="wave">\(options(waveItems, selected: waveChoice))</select></label>
            <label for="base">\(text.mentionBase)<select id="base" name="base">\(options([("mentions", text.allMentions), ("respondents", text.respondentsWhoAnswered)], selected: base.rawValue))</select></label>
            <label for="missing">\(text.codes)<select id="missing" name="missing">\(options([("include", text.allCodes), ("exclude", text.categorizableCodes)], selected: request.options.missing == .exclude ? "exclude" : "include"))</select></label>
            <label for="chart-kind">\(text.chart)<select id="chart-kind" name="chart">\(options([("auto", text.automatic)] + text.chartNames.filter { $0.0 != "diverging" }, selected: chart ?? "auto"))</select></label>
            \(lang.map { "<input type=\"hidden\" name=\"lang\" value=\"\($0)\">" } ?? "")
            <button type="submit">\(text.show)</button></form>
            """
        let verdicts = StudyReportBuilder(study: study, language: language).sentences(result, request: request)
        let respondents = result.waves.map(\.design.respondents).reduce(0, +)
        var body = "<p><a href=\"\(escape("/studies/\(slug)" + query([("lang", lang)])))\">← \(text.back)</a></p>"
        body += "<h1>\(escape(title))</h1><p class=\"muted\">\(escape(text.codedQuestionsNote))</p>"
        if study.simulated { body += "<p class=\"banner\" role=\"note\">\(escape(text.simulatedBanner))</p>" }
        body += controls + figure(kind, study: study, result: result, request: request, title: title)
        if !verdicts.isEmpty { body += "<ul class=\"verdicts\" id=\"verdicts\">" + verdicts.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }
        body += "<h2>\(text.method)</h2><p id=\"method\">\(escape(text.codedMethodNote(waves: result.waves.count, respondents: respondents)))"
        if result.rows.contains(where: \.suppressed) { body += " " + escape(text.suppressedNote(minimumCell)) }
        body += "</p>"
        body += "<h2>\(text.table)</h2><div id=\"estimates\">\(ResultRenderer(language: language).htmlTables(result))</div>"
        body += downloads(csv: csv, xlsx: xlsx, svg: svg, view: viewURL, embed: nil, title: title, text: text)
        return page(title: title + " — " + text.siteName, language: language, path: path, query: viewQuery, body: body)
    }
}
