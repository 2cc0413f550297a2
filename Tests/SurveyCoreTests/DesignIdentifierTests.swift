@testable import SurveyCore
import Testing

/// Strata and PSU identifiers that are whole numbers in a narrow range are numbered without
/// hashing (``IntegerCodes``, ``FirstAppearanceNumbering``); any others by sorting and hashing.
/// Both must compile the same design and give the same numbers.
@Suite("Design identifiers: integer fast path against the general path")
struct DesignIdentifierTests {
    let n = 3_000

    /// Respondent i: stratum i mod 7, PSU 40 per stratum (scattered, not in row order).
    func stratum(_ i: Int) -> Int { (i * 31 + 3) % 7 }
    func psu(_ i: Int) -> Int { stratum(i) * 40 + (i * 17) % 40 }

    func dataset(psu psuValue: (Int) -> Double) throws -> Dataset {
        try Dataset(columns: [
            .numeric("stratum", (0..<n).map { Double(stratum($0)) }),
            .numeric("psu", (0..<n).map { psuValue(psu($0)) }),
            Column(name: "psuText", values: .text((0..<n).map { String(psu($0)) })),
            .numeric("weight", (0..<n).map { 1 + Double(($0 * 13) % 5) }),
            .numeric("y", (0..<n).map { Double(($0 * 7) % 11) }),
            .categorical("answer", strings: (0..<n).map { ["yes", "no", "maybe"][($0 * 5 / 3) % 3] }),
        ])
    }

    func spec(_ cluster: String) -> DesignSpec {
        DesignSpec(weights: "weight", strata: "stratum", clusters: [cluster])
    }

    func expectSame(_ a: SurveyDesign, _ b: SurveyDesign) {
        #expect(a.primary.unitOfRow == b.primary.unitOfRow)
        #expect(a.primary.unitCount == b.primary.unitCount && a.primary.strataCount == b.primary.strataCount)
        #expect(a.primary.stratumOfUnit == b.primary.stratumOfUnit)
        #expect(a.primary.sampleSize == b.primary.sampleSize)
        #expect(a.primary.stratumNames == b.primary.stratumNames)
        #expect(a.degreesOfFreedom == b.degreesOfFreedom)
    }

    func results(_ data: Dataset, cluster: String) throws -> [ResultRow] {
        let request = AnalysisRequest(
            design: spec(cluster), measures: [Measure(.mean, "y"), Measure(.proportion, "answer")])
        return try AnalysisEngine.run(request, on: data).rows
    }

    @Test(arguments: [
        ("whole numbers", 1.0, 0.0),
        ("negative", 1.0, -5_000.0),
        ("not whole", 1.0, 0.25),
        ("huge", 1e12, 3.0),
    ])
    func integerIdentifiersCompileTheDesignOfTheirText(_ kind: String, _ scale: Double, _ shift: Double) throws {
        let data = try dataset { Double($0) * scale + shift }
        for chunkRows in [nil, 500] as [Int?] {
            try RowChunks.$testChunkRows.withValue(chunkRows) {
                let numeric = try SurveyDesign(spec("psu"), dataset: data)
                let text = try SurveyDesign(spec("psuText"), dataset: data)
                expectSame(numeric, text)
                #expect(numeric.primary.unitCount == 280, "\(kind)")
                let a = try results(data, cluster: "psu"), b = try results(data, cluster: "psuText")
                #expect(a.map(\.estimate) == b.map(\.estimate))
                #expect(a.map(\.standardError) == b.map(\.standardError))
            }
        }
    }

    @Test func chunkedDesignEqualsOnePass() throws {
        let data = try dataset { Double($0) }
        let whole = try SurveyDesign(spec("psu"), dataset: data)
        let chunked = try RowChunks.$testChunkRows.withValue(700) { try SurveyDesign(spec("psu"), dataset: data) }
        expectSame(whole, chunked)
        // PSUs are numbered in order of first appearance, strata too.
        #expect(whole.primary.unitOfRow.first == 0)
        #expect(whole.primary.stratumOfUnit.first == 0)
    }

    @Test func missingIdentifierNamesTheRespondent() throws {
        var values = (0..<n).map { Double(psu($0)) }
        values[1_234] = .nan
        for shift in [0.0, 0.5] {
            let data = try Dataset(columns: [
                .numeric("stratum", (0..<n).map { Double(stratum($0)) }),
                .numeric("psu", values.map { $0 + shift }),
                .numeric("weight", [Double](repeating: 1, count: n)),
            ])
            let error = #expect(throws: SurveyError.self) { try SurveyDesign(spec("psu"), dataset: data) }
            #expect(error?.message.contains("missing for respondent 1235") == true)
        }
    }

    @Test func clusterInTwoStrataNamesTheCluster() throws {
        var strata = (0..<n).map { Double(stratum($0)) }
        let psus = (0..<n).map { Double(psu($0)) }
        let row = try #require(psus.indices.last { psus[$0] == psus[2_000] && $0 > 2_000 })
        strata[row] = Double((stratum(row) + 1) % 7)
        let data = try Dataset(columns: [
            .numeric("stratum", strata), .numeric("psu", psus), .numeric("weight", [Double](repeating: 1, count: n)),
        ])
        for chunkRows in [nil, 500] as [Int?] {
            let error = RowChunks.$testChunkRows.withValue(chunkRows) {
                #expect(throws: SurveyError.self) { try SurveyDesign(spec("psu"), dataset: data) }
            }
            #expect(error?.message.contains("Cluster psu = \(Int(psus[2_000])) appears in more than one stratum") == true)
        }
    }

    @Test func weightsThatAreNotPositiveAreRefusedByRow() throws {
        for (bad, words) in [(Double.nan, "missing for respondent 101"), (0, "is 0 for respondent 101"),
                             (.infinity, "for respondent 101"), (-2, "is -2 for respondent 101")] {
            var weights = [Double](repeating: 1, count: n)
            weights[100] = bad
            weights[2_000] = -1
            let data = try Dataset(columns: [
                .numeric("stratum", (0..<n).map { Double(stratum($0)) }),
                .numeric("psu", (0..<n).map { Double(psu($0)) }), .numeric("weight", weights),
            ])
            let error = #expect(throws: SurveyError.self) { try SurveyDesign(spec("psu"), dataset: data) }
            #expect(error?.message.contains(words) == true, "\(bad)")
        }
    }
}
