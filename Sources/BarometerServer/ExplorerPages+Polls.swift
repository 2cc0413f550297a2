import Foundation
import Polls
import Reports
import Store
import SurveyCore
import Translations

/// The explorer's pages of the poll database: the questions polled, and per question the
/// chart of its polls and their average, the latest average, the house effects and the list
/// of polls with their sources.
extension ExplorerPages {
    /// One polled question in the list: its id, its wording in the page's language (or the
    /// language it was published in), its polls and the span of their fieldwork.
    struct PolledQuestion {
        var id: String
        var polls: [Poll]

        var first: CivilDay? { polls.map(\.fieldStart).min() }
        var last: CivilDay? { polls.map(\.fieldEnd).max() }
    }

    /// The questions of `polls`, in the order of their ids.
    static func polledQuestions(_ polls: [Poll]) -> [PolledQuestion] {
        Dictionary(grouping: polls, by: \.question).map { PolledQuestion(id: $0.key, polls: $0.value) }.sorted { $0.id < $1.id }
    }

    /// The wording (or title) of a question's polls as HTML: in the page's language when there
    /// is one in it, else marked with the language it is in.
    static func wordingHTML(_ polls: [Poll], language: String) -> String? {
        let tag = Translator(tag: language).language.tag
        guard let text = PollChartMaker.wording(of: polls, language: language) else { return nil }
        if polls.contains(where: { $0.wording[tag] == text || $0.title?[tag] == text }) { return escape(text) }
        let other = polls.lazy.compactMap { p in (p.wording.first { $0.value == text } ?? p.title?.first { $0.value == text })?.key }.first ?? "en"
        return "<span lang=\"\(escape(other))\">\(escape(text))</span>"
    }

    /// `/polls`: every question in the poll database with its number of polls.
    static func polls(_ polls: [Poll], language: String) -> String {
        let text = ExplorerText(language: language)
        let lang: String? = language == "en" ? nil : language
        let items = polledQuestions(polls).map { q -> String in
            let href = "/polls/\(q.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? q.id)" + query([("lang", lang)])
            let title = wordingHTML(q.polls, language: language) ?? escape(q.id)
            let span = [q.first, q.last].compactMap { $0?.description.prefix(7) }.joined(separator: " – ")
            let pollsters = Set(q.polls.map(\.pollster)).sorted().joined(separator: ", ")
            return "<li class=\"poll-question\"><a class=\"concept-title\" href=\"\(escape(href))\">\(title)</a> <span class=\"muted\">· \(escape(text.pollCount(q.polls.count))) · \(escape(span))</span><div class=\"concept-text\">\(escape(pollsters))</div></li>"
        }.joined()
        var body = "<h1>\(text.polls)</h1><p>\(escape(text.pollsIntro))</p>"
        body += polls.isEmpty ? "<p id=\"no-polls\">\(escape(text.noPolls))</p>" : "<ul class=\"concepts\" id=\"poll-questions\">\(items)</ul>"
        return page(title: text.polls + " — " + text.siteName, language: language, path: "/polls", query: [], body: body)
    }

    /// `/polls/{question}`: the chart, the latest average with its interval, the model and the
    /// house effects, and the polls with their sources. `result` is nil when no average can be
    /// drawn (fewer than two polls report the answer).
    static func pollQuestion(question: String, answer: String, answers: [String], polls: [Poll], result: AnalysisResult?,
                             language: String) -> String {
        let text = ExplorerText(language: language)
        let lang: String? = language == "en" ? nil : language
        let path = "/polls/\(question.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? question)"
        let viewQuery: [(String, String?)] = [("answer", answer == answers.first ? nil : answer), ("lang", lang)]
        let plainTitle = PollChartMaker.wording(of: polls, language: language) ?? question
        var body = "<p><a href=\"\(escape("/polls" + query([("lang", lang)])))\">← \(text.allPolls)</a></p>"
        body += "<h1>\(wordingHTML(polls, language: language) ?? escape(question))</h1>"
        let options = answers.map { a -> String in "<option value=\"\(escape(a))\"\(a == answer ? " selected" : "")>\(escape(a))</option>" }.joined()
        body += """
            <form class="controls" id="controls" method="get" action="\(escape(path))">
            <label for="answer">\(text.answer)<select id="answer" name="answer">\(options)</select></label>
            \(lang.map { "<input type=\"hidden\" name=\"lang\" value=\"\($0)\">" } ?? "")
            <button type="submit">\(text.show)</button></form>
            """
        let apiQuery = query([("question", question), ("answer", answer)])
        if let result {
            let wide = PollChartMaker.chart(polls: polls, result: result, answer: answer, language: language, id: "polls").svg()
            let narrow = PollChartMaker.chart(polls: polls, result: result, answer: answer, language: language, width: 420, id: "pollsn").svg()
            body += "<figure id=\"chart\" aria-label=\"\(escape(plainTitle))\"><div class=\"chart-wide\">\(inline(wide))</div><div class=\"chart-narrow\">\(inline(narrow))</div></figure>"
            if let latest = result.rows.last(where: { $0.statistic == .pollAverage && $0.level == answer }), let estimate = latest.estimate,
               let lower = latest.ci?.lower, let upper = latest.ci?.upper {
                let date = latest.domain["date"] ?? ""
                let sentence = text.latestAverage(date: date, estimate: percent(estimate), level: levelText(latest.ci?.level ?? 0.95),
                                                  lower: oneDecimal(lower * 100), upper: oneDecimal(upper * 100))
                body += "<p id=\"latest\" class=\"lead\" data-date=\"\(escape(date))\" data-estimate=\"\(estimate)\" data-lower=\"\(lower)\" data-upper=\"\(upper)\">\(escape(sentence))</p>"
            }
            let effects = HouseEffectTable(result: result, answer: answer, language: language)
            body += "<h2>\(text.method)</h2>"
            if let model = result.pollModels.first(where: { $0.answer == answer }) {
                body += "<p id=\"model\">\(escape(text.model)): \(escape(PollChartMaker.modelDescription(model, language: language))).</p>"
                if model.estimated && model.polls < PollAverage.fewPolls {
                    body += "<p id=\"few-polls\" role=\"note\">\(escape(text.translate(.fewPollsNote, String(model.polls))))</p>"
                }
            }
            body += "<div id=\"house-effects\">\(effects.html())</div><p class=\"muted\">\(escape(text.houseEffectNote))</p>"
        } else {
            body += "<p id=\"too-few\" role=\"note\">\(escape(text.averageTooFew))</p>"
        }
        let averaged = result?.pollModels.first?.population
        if polls.contains(where: { $0.sampleSize == nil || ($0.population != nil && $0.population != averaged && result != nil) }) {
            body += "<p id=\"not-averaged\" class=\"muted\" role=\"note\">\(escape(text.translate(.pollsNotAveragedNote)))</p>"
        }
        body += "<h2>\(text.publishedPolls)</h2><div class=\"table-wrap\" id=\"poll-list\"><table><thead><tr>"
        body += "<th scope=\"col\">\(text.pollster)</th><th scope=\"col\">\(text.fieldwork)</th><th scope=\"col\" class=\"num\">n</th>"
        body += "<th scope=\"col\">\(text.shares)</th><th scope=\"col\">\(text.source)</th></tr></thead><tbody>"
        for poll in polls.sorted(by: { ($0.fieldStart, $0.pollster) < ($1.fieldStart, $1.pollster) }) {
            let shares = poll.answers.map { a -> String in
                let share = compactShare(a.share)
                return a.answer == answer ? "<strong>\(escape(a.answer)) \(share)</strong>" : "\(escape(a.answer)) \(share)"
            }.joined(separator: " · ")
            var source = escape(poll.source ?? "")
            if let url = poll.url, url.hasPrefix("http://") || url.hasPrefix("https://") {
                source = "<a href=\"\(escape(url))\" rel=\"noopener\">\(source.isEmpty ? escape(url) : source)</a>"
            }
            // A subgroup's poll (another population than the average's) says whom it asked.
            let population = result?.pollModels.first?.population
            let whom = poll.population.flatMap { $0 == population ? nil : " <small>(\(escape($0)))</small>" } ?? ""
            body += "<tr class=\"poll\"><td>\(escape(poll.pollster))\(whom)</td><td>\(poll.fieldStart) – \(poll.fieldEnd)</td>"
            body += "<td class=\"num\">\(escape(poll.sampleSize.map(text.grouped) ?? text.translate(.sampleSizeUnpublished)))</td><td>\(shares)</td><td class=\"source\">\(source)</td></tr>"
        }
        body += "</tbody></table></div>"
        body += "<h2>\(text.download)</h2><p><a id=\"download-svg\" href=\"\(escape("/api/v1/polls/chart.svg" + query([("question", question), ("answer", answer), ("lang", lang)])))\" download>SVG</a> · <a id=\"average-api\" href=\"\(escape("/api/v1/polls/average" + apiQuery))\">\(text.api)</a></p>"
        return page(title: plainTitle + " — " + text.siteName, language: language, path: path, query: viewQuery, body: body)
    }

    /// A proportion as a percentage with one decimal: "12.9%".
    static func percent(_ proportion: Double) -> String { oneDecimal(proportion * 100) + "%" }

    static func oneDecimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }

    /// A published share as published: "39", "12.8".
    static func compactShare(_ value: Double) -> String {
        abs(value - value.rounded()) < 1e-9 ? String(Int(value.rounded())) : String(format: "%g", value)
    }

    /// 0.95 → "95%".
    static func levelText(_ level: Double) -> String {
        let p = level * 100
        return (abs(p - p.rounded()) < 1e-9 ? String(Int(p.rounded())) : String(format: "%.1f", p)) + "%"
    }
}
