import Foundation
@testable import SurveyCore
import SurveyIO
import Testing

/// Quantiles (`--quantile`, `--probabilities`) against R's survey package: goldens written by
/// `conformance/generate-quantile-goldens.R` (survey 4.1 `svyquantile` at its defaults) on a
/// clustered and a stratified design, with domains, a filter and missing values.
@Suite("Quantiles equal R's survey package")
struct QuantileConformanceTests {
    struct Golden: Decodable {
        struct Case: Decodable {
            let name: String
            let design: String
            let variable: String
            let probabilities: [Double]
            let by: [String]
            let filter: String?
            let rows: [Goldens.Row]
        }
        let generator: String
        let cases: [Case]
    }

    static let golden: Golden = {
        let data = try! Data(contentsOf: Goldens.fixtures.appendingPathComponent("quantile-goldens.json"))
        return try! JSONDecoder().decode(Golden.self, from: data)
    }()

    static var caseNames: [String] { golden.cases.map(\.name) }

    /// The designs of the script: apiclus1 by district with its fpc, apistrat by school type.
    static func designAndFile(_ name: String) -> (DesignSpec, String) {
        switch name {
        case "clus1": (DesignSpec(weights: "pw", clusters: ["dnum"], fpc: ["fpc"]), "apiclus1.csv")
        default: (DesignSpec(weights: "pw", strata: "stype", fpc: ["fpc"]), "apistrat.csv")
        }
    }

    @Test("every probability in every domain: estimate, SE, interval, df and count", arguments: caseNames, [false, true])
    func goldenCase(_ name: String, chunked: Bool) throws {
        let golden = try #require(Self.golden.cases.first { $0.name == name })
        let (design, file) = Self.designAndFile(golden.design)
        let request = AnalysisRequest(
            design: design, measures: [.quantiles(golden.variable, probabilities: golden.probabilities)],
            by: golden.by, filter: golden.filter)
        let result = try RowChunks.$testChunkRows.withValue(chunked ? 16 : nil) {
            try AnalysisEngine.run(request, on: Goldens.dataset(file))
        }
        #expect(result.rows.count == golden.rows.count, "\(name): \(result.rows.count) rows vs R's \(golden.rows.count)")
        try expectRows(result, equal: golden.rows, case: name, allDesignEffects: false)
        #expect(result.rows.allSatisfy { $0.ci == nil || $0.ci?.method == .woodruff })
    }

    @Test("the goldens include undefined interval ends, so the test covers them")
    func goldensCoverOpenEnds() {
        let rows = Self.golden.cases.flatMap(\.rows)
        #expect(rows.contains { $0.ciLower == nil && $0.estimate != nil })
        #expect(rows.contains { $0.ciUpper == nil && $0.estimate != nil })
    }
}
