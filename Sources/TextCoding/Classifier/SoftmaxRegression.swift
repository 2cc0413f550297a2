import Foundation

/// Multinomial logistic (softmax) regression with an L2 penalty, fitted by L-BFGS.
///
/// For answers `x_i` with codes `y_i` and frequency weights `w_i` (identical answers are
/// merged), it minimises
///
///     f(β, b) = (1/Σw) Σ_i w_i · −log p(y_i | x_i) + (λ/2) Σ_k ‖β_k‖²,
///     p(k | x) = exp(b_k + β_k·x) / Σ_j exp(b_j + β_j·x),
///
/// leaving the intercepts `b_k` unpenalised. The penalty keeps probabilities away from 0 and 1
/// on separable data, as survey answers often are. L-BFGS (Nocedal & Wright 2006, "Numerical
/// Optimization", 2nd ed., Algorithm 7.4, two-loop recursion; memory 8) with a backtracking
/// Armijo line search starts from zero and runs a fixed number of iterations at most, so the
/// same data give the same coefficients bit for bit.
struct SoftmaxRegression: Sendable {
    /// Coefficients: class `k` holds `features + 1` numbers, its intercept last.
    let coefficients: [Double]
    let classes: Int
    let features: Int
    /// Iterations run, and whether the gradient fell below the tolerance before the limit.
    let iterations: Int
    let converged: Bool

    /// The probability of each class for `x`.
    func probabilities(_ x: SparseVector) -> [Double] {
        var scores = [Double](repeating: 0, count: classes)
        for k in 0..<classes { scores[k] = Self.score(coefficients, k * (features + 1), features, x) }
        return Self.softmax(scores)
    }

    /// Fits the model.
    /// - Parameters:
    ///   - rows: the answers' features; `labels` their classes in `0..<classes`; `weights` their frequencies.
    ///   - l2: λ, the penalty per unit of average log-likelihood.
    static func fit(rows: [SparseVector], labels: [Int], weights: [Double], classes: Int, features: Int,
                    l2: Double, maximumIterations: Int) -> SoftmaxRegression {
        let size = classes * (features + 1)
        var x = [Double](repeating: 0, count: size)
        guard classes > 1, !rows.isEmpty else {
            return SoftmaxRegression(coefficients: x, classes: classes, features: features, iterations: 0, converged: true)
        }
        let total = weights.reduce(0, +)
        // The rows as one compressed sparse row matrix, read through unsafe buffers: the
        // gradient is the whole cost of a fit, and this keeps it fast in debug builds too.
        var offsets = [0]
        var columns: [Int] = []
        var entries: [Double] = []
        for row in rows {
            columns += row.indices
            entries += row.values
            offsets.append(columns.count)
        }
        let width = features + 1
        func evaluate(_ x: [Double], _ gradient: inout [Double]) -> Double {
            var loss = 0.0
            var scores = [Double](repeating: 0, count: classes)
            x.withUnsafeBufferPointer { x in
                gradient.withUnsafeMutableBufferPointer { g in
                    columns.withUnsafeBufferPointer { columns in
                        entries.withUnsafeBufferPointer { entries in
                            scores.withUnsafeMutableBufferPointer { p in
                                for i in 0..<size { g[i] = 0 }
                                for i in 0..<rows.count {
                                    let range = offsets[i]..<offsets[i + 1]
                                    var top = -Double.infinity
                                    for k in 0..<classes {
                                        let base = k * width
                                        var s = x[base + features]
                                        for e in range { s += x[base + columns[e]] * entries[e] }
                                        p[k] = s
                                        top = max(top, s)
                                    }
                                    var sum = 0.0
                                    for k in 0..<classes {
                                        p[k] = exp(p[k] - top)
                                        sum += p[k]
                                    }
                                    let w = weights[i] / total
                                    let label = labels[i]
                                    loss -= w * log(max(p[label] / sum, .leastNormalMagnitude))
                                    for k in 0..<classes {
                                        let residual = w * (p[k] / sum - (k == label ? 1 : 0))
                                        let base = k * width
                                        for e in range { g[base + columns[e]] += residual * entries[e] }
                                        g[base + features] += residual
                                    }
                                }
                                for k in 0..<classes {
                                    let base = k * width
                                    for j in base..<(base + features) {
                                        loss += 0.5 * l2 * x[j] * x[j]
                                        g[j] += l2 * x[j]
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return loss
        }

        let memory = 8
        var history: [(s: [Double], y: [Double], rho: Double)] = []
        var gradient = [Double](repeating: 0, count: size)
        var f = evaluate(x, &gradient)
        var iterations = 0
        var converged = false
        var trial = [Double](repeating: 0, count: size)
        var trialGradient = [Double](repeating: 0, count: size)
        while iterations < maximumIterations {
            if gradient.reduce(0, { max($0, abs($1)) }) < 1e-6 {
                converged = true
                break
            }
            iterations += 1
            // Two-loop recursion: direction = −H·g.
            var q = gradient
            var alphas = [Double](repeating: 0, count: history.count)
            for m in stride(from: history.count - 1, through: 0, by: -1) {
                alphas[m] = history[m].rho * dot(history[m].s, q)
                axpy(-alphas[m], history[m].y, &q)
            }
            if let last = history.last {
                let gamma = dot(last.s, last.y) / dot(last.y, last.y)
                scale(&q, by: gamma)
            } else {
                let norm = dot(gradient, gradient).squareRoot()
                scale(&q, by: 1 / max(norm, 1))
            }
            for m in 0..<history.count {
                let beta = history[m].rho * dot(history[m].y, q)
                axpy(alphas[m] - beta, history[m].s, &q)
            }
            var slope = -dot(gradient, q)
            if slope >= 0 {
                // Not a descent direction: restart from steepest descent.
                history.removeAll()
                q = gradient
                slope = -dot(gradient, gradient)
            }
            // Backtracking until the Armijo condition f(x + t·d) ≤ f(x) + 10⁻⁴·t·∇f·d holds.
            var step = 1.0
            var accepted = false
            var trialF = f
            for _ in 0..<40 {
                trial = x
                axpy(-step, q, &trial)
                trialF = evaluate(trial, &trialGradient)
                if trialF <= f + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                step *= 0.5
            }
            guard accepted else {
                converged = true
                break
            }
            var s = trial, y = trialGradient
            axpy(-1, x, &s)
            axpy(-1, gradient, &y)
            let curvature = dot(s, y)
            if curvature > 1e-12 {
                history.append((s: s, y: y, rho: 1 / curvature))
                if history.count > memory { history.removeFirst() }
            }
            let decrease = f - trialF
            swap(&x, &trial)
            swap(&gradient, &trialGradient)
            f = trialF
            if decrease <= 1e-12 * max(1, abs(f)) {
                converged = true
                break
            }
        }
        return SoftmaxRegression(coefficients: x, classes: classes, features: features, iterations: iterations, converged: converged)
    }

    private static func score(_ x: [Double], _ base: Int, _ features: Int, _ row: SparseVector) -> Double {
        var s = x[base + features]
        for (j, v) in zip(row.indices, row.values) { s += x[base + j] * v }
        return s
    }

    /// exp(s_k − max s) normalised: no overflow whatever the scores.
    static func softmax(_ scores: [Double]) -> [Double] {
        let top = scores.max() ?? 0
        let e = scores.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// y += a·x.
    private static func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                for i in 0..<x.count { y[i] += a * x[i] }
            }
        }
    }

    private static func scale(_ x: inout [Double], by a: Double) {
        x.withUnsafeMutableBufferPointer { x in
            for i in 0..<x.count { x[i] *= a }
        }
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var s = 0.0
                for i in 0..<a.count { s += a[i] * b[i] }
                return s
            }
        }
    }
}
