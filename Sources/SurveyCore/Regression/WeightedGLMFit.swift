import Foundation

/// A generalized linear model fitted by iteratively reweighted least squares with prior
/// weights, step for step as R's `glm.fit` (McCullagh & Nelder 1989, §2.5): from R's starting
/// means (or given coefficients), each step solves by QR the least squares of the working
/// response z = η + (y − μ)/μ′(η) on X with working weights w μ′(η)²/V(μ), until the deviance
/// changes by less than a relative 1e-8 (R's `glm.control()` default).
///
/// Like R, the working weights and (Xᵀ W X)⁻¹ kept are those of the last step (from the means
/// before it), and the working residuals those of the final means, which is what `svyglm`'s
/// sandwich variance reads (`svy.varcoef`).
///
/// It is a function of the weight vector, so that the full sample and every replicate of a
/// replicate-weight design (R `svyglm.svyrep.design`, started at the full-sample coefficients)
/// are the same fit with other weights.
struct WeightedGLMFit: Sendable {
    let coefficients: [Double]
    /// The fitted means μ.
    let mean: [Double]
    /// (y − μ)/μ′(η) at the final means (R `resid(fit, "working")`).
    let workingResiduals: [Double]
    /// w μ′(η)²/V(μ) of the last step (R `fit$weights`).
    let workingWeights: [Double]
    /// (Xᵀ W X)⁻¹ of the last step (R `summary.glm()$cov.unscaled`), p × p, row-major.
    let inverseInformation: [Double]
    let converged: Bool
    let iterations: Int

    /// Why a fit failed, for the caller to word.
    enum Failure: Error {
        /// Column `column` is a linear combination of the columns before it.
        case aliased(column: Int)
        /// The deviance or the coefficients became undefined.
        case diverged
    }

    /// - Parameters:
    ///   - x: the model matrix, `n × p`, row-major.
    ///   - weights: prior weights, one per row; a zero weight leaves the row out.
    ///   - start: starting coefficients, or nil for R's starting means (`family$initialize`).
    static func fit(x: [Double], columns p: Int, y: [Double], weights: [Double], family: RegressionFamily,
                    start: [Double]? = nil, maximumIterations: Int = 25) -> Result<WeightedGLMFit, Failure> {
        let n = y.count
        var eta = [Double](repeating: 0, count: n)
        if let start {
            for i in 0..<n { var e = 0.0; for k in 0..<p { e += x[i * p + k] * start[k] }; eta[i] = e }
        } else {
            for i in 0..<n { eta[i] = family.link(family.initialMean(y[i], weight: weights[i])) }
        }
        var mu = eta.map(family.mean)
        var devianceBefore = Self.deviance(y, mu, weights, family)
        var beta = start ?? [Double](repeating: 0, count: p)
        var lastWeights = [Double](repeating: 0, count: n)
        var inverse: [Double] = []
        var converged = false
        var iteration = 0
        while iteration < maximumIterations {
            iteration += 1
            // Rows with a positive weight and a non-zero derivative (R's `good`).
            var good: [Int] = []
            good.reserveCapacity(n)
            var sqrtW: [Double] = []
            var z: [Double] = []
            var stepWeights = [Double](repeating: 0, count: n)
            for i in 0..<n where weights[i] > 0 {
                let d = family.derivative(eta[i])
                guard d != 0 else { continue }
                let w = weights[i] * d * d / family.variance(mu[i])
                good.append(i)
                stepWeights[i] = w
                sqrtW.append(w.squareRoot())
                z.append(eta[i] + (y[i] - mu[i]) / d)
            }
            var a = [Double](repeating: 0, count: good.count * p)
            for (r, i) in good.enumerated() {
                for k in 0..<p { a[r * p + k] = x[i * p + k] * sqrtW[r] }
                z[r] *= sqrtW[r]
            }
            let qr = HouseholderQR(a, rows: good.count, columns: p)
            if let aliased = qr.aliasedColumn { return .failure(.aliased(column: aliased)) }
            let next = qr.solve(z)
            guard next.allSatisfy(\.isFinite) else { return .failure(.diverged) }
            for i in 0..<n { var e = 0.0; for k in 0..<p { e += x[i * p + k] * next[k] }; eta[i] = e }
            mu = eta.map(family.mean)
            let devianceAfter = Self.deviance(y, mu, weights, family)
            guard devianceAfter.isFinite else { return .failure(.diverged) }
            beta = next
            lastWeights = stepWeights
            inverse = qr.inverseOfGram()
            if abs(devianceAfter - devianceBefore) / (abs(devianceAfter) + 0.1) < 1e-8 { converged = true; break }
            devianceBefore = devianceAfter
        }
        let residuals = (0..<n).map { (y[$0] - mu[$0]) / family.derivative(eta[$0]) }
        return .success(WeightedGLMFit(coefficients: beta, mean: mu, workingResiduals: residuals, workingWeights: lastWeights,
                                       inverseInformation: inverse, converged: converged, iterations: iteration))
    }

    /// Σ w d(y, μ), R's `sum(family$dev.resids(y, mu, weights))`.
    static func deviance(_ y: [Double], _ mu: [Double], _ w: [Double], _ family: RegressionFamily) -> Double {
        var d = 0.0
        for i in y.indices where w[i] > 0 { d += w[i] * family.deviance(y[i], mu[i]) }
        return d
    }
}

/// The QR factorization of an `n × p` matrix by Householder reflections (Golub & Van Loan
/// 2013, §5.2), without pivoting: a column whose norm after the reflections of the columns
/// before it falls below 1e-7 of its own norm is dependent on them (the rank test of R's
/// LINPACK `dqrdc2`).
struct HouseholderQR {
    let rows: Int
    let columns: Int
    /// R (upper triangle) and the reflectors below it, row-major.
    private var packed: [Double]
    private var diagonal: [Double]
    private var beta: [Double]
    /// The first column found dependent on the earlier ones.
    private(set) var aliasedColumn: Int?

    init(_ a: [Double], rows n: Int, columns p: Int) {
        rows = n
        columns = p
        packed = a
        diagonal = [Double](repeating: 0, count: p)
        beta = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var original = 0.0
            for i in 0..<n { original += a[i * p + j] * a[i * p + j] }
            var norm = 0.0
            for i in j..<n { norm += packed[i * p + j] * packed[i * p + j] }
            norm = norm.squareRoot()
            if j >= n || !(norm > 1e-7 * original.squareRoot()) {
                aliasedColumn = j
                return
            }
            let x0 = packed[j * p + j]
            let alpha = x0 > 0 ? -norm : norm
            // v = x − αe₁, stored in place; β = 2/(vᵀv).
            packed[j * p + j] = x0 - alpha
            var vv = 0.0
            for i in j..<n { vv += packed[i * p + j] * packed[i * p + j] }
            let b = 2 / vv
            beta[j] = b
            diagonal[j] = alpha
            for c in (j + 1)..<max(p, j + 1) {
                var s = 0.0
                for i in j..<n { s += packed[i * p + j] * packed[i * p + c] }
                s *= b
                for i in j..<n { packed[i * p + c] -= s * packed[i * p + j] }
            }
        }
    }

    /// The least-squares solution of A b ≈ z.
    func solve(_ z: [Double]) -> [Double] {
        let n = rows, p = columns
        var y = z
        for j in 0..<p {
            var s = 0.0
            for i in j..<n { s += packed[i * p + j] * y[i] }
            s *= beta[j]
            for i in j..<n { y[i] -= s * packed[i * p + j] }
        }
        var b = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<max(p, i + 1) { s -= r(i, k) * b[k] }
            b[i] = s / diagonal[i]
        }
        return b
    }

    private func r(_ i: Int, _ k: Int) -> Double { i == k ? diagonal[i] : packed[i * columns + k] }

    /// (AᵀA)⁻¹ = R⁻¹R⁻ᵀ, row-major.
    func inverseOfGram() -> [Double] {
        let p = columns
        // R⁻¹, upper triangular.
        var rinv = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            rinv[j * p + j] = 1 / diagonal[j]
            for i in stride(from: j - 1, through: 0, by: -1) {
                var s = 0.0
                for k in (i + 1)...j { s += r(i, k) * rinv[k * p + j] }
                rinv[i * p + j] = -s / diagonal[i]
            }
        }
        var out = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in i..<p {
                var s = 0.0
                for k in j..<p { s += rinv[i * p + k] * rinv[j * p + k] }
                out[i * p + j] = s
                out[j * p + i] = s
            }
        }
        return out
    }
}
