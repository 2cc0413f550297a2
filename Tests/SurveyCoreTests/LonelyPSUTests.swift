import SurveyCore
import Testing

/// Three PSUs, one respondent each: stratum A holds PSUs with y = 1 and 3, stratum B a single
/// PSU with y = 5. Total 9; stratum A contributes 2/(2−1)·((1−2)² + (3−2)²) = 4.
@Suite("Lonely PSU policies on a total")
struct LonelyPSUTests {
    let data = try! Dataset(columns: [
        .categorical("stratum", strings: ["A", "A", "B"]),
        .numeric("y", [1, 3, 5]),
    ])

    func variance(_ policy: LonelyPSUPolicy) throws -> Double {
        let request = AnalysisRequest(
            design: DesignSpec(strata: "stratum", lonelyPSU: policy), measures: [Measure(.total, "y")])
        let row = try #require(try AnalysisEngine.run(request, on: data).rows.first)
        #expect(row.estimate == 9)
        let se = try #require(row.standardError)
        return se * se
    }

    @Test func removeAndCertaintyGiveTheLonelyStratumNoVariance() throws {
        #expect(abs(try variance(.remove) - 4) < 1e-12)
        #expect(abs(try variance(.certainty) - 4) < 1e-12)
    }

    @Test func averageScalesTheOtherStrataUp() throws {
        #expect(abs(try variance(.average) - 8) < 1e-12)
    }

    /// The lonely PSU's total 5 is centred at the average PSU total 9/3 = 3 (survey ≥ 4.2).
    @Test func adjustCentresTheLonelyPSUAtTheAveragePSUTotal() throws {
        #expect(abs(try variance(.adjust) - 8) < 1e-12)
    }

    @Test func failNamesTheStratum() {
        #expect(throws: SurveyError.self) { try variance(.fail) }
    }
}

@Suite("Many breakdown combinations")
struct DomainIndexTests {
    /// Three breakdowns of 3,000 levels each: 27 billion combinations, a handful present.
    @Test func sparseCombinationsAreNumberedInOrder() throws {
        let n = 3000
        let a = Column.numeric("a", (0..<n).map { Double($0) })
        let b = Column.numeric("b", (0..<n).map { Double(n - $0) })
        let c = Column.numeric("c", (0..<n).map { Double($0 % 3000) })
        let data = try Dataset(columns: [a, b, c, .numeric("y", (0..<n).map { Double($0) })])
        let request = AnalysisRequest(measures: [Measure(.mean, "y")], by: ["a", "b", "c"], filter: "a < 4")
        let rows = try AnalysisEngine.run(request, on: data).rows
        #expect(rows.map { $0.domain["a"] } == ["0", "1", "2", "3"])
        #expect(rows.map { $0.estimate } == [0, 1, 2, 3])
    }
}
