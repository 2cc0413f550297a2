/// The beta distribution with shape parameters α, β ≥ 0.
///
/// The distribution function is the regularized incomplete beta function I_x(α, β) from
/// ``SpecialFunctions``; the quantile (R's `qbeta`) inverts it with ``QuantileSolver`` — a
/// safeguarded Newton iteration on the logarithm of the smaller tail, solving for whichever of
/// x and 1 − x is below ½ — which stays accurate (relative error ~1e−14) for shapes from well
/// below 1 up to 1e6 and beyond and for tail probabilities down to the smallest subnormal. It
/// is used, for example, for Korn–Graubard intervals, `qbeta(0.025, n p, n (1 − p) + 1)`.
///
/// Degenerate shapes follow R: α = 0 (or β = ∞ with α finite) is the point mass at 0,
/// β = 0 (or α = ∞ with β finite) the point mass at 1, α = β = 0 puts mass ½ on each of 0 and 1,
/// and α = β = ∞ is the point mass at ½. Invalid arguments (a negative shape, NaN, p outside
/// [0, 1]) give `.nan`.
public enum BetaDistribution {

    /// The density x^{α−1} (1−x)^{β−1} / B(α, β) for 0 < x < 1 (0 outside [0, 1]).
    public static func density(_ x: Double, alpha: Double, beta: Double) -> Double {
        guard !x.isNaN, alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else { return .nan }
        if x < 0 || x > 1 { return 0 }
        if x == 0 {
            if alpha < 1 { return .infinity }
            return alpha == 1 ? beta : 0
        }
        if x == 1 {
            if beta < 1 { return .infinity }
            return beta == 1 ? alpha : 0
        }
        let y = 1 - x
        return SaddlePointTerms.betaPrefactor(x: x, y: y, a: alpha, b: beta) / (x * y)
    }

    /// The distribution function P(X ≤ x) = I_x(α, β).
    public static func cdf(_ x: Double, alpha: Double, beta: Double) -> Double {
        tails(x, alpha, beta).lower
    }

    /// The upper tail P(X > x) = 1 − I_x(α, β), computed directly.
    public static func survival(_ x: Double, alpha: Double, beta: Double) -> Double {
        tails(x, alpha, beta).upper
    }

    /// The quantile function (R's `qbeta`): the x with I_x(α, β) = p; 0 for p = 0 and 1 for
    /// p = 1. α = 0 gives 0 and β = 0 gives 1 (see the type's description for the other
    /// degenerate shapes).
    public static func quantile(_ p: Double, alpha: Double, beta: Double) -> Double {
        guard p >= 0, p <= 1, alpha >= 0, beta >= 0 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        if let mass = pointMass(alpha, beta) {
            switch mass {
            case .zero: return 0
            case .one: return 1
            case .half: return 0.5
            case .split: return p < 0.5 ? 0 : (p > 0.5 ? 1 : 0.5)
            }
        }
        return QuantileSolver.betaQuantile(a: alpha, b: beta, p: p, q: 1 - p).x
    }

    private enum PointMass { case zero, one, half, split }

    /// The degenerate laws R assigns to boundary shapes, or nil for 0 < α, β < ∞.
    private static func pointMass(_ a: Double, _ b: Double) -> PointMass? {
        if a > 0 && b > 0 && a.isFinite && b.isFinite { return nil }
        if a == 0 && b == 0 { return .split }
        if a == 0 || (a.isFinite && b.isInfinite) { return .zero }
        if b == 0 || (b.isFinite && a.isInfinite) { return .one }
        return .half  // α = β = ∞
    }

    private static func tails(_ x: Double, _ a: Double, _ b: Double) -> (lower: Double, upper: Double) {
        guard !x.isNaN, a >= 0, b >= 0 else { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if x >= 1 { return (1, 0) }
        if let mass = pointMass(a, b) {
            switch mass {
            case .zero: return (1, 0)
            case .one: return (0, 1)
            case .split: return (0.5, 0.5)
            case .half: return x < 0.5 ? (0, 1) : (1, 0)
            }
        }
        let t = SpecialFunctions.incompleteBeta(x: x, y: 1 - x, a: a, b: b)
        return (t.lower, t.upper)
    }
}
