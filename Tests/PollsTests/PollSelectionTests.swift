import Foundation
import SurveyCore
import Testing
@testable import Polls

/// Which polls the average rests on: one population, polls with a sample size, and estimates
/// from elsewhere (a survey's own waves) as one more pollster.
@Suite("The polls an average rests on")
struct PollSelectionTests {
    static func poll(_ pollster: String, _ start: String, _ end: String, n: Int?, population: String? = "adults", russia: Double) -> Poll {
        Poll(pollster: pollster, fieldStart: CivilDay(start)!, fieldEnd: CivilDay(end)!, population: population, sampleSize: n,
             question: "war_side", answers: [Poll.Answer("Russia", share: russia)])
    }

    static let polls = [
        poll("A", "2022-03-01", "2022-03-10", n: 1000, russia: 39),
        poll("A", "2022-03-01", "2022-03-10", n: 200, population: "aged 18–29", russia: 6),
        poll("B", "2022-06-01", "2022-06-05", n: 800, russia: 30),
        poll("B", "2022-09-01", "2022-09-05", n: nil, russia: 20),
        poll("A", "2022-11-04", "2022-11-24", n: 1110, population: nil, russia: 13),
    ]

    @Test("the population most polls asked; subgroups and polls without a sample size are left out, with warnings")
    func onePopulation() throws {
        let result = try PollAverage.result(Self.polls, question: "war_side", randomWalkSD: 0.002, extraVariance: 0)
        let days = result.rows.filter { $0.statistic == .pollAverage }
        #expect(days.first?.domain["date"] == "2022-03-05" && days.last?.domain["date"] == "2022-11-14")
        #expect(result.pollModels.first?.polls == 3)
        #expect(result.warnings.contains("1 poll of other populations (aged 18–29) is left out; this average is of adults."))
        #expect(result.warnings.contains("1 poll reporting 'Russia' does not publish a sample size and is left out of the average."))
        let expected = try PollAverage.fit(try PollAverage.observations([Self.polls[0], Self.polls[2], Self.polls[4]], question: "war_side", answer: "Russia"),
                                           randomWalkSD: 0.002, extraVariance: 0)
        #expect(days.map(\.estimate) == expected.estimates.map { Optional($0) })
    }

    @Test("a chosen population averages its own polls, and an unknown one is one sentence")
    func chosenPopulation() throws {
        let more = Self.polls + [Self.poll("B", "2022-06-01", "2022-06-05", n: 300, population: "aged 18–29", russia: 5)]
        let young = try PollAverage.result(more, question: "war_side", randomWalkSD: 0.002, extraVariance: 0, population: "aged 18–29")
        #expect(young.pollModels.first?.polls == 2)
        #expect(throws: SurveyError.self) { try PollAverage.result(more, question: "war_side", population: "aged 60+") }
        do {
            _ = try PollAverage.result(more, question: "war_side", population: "aged 60+")
        } catch {
            #expect(error.message == "No poll of 'war_side' asked the population 'aged 60+'; its polls asked 'adults', 'aged 18–29'.")
        }
    }

    @Test("σ and τ² estimated from few polls: the result says they are poorly fixed; given, it does not")
    func fewPollsWarn() throws {
        let estimated = try PollAverage.result(Self.polls, question: "war_side")
        #expect(estimated.warnings.contains { $0.hasPrefix("'Russia': the day-to-day change and the extra variance were estimated from only 3 polls") })
        let given = try PollAverage.result(Self.polls, question: "war_side", randomWalkSD: 0.002, extraVariance: 0)
        #expect(!given.warnings.contains { $0.contains("estimated from only") })
    }

    @Test("too few polls with a sample size says why")
    func unsized() {
        let polls = [Self.poll("A", "2022-03-01", "2022-03-10", n: 1000, russia: 39), Self.poll("B", "2022-06-01", "2022-06-05", n: nil, russia: 30)]
        do {
            _ = try PollAverage.result(polls, question: "war_side")
            Issue.record("no error")
        } catch {
            #expect(error.message == "Only 1 poll of 'war_side' reports the answer 'Russia' with a sample size (1 more do not publish their sample size, which the average needs to weigh them) (answers: Russia); an average needs at least two polls.")
        }
    }

    @Test("a survey's own estimates enter as one more pollster, with the variance of their design")
    func alsoObservations() throws {
        let wave = PollObservation(day: CivilDay("2022-10-15")!, pollster: "Barometer", share: 0.18, standardError: 0.012, sampleSize: 1500)
        #expect(wave.samplingVariance == 0.012 * 0.012)
        let result = try PollAverage.result(Self.polls, question: "war_side", also: ["Russia": [wave]], randomWalkSD: 0.002, extraVariance: 0)
        let houses = result.rows.filter { $0.statistic == .houseEffect }.compactMap { $0.domain["pollster"] }
        #expect(houses == ["A", "B", "Barometer"])
        let expected = try PollAverage.fit(
            try PollAverage.observations([Self.polls[0], Self.polls[2], Self.polls[4]], question: "war_side", answer: "Russia") + [wave],
            randomWalkSD: 0.002, extraVariance: 0)
        #expect(result.rows.filter { $0.statistic == .pollAverage }.map(\.estimate) == expected.estimates.map { Optional($0) })
    }
}
