#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The standard normal distribution N(0, 1).
///
/// The distribution function is computed from
/// - the everywhere-positive series Φ(x) = ½ + φ(x) (x + x³/3 + x⁵/(3·5) + …) for |x| ≤ 2
///   (G. Marsaglia (2004), "Evaluating the Normal Distribution", *J. Stat. Software* 11(4)), and
/// - Laplace's continued fraction for the Mills ratio,
///   (1 − Φ(x)) / φ(x) = 1/(x+ 1/(x+ 2/(x+ 3/(x+ …)))) for |x| > 2 (A&S 26.2.14), evaluated by
///   the modified Lentz algorithm,
/// with φ(x) formed as exp(−x_h²/2) · exp(−(x − x_h)(x + x_h)/2), x_h = x rounded to 1/16, so
/// that the rounding of x² does not spoil the far tails (W. J. Cody (1969), "Rational Chebyshev
/// approximations for the error function", *Math. Comp.* 23, 631–637).
///
/// The quantile starts from A&S 26.2.23 (absolute error < 4.5e−4) and is refined by Newton's
/// method on the centred function Φ(x) − ½ (near the median) or on ln Φ(x) (in the tails), which
/// gives the accuracy of Wichura's AS 241 (relative error ~1e−16) for every p down to the
/// smallest subnormal.
public enum NormalDistribution {

    static let inverseSqrtTwoPi = 0.398942280401432677939946059934
    private static let seriesCutoff = 2.0

    /// The density φ(x) = exp(−x²/2) / √(2π).
    public static func density(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let ax = abs(x)
        if ax > 40 { return 0 }
        let high = (ax * 16).rounded(.down) / 16
        let low = ax - high
        return inverseSqrtTwoPi * exp(-0.5 * high * high) * exp(-0.5 * low * (ax + high))
    }

    /// ln φ(x) = −x²/2 − ln √(2π).
    static func logDensity(_ x: Double) -> Double {
        -0.5 * x * x - SpecialFunctions.logSqrtTwoPi
    }

    /// The distribution function Φ(x) = P(X ≤ x).
    public static func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if abs(x) <= seriesCutoff { return 0.5 + density(x) * centralSeries(x) }
        if x < 0 { return density(x) * millsRatio(-x) }
        return 1 - density(x) * millsRatio(x)
    }

    /// The upper tail 1 − Φ(x) = P(X > x), computed directly (accurate for large x).
    public static func survival(_ x: Double) -> Double {
        cdf(-x)
    }

    /// ln Φ(x), finite for every finite x.
    static func logCDF(_ x: Double) -> Double {
        if x < -seriesCutoff { return logDensity(x) + log(millsRatio(-x)) }
        return log(cdf(x))
    }

    /// The quantile function Φ⁻¹(p): `-infinity` for p = 0, `+infinity` for p = 1, `.nan`
    /// outside [0, 1].
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if p > 0.5 { return -lowerQuantile(1 - p) }  // 1 − p is exact here
        return lowerQuantile(p)
    }

    /// Φ⁻¹(p) for 0 < p < ½.
    private static func lowerQuantile(_ p: Double) -> Double {
        // A&S 26.2.23.
        let t = (-2 * log(p)).squareRoot()
        let numerator = 2.515517 + t * (0.802853 + t * 0.010328)
        let denominator = 1 + t * (1.432788 + t * (0.189269 + t * 0.001308))
        var x = -(t - numerator / denominator)
        if x >= -seriesCutoff {
            // Newton on h(x) = Φ(x) − ½ − (p − ½) = φ(x) S(x) − c, h′(x) = φ(x).
            let c = p - 0.5  // exact for p ≥ 0.25
            for _ in 0..<50 {
                let step = centralSeries(x) - c / density(x)
                x -= step
                if abs(step) <= 1e-15 * abs(x) { break }
            }
        } else {
            // Newton on g(x) = ln Φ(x) − ln p, g′(x) = φ(x) / Φ(x).
            let logP = log(p)
            for _ in 0..<50 {
                let ratio: Double  // Φ(x) / φ(x)
                let g: Double
                if x < -seriesCutoff {
                    ratio = millsRatio(-x)
                    g = logDensity(x) + log(ratio) - logP
                } else {
                    let phi = density(x)
                    let cdfValue = 0.5 + phi * centralSeries(x)
                    ratio = cdfValue / phi
                    g = log(cdfValue) - logP
                }
                let step = g * ratio
                x -= step
                if abs(step) <= 1e-15 * abs(x) { break }
            }
        }
        return x
    }

    /// S(x) = x + x³/3 + x⁵/(3·5) + … = (Φ(x) − ½) / φ(x).
    private static func centralSeries(_ x: Double) -> Double {
        let x2 = x * x
        var term = x
        var sum = x
        var k = 1.0
        while true {
            k += 2
            term *= x2 / k
            let next = sum + term
            if next == sum { return sum }
            sum = next
        }
    }

    /// The Mills ratio (1 − Φ(x)) / φ(x) for x > 0 (used for x > 2), by Laplace's continued
    /// fraction 1/(x+ 1/(x+ 2/(x+ 3/(x+ …)))) and the modified Lentz algorithm.
    static func millsRatio(_ x: Double) -> Double {
        if x.isInfinite { return 0 }
        let tiny = 1e-300
        // Start after the first level: f₁ = 1/x, C₁ = x + 1/tiny, D₁ = 1/x.
        var f = 1 / x
        var c = x + 1 / tiny
        var d = 1 / x
        var j = 1.0
        while j < 100_000 {
            d = x + j * d
            if abs(d) < tiny { d = tiny }
            d = 1 / d
            c = x + j / c
            if abs(c) < tiny { c = tiny }
            let delta = c * d
            f *= delta
            if abs(delta - 1) <= SpecialFunctions.convergenceTolerance { break }
            j += 1
        }
        return f
    }
}
