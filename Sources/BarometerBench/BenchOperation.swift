import SurveyCore
import Weighting

/// One timed piece of work. Each goes through the same public entry point as `barometer`
/// (``SurveyDesign``, ``AnalysisEngine``, ``Calibrator``, `DatasetLoader`), so the harness keeps
/// measuring what users run while the engine changes underneath.
enum BenchOperation: String, CaseIterable, Sendable {
    case design
    case proportions
    case proportionsByAge = "proportions-by-age"
    case crosstab
    case meanByDistrict = "mean-by-district"
    case meanWhole = "mean-whole"
    case rake
    case loadCSV = "load-csv"
    case loadSAV = "load-sav"

    /// Whether the time is spent reading a file or computing on data in memory.
    enum Kind: String, Sendable {
        case compute, load
    }

    var kind: Kind {
        switch self {
        case .loadCSV, .loadSAV: .load
        default: .compute
        }
    }

    /// What the row of the table says.
    var title: String {
        switch self {
        case .design: "design build: SurveyDesign(strata, PSUs, weights)"
        case .proportions: "proportions of q (6 levels)"
        case .proportionsByAge: "proportions of q by agegroup (6 × 6)"
        case .crosstab: "crosstab agegroup × q, row % with SEs + Rao–Scott F"
        case .meanByDistrict: "mean of income by district (200 domains)"
        case .meanWhole: "mean of income (1 domain)"
        case .rake: "raking to 4 margins (17 + 2 + 2 + 4 levels)"
        case .loadCSV: "load CSV (DatasetLoader.load)"
        case .loadSAV: "load .sav, bytecode-compressed (DatasetLoader.load)"
        }
    }

    /// The analysis request of an ``AnalysisEngine`` operation; nil for the others.
    var request: AnalysisRequest? {
        let design = SyntheticSurvey.design
        switch self {
        case .proportions:
            return AnalysisRequest(design: design, measures: [Measure(.proportion, "q")])
        case .proportionsByAge:
            return AnalysisRequest(design: design, measures: [Measure(.proportion, "q")], by: ["agegroup"])
        case .crosstab:
            return AnalysisRequest(design: design, crosstab: CrosstabSpec(rows: "agegroup", columns: "q", percent: .row, test: .f))
        case .meanByDistrict:
            return AnalysisRequest(design: design, measures: [Measure(.mean, "income")], by: ["district"])
        case .meanWhole:
            return AnalysisRequest(design: design, measures: [Measure(.mean, "income")])
        case .design, .rake, .loadCSV, .loadSAV:
            return nil
        }
    }

    /// The raking of the ``rake`` operation: R `rake()` with its defaults (epsilon 1, here up
    /// to 100 sweeps).
    static let rakingSpec = WeightingSpec(method: .rake, targets: SyntheticSurvey.rakingTargets())

    /// Operations in the order they run and are reported.
    static let defaultOrder: [BenchOperation] = allCases
}
