#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Power-and-exponential prefactors of the incomplete beta and gamma functions, formed so that
/// they keep full relative accuracy when the shape parameters are large.
///
/// A direct evaluation such as `exp(a * log(x) + b * log(1 - x) - logBeta(a, b))` loses about
/// `|a log x| · ε` in the exponent, i.e. most digits once a, b reach 1e6. Following
/// C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities", the large terms
/// are instead combined analytically into the *deviance* terms `bd0(k, m) = k ln(k/m) + m − k`
/// (computed by a series when k ≈ m) and the *Stirling error* `δ(z) = ln Γ(z+1) − [(z+½) ln z
/// − z + ln √(2π)]`, both of which are small where the result is not negligible.
enum SaddlePointTerms {

    /// Loader's Stirling error δ(z) = ln Γ(z+1) − (z+½) ln z + z − ln √(2π), for z > 0.
    static func stirlingError(_ z: Double) -> Double {
        if z >= 10 { return SpecialFunctions.stirlingSeries(z) }
        return SpecialFunctions.logGamma1p(z) - (z + 0.5) * log(z) + z - SpecialFunctions.logSqrtTwoPi
    }

    /// Loader's deviance term bd0(k, m) = k ln(k/m) + m − k ≥ 0 for k, m ≥ 0.
    ///
    /// When |k − m| < 0.1 (k + m) it is summed as
    /// (k − m) v + 2k Σ_{j≥1} v^{2j+1} / (2j+1) with v = (k − m)/(k + m), which avoids the
    /// cancellation of the direct formula.
    static func deviance(_ k: Double, _ m: Double) -> Double {
        if m == 0 { return k == 0 ? 0 : .infinity }
        if k == 0 { return m }
        if m.isInfinite || k.isInfinite { return .infinity }
        let difference = k - m
        if abs(difference) < 0.1 * (k + m) {
            let v = difference / (k + m)
            let v2 = v * v
            var sum = difference * v
            var term = 2 * k * v
            var j = 3.0
            while true {
                term *= v2
                let next = sum + term / j
                if next == sum { return next }
                sum = next
                j += 2
            }
        }
        let ratio = k / m
        let logRatio = (ratio.isNormal && ratio.isFinite) ? log(ratio) : log(k) - log(m)
        return k * logRatio + m - k
    }

    /// λ^k e^{−λ} / Γ(k+1) for k > 0, λ ≥ 0 (the Poisson probability extended to real k):
    /// exp(−δ(k) − bd0(k, λ)) / √(2πk).
    static func poissonTerm(k: Double, lambda: Double) -> Double {
        if lambda == 0 { return 0 }
        if lambda.isInfinite { return 0 }
        let exponent = -stirlingError(k) - deviance(k, lambda)
        return exp(exponent) / (2 * Double.pi * k).squareRoot()
    }

    /// x^a y^b / B(a, b) for a, b > 0 and x + y = 1, given λ = a − (a+b)x = (a+b)y − b
    /// (see ``SpecialFunctions/betaLambda(x:y:a:b:)``).
    ///
    /// In Loader's form this is √(ab/(2πn)) · exp(δ(n) − δ(a) − δ(b) − bd0(a, nx) − bd0(b, ny))
    /// with n = a + b. Because nx − a = −λ and ny − b = λ, the deviance terms are
    /// −bd0(a, nx) = a [ln(1 − λ/a) + λ/a] and −bd0(b, ny) = b [ln(1 + λ/b) − λ/b], which depend on
    /// x only through λ; this keeps full accuracy even when the larger of x and y is not exactly
    /// 1 minus the smaller (an error of one rounding in y would otherwise cost b·ε).
    static func betaPrefactor(a: Double, b: Double, x: Double, y: Double, lambda: Double) -> Double {
        if x <= 0 || y <= 0 { return 0 }
        let n = a + b
        let termA: Double  // −bd0(a, n x)
        if abs(lambda) < 0.5 * a {
            termA = a * SpecialFunctions.log1pMinusX(-lambda / a)
        } else {
            termA = a * logRatio(n * x, a) + lambda
        }
        let termB: Double  // −bd0(b, n y)
        if abs(lambda) < 0.5 * b {
            termB = b * SpecialFunctions.log1pMinusX(lambda / b)
        } else {
            termB = b * logRatio(n * y, b) - lambda
        }
        let exponent = stirlingError(n) - stirlingError(a) - stirlingError(b) + termA + termB
        // √(ab/(2πn)) without overflow or underflow of the product ab.
        let scale = (a / (2 * Double.pi)).squareRoot() * (b / n).squareRoot()
        return scale * exp(exponent)
    }

    /// x^a y^b / B(a, b) for a, b > 0 and x + y = 1 (x and y passed separately).
    static func betaPrefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
        betaPrefactor(a: a, b: b, x: x, y: y, lambda: SpecialFunctions.betaLambda(x: x, y: y, a: a, b: b))
    }

    /// ln(u / v) for positive u, v, without overflow or underflow of the quotient.
    private static func logRatio(_ u: Double, _ v: Double) -> Double {
        let r = u / v
        return (r.isNormal && r.isFinite) ? log(r) : log(u) - log(v)
    }
}
