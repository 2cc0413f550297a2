import Foundation
@testable import Store
import Polls
import SurveyCore
import Testing

@Suite("saved analyses")
struct StoreAnalysesTests {
    @Test("an analysis is saved with its request and result, fetched by id and listed per study", arguments: StoreBackend.all)
    func saveAndFetch(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        try store.importStudy(slug: "other", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        let first = try store.saveAnalysis(study: "test", request: AnalysisFixture.request, result: AnalysisFixture.result(), at: StoreFixture.now)
        let second = try store.saveAnalysis(study: "test", request: AnalysisRequest(), result: AnalysisFixture.result(),
                                            at: StoreFixture.now.addingTimeInterval(60))
        try store.saveAnalysis(study: "other", request: AnalysisRequest(), result: AnalysisFixture.result())
        #expect(first.count == 20 && first != second)

        let saved = try store.analysis(id: first)
        #expect(saved.study == "test")
        #expect(saved.createdAt == StoreFixture.now)
        #expect(saved.request == AnalysisFixture.request)
        #expect(try StoreJSON.encode(saved.result, "") == StoreJSON.encode(AnalysisFixture.result(), ""))
        #expect(try store.analyses(study: "test").map(\.id) == [first, second])

        try store.deleteAnalysis(id: first)
        #expect(try store.analyses(study: "test").map(\.id) == [second])
        let gone = #expect(throws: StoreError.self) { try store.analysis(id: first) }
        #expect(gone?.kind == .notFound)
        #expect(gone?.message.contains("'\(first)'") == true)
    }

    @Test("an analysis saved from the explorer keeps its name, who saved it and its live view; only named ones are listed, newest first", arguments: StoreBackend.all)
    func namedAnalyses(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        try store.saveAnalysis(study: "test", request: AnalysisFixture.request, result: AnalysisFixture.result(), at: StoreFixture.now)
        let older = try store.saveAnalysis(study: "test", request: AnalysisFixture.request, result: AnalysisFixture.result(), name: "Trust by region",
                                           savedBy: "aigerim", viewPath: "/studies/test/concepts/trust?by=region", at: StoreFixture.now.addingTimeInterval(60))
        let newer = try store.saveAnalysis(study: "test", request: AnalysisFixture.request, result: AnalysisFixture.result(), name: "Доверие",
                                           savedBy: "bolat", at: StoreFixture.now.addingTimeInterval(120))
        let saved = try store.analysis(id: older)
        #expect(saved.name == "Trust by region" && saved.savedBy == "aigerim" && saved.viewPath == "/studies/test/concepts/trust?by=region")
        #expect(try store.namedAnalyses().map(\.id) == [newer, older])
        #expect(try store.analyses(study: "test").count == 3)
    }

    @Test("a saved trend keeps its whole request: concept, waves, levels, collapse, changes, net score, options", arguments: StoreBackend.all)
    func savedTrend(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        let request = AnalysisRequest.trend(
            "opinion", by: ["sex"], filter: "sex == 'F'", levels: ["favourable"],
            collapse: [TrendSpec.LevelGroup(name: "favourable", members: ["very_favourable", "somewhat_favourable"])],
            waves: ["w1", "w3"], changes: .pairs([["w1", "w3"]]), netScore: false,
            options: AnalysisOptions(confidenceLevel: 0.9, ciMethod: .wilson, missing: .exclude, language: "kk"))
        let id = try store.saveAnalysis(study: "test", request: request, result: AnalysisFixture.result())
        #expect(try store.analysis(id: id).request == request)
    }

    @Test("NaN and infinite statistics survive the JSON columns", arguments: StoreBackend.all)
    func nonFinite(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        try store.importStudy(slug: "test", study: StoreFixture.study(), datasets: StoreFixture.datasets())
        var result = try AnalysisFixture.result()
        result.rows[0].weightedCount = .nan
        result.rows[0].standardError = .infinity
        let id = try store.saveAnalysis(study: "test", request: AnalysisFixture.request, result: result)
        let back = try store.analysis(id: id).result
        #expect(back.rows[0].weightedCount.isNaN)
        #expect(back.rows[0].standardError == .infinity)
    }

    @Test("saving on or listing an unknown study names it", arguments: StoreBackend.all)
    func unknownStudy(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        #expect(throws: StoreError.noStudy("cab")) {
            try store.saveAnalysis(study: "cab", request: AnalysisFixture.request, result: AnalysisFixture.result())
        }
        #expect(throws: StoreError.noStudy("cab")) { try store.analyses(study: "cab") }
    }
}

@Suite("the poll database")
struct StorePollsTests {
    static func poll(_ pollster: String, _ start: String, share: Double) -> Poll {
        Poll(pollster: pollster, fieldStart: CivilDay(start)!, fieldEnd: CivilDay(start)!.adding(5), sampleSize: 1_000,
             question: "test_side", wording: ["en": "Which side?"], answers: [.init("Russia", share: share)], source: "a press release")
    }

    @Test("polls are stored all or none, by an id of their identity; importing again replaces", arguments: StoreBackend.all)
    func importAndRead(backend: StoreBackend) throws {
        let store = try backend.open()
        defer { backend.dispose(store) }
        let polls = [Self.poll("A", "2022-03-01", share: 39), Self.poll("B", "2022-11-04", share: 13)]
        #expect(try store.importPolls(polls) == (2, 0))
        #expect(try store.importPolls([Self.poll("A", "2022-03-01", share: 40)]) == (0, 1))
        let stored = try store.polls(question: "test_side")
        #expect(stored.map(\.poll.pollster) == ["A", "B"] && stored[0].poll.answers[0].share == 40)
        #expect(try store.poll(id: stored[1].id).poll == polls[1])
        #expect(try store.polls(question: "other").isEmpty)
        let missing = #expect(throws: StoreError.self) { try store.poll(id: "nope") }
        #expect(missing?.kind == .notFound)
    }
}
