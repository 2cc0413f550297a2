/// The chi-squared distribution with ν ≥ 0 degrees of freedom (ν need not be an integer), the
/// Gamma(ν/2, scale 2) distribution.
///
/// P(X ≤ x) = P(ν/2, x/2) and P(X > x) = Q(ν/2, x/2) are regularized incomplete gamma
/// functions (A&S 26.4.19) from ``SpecialFunctions``; the upper tail is computed directly from
/// Legendre's continued fraction, not as 1 − P, so tiny p-values such as 1e−20 or 1e−300 keep
/// full relative accuracy. The quantile inverts P with ``QuantileSolver``.
///
/// Following R, ν = 0 is the point mass at 0. Invalid arguments (ν < 0, NaN, p outside
/// [0, 1]) give `.nan`.
public enum ChiSquaredDistribution {

    /// The density x^{ν/2−1} e^{−x/2} / (2^{ν/2} Γ(ν/2)) for x > 0 (0 for x < 0).
    public static func density(_ x: Double, degreesOfFreedom df: Double) -> Double {
        guard !x.isNaN, df > 0, df.isFinite else { return .nan }
        if x < 0 || x.isInfinite { return 0 }
        let a = df / 2
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? 0.5 : 0) }
        // f(x) = ½ g(x/2) with g the Gamma(a) density, g(z) = z^a e^{−z} / Γ(a) / z.
        let z = x / 2
        return 0.5 * a * SaddlePointTerms.poissonTerm(k: a, lambda: z) / z
    }

    /// The distribution function P(X ≤ x).
    public static func cdf(_ x: Double, degreesOfFreedom df: Double) -> Double {
        tails(x, df).lower
    }

    /// The upper tail P(X > x), computed directly (accurate for tiny p-values).
    public static func survival(_ x: Double, degreesOfFreedom df: Double) -> Double {
        tails(x, df).upper
    }

    /// The quantile function: the x with P(X ≤ x) = p; 0 for p = 0 and +infinity for p = 1.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        guard p >= 0, p <= 1, df >= 0 else { return .nan }
        if p == 0 || df == 0 { return 0 }
        if p == 1 || df.isInfinite { return .infinity }
        return 2 * QuantileSolver.gammaQuantile(a: df / 2, p: p, q: 1 - p)
    }

    /// The x with P(X > x) = p (the upper-tail quantile), accurate for tiny p.
    static func upperQuantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        guard p >= 0, p <= 1, df >= 0 else { return .nan }
        if p == 1 || df == 0 { return 0 }
        if p == 0 || df.isInfinite { return .infinity }
        return 2 * QuantileSolver.gammaQuantile(a: df / 2, p: 1 - p, q: p)
    }

    private static func tails(_ x: Double, _ df: Double) -> (lower: Double, upper: Double) {
        guard !x.isNaN, !df.isNaN, df >= 0 else { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if df == 0 || x.isInfinite { return (1, 0) }
        if df.isInfinite { return (0, 1) }
        let t = SpecialFunctions.incompleteGamma(a: df / 2, x: x / 2)
        return (t.lower, t.upper)
    }
}
