import SurveyCore
import SurveyIO
import Testing

@Suite("fpc as population sizes or sampling fractions")
struct FinitePopulationCorrectionTests {
    /// apistrat's fpc holds stratum population sizes; the same design given as sampling
    /// fractions n_h/N_h must give the same weights-free estimates and standard errors.
    @Test func fractionsEqualPopulationSizes() throws {
        let data = try Goldens.dataset("apistrat.csv")
        guard case .numeric(let population) = try data.column("fpc").values,
              case .categorical(let strata, _) = try data.column("stype").values else {
            Issue.record("unexpected column types")
            return
        }
        var sampled: [Int32: Double] = [:]
        for s in strata { sampled[s, default: 0] += 1 }
        let fractions = zip(strata, population).map { sampled[$0]! / $1 }
        let withFractions = try Dataset(columns: data.columns + [.numeric("fraction", fractions)])

        func run(_ fpc: String) throws -> ResultRow {
            let request = AnalysisRequest(design: DesignSpec(strata: "stype", fpc: [fpc]), measures: [Measure(.mean, "api00")])
            return try #require(try AnalysisEngine.run(request, on: withFractions).rows.first)
        }
        let bySize = try run("fpc"), byFraction = try run("fraction")
        // Weights implied by the fpc: R's svydesign(id=~1, strata=~stype, fpc=~fpc) gives 662.2874 (SE 9.4089).
        #expect(abs(bySize.estimate! - 662.287363159321) < 1e-9 * 662)
        #expect(abs(bySize.standardError! - 9.40894080278458) < 1e-6 * 9.4)
        #expect(abs(byFraction.estimate! - bySize.estimate!) < 1e-9 * 662)
        #expect(abs(byFraction.standardError! - bySize.standardError!) < 1e-9)
    }
}
