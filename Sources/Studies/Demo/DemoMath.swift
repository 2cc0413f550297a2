/// The few transcendental functions the demo study needs, written with `+ − × ÷` only so that
/// they give the same bits on every platform (the system math libraries differ in the last
/// place, which could flip a simulated answer between machines). Accuracy is ample for
/// simulation: a few units in the last place for `exp` and `log`, about 1e-7 for Φ.
enum DemoMath {
    private static let ln2Hi = 6.93147180369123816490e-01
    private static let ln2Lo = 1.90821492927058770002e-10
    private static let ln2 = 0.6931471805599453

    /// eˣ: x = k ln 2 + r with |r| ≤ ln 2 / 2, eʳ by its Taylor polynomial of degree 13
    /// (truncation below 1e-17), times 2ᵏ.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let k = (x / ln2).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        var p: Double = 1.6059043836821614599e-10  // 1/13!
        p = 2.0876756987868098979e-09 + r * p
        p = 2.5052108385441718775e-08 + r * p
        p = 2.7557319223985890653e-07 + r * p
        p = 2.7557319223985890653e-06 + r * p
        p = 2.4801587301587301587e-05 + r * p
        p = 1.9841269841269841270e-04 + r * p
        p = 1.3888888888888888889e-03 + r * p
        p = 8.3333333333333333333e-03 + r * p
        p = 4.1666666666666666667e-02 + r * p
        p = 1.6666666666666666667e-01 + r * p
        p = 0.5 + r * p
        p = 1 + r * p
        p = 1 + r * p
        return scale(p, Int(k))
    }

    /// ln x for x > 0: x = m 2ᵉ with m in [√½, √2), ln m = 2 atanh(f), f = (m − 1)/(m + 1),
    /// by its series to f²³ (|f| < 0.172, truncation below 1e-19).
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of \(x)")
        var e = Int(x.exponent)
        var m = x.significand  // [1, 2)
        if m > 1.4142135623730951 {
            m /= 2
            e += 1
        }
        let f = (m - 1) / (m + 1)
        let f2 = f * f
        var s: Double = 1.0 / 23
        s = 1.0 / 21 + f2 * s
        s = 1.0 / 19 + f2 * s
        s = 1.0 / 17 + f2 * s
        s = 1.0 / 15 + f2 * s
        s = 1.0 / 13 + f2 * s
        s = 1.0 / 11 + f2 * s
        s = 1.0 / 9 + f2 * s
        s = 1.0 / 7 + f2 * s
        s = 1.0 / 5 + f2 * s
        s = 1.0 / 3 + f2 * s
        s = 1 + f2 * s
        return Double(e) * ln2Hi + (2 * f * s + Double(e) * ln2Lo)
    }

    /// x · 2ᵏ for |k| ≤ 1100, exact while the result is normal.
    private static func scale(_ x: Double, _ k: Int) -> Double {
        if k > 1000 { return x * 0x1p1000 * Double(sign: .plus, exponent: k - 1000, significand: 1) }
        if k < -1000 { return x * 0x1p-1000 * Double(sign: .plus, exponent: k + 1000, significand: 1) }
        return x * Double(sign: .plus, exponent: k, significand: 1)
    }

    /// The standard normal distribution function Φ, from the complementary error function of
    /// Press et al., *Numerical Recipes* §6.2 (Chebyshev fit, relative error below 1.2e-7).
    static func normalCDF(_ x: Double) -> Double {
        let z = abs(x) / 1.4142135623730951
        let t = 1 / (1 + 0.5 * z)
        var p = 0.17087277
        p = -0.82215223 + t * p
        p = 1.48851587 + t * p
        p = -1.13520398 + t * p
        p = 0.27886807 + t * p
        p = -0.18628806 + t * p
        p = 0.09678418 + t * p
        p = 0.37409196 + t * p
        p = 1.00002368 + t * p
        let erfc = t * exp(-z * z - 1.26551223 + t * p)
        return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc
    }

    /// The standard normal density φ.
    static func normalDensity(_ x: Double) -> Double { 0.3989422804014327 * exp(-0.5 * x * x) }

    /// The logistic function 1 / (1 + e⁻ˣ).
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
