import Foundation

/// Confidence intervals for an estimate with its standard error, as R's `confint` (t on the
/// design degrees of freedom) and `svyciprop` for proportions.
///
/// For a proportion p with variance v, design df, n respondents and α = 1 − level, with
/// t = t_{df, 1−α/2}:
/// - `wald`: p ± t·√v (`svyciprop(method = "mean")`).
/// - `logit`, `xlogit`: expit(logit p ± t·√v / (p(1−p))) — the delta-method interval on the
///   logit scale (`svyciprop` "logit" via `svyglm`, "xlogit" via `svycontrast`; equal here).
/// - `wilson`: with n_eff = p(1−p)/v, (p + t²/2n_eff ± t/(2n_eff)·√(4 n_eff p(1−p) + t²)) /
///   (1 + t²/n_eff) (Wilson 1927, with the design effect; survey ≥ 4.2).
/// - `beta`: Korn & Graubard (1998): n_eff = p(1−p)/v · (t_{n−1}/t_df)², interval
///   [B⁻¹(α/2; n_eff p, n_eff(1−p) + 1), B⁻¹(1−α/2; n_eff p + 1, n_eff(1−p))].
/// - `likelihood`: ``ProfileLikelihoodInterval``.
struct ConfidenceIntervalCalculator {
    let level: Double
    let method: CIMethod
    /// t_{df, 1−α/2} by df: the domains of a request mostly share their degrees of freedom,
    /// and each quantile is an iterative inversion of the t distribution.
    private var quantiles: [Int: Double] = [:]

    init(level: Double, method: CIMethod) {
        self.level = level
        self.method = method
    }

    /// `nil` ends where the interval is undefined (no degrees of freedom, p of 0 or 1 on a
    /// transformed scale, zero variance).
    mutating func interval(
        estimate p: Double, variance v: Double, degreesOfFreedom df: Int, respondents n: Int,
        likelihood: ProfileLikelihoodInterval.Input? = nil
    ) -> ConfidenceInterval {
        let alpha = 1 - level
        let dfD = Double(df)
        let t: Double
        if df <= 0 {
            t = .nan
        } else if let known = quantiles[df] {
            t = known
        } else {
            t = StudentTDistribution.quantile(1 - alpha / 2, degreesOfFreedom: dfD)
            quantiles[df] = t
        }
        let se = v.squareRoot()
        var lower = Double.nan, upper = Double.nan
        switch method {
        case .wald:
            lower = p - t * se
            upper = p + t * se
        case .logit where v == 0 && (p == 0 || p == 1):
            // svyglm's fit runs off to ±∞ on the logit scale: the interval collapses on p.
            (lower, upper) = (p, p)
        case .logit, .xlogit:
            let eta = log(p / (1 - p))
            let h = t * se / (p * (1 - p))
            lower = Self.expit(eta - h)
            upper = Self.expit(eta + h)
        case .wilson:
            let nEff = p * (1 - p) / v
            let t2 = t * t
            let root = (4 * nEff * p * (1 - p) + t2).squareRoot()
            let denominator = 1 + t2 / nEff
            lower = (p + t2 / (2 * nEff) - t / (2 * nEff) * root) / denominator
            upper = (p + t2 / (2 * nEff) + t / (2 * nEff) * root) / denominator
        case .beta:
            let ratio = StudentTDistribution.quantile(alpha / 2, degreesOfFreedom: Double(n - 1))
                / StudentTDistribution.quantile(alpha / 2, degreesOfFreedom: dfD)
            let nEff = p * (1 - p) / v * ratio * ratio
            lower = BetaDistribution.quantile(alpha / 2, alpha: nEff * p, beta: nEff * (1 - p) + 1)
            upper = BetaDistribution.quantile(1 - alpha / 2, alpha: nEff * p + 1, beta: nEff * (1 - p))
        case .likelihood:
            if let input = likelihood, df > 0 {
                (lower, upper) = ProfileLikelihoodInterval(level: level).interval(input, degreesOfFreedom: dfD)
            }
        case .bootstrap, .woodruff:
            // No replicates here: `AnalysisEngine.run` refuses the methods before estimating
            // (``QuantileEstimator`` makes Woodruff intervals itself).
            break
        }
        return ConfidenceInterval(
            lower: lower.isFinite ? lower : nil, upper: upper.isFinite ? upper : nil, level: level, method: method)
    }

    static func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
