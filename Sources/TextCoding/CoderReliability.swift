import SurveyCore

/// The reliability of coders of one ``CodingSheet``, as an ``SurveyCore/AnalysisResult`` whose
/// rows every renderer reads: Krippendorff's alpha, Cohen's kappa, Fleiss' kappa and percent
/// agreement, each with a bootstrap percentile interval (``ReliabilityBootstrap``).
///
/// **One code per unit.** The codes are one variable at the given level of measurement
/// (numbers are required above nominal). Rows, each named by the sheet's `name`:
/// - `krippendorff-alpha` at that level, always;
/// - `cohen-kappa` when there are exactly two coders: unweighted for nominal codes, and also
///   linearly and quadratically weighted (ranks of the codes, as ``CohenKappa``) for ordered
///   ones; `level` names the weighting;
/// - `fleiss-kappa` (nominal) when every unit coded by at least two coders has the same number
///   of codes, else a warning says why it is missing;
/// - `percent-agreement`, the share of agreeing pairs of codes within units (exact agreement).
///
/// **Several codes per unit** (a cell such as `economy; history`). Each code becomes its own
/// nominal 0/1 variable: a coder who coded the unit gave it the code or did not, and a coder
/// who did not code the unit is missing. The same rows are made for every code (Cohen's kappa
/// unweighted only, as the variable has two values), with `level` and `code` naming the code;
/// there is no single overall figure, since a unit's codes are not one choice among many.
/// Only nominal codes can be split this way.
///
/// Every statistic uses the units coded by at least two coders (Cohen's kappa: by both); that
/// count is each row's `unweightedCount`. The bootstrap resamples all units of the sheet.
public enum CoderReliability {
    /// Why a coding cannot be analysed: data for each surface to word with its own flags.
    public enum InputError: Error, Sendable, Equatable {
        /// Fewer than two coders were given (the count).
        case fewerThanTwoCoders(Int)
        /// A code that is not a number where the level of measurement needs one.
        case nonNumericCode(unit: String, coder: String, code: String, measurement: ReliabilityMetric)
        /// A cell with several codes where the level of measurement is not nominal.
        case severalCodesNeedNominal(unit: String, coder: String, codes: [String], measurement: ReliabilityMetric)
        /// No unit was coded by two coders or more.
        case noUnitCodedTwice
    }

    /// The reliability of `sheet`'s coders with codes at `measurement`, intervals from `bootstrap`.
    public static func analyse(
        _ sheet: CodingSheet, measurement: ReliabilityMetric, bootstrap: ReliabilityBootstrap = ReliabilityBootstrap()
    ) throws(InputError) -> AnalysisResult {
        guard sheet.coders.count >= 2 else { throw .fewerThanTwoCoders(sheet.coders.count) }
        let pairable = sheet.cells.filter { $0.filter { !$0.isEmpty }.count >= 2 }.count
        guard pairable > 0 else { throw .noUnitCodedTwice }
        let perCode = sheet.hasSeveralCodesPerUnit
        var rows: [ResultRow] = []
        var warnings: [String] = []
        if perCode {
            guard measurement == .nominal else {
                let (u, c) = firstCell(of: sheet) { $0.count > 1 }
                throw .severalCodesNeedNominal(unit: sheet.units[u], coder: sheet.coders[c], codes: sheet.cells[u][c], measurement: measurement)
            }
            let codes = sheet.codes
            let variables = codes.map { code in
                sheet.cells.map { unit in unit.map { cell -> Double? in cell.isEmpty ? nil : (cell.contains(code) ? 1 : 0) } }
            }
            let statistics = [Statistic.krippendorffAlpha, .cohenKappa, .fleissKappa, .percentAgreement]
            for statistic in statistics {
                for (code, units) in zip(codes, variables) {
                    rows += Self.rows(statistic, of: units, metric: .nominal, bootstrap: bootstrap, name: sheet.name, code: code,
                                      warnings: &warnings)
                }
            }
        } else {
            let units = try values(of: sheet, measurement: measurement)
            for statistic in [Statistic.krippendorffAlpha, .cohenKappa, .fleissKappa, .percentAgreement] {
                rows += Self.rows(statistic, of: units, metric: measurement, bootstrap: bootstrap, name: sheet.name, code: nil,
                                  warnings: &warnings)
            }
        }
        if pairable < sheet.units.count {
            let left = sheet.units.count - pairable
            warnings.insert("\(left) of \(sheet.units.count) units \(left == 1 ? "was" : "were") coded by fewer than two coders and \(left == 1 ? "is" : "are") left out of every statistic.", at: 0)
        }
        var result = AnalysisResult(
            design: DesignSummary(weights: nil, strata: nil, clusters: [], fpc: [], nest: false, lonelyPSU: .fail, degreesOfFreedom: 0,
                                  respondents: sheet.units.count, strataCount: 0, psuCount: 0),
            rows: rows, warnings: warnings)
        result.reliability = ReliabilitySummary(
            coders: sheet.coders, units: sheet.units.count, pairableUnits: pairable, measurement: measurement.rawValue, perCode: perCode,
            replicates: bootstrap.replicates, seed: bootstrap.seed)
        return result
    }

    // MARK: Rows

    /// The rows of one statistic of one variable (`units[u][c]`, nil where coder c did not code
    /// unit u), adding a warning where it is left out or some replicates leave it undefined.
    static func rows(
        _ statistic: Statistic, of units: [[Double?]], metric: ReliabilityMetric, bootstrap: ReliabilityBootstrap, name: String,
        code: String?, warnings: inout [String]
    ) -> [ResultRow] {
        let subject = code.map { "code '\($0)'" } ?? "'\(name)'"
        func row(_ level: String?, _ estimate: Double?, count: Int, _ compute: ([[Double?]]) -> Double?) -> ResultRow {
            let interval = bootstrap.interval(units: units.count) { drawn in compute(drawn.map { units[$0] }) }
            if interval.undefined > 0 {
                let what = label(statistic) + (level.map { " (\($0))" } ?? "")
                warnings.append("\(what) of \(subject) is undefined in \(interval.undefined) of \(bootstrap.replicates) bootstrap resamples (no disagreement to expect, or no unit coded twice); its interval comes from the other \(interval.defined).")
            }
            return ResultRow(
                variable: name, statistic: statistic, level: level ?? code, code: code, estimate: estimate,
                standardError: interval.standardError,
                ci: ConfidenceInterval(lower: interval.lower, upper: interval.upper, level: bootstrap.confidenceLevel, method: .bootstrap),
                unweightedCount: count, weightedCount: Double(count))
        }
        let pairable = units.filter { $0.compactMap { $0 }.count >= 2 }.count
        switch statistic {
        case .krippendorffAlpha:
            return [row(nil, KrippendorffAlpha(units, metric: metric).alpha, count: pairable) { KrippendorffAlpha($0, metric: metric).alpha }]
        case .percentAgreement:
            return [row(nil, KrippendorffAlpha(units, metric: .nominal).percentAgreement, count: pairable) {
                KrippendorffAlpha($0, metric: .nominal).percentAgreement
            }]
        case .cohenKappa:
            guard units.first?.count == 2 else { return [] }
            let weightings: [CohenKappa.Weights] = metric == .nominal ? [.unweighted] : CohenKappa.Weights.allCases
            return weightings.map { weights in
                let kappa = CohenKappa(units.map { ($0[0], $0[1]) }, weights: weights)
                return row(code == nil ? weights.rawValue : nil, kappa.kappa, count: kappa.units) {
                    CohenKappa($0.map { ($0[0], $0[1]) }, weights: weights).kappa
                }
            }
        case .fleissKappa:
            let coded = units.map { $0.compactMap { $0 } }.filter { $0.count >= 2 }
            let counts = Set(coded.map(\.count))
            guard counts.count == 1 else {
                if code == nil || !warnings.contains(where: { $0.hasPrefix("Fleiss' kappa is not reported") }) {
                    warnings.append("Fleiss' kappa is not reported: the units coded by two coders or more have \(counts.min() ?? 0) to \(counts.max() ?? 0) codes, and it needs the same number of coders on every unit; Krippendorff's alpha allows for the missing codes.")
                }
                return []
            }
            let twice = units.filter { $0.compactMap { $0 }.count >= 2 }
            return [row(nil, FleissKappa(twice).kappa, count: twice.count) { drawn in
                let kept = drawn.filter { $0.compactMap { $0 }.count >= 2 }
                return FleissKappa(kept).kappa
            }]
        case .mean, .total, .ratio, .proportion, .quantile, .netScore, .pollAverage, .houseEffect, .mentions, .mentioned, .difference, .coefficient:
            return []
        }
    }

    /// The statistic's name in a warning.
    static func label(_ statistic: Statistic) -> String {
        switch statistic {
        case .krippendorffAlpha: "Krippendorff's alpha"
        case .cohenKappa: "Cohen's kappa"
        case .fleissKappa: "Fleiss' kappa"
        case .percentAgreement: "Percent agreement"
        case .mean, .total, .ratio, .proportion, .quantile, .netScore, .pollAverage, .houseEffect, .mentions, .mentioned, .difference, .coefficient: statistic.rawValue
        }
    }

    // MARK: Values

    /// The codes as numbers: at the nominal level each distinct code stands for its position
    /// among the codes; above it the codes must be numbers.
    static func values(of sheet: CodingSheet, measurement: ReliabilityMetric) throws(InputError) -> [[Double?]] {
        let codes = sheet.codes
        let position = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, Double($0)) })
        var units: [[Double?]] = []
        units.reserveCapacity(sheet.units.count)
        for (u, unit) in sheet.cells.enumerated() {
            var values: [Double?] = []
            for (c, cell) in unit.enumerated() {
                guard let text = cell.first else {
                    values.append(nil)
                    continue
                }
                if measurement == .nominal {
                    values.append(position[text])
                } else if let number = Double(text), number.isFinite {
                    values.append(number)
                } else {
                    throw .nonNumericCode(unit: sheet.units[u], coder: sheet.coders[c], code: text, measurement: measurement)
                }
            }
            units.append(values)
        }
        return units
    }

    /// The first cell (unit, coder) whose codes satisfy `test`; (0, 0) when none does.
    static func firstCell(of sheet: CodingSheet, where test: ([String]) -> Bool) -> (Int, Int) {
        for (u, unit) in sheet.cells.enumerated() {
            if let c = unit.firstIndex(where: test) { return (u, c) }
        }
        return (0, 0)
    }
}
