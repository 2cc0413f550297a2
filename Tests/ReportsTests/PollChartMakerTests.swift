import Charts
import Polls
import SurveyCore
import Testing
@testable import Reports

/// The poll chart and the house-effect table are drawn from the average's result as it is.
@Suite struct PollChartMakerTests {
    static let wording = ["en": "Which side of the conflict do you support?", "ru": "Какую сторону конфликта вы поддерживаете?"]

    static let fields: [(String, String, String, Int, Double, Double)] = [
        ("Demoscope", "2022-03-01", "2022-03-31", 1_100, 39.0, 10.0), ("Demoscope", "2022-11-04", "2022-11-24", 1_110, 13, 22),
        ("Alpha", "2022-06-10", "2022-06-20", 1_500, 24, 14), ("Demoscope", "2023-05-03", "2023-05-12", 1_100, 12.8, 21.1),
    ]

    static let polls: [Poll] = fields.map { p in
        Poll(pollster: p.0, fieldStart: CivilDay(p.1)!, fieldEnd: CivilDay(p.2)!, sampleSize: p.3, question: "war_side", wording: wording,
             answers: [.init("Russia", share: p.4), .init("Ukraine", share: p.5)])
    } + [Poll(pollster: "Alpha", fieldStart: CivilDay("2023-01-01")!, fieldEnd: CivilDay("2023-01-05")!, sampleSize: 900, question: "eeu",
              answers: [.init("Russia", share: 50)])]

    @Test func theChartCarriesThePollsTheAverageAndTheSurvey() throws {
        let result = try PollAverage.result(Self.polls, question: "war_side", answers: ["Russia"], randomWalkSD: 0.002, extraVariance: 0)
        let waves = PollAverageChart.Series(label: "Central Asia Barometer", points: [.init(ChartDate("2022-10-01")!, 0.2, lower: 0.17, upper: 0.23)])
        let chart = PollChartMaker.chart(polls: Self.polls, result: result, answer: "Russia", language: "ru", study: [waves])
        #expect(chart.text.title == "Какую сторону конфликта вы поддерживаете?")
        #expect(chart.text.subtitle == "Среднее по опросам: Russia")
        #expect(chart.text.source?.hasPrefix("Источник: опубликованные опросы (Alpha, Demoscope)") == true)
        #expect(chart.polls.count == 4)  // the other question's poll is left out
        #expect(chart.polls.map(\.shares) == Self.polls.prefix(4).map { ["Russia": $0.answers[0].share / 100] })
        #expect(chart.polls[0].fieldStart.description == "2022-03-01" && chart.polls[0].sampleSize == 1_100)
        let rows = result.rows.filter { $0.statistic == .pollAverage }
        let average = try #require(chart.averages.first)
        #expect(chart.averages.count == 1 && average.label == "Russia" && average.points.count == rows.count)
        #expect(average.points.map(\.value.estimate) == rows.map { $0.estimate! })
        #expect(average.points.last?.date.description == rows.last?.domain["date"])
        #expect(average.points.last?.value.lower == rows.last?.ci?.lower)
        #expect(chart.studies == [waves])
        let svg = chart.svg()
        #expect(svg.contains("class=\"study-point\"") && svg.contains("class=\"average-band\""))
        // Every averaged answer when none is named.
        let both = try PollAverage.result(Self.polls, question: "war_side")
        #expect(PollChartMaker.chart(polls: Self.polls, result: both).averages.map(\.label) == ["Russia", "Ukraine"])
        // Wording: the page's language, else English.
        #expect(PollChartMaker.wording(of: Self.polls, language: "kk") == "Which side of the conflict do you support?")
        #expect(PollChartMaker.wording(of: [Self.polls[4]], language: "ru") == nil)
    }

    @Test func houseEffectsInSignedPoints() throws {
        let result = try PollAverage.result(Self.polls, question: "war_side", answers: ["Russia", "Ukraine"], identification: .reference("Demoscope"))
        let table = HouseEffectTable(result: result, answer: "Ukraine", language: "ru")
        #expect(table.title == "Систематические смещения опросчиков: Ukraine")
        #expect(table.rows.map(\.pollster) == ["Alpha", "Demoscope"])
        let alpha = try #require(result.rows.first { $0.statistic == .houseEffect && $0.level == "Ukraine" && $0.domain["pollster"] == "Alpha" })
        #expect(table.rows[0].effect == alpha.estimate && table.rows[1].effect == 0)
        let html = table.html()
        #expect(html.contains("<th scope=\"col\" class=\"\">Опросчик</th>"))
        #expect(html.contains("<td class=\"num\">\(NumberText.points(alpha.estimate!))</td>"))
        #expect(html.contains("<td class=\"num\">1 500</td>") == false && html.contains("1\u{202F}500"))
        let markdown = HouseEffectTable(result: result, language: "en").markdown()
        #expect(markdown.hasPrefix("**House effects: Russia**\n\n| Pollster "))
        #expect(markdown.contains("| Demoscope |") && markdown.contains("0.0"))
    }

    @Test func theModelInWordsWithoutExponentLetters() {
        #expect(PollChartMaker.scientific(1.234e-5) == "1.23×10⁻⁵")
        #expect(PollChartMaker.scientific(9.996e-6) == "1×10⁻⁵")
        #expect(PollChartMaker.scientific(0) == "0" && PollChartMaker.scientific(0.0123) == "0.0123")
        let model = PollModelSummary(answer: "Russia", randomWalkSD: 0.0021, extraVariance: 2.5e-5, estimated: true, identification: "sum-to-zero",
                                     logLikelihood: 1, polls: 4, pollsters: 2, from: "2022-03-16", to: "2023-05-07")
        let kk = PollChartMaker.modelDescription(model, language: "kk")
        #expect(kk.contains("τ² = 2.5×10⁻⁵") && kk.contains("σ = күніне 0.21"))
        #expect(!kk.contains("e-"))
    }
}
