import Foundation

/// The profile-likelihood confidence interval of a proportion from a design-rescaled
/// quasi-binomial likelihood: R's `svyciprop(method = "likelihood")`, i.e.
/// `confint(svyglm(y ~ 1, family = quasibinomial), method = "likelihood", ddf = df)`
/// (Lumley & Scott 2014, *Tests for regression models fitted to survey data*, ANZJS 56).
///
/// With n respondents, weights rescaled to mean 1, the binomial deviance of the intercept-only
/// model is D(μ) = −2n[p̂ log μ + (1 − p̂) log(1 − μ)], the dispersion φ = n/(n − 1) (the
/// design-weighted variance of the Pearson residuals that `summary.svyglm` uses), the naive variance of the logit ≈ 1/(n p̂(1 − p̂)) (exactly as R's last IRLS iteration has it) and the
/// design variance v/(p̂(1 − p̂))²; their ratio λ rescales the tail probability
/// α = Φ(t_{df, (1−level)/2} √λ)/2. As R does, the
/// signed root deviance z(β) = ±√((D(β) − D(β̂))/φ) is evaluated on a grid of at most nine
/// steps each side of β̂ (step ⅕ √F_{1,n−1}(1−α) design standard errors, until |z| passes that
/// bound), interpolated by an FMM cubic spline sampled at three times as many points, and the
/// ends are where it crosses ±Φ⁻¹(2α), by linear interpolation; the ends are back-transformed
/// with expit. Reproducing the grid and the spline is what makes the numbers equal R's.
struct ProfileLikelihoodInterval {
    struct Input: Sendable {
        var proportion: Double
        var variance: Double
        var respondents: Int
        /// The intercept's naive variance as R's fit reports it (``InterceptOnlyLogisticFit``).
        var naiveVariance: Double
    }

    let level: Double

    func interval(_ input: Input, degreesOfFreedom df: Double) -> (Double, Double) {
        let p = input.proportion, v = input.variance
        let n = Double(input.respondents)
        guard p > 0, p < 1, v > 0, input.respondents > 1 else { return (.nan, .nan) }
        let betaHat = log(p / (1 - p))
        // summary.svyglm: design-weighted variance of the unweighted Pearson residuals.
        let dispersion = n / (n - 1)
        let naiveVariance = input.naiveVariance
        let designVariance = v / (p * (1 - p) * p * (1 - p))
        let lambda = designVariance / naiveVariance
        let alpha = NormalDistribution.cdf(
            StudentTDistribution.quantile((1 - level) / 2, degreesOfFreedom: df) * lambda.squareRoot()) / 2
        let standardError = designVariance.squareRoot()
        let zMax = FDistribution.quantile(1 - alpha, numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: n - 1).squareRoot()
        let step = zMax / 5
        func deviance(_ beta: Double) -> Double {
            let mu = 1 / (1 + exp(-beta))
            return -2 * n * (p * log(mu) + (1 - p) * log(1 - mu))
        }
        let minimum = deviance(betaHat)
        var points: [(beta: Double, z: Double)] = [(betaHat, 0)]
        for sign in [-1.0, 1.0] {
            var k = 0
            var z = 0.0
            while true {
                k += 1
                guard k < 10, abs(z) < zMax else { break }
                let beta = betaHat + sign * Double(k) * step * standardError
                let zz = max((deviance(beta) - minimum) / dispersion, 0)
                z = sign * zz.squareRoot()
                points.append((beta, z))
            }
        }
        points.sort { $0.z < $1.z }
        let spline = CubicSpline(x: points.map(\.beta), y: points.map(\.z))
        let sample = spline.sampled(count: 3 * points.count)
        let cut = NormalDistribution.quantile(2 * alpha)
        let lower = Self.inverse(sample, at: cut)
        let upper = Self.inverse(sample, at: -cut)
        return (ConfidenceIntervalCalculator.expit(lower), ConfidenceIntervalCalculator.expit(upper))
    }

    /// R's `approx(y, x, xout)`: x where the sampled spline reaches `target`, by linear
    /// interpolation between the points ordered by their spline value (ties averaged).
    static func inverse(_ sample: (x: [Double], y: [Double]), at target: Double) -> Double {
        var pairs = zip(sample.y, sample.x).map { ($0, $1) }
        pairs.sort { $0.0 < $1.0 }
        // Average ties in the value.
        var ys: [Double] = [], xs: [Double] = []
        var i = 0
        while i < pairs.count {
            var j = i
            var sum = 0.0
            while j < pairs.count && pairs[j].0 == pairs[i].0 { sum += pairs[j].1; j += 1 }
            ys.append(pairs[i].0)
            xs.append(sum / Double(j - i))
            i = j
        }
        guard let first = ys.first, let last = ys.last, target >= first, target <= last else { return .nan }
        var lo = 0, hi = ys.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if target < ys[mid] { hi = mid } else { lo = mid }
        }
        if ys[hi] == ys[lo] { return xs[lo] }
        return xs[lo] + (xs[hi] - xs[lo]) * (target - ys[lo]) / (ys[hi] - ys[lo])
    }
}
