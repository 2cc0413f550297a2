import Foundation

/// Quantiles of a numeric variable in every domain, with Woodruff confidence intervals and the
/// standard errors derived from them, exactly as R's `svyquantile` of survey 4.1 does by default
/// (`qrule = "math"`, `interval.type = "mean"`, `ci = TRUE`, `se = TRUE`, `na.rm = TRUE`).
///
/// In a domain with respondents i (a valid value, a positive weight) sorted by value x₍₁₎ ≤ … ≤
/// x₍ₙ₎ (ties in row order), cumulative weights Wₖ = w₍₁₎ + … + w₍ₖ₎ and W = Wₙ:
///
/// - the estimate, `qrule_math`: with k the last position where Wₖ ≤ p·W (1 when there is
///   none), Q(p) = x₍ₖ₎ when Wₖ/W = p exactly, else x₍ₖ₊₁₎ (x₍ₙ₎ when k = n) — the smallest value
///   whose cumulative share reaches p. R sums the weights in extended precision (`cumsum` and
///   `sum` accumulate in `long double`), which matters for the exact comparison; so do we, on
///   x86-64. Like R, a p below the first value's share (no k) gives x₍₂₎, not x₍₁₎.
/// - the interval (Woodruff 1952; Lumley, *Complex Surveys*, 2010, §2.4.1; survey's
///   `woodruffCI`): the domain mean m̂ of the indicator 1[x ≤ Q(p)], with its linearized standard
///   error s (``LinearizedEstimator``), gives the Wald interval of the share
///   [m̂ + t_{α/2}·s, m̂ + t_{1−α/2}·s] on the domain's design degrees of freedom; its ends mapped
///   back through Q are the interval of the quantile. An end of the share below 0 or above 1
///   leaves that end of the quantile undefined (R's NaN).
/// - the standard error, from the interval's width: (upper − lower) / (2·t_{1−α/2}) (survey's
///   `svyquantile.survey.design`; Francisco & Fuller 1991 justify inverting the interval).
///
/// Respondents missing the variable drop out of the domain (R's `na.rm = TRUE`); the design
/// keeps every PSU.
struct QuantileEstimator {
    let design: SurveyDesign
    let variance: TaylorVariance
    let cells: DomainCells
    /// The domain of every respondent (−1 outside every domain).
    let domainOfRow: [Int32]
    let level: Double

    /// One quantile of one domain.
    struct Estimate: Sendable {
        var domain: Int
        var probability: Double
        /// nil in a domain with no valid respondent.
        var quantile: Double?
        var lower: Double?
        var upper: Double?
        var standardError: Double?
        var respondents: Int
        var weight: Double
        var degreesOfFreedom: Int
    }

    /// The values of one domain sorted, with their cumulative weights.
    struct SortedDomain {
        var values: [Double] = []
        var cumulativeWeights: [Double] = []
        var total: Double = 0

        /// survey's `qrule_math(x, w, p)`.
        func quantile(_ p: Double) -> Double {
            let n = values.count
            precondition(n > 0)
            let target = p * total
            // The last position whose cumulative weight is ≤ p·W (binary search; non-decreasing).
            var low = 0, high = n
            while low < high {
                let mid = (low + high) / 2
                if cumulativeWeights[mid] <= target { low = mid + 1 } else { high = mid }
            }
            let position = max(low - 1, 0)
            let lowWeight = p - cumulativeWeights[position] / total
            if lowWeight == 0 { return values[position] }
            return values[min(position + 1, n - 1)]
        }
    }

    /// Sorts the valid values of every domain.
    func sortedDomains(_ values: [Double]) -> [SortedDomain] {
        var rowsOf = [[Int]](repeating: [], count: cells.domainCount)
        let w = design.weights
        for i in 0..<values.count {
            let d = domainOfRow[i]
            guard d >= 0, !values[i].isNaN, w[i] > 0 else { continue }
            rowsOf[Int(d)].append(i)
        }
        return rowsOf.map { rows in
            var domain = SortedDomain()
            // R's `sum(w)` in row order, `cumsum(w[order(x)])` in sorted order, both in long double.
            var total = ExtendedSum()
            for i in rows { total.add(w[i]) }
            domain.total = total.value
            let sorted = rows.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            domain.values = sorted.map { values[$0] }
            var running = ExtendedSum()
            domain.cumulativeWeights = sorted.map { i in
                running.add(w[i])
                return running.value
            }
            return domain
        }
    }

    /// Quantiles of `values` (NaN where missing) at each probability in every domain, in domain
    /// order and then the order of `probabilities`.
    func estimate(_ values: [Double], probabilities: [Double]) throws(SurveyError) -> [Estimate] {
        let domains = sortedDomains(values)
        let D = cells.domainCount
        let alpha = 1 - level
        let linearized = LinearizedEstimator(design: design, variance: variance, cells: cells, designEffects: false)
        var tQuantiles: [Int: (low: Double, high: Double)] = [:]
        func t(_ df: Int) -> (low: Double, high: Double) {
            if df <= 0 { return (.nan, .nan) }
            if let known = tQuantiles[df] { return known }
            let pair = (StudentTDistribution.quantile(alpha / 2, degreesOfFreedom: Double(df)),
                        StudentTDistribution.quantile(1 - alpha / 2, degreesOfFreedom: Double(df)))
            tQuantiles[df] = pair
            return pair
        }
        var byProbability: [[Estimate]] = []
        for p in probabilities {
            let q = domains.map { $0.values.isEmpty ? Double.nan : $0.quantile(p) }
            var indicator = [Double](repeating: .nan, count: values.count)
            for i in 0..<values.count {
                let d = domainOfRow[i]
                guard d >= 0, !values[i].isNaN, !q[Int(d)].isNaN else { continue }
                indicator[i] = values[i] <= q[Int(d)] ? 1 : 0
            }
            let shares = try linearized.estimate(.mean(indicator))
            var out: [Estimate] = []
            for share in shares {
                let d = share.domain
                let domain = domains[d]
                var e = Estimate(domain: d, probability: p, quantile: nil, lower: nil, upper: nil, standardError: nil,
                                 respondents: domain.values.count, weight: domain.total, degreesOfFreedom: share.degreesOfFreedom)
                if !domain.values.isEmpty {
                    e.quantile = q[d]
                    let (tLow, tHigh) = t(share.degreesOfFreedom)
                    let s = share.variance.squareRoot()
                    let pLow = share.estimate + s * tLow, pHigh = share.estimate + s * tHigh
                    let lower = pLow.isNaN || pLow < 0 ? Double.nan : domain.quantile(pLow)
                    let upper = pHigh.isNaN || pHigh > 1 ? Double.nan : domain.quantile(pHigh)
                    e.lower = lower.isFinite ? lower : nil
                    e.upper = upper.isFinite ? upper : nil
                    let se = (upper - lower) / (2 * tHigh)
                    e.standardError = se.isFinite ? se : nil
                }
                out.append(e)
            }
            byProbability.append(out)
        }
        // A mean has one estimate per domain, in domain order.
        return (0..<D).flatMap { d in byProbability.map { $0[d] } }
    }
}

/// A running sum in the extended precision of R's `sum` and `cumsum` (`long double`: 80-bit on
/// x86-64; plain `Double` elsewhere, where R's `long double` is usually `double` too).
struct ExtendedSum {
    #if arch(x86_64) && !os(Windows)
    private var sum: Float80 = 0
    mutating func add(_ x: Double) { sum += Float80(x) }
    var value: Double { Double(sum) }
    #else
    private var sum: Double = 0
    mutating func add(_ x: Double) { sum += x }
    var value: Double { sum }
    #endif
}
