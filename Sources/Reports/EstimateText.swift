import SurveyCore

/// The numbers of one ``ResultRow`` as people read them.
///
/// - Proportions, poll averages and percent agreement: percentages with one decimal ("39.4%"), the standard error
///   in percentage points with two decimals, interval ends with one decimal. Net scores and
///   house effects, and differences of proportions and net scores between groups: signed percentage points
///   ("+24.3"). Alpha and kappas: three decimals.
/// - Means, totals, ratios: the standard error with four significant digits and the estimate
///   and interval ends with as many decimals (SE 22.36 → estimate 648.87); without a usable
///   standard error, four significant digits of the estimate.
/// - Design effects with two decimals; weighted counts whole from 100 up, else with three
///   significant digits (at most two decimals). A missing number is "—".
struct EstimateText: Sendable, Equatable {
    static let missing = "—"

    var estimate: String
    var standardError: String
    /// Interval ends; both `nil` when the row has no interval.
    var lower: String?
    var upper: String?
    var designEffect: String
    var count: String
    var weightedCount: String

    init(_ row: ResultRow) {
        let format: (Double) -> String
        let seFormat: (Double) -> String
        if row.statistic == .proportion || row.statistic == .pollAverage || row.statistic == .percentAgreement {
            format = { NumberText.fixed($0 * 100, decimals: 1) }
            seFormat = { NumberText.fixed($0 * 100, decimals: 2) }
            estimate = row.estimate.map(NumberText.percent) ?? Self.missing
        } else if row.statistic == .netScore || row.statistic == .houseEffect || row.difference?.of == .proportion
            || row.difference?.of == .netScore {
            // Percentage points with their sign: +24.3.
            format = { NumberText.points($0) }
            seFormat = { NumberText.fixed($0 * 100, decimals: 2) }
            estimate = row.estimate.map(format) ?? Self.missing
        } else if row.statistic.isCoderReliability {
            // Alpha and kappas, with three decimals as Krippendorff reports them.
            format = { NumberText.fixed($0, decimals: 3) }
            seFormat = format
            estimate = row.estimate.map(format) ?? Self.missing
        } else {
            let decimals: Int
            if let se = row.standardError, se.isFinite, se > 0 {
                decimals = NumberText.decimals(showing: 4, of: se)
            } else {
                decimals = NumberText.decimals(showing: 4, of: row.estimate ?? 0, fallback: 2)
            }
            format = { NumberText.fixed($0, decimals: decimals) }
            seFormat = format
            estimate = row.estimate.map(format) ?? Self.missing
        }
        standardError = row.standardError.map(seFormat) ?? Self.missing
        if let ci = row.ci {
            lower = ci.lower.map(format) ?? Self.missing
            upper = ci.upper.map(format) ?? Self.missing
        }
        designEffect = row.designEffect.map { NumberText.fixed($0, decimals: 2) } ?? Self.missing
        count = String(row.unweightedCount)
        let w = row.weightedCount
        weightedCount = NumberText.fixed(w, decimals: min(2, NumberText.decimals(showing: 3, of: w)))
    }

    /// "[35.1, 43.9]", with each end padded to the given widths so that a column of intervals
    /// lines up; "—" when there is no interval.
    func interval(lowerWidth: Int = 0, upperWidth: Int = 0) -> String {
        guard let lower, let upper else { return Self.missing }
        return "[" + DisplayWidth.pad(lower, to: lowerWidth, leading: true) + ", "
            + DisplayWidth.pad(upper, to: upperWidth, leading: true) + "]"
    }
}
