import Charts
import Foundation
import Polls
import SurveyCore
import Translations

/// Draws published polls and their average across pollsters (a result of
/// ``Polls/PollAverage/result(_:question:answers:randomWalkSD:extraVariance:identification:until:confidenceLevel:)``)
/// as a ``Charts/PollAverageChart``: the polls' shares as dots sized by sample size and
/// coloured by pollster, the average of each answer with its band, and optionally a survey's
/// own waves and events. Titles, legend, axis and description are in the requested language;
/// the question's wording comes from the polls (in that language when published in it).
///
/// ```swift
/// let result = try PollAverage.result(polls, question: "war_side", answers: ["Russia"])
/// let svg = PollChartMaker.chart(polls: polls, result: result, answer: "Russia", language: "kk",
///                                study: [PollAverageChart.Series(label: "CAB", points: waves)]).svg()
/// ```
public enum PollChartMaker {
    /// The chart of `result`'s averages with the polls they rest on.
    /// - Parameters:
    ///   - polls: published polls; those of other questions than the result's are left out.
    ///   - result: the average (its `poll-average` rows; the question is their variable).
    ///   - answer: the one answer to draw; nil draws every answer the result averages.
    ///   - language: BCP 47 tag of the words (`en`, `ru`, `kk`).
    ///   - events: dashed markers with labels (their `x` a fractional year, see
    ///     ``Charts/ChartDate/fractionalYear``).
    ///   - study: a survey's own estimates to compare with the polls (points with whiskers).
    ///   - title: replaces the question's wording as the title.
    ///   - labels: answers as the reader should see them (e.g. a study's level labels in the
    ///     chart's language, where the polls publish their answers in another); an answer not
    ///     listed shows as published.
    ///   - width: the width the chart is laid out for (760 for a page, ~400 for a phone).
    ///   - id: the prefix of the SVG's element ids, unique among the charts of one HTML page.
    public static func chart(
        polls: [Poll], result: AnalysisResult, answer: String? = nil, language: String = "en", events: [ChartEvent] = [],
        study: [PollAverageChart.Series] = [], title: String? = nil, labels: [String: String] = [:], width: Double = 760,
        id: String = "poll-chart"
    ) -> PollAverageChart {
        let words = Translator(tag: language)
        let rows = result.rows.filter { $0.statistic == .pollAverage }
        let question = rows.first?.variable ?? polls.first?.question ?? ""
        var answers: [String] = []
        for row in rows { if let level = row.level, !answers.contains(level) { answers.append(level) } }
        if let answer { answers = [answer] }
        // The polls the average rests on: its population's (polls that state none count as it), with a sample size.
        let population = result.pollModels.first?.population
        let asked = polls.filter { $0.question == question && ($0.population == nil || $0.population == population) && $0.sampleSize != nil }
        let averages = answers.map { a in
            PollAverageChart.Series(label: labels[a] ?? a, points: rows.filter { $0.level == a }.compactMap { row in
                guard let date = row.domain["date"].flatMap(ChartDate.init), let estimate = row.estimate else { return nil }
                return PollAverageChart.Point(date, estimate, lower: row.ci?.lower ?? .nan, upper: row.ci?.upper ?? .nan)
            })
        }.filter { !$0.points.isEmpty }
        let chartPolls = asked.compactMap { poll -> PollAverageChart.Poll? in
            var shares: [String: Double] = [:]
            for a in answers { if let p = poll.proportion(of: a) { shares[labels[a] ?? a] = p } }
            guard !shares.isEmpty else { return nil }
            return PollAverageChart.Poll(pollster: poll.pollster, fieldStart: ChartDate(dayNumber: poll.fieldStart.number),
                                         fieldEnd: ChartDate(dayNumber: poll.fieldEnd.number), sampleSize: poll.sampleSize ?? 0, shares: shares)
        }
        let wording = Self.wording(of: polls.filter { $0.question == question }, language: language)
        let pollsters = Array(Set(chartPolls.map(\.pollster))).sorted()
        var notes: [String] = []
        if let model = result.pollModels.first {
            notes.append(model.identification == "sum-to-zero"
                ? capitalized(words(.houseEffectsSumToZero)) + "."
                : capitalized(words(.houseEffectsReference, String(model.identification.dropFirst("reference: ".count)))) + ".")
        }
        let text = ChartText(
            title: title ?? wording ?? question,
            subtitle: answers.isEmpty ? nil : words(.pollAverageOf, answers.map { labels[$0] ?? $0 }.joined(separator: ", ")),
            source: pollsters.isEmpty ? nil : words(.chartPollsSource, pollsters.joined(separator: ", ")),
            notes: notes, language: language)
        let level = rows.first?.ci?.level ?? 0.95
        return PollAverageChart(text: text, polls: chartPolls, averages: averages, studies: study, events: events, confidenceLevel: level,
                                style: ChartStyle(width: width, idPrefix: id))
    }

    /// A survey's own waves for the chart: the design-based estimate of each wave of a trend
    /// result (its `proportion` rows for the whole population) on the wave's fieldwork midpoint,
    /// with the interval the trend computed — the points ``Polls/SurveyWaveObservations`` enters
    /// into the average.
    public static func studySeries(_ trend: AnalysisResult, label: String) -> PollAverageChart.Series {
        let waves = Dictionary(trend.waves.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let points = trend.rows.compactMap { row -> PollAverageChart.Point? in
            guard row.statistic == .proportion, row.domain.entries.count == 1, let id = row.domain["wave"], let wave = waves[id],
                  let start = ChartDate(wave.fieldworkStart), let end = ChartDate(wave.fieldworkEnd), let estimate = row.estimate else { return nil }
            return PollAverageChart.Point(ChartDate(dayNumber: start.dayNumber + (end.dayNumber - start.dayNumber) / 2), estimate,
                                          lower: row.ci?.lower ?? .nan, upper: row.ci?.upper ?? .nan)
        }
        return PollAverageChart.Series(label: label, points: points)
    }

    /// The question in `language`: its wording as a poll published it in that language, else
    /// its title in that language, else the same in English, else any wording; nil when the
    /// polls give neither.
    public static func wording(of polls: [Poll], language: String) -> String? {
        let tag = Translator(tag: language).language.tag
        for key in [tag, "en"] {
            if let text = polls.lazy.compactMap({ $0.wording[key] }).first(where: { !$0.isEmpty }) { return text }
            if let text = polls.lazy.compactMap({ $0.title?[key] }).first(where: { !$0.isEmpty }) { return text }
        }
        return polls.lazy.flatMap { $0.wording.sorted { $0.key < $1.key }.map(\.value) }.first { !$0.isEmpty }
    }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

extension PollChartMaker {
    /// The model of an average in a sentence in `language`: σ in points a day, τ², how they
    /// were set, how house effects are identified, the polls and pollsters and the days. τ² is
    /// written without exponent letters ("1.2×10⁻⁵"), so that Russian and Kazakh pages show
    /// no Latin.
    public static func modelDescription(_ m: PollModelSummary, language: String) -> String {
        let words = Translator(tag: language)
        let identification: String
        if m.identification == "sum-to-zero" {
            identification = words(.houseEffectsSumToZero)
        } else if m.identification.hasPrefix("reference: ") {
            identification = words(.houseEffectsReference, String(m.identification.dropFirst("reference: ".count)))
        } else {
            identification = m.identification
        }
        return words(.pollModelLine, NumberText.significant(m.randomWalkSD * 100, digits: 3), scientific(m.extraVariance),
                     words(m.estimated ? .estimatedByLikelihood : .givenValues), identification, String(m.polls), String(m.pollsters),
                     m.from, m.to)
    }

    /// Three significant digits; below 0.001 as a power of ten with superscripts: 1.23×10⁻⁵.
    static func scientific(_ value: Double) -> String {
        guard value.isFinite, value != 0, abs(value) < 0.001 else { return NumberText.significant(value, digits: 3) }
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = NumberText.significant(value / pow(10, Double(exponent)), digits: 3)
        if mantissa == "10" || mantissa == "-10" { mantissa = value < 0 ? "-1" : "1"; exponent += 1 }
        let superscripts: [Character: Character] = ["-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                                    "7": "⁷", "8": "⁸", "9": "⁹"]
        return mantissa + "×10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }
}
