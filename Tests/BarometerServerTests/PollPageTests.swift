import BarometerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Polls
import Store
import SurveyCore
import Testing

/// The poll database in the explorer (`/polls`, `/polls/{question}`) and the chart endpoint.
@Suite("Poll pages")
struct PollPageTests {
    static let wording = ["en": "Which side of the conflict do you support?", "ru": "Какую сторону конфликта вы поддерживаете?",
                          "kk": "Қақтығыстың қай жағын қолдайсыз?"]

    /// The three Demoscope polls of examples/polls-war-side.csv (with the wording in three
    /// languages) and two polls of a second, made-up pollster; one poll of another question.
    static let polls: [Poll] = {
        func poll(_ pollster: String, _ start: String, _ end: String, _ n: Int, _ shares: [(String, Double)], source: String) -> Poll {
            Poll(pollster: pollster, fieldStart: CivilDay(start)!, fieldEnd: CivilDay(end)!, mode: "telephone", population: "adults in Kazakhstan",
                 sampleSize: n, marginOfError: 3, question: "war_sides", wording: wording,
                 answers: shares.map { Poll.Answer($0.0, share: $0.1) }, source: source, url: "https://demos.kz/")
        }
        return [
            poll("Demoscope", "2022-03-01", "2022-03-31", 1_100, [("Ukraine", 10), ("Russia", 39), ("Neutral", 46)],
                 source: "Demoscope press release, demos.kz, March 2022"),
            poll("Demoscope", "2022-11-04", "2022-11-24", 1_110, [("Ukraine", 22), ("Russia", 13), ("Neutral", 59)],
                 source: "Demoscope press release, demos.kz, December 2022"),
            poll("Demoscope", "2023-05-03", "2023-05-12", 1_100, [("Ukraine", 21.1), ("Russia", 12.8), ("Neutral", 59.8)],
                 source: "Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023"),
            poll("Alpha", "2022-06-10", "2022-06-20", 1_500, [("Ukraine", 14), ("Russia", 24), ("Neutral", 55)], source: "Alpha test poll"),
            poll("Alpha", "2023-02-01", "2023-02-10", 800, [("Ukraine", 20), ("Russia", 17), ("Neutral", 60), ("Other", 1)], source: "Alpha test poll"),
            Poll(pollster: "Alpha", fieldStart: CivilDay("2023-03-01")!, fieldEnd: CivilDay("2023-03-05")!, sampleSize: 1_000, question: "eeu",
                 wording: ["en": "Should Kazakhstan stay in the EEU?"], answers: [.init("Yes", share: 60), .init("No", share: 30)]),
        ]
    }()

    static func store() throws -> BarometerStore {
        let store = try BarometerStore.inMemory(passwordIterations: 1_000)
        try store.importPolls(polls)
        return store
    }

    @Test func theListNamesEveryQuestionWithItsPolls() async throws {
        try await ServerFixture.app(store: try Self.store()).test(.router) { client in
            try await client.execute(uri: "/polls", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok && r.headers[.contentType] == "text/html; charset=utf-8")
                #expect(html.contains("<a class=\"concept-title\" href=\"/polls/war_sides\">Which side of the conflict do you support?</a>"))
                #expect(html.contains("5 polls · 2022-03 – 2023-05"))
                #expect(html.contains("1 poll · 2023-03 – 2023-03"))
                #expect(html.contains("<a class=\"section\" href=\"/polls\" aria-current=\"page\">Polls</a>"))
            }
            try await client.execute(uri: "/polls?lang=kk", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains("href=\"/polls/war_sides?lang=kk\">Қақтығыстың қай жағын қолдайсыз?</a>"))
                // The other question was published in English only: shown as such.
                #expect(html.contains("<span lang=\"en\">Should Kazakhstan stay in the EEU?</span>"))
            }
            // Every page links to the polls.
            try await client.execute(uri: "/?lang=ru", method: .get) { r in
                #expect(ServerFixture.text(r).contains("<a class=\"section\" href=\"/polls?lang=ru\">Опросы</a>"))
            }
        }
        // A store starts with the published polls: they are listed too.
        try await ServerFixture.app(store: try BarometerStore.inMemory(passwordIterations: 1_000)).test(.router) { client in
            try await client.execute(uri: "/polls", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains("href=\"/polls/eeu_support\"") && html.contains("4 polls · 2014-01 – 2017-12"), "\(html)")
            }
        }
    }

    @Test("the page's numbers are the API's: latest average, interval and house effects")
    func pageAgreesWithTheAPI() async throws {
        try await ServerFixture.app(store: try Self.store()).test(.router) { client in
            var result: AnalysisResult?
            try await client.execute(uri: "/api/v1/polls/average?question=war_sides&answer=Russia", method: .get) { r in
                #expect(r.status == .ok)
                result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
            }
            let average = try #require(result)
            let latest = try #require(average.rows.last { $0.statistic == .pollAverage })
            let estimate = try #require(latest.estimate), lower = try #require(latest.ci?.lower), upper = try #require(latest.ci?.upper)
            try await client.execute(uri: "/polls/war_sides?answer=Russia", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok, "\(html.prefix(400))")
                // The latest day's average with its interval, as the API gives it.
                let attributes = try #require(html.range(of: "<p id=\"latest\"[^>]*>", options: .regularExpression)).lowerBound
                let tag = String(html[attributes...].prefix { $0 != ">" })
                func value(_ name: String) -> Double? {
                    guard let r = tag.range(of: "\(name)=\"") else { return nil }
                    return Double(tag[r.upperBound...].prefix { $0 != "\"" })
                }
                #expect(value("data-estimate") == estimate && value("data-lower") == lower && value("data-upper") == upper)
                #expect(tag.contains("data-date=\"\(latest.domain["date"]!)\"") && latest.domain["date"] == "2023-05-07")
                let sentence = "Average on 2023-05-07: \(String(format: "%.1f", estimate * 100))% (95% interval \(String(format: "%.1f", lower * 100))–\(String(format: "%.1f", upper * 100)))."
                #expect(html.contains(sentence), "\(sentence)")
                // Each pollster's house effect in signed points.
                let effects = average.rows.filter { $0.statistic == .houseEffect }
                #expect(effects.map { $0.domain["pollster"] } == ["Alpha", "Demoscope"])
                for row in effects {
                    let points = (row.estimate! >= 0 ? "+" : "−") + String(format: "%.1f", abs(row.estimate!) * 100)
                    #expect(html.contains("<td class=\"\">\(row.domain["pollster"]!)</td><td class=\"num\">\(points)</td>"), "\(points)")
                }
                // The chart: a dot per poll reporting Russia, in both the wide and the narrow drawing.
                #expect(html.components(separatedBy: "<svg").count - 1 == 2)
                #expect(html.components(separatedBy: "class=\"poll-dot\"").count - 1 == 2 * 5)
                #expect(html.contains("<option value=\"Russia\" selected>Russia</option>"))
                // σ and τ² estimated from five polls: the page says they are poorly known.
                #expect(html.contains("<p id=\"few-polls\" role=\"note\">With only 5 polls the day-to-day change is poorly known"))
                #expect(!html.contains("id=\"not-averaged\""))
                // The polls with their sources and links.
                #expect(html.components(separatedBy: "<tr class=\"poll\">").count - 1 == 5)
                #expect(html.contains("<a href=\"https://demos.kz/\" rel=\"noopener\">Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023</a>"))
                #expect(html.contains("<td>2022-11-04 – 2022-11-24</td><td class=\"num\">1,110</td><td>Ukraine 22 · <strong>Russia 13</strong> · Neutral 59</td>"))
                #expect(html.contains("id=\"download-svg\" href=\"/api/v1/polls/chart.svg?question=war_sides&amp;answer=Russia\""))
            }
            // Without an answer: the first one published.
            try await client.execute(uri: "/polls/war_sides", method: .get) { r in
                #expect(ServerFixture.text(r).contains("<option value=\"Ukraine\" selected>"))
            }
            // An answer only one poll reports: the polls, and why there is no average.
            try await client.execute(uri: "/polls/war_sides?answer=Other", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok && html.contains("id=\"too-few\"") && !html.contains("<figure"))
                #expect(html.components(separatedBy: "<tr class=\"poll\">").count - 1 == 5)
            }
            try await client.execute(uri: "/polls/war_sides?answer=Maybe", method: .get) { r in
                #expect(r.status == .notFound && ServerFixture.text(r).contains("have no answer &#39;Maybe&#39;"))
            }
            try await client.execute(uri: "/polls/war_sides?reference=Gallup", method: .get) { r in
                #expect(r.status == .unprocessableContent && ServerFixture.text(r).contains("The reference pollster &#39;Gallup&#39;"))
            }
        }
    }

    @Test func theChartEndpointDrawsTheAverageInTheLanguageAsked() async throws {
        try await ServerFixture.app(store: try Self.store()).test(.router) { client in
            try await client.execute(uri: "/api/v1/polls/chart.svg?question=war_sides&answer=Russia&lang=ru", method: .get) { r in
                let svg = ServerFixture.text(r)
                #expect(r.status == .ok && r.headers[.contentType] == "image/svg+xml; charset=utf-8")
                #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
                #expect(svg.contains("<title id=\"poll-chart-title\">Какую сторону конфликта вы поддерживаете?</title>"))
                #expect(svg.contains("<desc id=\"poll-chart-desc\">Среднее по опросам: Russia; опросов: 5, опросчиков: 2"))
                #expect(svg.components(separatedBy: "class=\"poll-dot\"").count - 1 == 5)
                #expect(svg.components(separatedBy: "class=\"average-band\"").count - 1 == 1)
            }
            // Several answers: a line each.
            try await client.execute(uri: "/api/v1/polls/chart.svg?question=war_sides&answer=Russia&answer=Ukraine", method: .get) { r in
                #expect(ServerFixture.text(r).components(separatedBy: "class=\"average-line\"").count - 1 == 2)
            }
            try await client.execute(uri: "/api/v1/polls/chart.svg", method: .get) { r in
                let message = try ServerFixture.errorMessage(r)
                #expect(r.status == .badRequest && message.contains("add question=ID"))
            }
            try await client.execute(uri: "/api/v1/polls/chart.svg?question=nothing", method: .get) { r in
                let message = try ServerFixture.errorMessage(r)
                #expect(r.status == .unprocessableContent && message.contains("No poll asked the question 'nothing'"))
            }
            try await client.execute(uri: "/api/v1/polls/chart.svg?question=war_sides&reference=Alpha&anchor=2022-11-14=15", method: .get) { r in
                #expect(r.status == .badRequest)
            }
        }
    }

    /// Latin words of the polls' own data (pollsters, question ids, populations, answers,
    /// sources) — of these polls and the published ones every store starts with: published as
    /// they are.
    static var dataWords: Set<String> {
        var words = Set<String>()
        for poll in polls + ((try? PublishedPolls.all()) ?? []) {
            let fields = [poll.pollster, poll.question, poll.population ?? "", poll.source ?? "", poll.url ?? "", poll.wording["en"] ?? ""]
                + poll.answers.map(\.answer)
            for field in fields where !(field == poll.wording["en"] && poll.wording["ru"] != nil) {
                for word in field.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) { words.insert(String(word)) }
            }
        }
        return words
    }

    @Test("every visible string of the poll pages in Kazakh or Russian is in its language", arguments: ["kk", "ru"])
    func pagesAreInTheirLanguage(_ language: String) async throws {
        let uris = ["/polls", "/polls/war_sides", "/polls/war_sides?answer=Russia", "/polls/war_sides?answer=Other",
                    "/polls/war_sides?reference=Demoscope", "/polls/nothing"]
        let allowed = ExplorerPageTests.latinAllowed.union(Self.dataWords)
        try await ServerFixture.app(store: try Self.store()).test(.router) { client in
            for uri in uris {
                try await client.execute(uri: uri + (uri.contains("?") ? "&" : "?") + "lang=\(language)", method: .get) { r in
                    let page = ServerFixture.text(r)
                    #expect(page.contains("<html lang=\"\(language)\">"))
                    let foreign = ExplorerPageTests.visibleLatinWords(page).subtracting(allowed)
                    #expect(foreign.isEmpty, "\(uri) in \(language): \(foreign.sorted())")
                }
            }
        }
    }
}
