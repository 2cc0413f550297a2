#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Inversion of the incomplete beta and gamma functions by a safeguarded Newton iteration.
///
/// The iteration works on the logarithm of whichever tail is the smaller one at the target
/// (ln F(x) − ln p, or ln q − ln(1 − F(x))) as a function of ln x, so that targets down to the
/// smallest subnormal keep full relative accuracy and the lower power-law tail F ≈ c·x^a is
/// solved almost exactly in one step. Every evaluation narrows a bracket around the root; a
/// Newton step that would leave the bracket is replaced by a bisection (geometric while the
/// bracket spans more than a factor of two), which guarantees convergence (the "rtsafe" idea of
/// W. H. Press et al., *Numerical Recipes*, §9.4, combining Newton–Raphson with bisection).
///
/// Starting values: A&S 26.5.22 (beta, both shapes ≥ 1), the leading power-law tail terms
/// (beta with a shape below 1, gamma for small x) and the Wilson–Hilferty cube-root
/// transformation A&S 26.4.17 (gamma).
enum QuantileSolver {

    /// An evaluation of a distribution function at x: both tails and x·f(x) (the derivative of
    /// the lower tail with respect to ln x).
    struct Evaluation {
        var lower: Double
        var upper: Double
        var xDensity: Double
    }

    /// The root x in (0, upperBound] of F(x) = p (with 1 − p = q, whichever of the two is given
    /// more accurately by the caller; the smaller one is used as the target).
    ///
    /// - Precondition: F is increasing, F(0+) = 0, F(upperBound) ≥ p, 0 < p, q.
    static func solve(
        p: Double, q: Double, guess: Double, upperBound: Double,
        evaluate: (Double) -> Evaluation
    ) -> Double {
        let useLower = p <= q
        let logTarget = log(useLower ? p : q)
        var lo = 0.0
        var hi = upperBound
        var x = guess
        if !(x > lo && x < hi) || !x.isFinite {
            x = hi.isFinite ? hi / 2 : 1
        }
        var previousStep = Double.infinity
        var previousAbsG = Double.infinity
        var slowSteps = 0
        for _ in 0..<500 {
            let e = evaluate(x)
            let g: Double
            let slope: Double  // dg / d ln x
            if useLower {
                g = log(e.lower) - logTarget
                slope = e.xDensity / e.lower
            } else {
                g = logTarget - log(e.upper)
                slope = e.xDensity / e.upper
            }
            if g == 0 || g.isNaN { return x }
            // The root lies below the smallest subnormal: it rounds to 0.
            if g > 0 && x <= Double.leastNonzeroMagnitude { return 0 }
            if g < 0 { lo = x } else { hi = x }
            if lo > 0 && hi.isFinite && hi - lo <= 2 * Double.ulpOfOne * hi { return x }

            slowSteps = abs(g) > 0.5 * previousAbsG ? slowSteps + 1 : 0
            previousAbsG = abs(g)

            let step = -g / slope  // Newton step in ln x
            var next = x * exp(step)
            let newtonUsable = step.isFinite && next > lo && next < hi && next.isFinite && slowSteps < 3
            if newtonUsable {
                if abs(step) <= 1e-15 { return next }
                // Stalled at the noise level of the function evaluation: accept.
                if abs(step) < 1e-12 && abs(step) >= 0.5 * abs(previousStep) { return next }
                previousStep = step
            } else {
                next = bisect(lo, hi)
                previousStep = .infinity
                slowSteps = 0
            }
            if next == x { return x }
            x = next
        }
        return x
    }

    /// The midpoint of (lo, hi): arithmetic when hi ≤ 2 lo, geometric otherwise (with 0 and
    /// +infinity read as the ends of the floating-point range).
    private static func bisect(_ lo: Double, _ hi: Double) -> Double {
        if lo > 0 && hi <= 2 * lo { return lo + (hi - lo) / 2 }
        let logLo = lo > 0 ? log(lo) : log(Double.leastNonzeroMagnitude)
        let logHi = hi.isFinite ? log(hi) : log(Double.greatestFiniteMagnitude)
        return exp(logLo + (logHi - logLo) / 2)
    }

    // MARK: - Gamma

    /// The x with P(a, x) = p for the regularized incomplete gamma function, given p and its
    /// complement q = 1 − p (pass both accurately; the smaller one is the one used).
    static func gammaQuantile(a: Double, p: Double, q: Double) -> Double {
        if p <= 0 { return 0 }
        if q <= 0 { return .infinity }
        // Wilson–Hilferty (A&S 26.4.17) for the chi-square variable 2X with ν = 2a degrees.
        let z = p <= q ? NormalDistribution.quantile(p) : -NormalDistribution.quantile(q)
        let c = 1 / (9 * a)
        let base = 1 - c + z * c.squareRoot()
        var guess = base > 0 ? a * base * base * base : 0
        if p <= q {
            // P(a, x) ≤ x^a / Γ(a+1), so (p Γ(a+1))^{1/a} is a lower bound of the root.
            let small = exp((log(p) + SpecialFunctions.logGamma1p(a)) / a)
            guess = max(guess, small)
        }
        if !(guess > 0) || !guess.isFinite { guess = a }
        return solve(p: p, q: q, guess: guess, upperBound: .infinity) { x in
            let t = SpecialFunctions.incompleteGamma(a: a, x: x)
            return Evaluation(lower: t.lower, upper: t.upper, xDensity: t.prefactor)
        }
    }

    // MARK: - Beta

    /// The x with I_x(a, b) = p, returned together with y = 1 − x (each with full relative
    /// accuracy, which matters when x is close to 1), given p and q = 1 − p.
    static func betaQuantile(a: Double, b: Double, p: Double, q: Double) -> (x: Double, y: Double) {
        if p <= 0 { return (0, 1) }
        if q <= 0 { return (1, 0) }
        // Solve on the side where the root is at most ½, so that the unknown is a small number.
        let half = SpecialFunctions.incompleteBeta(x: 0.5, y: 0.5, a: a, b: b)
        let rootBelowHalf = p <= q ? half.lower >= p : half.upper <= q
        if rootBelowHalf {
            let x = solveBelowHalf(a: a, b: b, p: p, q: q)
            return (x, 1 - x)
        } else {
            let y = solveBelowHalf(a: b, b: a, p: q, q: p)
            return (1 - y, y)
        }
    }

    /// The root of I_x(a, b) = p known to lie in (0, ½].
    private static func solveBelowHalf(a: Double, b: Double, p: Double, q: Double) -> Double {
        let guess = betaGuess(a: a, b: b, p: p, q: q)
        return solve(p: p, q: q, guess: min(guess, 0.5), upperBound: 0.5) { x in
            let y = 1 - x
            let t = SpecialFunctions.incompleteBeta(x: x, y: y, a: a, b: b)
            return Evaluation(lower: t.lower, upper: t.upper, xDensity: t.prefactor / y)
        }
    }

    /// A starting value for I_x(a, b) = p.
    private static func betaGuess(a: Double, b: Double, p: Double, q: Double) -> Double {
        if a >= 1 && b >= 1 {
            // A&S 26.5.22 with y_p the upper normal deviate of p.
            let yp = p <= q ? -NormalDistribution.quantile(p) : NormalDistribution.quantile(q)
            let lambda = (yp * yp - 3) / 6
            let ia = 1 / (2 * a - 1)
            let ib = 1 / (2 * b - 1)
            let h = 2 / (ia + ib)
            let w = yp * (h + lambda).squareRoot() / h - (ib - ia) * (lambda + 5.0 / 6 - 2 / (3 * h))
            let x = a / (a + b * exp(2 * w))
            if x > 0 && x < 1 { return x }
        }
        // Leading tail terms: I_x ≈ x^a / (a B(a, b)) near 0, 1 − I_x ≈ (1−x)^b / (b B(a, b)).
        let logBeta = SpecialFunctions.logBeta(a, b)
        let lowerGuess = exp((log(p) + log(a) + logBeta) / a)
        if lowerGuess < 0.5 { return lowerGuess }
        return 1 - exp((log(q) + log(b) + logBeta) / b)
    }
}
