import SurveyCore
import Testing

/// A small stratified cluster sample: 2 strata × 2 PSUs × 3 respondents.
func smallSample(weights: [Double]? = nil, psu: [Double]? = nil, fpc: [Double]? = nil) throws -> Dataset {
    let n = 12
    var columns: [Column] = [
        .categorical("region", strings: (0..<n).map { $0 < 6 ? "North" : "South" }),
        .numeric("psu", psu ?? (0..<n).map { Double($0 / 3 + 1) }),
        .numeric("w", weights ?? (0..<n).map { Double(10 + $0) }),
        .numeric("age", (0..<n).map { Double(18 + 5 * $0) }),
        .numeric("score", (0..<n).map { $0 == 4 ? .nan : Double(($0 * 7) % 10) }),
        .categorical("answer", strings: (0..<n).map { ["yes", "no", "dk"][$0 % 3] }),
    ]
    if let fpc { columns.append(.numeric("fpc", fpc)) }
    return try Dataset(columns: columns)
}

func design(_ strata: String? = "region", cluster: [String] = ["psu"], weights: String? = "w",
            fpc: [String] = [], nest: Bool = false, lonely: LonelyPSUPolicy = .fail) -> DesignSpec {
    DesignSpec(weights: weights, strata: strata, clusters: cluster, fpc: fpc, nest: nest, lonelyPSU: lonely)
}

func failure(_ request: AnalysisRequest, on dataset: Dataset) -> SurveyError? {
    do {
        _ = try AnalysisEngine.run(request, on: dataset)
        return nil
    } catch {
        return error
    }
}

@Suite("Bad input gets one clear sentence")
struct AnalysisEngineErrorTests {
    @Test func unknownVariableSuggestsTheClosestNames() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "scor")]), on: try smallSample())
        #expect(error?.kind == .unknownVariable)
        #expect(error?.message.contains("'scor'") == true)
        #expect(error?.message.contains("did you mean 'score'") == true)
    }

    @Test func unknownDesignVariableIsNamed() throws {
        let error = failure(AnalysisRequest(design: design(weights: "weight"), measures: [Measure(.mean, "age")]), on: try smallSample())
        #expect(error?.kind == .unknownVariable)
        #expect(error?.message.contains("'weight'") == true)
    }

    @Test func weightMustBeNumeric() throws {
        let error = failure(AnalysisRequest(design: design(weights: "answer"), measures: [Measure(.mean, "age")]), on: try smallSample())
        #expect(error?.kind == .invalidWeights)
        #expect(error?.message.contains("not numeric") == true)
    }

    @Test(arguments: [0.0, -2.0, Double.nan])
    func weightsMustBePositive(_ bad: Double) throws {
        var w = (0..<12).map { Double(10 + $0) }
        w[5] = bad
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "age")]), on: try smallSample(weights: w))
        #expect(error?.kind == .invalidWeights)
        #expect(error?.message.contains("respondent 6") == true)
    }

    @Test func lonelyPSUFailsNamingTheStratum() throws {
        // South has a single PSU.
        let psu: [Double] = [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3]
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "age")]), on: try smallSample(psu: psu))
        #expect(error?.kind == .lonelyPSU)
        #expect(error?.message.contains("region = South") == true)
        #expect(error?.message.contains("--lonely-psu") == true)
        for policy in [LonelyPSUPolicy.remove, .certainty, .adjust, .average] {
            let result = try AnalysisEngine.run(
                AnalysisRequest(design: design(lonely: policy), measures: [Measure(.mean, "age")]), on: try smallSample(psu: psu))
            #expect(result.rows.first?.standardError != nil)
            #expect(result.warnings.contains { $0.contains("South") })
        }
    }

    @Test func clustersMustBeNestedInStrataWithoutNest() throws {
        // PSU numbers 1, 2 in both strata.
        let psu: [Double] = [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "age")]), on: try smallSample(psu: psu))
        #expect(error?.kind == .invalidDesign)
        #expect(error?.message.contains("--nest") == true)
        let nested = try AnalysisEngine.run(AnalysisRequest(design: design(nest: true), measures: [Measure(.mean, "age")]),
                                            on: try smallSample(psu: psu))
        #expect(nested.design.psuCount == 4)
        #expect(nested.design.degreesOfFreedom == 2)
    }

    @Test func fpcSmallerThanTheSampleIsRefused() throws {
        let error = failure(AnalysisRequest(design: design(fpc: ["fpc"]), measures: [Measure(.mean, "age")]),
                            on: try smallSample(fpc: [Double](repeating: 1.5, count: 12)))
        #expect(error?.kind == .invalidDesign)
        #expect(error?.message.contains("fewer than the 2 sampled") == true)
    }

    @Test func emptyFilterIsRefused() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "age")], filter: "age > 1000"),
                            on: try smallSample())
        #expect(error?.kind == .emptyDomain)
        #expect(error?.message.contains("age > 1000") == true)
    }

    @Test func unparsableFilterPointsAtTheColumn() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "age")], filter: "age >= and region"),
                            on: try smallSample())
        #expect(error?.kind == .invalidFilter)
        #expect(error?.message.contains("column 8") == true)
    }

    @Test func meanOfACategoricalVariableSuggestsProportion() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "answer")]), on: try smallSample())
        #expect(error?.kind == .invalidVariable)
        #expect(error?.message.contains("--proportion answer") == true)
    }

    @Test func confidenceLevelMustBeAFraction() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "age")],
                                            options: AnalysisOptions(confidenceLevel: 95)), on: try smallSample())
        #expect(error?.kind == .invalidRequest)
        #expect(error?.message.contains("0.95") == true)
    }

    @Test func transformedIntervalsAreForProportionsOnly() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.mean, "age")],
                                            options: AnalysisOptions(ciMethod: .beta)), on: try smallSample())
        #expect(error?.kind == .invalidRequest)
        #expect(error?.message.contains("proportions only") == true)
    }

    @Test("the bootstrap interval and the reliability statistics belong to the coding of answers, not to survey estimates")
    func reliabilityIsNotASurveyEstimate() throws {
        let bootstrap = failure(AnalysisRequest(design: design(), measures: [Measure(.proportion, "answer")],
                                                options: AnalysisOptions(ciMethod: .bootstrap)), on: try smallSample())
        #expect(bootstrap?.kind == .invalidRequest && bootstrap?.field == .ciMethod)
        #expect(bootstrap?.message.contains("wald, logit, xlogit, wilson, beta, likelihood") == true)
        let alpha = failure(AnalysisRequest(design: design(), measures: [Measure(.krippendorffAlpha, "answer")]), on: try smallSample())
        #expect(alpha?.message.contains("barometer code reliability") == true)
        #expect(throws: SurveyError.self) {
            try RequestParameters(pairs: [("proportion", "answer"), ("ci-method", "bootstrap")], surface: .query).request()
        }
        #expect(CIMethod.designBased == [.wald, .logit, .xlogit, .wilson, .beta, .likelihood])
    }

    @Test func singlePSUDesignIsRefused() throws {
        let error = failure(AnalysisRequest(design: design(nil, cluster: ["region"]), measures: [Measure(.mean, "age")]),
                            on: try Dataset(columns: [.categorical("region", strings: ["a", "a"]), .numeric("age", [1, 2]), .numeric("w", [1, 1])]))
        #expect(error?.kind == .invalidDesign)
        #expect(error?.message.contains("only one primary sampling unit") == true)
    }
}

@Suite("Warnings travel with the result")
struct AnalysisWarningTests {
    @Test func smallAndEmptyDomainsAreFlagged() throws {
        var score = (0..<12).map { Double($0) }
        for i in 6..<12 { score[i] = .nan }
        let data = try Dataset(columns: [
            .categorical("region", strings: (0..<12).map { $0 < 6 ? "North" : "South" }),
            .numeric("score", score),
        ])
        let result = try AnalysisEngine.run(AnalysisRequest(measures: [Measure(.mean, "score")], by: ["region"]), on: data)
        #expect(result.rows.map { $0.domain["region"] } == ["North"])
        #expect(result.warnings.contains { $0.contains("No respondent has a value of 'score' in region = South") })
        #expect(result.warnings.contains { $0.contains("fewer than 30 respondents in region = North: 6") })
    }
}
