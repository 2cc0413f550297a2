#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Special functions behind the probability distributions: the log-gamma function and the
/// regularized incomplete beta and gamma functions.
///
/// Every function returns `.nan` for arguments outside its domain (and for NaN arguments).
/// The implementations aim at full double precision (relative error of a few units in the last
/// place) and, in particular, keep *both* tails of the incomplete functions accurate: the smaller
/// tail is always computed directly, never as `1 - (larger tail)`.
///
/// References:
/// - M. Abramowitz and I. A. Stegun (1964), *Handbook of Mathematical Functions*, NBS, 6.1.33
///   (series of ln Γ(1+z)), 6.1.41 (Stirling series), 6.5.29 and 6.5.31 (incomplete gamma),
///   26.5.8 (continued fraction of the incomplete beta function).
/// - W. J. Lentz (1976), "Generating Bessel functions in Mie scattering calculations using
///   continued fractions", *Applied Optics* 15, 668–671; I. J. Thompson and A. R. Barnett (1986),
///   "Coulomb and Bessel functions of complex arguments and order", *J. Comput. Phys.* 64,
///   490–509 (the modified Lentz algorithm used for every continued fraction here).
/// - C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities" (the saddle-point
///   form of the power prefactors, see ``SaddlePointTerms``).
public enum SpecialFunctions {

    /// ln √(2π).
    static let logSqrtTwoPi = 0.918938533204672741780329736406

    /// Euler–Mascheroni constant γ.
    static let eulerGamma = 0.577215664901532860606512090082

    // MARK: - Log-gamma

    /// The natural logarithm of the absolute value of the gamma function, ln |Γ(x)|.
    ///
    /// - For 1.5 ≤ x < 2.5 the power series A&S 6.1.33 about 2 is used,
    ///   ln Γ(2+z) = (1−γ) z + Σ_{k≥2} (−1)^k (ζ(k)−1) z^k / k, which keeps full *relative*
    ///   accuracy next to the zero at x = 2; the same series gives ln Γ(1+z) = ln Γ(2+z) − ln(1+z)
    ///   next to the zero at x = 1.
    /// - For 2.5 ≤ x < 15 the recurrence Γ(x) = (x−1)(x−2)…(x−m) Γ(x−m) reduces to [1.5, 2.5).
    /// - For x ≥ 15 the Stirling series (A&S 6.1.41) is used.
    /// - For x < 0 the reflection formula Γ(x) Γ(1−x) = π / sin(πx) is used.
    ///
    /// Returns `+infinity` at the poles x = 0, −1, −2, … and `.nan` for NaN.
    public static func logGamma(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return .infinity }
        if x <= 0 {
            if x == x.rounded(.down) { return .infinity }  // a pole
            // Reflection: ln|Γ(x)| = ln π − ln|sin(πx)| − ln Γ(1−x).
            let s = abs(sinPi(x))
            return log(Double.pi / s) - logGamma(1 - x)
        }
        if x < 0.5 { return logGamma1pSeries(x) - log(x) }
        if x < 1.5 { return logGamma1pSeries(x - 1) }
        if x < 2.5 { return logGamma2pSeries(x - 2) }
        if x < 15 {
            var product = 1.0
            var z = x
            while z >= 2.5 {
                z -= 1
                product *= z
            }
            return log(product) + logGamma2pSeries(z - 2)
        }
        return (x - 0.5) * log(x) - x + logSqrtTwoPi + stirlingSeries(x)
    }

    /// The natural logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b),
    /// for a, b > 0 (`.nan` otherwise).
    ///
    /// Formed from Loader's Stirling errors δ (see ``SaddlePointTerms``) as
    /// δ(a) + δ(b) − δ(a+b) + ln √(2π) + ½ ln((a+b)/(ab)) + a ln(a/(a+b)) + b ln(b/(a+b)),
    /// which avoids the cancellation of the three log-gamma values when a and b are large.
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        guard a > 0, b > 0 else { return .nan }
        if a.isInfinite || b.isInfinite { return -.infinity }
        let n = a + b
        let logA = a <= b ? log(a / n) : log1p(-b / n)  // ln(a/n)
        let logB = b < a ? log(b / n) : log1p(-a / n)   // ln(b/n)
        return SaddlePointTerms.stirlingError(a) + SaddlePointTerms.stirlingError(b)
            - SaddlePointTerms.stirlingError(n) + logSqrtTwoPi
            + 0.5 * (log(n) - log(a) - log(b)) + a * logA + b * logB
    }

    /// ln Γ(1 + z) for z ≥ −0.5 without forming 1 + z (accurate for tiny z).
    static func logGamma1p(_ z: Double) -> Double {
        if z < 0.5 { return logGamma1pSeries(z) }
        return logGamma(1 + z)
    }

    /// sin(πx) with the argument reduced exactly to [−1/2, 1/2] first.
    static func sinPi(_ x: Double) -> Double {
        let n = x.rounded(.toNearestOrEven)
        let r = x - n  // exact
        let s = sin(Double.pi * r)
        // sin(π(n + r)) = (−1)^n sin(πr)
        return n.truncatingRemainder(dividingBy: 2) == 0 ? s : -s
    }

    /// (ζ(k) − 1) for k = 2, 3, …, 30, the coefficients of A&S 6.1.33.
    private static let zetaMinusOne: [Double] = [
        6.44934066848226436472e-1, 2.020569031595942854e-1, 8.2323233711138191516e-2,
        3.69277551433699263314e-2, 1.73430619844491397145e-2, 8.3492773819228268398e-3,
        4.07735619794433937869e-3, 2.00839282608221441785e-3, 9.94575127818085337146e-4,
        4.94188604119464558702e-4, 2.46086553308048298638e-4, 1.22713347578489146752e-4,
        6.12481350587048292585e-5, 3.05882363070204935517e-5, 1.52822594086518717326e-5,
        7.6371976378997622736e-6, 3.81729326499983985646e-6, 1.90821271655393892566e-6,
        9.53962033872796113152e-7, 4.76932986787806463117e-7, 2.38450502727732990004e-7,
        1.19219925965311073068e-7, 5.96081890512594796124e-8, 2.98035035146522801861e-8,
        1.49015548283650412347e-8, 7.45071178983542949198e-9, 3.72533402478845705482e-9,
        1.8626597235130490064e-9, 9.31327432419668182872e-10,
    ]

    /// Σ_{k≥2} (ζ(k)−1) w^k / k by Horner's rule, for |w| ≤ 1/2.
    private static func zetaTail(_ w: Double) -> Double {
        var sum = 0.0
        var k = zetaMinusOne.count + 1
        while k >= 2 {
            sum = sum * w + zetaMinusOne[k - 2] / Double(k)
            k -= 1
        }
        return sum * w * w
    }

    /// ln Γ(2 + z) for |z| ≤ 1/2 (A&S 6.1.33 with the ln(1+z) term moved across).
    private static func logGamma2pSeries(_ z: Double) -> Double {
        (1 - eulerGamma) * z + zetaTail(-z)
    }

    /// ln Γ(1 + z) for |z| ≤ 1/2 (A&S 6.1.33).
    private static func logGamma1pSeries(_ z: Double) -> Double {
        // ln Γ(1+z) = −γ z + Σ_{k≥2} (−1)^k ζ(k) z^k / k
        //           = (1−γ) z + Σ (−1)^k (ζ(k)−1) z^k / k − ln(1+z)
        //           = −γ z + Σ (−1)^k (ζ(k)−1) z^k / k − (ln(1+z) − z).
        -eulerGamma * z + zetaTail(-z) - log1pMinusX(z)
    }

    /// ln(1 + z) − z, accurate also for small |z| (series for |z| < 0.25).
    static func log1pMinusX(_ z: Double) -> Double {
        if abs(z) >= 0.25 { return log1p(z) - z }
        // ln(1+z) − z = −z²/2 + z³/3 − …, written via v = z / (2 + z):
        // ln(1+z) = 2 (v + v³/3 + v⁵/5 + …), and z = 2v / (1 − v).
        let v = z / (2 + z)
        let v2 = v * v
        var term = 2 * v * v2
        var sum = 0.0
        var k = 3.0
        while true {
            let next = sum + term / k
            if next == sum { break }
            sum = next
            term *= v2
            k += 2
        }
        // 2v − z = 2v − 2v/(1−v) = −2v² / (1−v) = −v z.
        return sum - v * z
    }

    /// The Stirling series remainder ln Γ(x) − [(x − ½) ln x − x + ln √(2π)] for x ≥ 10
    /// (A&S 6.1.41, terms B_{2k} / (2k(2k−1) x^{2k−1}) up to k = 9).
    static func stirlingSeries(_ x: Double) -> Double {
        let r = 1 / x
        let r2 = r * r
        // Coefficients B_{2k} / (2k (2k − 1)).
        let c1 = 1.0 / 12
        let c2 = -1.0 / 360
        let c3 = 1.0 / 1260
        let c4 = -1.0 / 1680
        let c5 = 1.0 / 1188
        let c6 = -691.0 / 360_360
        let c7 = 1.0 / 156
        let c8 = -3617.0 / 122_400
        let c9 = 43867.0 / 244_188
        return r * (c1 + r2 * (c2 + r2 * (c3 + r2 * (c4 + r2 * (c5 + r2 * (c6 + r2 * (c7 + r2 * (c8 + r2 * c9))))))))
    }

    // MARK: - Incomplete beta

    /// The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b) for
    /// 0 ≤ x ≤ 1 and a, b > 0 (finite); `.nan` otherwise.
    ///
    /// The continued fraction A&S 26.5.8 is evaluated with the modified Lentz algorithm on
    /// whichever of I_x(a, b) and I_{1−x}(b, a) = 1 − I_x(a, b) converges quickly (the symmetry
    /// swap at x = (a+1)/(a+b+2)); the prefactor x^a (1−x)^b / B(a, b) is formed in Loader's
    /// saddle-point form, which stays accurate for shape parameters in the millions.
    public static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        guard x >= 0, x <= 1, a > 0, b > 0, a.isFinite, b.isFinite else { return .nan }
        return incompleteBeta(x: x, y: 1 - x, a: a, b: b).lower
    }

    /// Both tails of the incomplete beta function, for a, b > 0 finite, x, y ≥ 0 with x + y = 1
    /// (the caller passes y separately so that it can be accurate when x is close to 1).
    ///
    /// - Returns: `lower` = I_x(a, b), `upper` = 1 − I_x(a, b), and `prefactor`
    ///   = x^a y^b / B(a, b) (so that the density is `prefactor / (x y)`).
    static func incompleteBeta(x: Double, y: Double, a: Double, b: Double)
        -> (lower: Double, upper: Double, prefactor: Double)
    {
        if x <= 0 { return (0, 1, 0) }
        if y <= 0 { return (1, 0, 0) }
        let lambda = betaLambda(x: x, y: y, a: a, b: b)
        let prefactor = SaddlePointTerms.betaPrefactor(a: a, b: b, x: x, y: y, lambda: lambda)
        if prefactor == 0 {
            // Both tails are then within ~1e-300 of 0 or 1; the side is given by the mean.
            return lambda > 0 ? (0, 1, 0) : (1, 0, 0)
        }
        let limit = 20_000 + Int(min(1e7, 20 * (a + b).squareRoot()))
        if x * (a + b + 2) < a + 1 {
            let cf = betaContinuedFraction(x: x, a: a, b: b, lambda: lambda, maxIterations: limit).value
            let lower = min(1, prefactor * cf / a)
            if lower <= complementLimit { return (lower, 1 - lower, prefactor) }
            // Only a shape well below 1 makes the directly computed tail this close to 1; then
            // 1 − lower would lose the small tail, so compute it from the other fraction (which
            // converges, more slowly, beyond the swap point) when that converges.
            let other = betaContinuedFraction(x: y, a: b, b: a, lambda: -lambda, maxIterations: limit)
            if other.converged {
                let upper = prefactor * other.value / b
                if upper <= 0.5 { return (1 - upper, upper, prefactor) }
            }
            return (lower, 1 - lower, prefactor)
        } else {
            let cf = betaContinuedFraction(x: y, a: b, b: a, lambda: -lambda, maxIterations: limit).value
            let upper = min(1, prefactor * cf / b)
            if upper <= complementLimit { return (1 - upper, upper, prefactor) }
            let other = betaContinuedFraction(x: x, a: a, b: b, lambda: lambda, maxIterations: limit)
            if other.converged {
                let lower = prefactor * other.value / a
                if lower <= 0.5 { return (lower, 1 - lower, prefactor) }
            }
            return (1 - upper, upper, prefactor)
        }
    }

    /// Above this value of the directly computed tail, its complement is computed separately
    /// rather than as 1 − tail (which would lose more than three digits).
    static let complementLimit = 0.999

    /// λ = a − (a+b) x = (a+b) y − b, formed from whichever of x and y is the smaller (and
    /// hence the more accurate) one.
    static func betaLambda(x: Double, y: Double, a: Double, b: Double) -> Double {
        x <= y ? a - (a + b) * x : (a + b) * y - b
    }

    /// The continued fraction of A&S 26.5.8,
    /// I_x(a,b) = x^a (1−x)^b / (a B(a,b)) · 1/(1+ d₁/(1+ d₂/(1+ …))) with
    /// d_{2m+1} = −(a+m)(a+b+m) x / ((a+2m)(a+2m+1)) and d_{2m} = m(b−m) x / ((a+2m−1)(a+2m)),
    /// in its even contraction 1/(β₀ + α₁/(β₁ + α₂/(β₂ + …))) with α_m = −d_{2m−1} d_{2m},
    /// β₀ = 1 + d₁ and β_m = 1 + d_{2m} + d_{2m+1}.
    ///
    /// The partial denominators are rewritten in terms of λ = a − (a+b)x (the idea of the
    /// continued fraction in A. R. DiDonato and A. H. Morris (1992), "Algorithm 708: Significant
    /// digit computation of the incomplete beta function ratios", *ACM TOMS* 18, 360–373):
    /// β₀ = (1 + λ)/(a + 1) and
    /// β_m = [λ((a+b)(a−1) + 2m(a+m)) + (a+b)(a−1) + 2m(a+m)(a+2b)] / ((a+b)(a+2m−1)(a+2m+1)),
    /// which removes the cancellation 1 + d_{2m} + d_{2m+1} ≈ 0 that would otherwise amplify the
    /// rounding error of x by a factor of order a + b. Evaluated by the modified Lentz
    /// algorithm; returns 1/(β₀ + …) and whether it converged.
    static func betaContinuedFraction(x: Double, a: Double, b: Double, lambda: Double, maxIterations: Int)
        -> (value: Double, converged: Bool)
    {
        let tiny = 1e-300
        let n = a + b
        let x2 = x * x
        let base = n * (a - 1)
        var f = (1 + lambda) / (a + 1)
        if abs(f) < tiny { f = tiny }
        var c = f
        var d = 0.0
        var m = 1.0
        for _ in 0..<maxIterations {
            let am = a + 2 * m
            let alpha = (a + m - 1) * (n + m - 1) * m * (b - m) * x2 / ((am - 2) * (am - 1) * (am - 1) * am)
            let twoMAM = 2 * m * (a + m)
            let beta = (lambda * (base + twoMAM) + base + twoMAM * (a + 2 * b)) / (n * (am - 1) * (am + 1))
            d = beta + alpha * d
            if abs(d) < tiny { d = tiny }
            d = 1 / d
            c = beta + alpha / c
            if abs(c) < tiny { c = tiny }
            let delta = c * d
            f *= delta
            if abs(delta - 1) <= convergenceTolerance { return (1 / f, true) }
            m += 1
        }
        return (1 / f, false)
    }

    /// Stopping rule of the continued fractions: the last factor is within about one unit in
    /// the last place of 1.
    static let convergenceTolerance = 2.5e-16

    // MARK: - Incomplete gamma

    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a) for a > 0 and
    /// x ≥ 0 (`.nan` otherwise). See ``regularizedGammaQ(a:x:)`` for the method.
    public static func regularizedGammaP(a: Double, x: Double) -> Double {
        guard a > 0, a.isFinite, x >= 0 else { return .nan }
        return incompleteGamma(a: a, x: x).lower
    }

    /// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x)
    /// for a > 0 and x ≥ 0 (`.nan` otherwise).
    ///
    /// For x < a + 1 the power series A&S 6.5.29 gives P; otherwise Legendre's continued fraction
    /// A&S 6.5.31, evaluated by the modified Lentz algorithm, gives Q. The prefactor
    /// x^a e^{−x} / Γ(a+1) is formed in Loader's saddle-point form. Q is computed directly (not as
    /// 1 − P) whenever it is the smaller tail, so tiny upper tails such as 1e−300 keep full
    /// relative accuracy.
    public static func regularizedGammaQ(a: Double, x: Double) -> Double {
        guard a > 0, a.isFinite, x >= 0 else { return .nan }
        return incompleteGamma(a: a, x: x).upper
    }

    /// Both tails of the regularized incomplete gamma function for a > 0 finite, x ≥ 0.
    ///
    /// - Returns: `lower` = P(a, x), `upper` = Q(a, x), and `prefactor` = x^a e^{−x} / Γ(a)
    ///   (so that the density of Gamma(a, 1) at x is `prefactor / x`).
    static func incompleteGamma(a: Double, x: Double) -> (lower: Double, upper: Double, prefactor: Double) {
        if x <= 0 { return (0, 1, 0) }
        if x == .infinity { return (1, 0, 0) }
        // D = x^a e^{−x} / Γ(a+1)
        let dpois = SaddlePointTerms.poissonTerm(k: a, lambda: x)
        let prefactor = a * dpois
        if dpois == 0 {
            return x < a ? (0, 1, 0) : (1, 0, 0)
        }
        if x < a + 1 {
            let lower = min(1, dpois * gammaSeries(a: a, x: x))
            if lower <= complementLimit || x < 0.25 { return (lower, 1 - lower, prefactor) }
            // Only a well below 1 makes P this close to 1 here; get the small Q directly from
            // the fraction if it converges.
            let (cf, ok) = gammaContinuedFraction(a: a, x: x, maxIterations: 100_000)
            if ok {
                let upper = prefactor * cf
                if upper <= 0.5 { return (1 - upper, upper, prefactor) }
            }
            return (lower, 1 - lower, prefactor)
        }
        let (cf, _) = gammaContinuedFraction(a: a, x: x, maxIterations: 50_000 + Int(20 * a.squareRoot()))
        let upper = min(1, prefactor * cf)
        if upper <= 0.5 { return (1 - upper, upper, prefactor) }
        let lower = dpois * gammaSeries(a: a, x: x)
        return lower <= 0.5 ? (lower, 1 - lower, prefactor) : (1 - upper, upper, prefactor)
    }

    /// Σ_{n≥0} x^n / ((a+1)(a+2)…(a+n)), so that P(a, x) = x^a e^{−x} / Γ(a+1) · Σ (A&S 6.5.29).
    private static func gammaSeries(a: Double, x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        var n = a
        for _ in 0..<10_000_000 {
            n += 1
            term *= x / n
            let next = sum + term
            if next == sum { break }
            sum = next
        }
        return sum
    }

    /// Legendre's continued fraction (A&S 6.5.31) in its even form,
    /// Q(a, x) = x^a e^{−x} / Γ(a) · 1/(x+1−a− 1(1−a)/(x+3−a− 2(2−a)/(x+5−a− …))),
    /// evaluated by the modified Lentz algorithm; returns the fraction and whether it converged.
    static func gammaContinuedFraction(a: Double, x: Double, maxIterations: Int) -> (value: Double, converged: Bool) {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = abs(b) < tiny ? 1 / tiny : 1 / b
        var f = d
        var i = 1
        while i <= maxIterations {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            f *= delta
            if abs(delta - 1) <= convergenceTolerance { return (f, true) }
            i += 1
        }
        return (f, false)
    }
}
