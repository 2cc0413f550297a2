#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer and may be
/// `.infinity`, which gives the standard normal distribution).
///
/// The tails are regularized incomplete beta functions (A&S 26.7.1):
/// P(T ≤ −|t|) = ½ I_x(ν/2, ½) with x = ν / (ν + t²), evaluated with x and 1 − x = t²/(ν + t²)
/// formed separately so that both tails keep full relative accuracy. The quantile inverts that
/// relation with ``QuantileSolver`` (solving for whichever of x and 1 − x is the small one) and
/// converts back by t = −√(ν (1 − x) / x).
///
/// Invalid arguments (ν ≤ 0, NaN, p outside [0, 1]) give `.nan`.
public enum StudentTDistribution {

    /// The density Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) (1 + t²/ν)^{−(ν+1)/2}.
    public static func density(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard !t.isNaN, df > 0 else { return .nan }
        if df.isInfinite { return NormalDistribution.density(t) }
        if t.isInfinite { return 0 }
        let (x, y) = betaArguments(t, df)
        if x == 0 { return 0 }
        // f(t) = x^{ν/2} y^{1/2} / B(ν/2, ½) / |t|, and at t = 0 the limit √(x/ν) / B(ν/2, ½).
        if t == 0 { return exp(-SpecialFunctions.logBeta(df / 2, 0.5)) / df.squareRoot() }
        let prefactor = SaddlePointTerms.betaPrefactor(x: x, y: y, a: df / 2, b: 0.5)
        return prefactor / abs(t)
    }

    /// The distribution function P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard !t.isNaN, !df.isNaN, df > 0 else { return .nan }
        if df.isInfinite { return NormalDistribution.cdf(t) }
        return tails(t, df).lower
    }

    /// The upper tail P(T > t), computed directly (accurate for large t).
    public static func survival(_ t: Double, degreesOfFreedom df: Double) -> Double {
        cdf(-t, degreesOfFreedom: df)
    }

    /// The quantile function: the t with P(T ≤ t) = p; ∓infinity for p = 0 and p = 1.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        guard p >= 0, p <= 1, df > 0 else { return .nan }
        if df.isInfinite { return NormalDistribution.quantile(p) }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if p > 0.5 { return -lowerQuantile(1 - p, df) }  // 1 − p is exact here
        return lowerQuantile(p, df)
    }

    /// The negative t with P(T ≤ t) = p < ½, i.e. I_x(ν/2, ½) = 2p with x = ν/(ν + t²).
    private static func lowerQuantile(_ p: Double, _ df: Double) -> Double {
        let a = df / 2
        // Far tail: I_x(a, ½) = x^a / (a B(a, ½)) (1 + O(x)); when that x is below ~1e−260 it
        // may underflow although t = −√(ν (1−x)/x) is representable, so use the leading term.
        let logX = (log(2 * p) + log(a) + SpecialFunctions.logBeta(a, 0.5)) / a
        if logX < -600 {
            return -df.squareRoot() * exp(-0.5 * logX)
        }
        let (x, y) = QuantileSolver.betaQuantile(a: a, b: 0.5, p: 2 * p, q: 1 - 2 * p)
        if x == 0 { return -.infinity }
        // t² = ν y / x, formed without overflow for tiny x.
        return -(df / x).squareRoot() * y.squareRoot()
    }

    /// x = ν/(ν + t²) and y = t²/(ν + t²), each with full relative accuracy.
    private static func betaArguments(_ t: Double, _ df: Double) -> (x: Double, y: Double) {
        let s = t / df.squareRoot()
        let r = s * s  // t² / ν
        if r.isInfinite { return (0, 1) }
        return (1 / (1 + r), r / (1 + r))
    }

    /// (P(T ≤ t), P(T > t)) for finite ν, each computed without cancellation.
    private static func tails(_ t: Double, _ df: Double) -> (lower: Double, upper: Double) {
        if t == -.infinity { return (0, 1) }
        if t == .infinity { return (1, 0) }
        let a = df / 2
        let (x, y) = betaArguments(t, df)
        let small: Double  // P(T > |t|)
        let large: Double  // P(T ≤ |t|)
        if x < 1e-290 {
            // Far tail: I_x(a, ½) = x^a / (a B(a, ½)) (1 + O(x)), with ln x = −2 ln(|t|/√ν).
            let logX = -2 * (log(abs(t)) - 0.5 * log(df))
            small = 0.5 * exp(a * logX - log(a) - SpecialFunctions.logBeta(a, 0.5))
            large = 1 - small
        } else {
            let ib = SpecialFunctions.incompleteBeta(x: x, y: y, a: a, b: 0.5)
            small = 0.5 * ib.lower
            large = 0.5 + 0.5 * ib.upper
        }
        return t < 0 ? (small, large) : (large, small)
    }
}
