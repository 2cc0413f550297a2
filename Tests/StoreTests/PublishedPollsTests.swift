import Foundation
import Polls
@testable import Store
import SurveyCore
import Testing

@Suite("The published polls a poll database starts from")
struct PublishedPollsTests {
    func freshStore(_ backend: StoreBackend) throws -> (BarometerStore, StoreLocation) {
        let location = try backend.freshLocation()
        return (try BarometerStore(location: location), location)
    }

    @Test("a new store holds every published poll once, each with its source", arguments: StoreBackend.all)
    func newStoreHoldsThem(backend: StoreBackend) throws {
        let (store, location) = try freshStore(backend)
        defer { backend.dispose(store) }
        let published = try PublishedPolls.all()
        let stored = try store.polls()
        #expect(stored.count == published.count && published.count == 31)
        #expect(Set(stored.map(\.poll.pollster)) == ["Demoscope", "Central Asia Barometer", "Gallup", "EDB Integration Barometer", "KSE / Gradus", "openDemocracy"])
        #expect(stored.allSatisfy { $0.poll.source?.isEmpty == false })
        // Every question has a short title in the three languages of the explorer.
        #expect(stored.allSatisfy { p in ["en", "ru", "kk"].allSatisfy { p.poll.title?[$0]?.isEmpty == false } })
        // Opening the store again does not add them twice.
        #expect(try BarometerStore(location: location).polls().count == 31)
    }

    /// One published poll and what its source says.
    struct Expected: Sendable, CustomTestStringConvertible {
        let pollster: String, start: String, question: String, population: String
        let n: Int?
        let shares: [String: Double]
        init(_ pollster: String, _ start: String, _ question: String, _ population: String, _ n: Int?, _ shares: [String: Double]) {
            (self.pollster, self.start, self.question, self.population, self.n, self.shares) = (pollster, start, question, population, n, shares)
        }
        var testDescription: String { "\(pollster) \(start) \(question) (\(population))" }
    }

    /// The numbers of `shared/reference/published-figures.md`, one poll of each source.
    static let expected: [Expected] = [

        Expected("Demoscope", "2022-03-01", "war_side", "adults in Kazakhstan", 1100, ["Ukraine": 10.0, "Russia": 39, "Neutral": 46]),
        Expected("Demoscope", "2022-11-04", "war_side", "adults in Kazakhstan", 1110, ["Ukraine": 22, "Russia": 13, "Neutral": 59]),
        Expected("Demoscope", "2022-11-04", "war_side", "adults aged 18–29 in Kazakhstan", nil, ["Ukraine": 23, "Russia": 6]),
        Expected("Demoscope", "2022-11-04", "war_side", "adults aged 60 and over in Kazakhstan", nil, ["Ukraine": 14, "Russia": 34]),
        Expected("Demoscope", "2023-05-03", "war_side", "adults in Kazakhstan", 1100, ["Ukraine": 21.1, "Russia": 12.8, "Neutral": 59.8]),
        Expected("Demoscope", "2023-05-03", "view_of_russia_change", "adults in Kazakhstan", 1100, ["Unchanged": 51.5, "Worse": 32.6, "Better": 4.7]),
        Expected("Central Asia Barometer", "2017-01-01", "opinion_russia", "adults in Kazakhstan", nil,
         ["Very favourable": 39, "Somewhat favourable": 48, "Don't know / no answer": 5, "Somewhat unfavourable": 6, "Very unfavourable": 2]),
        Expected("Central Asia Barometer", "2017-01-01", "eeu_benefit", "adults in Kazakhstan", nil,
         ["Strongly agree": 37, "Somewhat agree": 35, "Don't know / no answer": 14, "Somewhat disagree": 8, "Strongly disagree": 6]),
        Expected("EDB Integration Barometer", "2016-01-01", "eeu_support", "adults in Kazakhstan", nil, ["Support": 74]),
        Expected("KSE / Gradus", "2022-04-01", "support_war", "ethnic Russians in Kazakhstan", nil, ["Support": 42]),
        Expected("Gallup", "2014-01-01", "russia_us_priority", "adults in Kazakhstan", nil, ["Relations with Russia": 72, "Relations with the United States": 7]),
    ]

    @Test("the numbers are the sources'", arguments: expected)
    func numbers(_ e: Expected) throws {
        let poll = try #require(try PublishedPolls.all().first {
            $0.pollster == e.pollster && $0.fieldStart == CivilDay(e.start) && $0.question == e.question && $0.population == e.population
        })
        #expect(poll.sampleSize == e.n)
        #expect(Dictionary(uniqueKeysWithValues: poll.answers.map { ($0.answer, $0.share) }) == e.shares)
    }

    @Test("importing a published poll again replaces it rather than adding a copy", arguments: StoreBackend.all)
    func importReplaces(backend: StoreBackend) throws {
        let (store, _) = try freshStore(backend)
        defer { backend.dispose(store) }
        var poll = try #require(try PublishedPolls.all().first { $0.question == "war_side" })
        poll.notes = "checked against the release"
        let counts = try store.importPolls([poll])
        #expect(counts.added == 0 && counts.replaced == 1)
        #expect(try store.polls(question: "war_side").contains { $0.poll.notes == "checked against the release" })
        #expect(try store.polls().count == 31)
    }
}
