/// Fisher's F distribution with ν₁, ν₂ > 0 degrees of freedom (not necessarily integers, as in
/// the Rao–Scott corrected tests; either may be `.infinity`).
///
/// The tails are regularized incomplete beta functions (A&S 26.6.2):
/// P(F ≤ f) = I_x(ν₁/2, ν₂/2) with x = ν₁f / (ν₁f + ν₂), and P(F > f) = I_{1−x}(ν₂/2, ν₁/2),
/// with x and 1 − x formed separately so that both tails keep full relative accuracy. With
/// ν₂ = ∞ the distribution is that of χ²(ν₁)/ν₁; with ν₁ = ∞ that of ν₂/χ²(ν₂); with both
/// infinite it is the point mass at 1 (the limits R uses).
///
/// The quantile is exact for every finite ν₂. (R's `qf` switches to `qchisq(p, ν₁)/ν₁` when
/// ν₂ > 4e5 and ν₁ ≤ ν₂, an approximation with relative error of order 1/ν₂; this type does not.)
///
/// Invalid arguments (a degree of freedom ≤ 0 or NaN, p outside [0, 1]) give `.nan`.
public enum FDistribution {

    /// The density of F(ν₁, ν₂) at f.
    public static func density(
        _ x: Double, numeratorDegreesOfFreedom d1: Double, denominatorDegreesOfFreedom d2: Double
    ) -> Double {
        guard !x.isNaN, d1 > 0, d2 > 0 else { return .nan }
        if x < 0 || x.isInfinite { return 0 }
        if d2.isInfinite {
            if d1.isInfinite { return x == 1 ? .infinity : 0 }
            return d1 * ChiSquaredDistribution.density(x * d1, degreesOfFreedom: d1)
        }
        if d1.isInfinite {
            // ν₂/χ²: f(x) = g(ν₂/x) ν₂/x² with g the χ²(ν₂) density.
            return ChiSquaredDistribution.density(d2 / x, degreesOfFreedom: d2) * (d2 / x) / x
        }
        if x == 0 {
            if d1 < 2 { return .infinity }
            if d1 > 2 { return 0 }
            return 1  // ν₁ = 2: f(0) = 1 for every ν₂
        }
        let (bx, by) = betaArguments(x, d1, d2)
        // f(x) = x^{a} y^{b} / B(a, b) / (x_F) with a = ν₁/2, b = ν₂/2 (x_F = the F value).
        return SaddlePointTerms.betaPrefactor(x: bx, y: by, a: d1 / 2, b: d2 / 2) / x
    }

    /// The distribution function P(F ≤ x).
    public static func cdf(
        _ x: Double, numeratorDegreesOfFreedom d1: Double, denominatorDegreesOfFreedom d2: Double
    ) -> Double {
        tails(x, d1, d2).lower
    }

    /// The upper tail P(F > x), computed directly (accurate for tiny p-values).
    public static func survival(
        _ x: Double, numeratorDegreesOfFreedom d1: Double, denominatorDegreesOfFreedom d2: Double
    ) -> Double {
        tails(x, d1, d2).upper
    }

    /// The quantile function: the x with P(F ≤ x) = p; 0 for p = 0 and +infinity for p = 1.
    public static func quantile(
        _ p: Double, numeratorDegreesOfFreedom d1: Double, denominatorDegreesOfFreedom d2: Double
    ) -> Double {
        guard p >= 0, p <= 1, d1 > 0, d2 > 0 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        if d2.isInfinite {
            if d1.isInfinite { return 1 }
            return ChiSquaredDistribution.quantile(p, degreesOfFreedom: d1) / d1
        }
        if d1.isInfinite {
            // P(ν₂/χ² ≤ x) = P(χ² ≥ ν₂/x).
            return d2 / ChiSquaredDistribution.upperQuantile(1 - p, degreesOfFreedom: d2)
        }
        let (x, y) = QuantileSolver.betaQuantile(a: d1 / 2, b: d2 / 2, p: p, q: 1 - p)
        if y == 0 { return .infinity }
        return (d2 / d1) * (x / y)
    }

    /// x = ν₁f/(ν₁f + ν₂) and y = ν₂/(ν₁f + ν₂), each with full relative accuracy.
    private static func betaArguments(_ f: Double, _ d1: Double, _ d2: Double) -> (x: Double, y: Double) {
        let numerator = d1 * f
        if numerator > d2 {
            let r = d2 / numerator
            return (1 / (1 + r), r / (1 + r))
        }
        let r = numerator / d2
        return (r / (1 + r), 1 / (1 + r))
    }

    private static func tails(_ x: Double, _ d1: Double, _ d2: Double) -> (lower: Double, upper: Double) {
        guard !x.isNaN, d1 > 0, d2 > 0 else { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        if d2.isInfinite {
            if d1.isInfinite {
                if x < 1 { return (0, 1) }
                return x == 1 ? (0.5, 0.5) : (1, 0)
            }
            let c = x * d1
            return (ChiSquaredDistribution.cdf(c, degreesOfFreedom: d1),
                    ChiSquaredDistribution.survival(c, degreesOfFreedom: d1))
        }
        if d1.isInfinite {
            let c = d2 / x
            return (ChiSquaredDistribution.survival(c, degreesOfFreedom: d2),
                    ChiSquaredDistribution.cdf(c, degreesOfFreedom: d2))
        }
        let (bx, by) = betaArguments(x, d1, d2)
        let t = SpecialFunctions.incompleteBeta(x: bx, y: by, a: d1 / 2, b: d2 / 2)
        return (t.lower, t.upper)
    }
}
