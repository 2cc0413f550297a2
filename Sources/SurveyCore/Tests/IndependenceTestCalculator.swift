/// Tests of independence in a two-way table of a complex sample, as R's `svychisq()`.
///
/// With cell proportions p̂ (r × c cells, row index fastest), their design covariance V, n
/// respondents and design df ν:
/// - Pearson X² = n Σ (p̂_ij − p̂_i· p̂_·j)² / (p̂_i· p̂_·j).
/// - Rao & Scott (1984, *Ann. Statist.* 12): with C a basis of the interaction contrasts
///   (orthogonal to rows and columns), D = diag(p̂), Δ = (Cᵀ D⁻¹ C / n)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C).
///   Second order (`f`): F = X² / tr Δ on d = (tr Δ)² / tr Δ² and dν degrees of freedom.
///   First order (`chisq`): X² / mean eigenvalue of Δ on (r − 1)(c − 1) df, χ².
/// - Wald (Koch, Freeman & Freeman 1975): Y_ij = N̂_ij − N̂_i· N̂_·j / N̂ for i, j ≥ 2 with
///   its linearized covariance; W = Yᵀ V_Y⁻¹ Y. `wald`: W/d on (d, ν); `adjwald`:
///   W (ν − d + 1)/(d ν) on (d, ν − d + 1).
struct IndependenceTestCalculator {
    let rowCount: Int
    let columnCount: Int

    var cells: Int { rowCount * columnCount }
    var interactionDegrees: Int { (rowCount - 1) * (columnCount - 1) }

    /// Rao–Scott tests from cell proportions and their covariance (cells × cells).
    func raoScott(proportions p: [Double], covariance v: DenseMatrix, respondents n: Double, degreesOfFreedom nu: Double,
                  test: IndependenceTest) -> TestResult {
        let r = rowCount, c = columnCount
        var rowShare = [Double](repeating: 0, count: r), colShare = [Double](repeating: 0, count: c)
        for j in 0..<c { for i in 0..<r { rowShare[i] += p[i + r * j]; colShare[j] += p[i + r * j] } }
        var x2 = 0.0
        for j in 0..<c {
            for i in 0..<r {
                let e = rowShare[i] * colShare[j]
                let dev = p[i + r * j] - e
                x2 += dev * dev / e
            }
        }
        x2 *= n
        // Interaction contrasts: indicator of cell (a, b), a, b ≥ 2, less its row and column
        // means plus the grand mean — the residual of the saturated model's interaction columns
        // on the additive model, as R's qr.resid(qr(X1), X12[, interactions]).
        var contrast = DenseMatrix(rows: cells, columns: interactionDegrees)
        var col = 0
        for b in 1..<c {
            for a in 1..<r {
                for j in 0..<c {
                    for i in 0..<r {
                        var value = (i == a && j == b ? 1.0 : 0.0)
                        value -= (i == a ? 1.0 / Double(c) : 0)
                        value -= (j == b ? 1.0 / Double(r) : 0)
                        value += 1.0 / Double(r * c)
                        contrast[i + r * j, col] = value
                    }
                }
                col += 1
            }
        }
        let inverse = DenseMatrix.diagonal(p.map { $0 == 0 ? 0 : 1 / $0 })
        let ct = contrast.transposed
        var denominator = ct * inverse * contrast
        denominator.values = denominator.values.map { $0 / n }
        let numerator = ct * inverse * v * inverse * contrast
        let name = test == .chisq ? "rao-scott-chisq" : "rao-scott-f"
        guard x2.isFinite, let delta = DenseMatrix.solve(denominator, numerator) else {
            return TestResult(name: name, statistic: nil, df: [], pValue: nil)
        }
        let trace = delta.trace
        let trace2 = (delta * delta).trace
        if test == .chisq {
            // R prints Pearson's X² and refers X² / mean eigenvalue (first-order correction) to χ²(k).
            let k = Double(interactionDegrees)
            let corrected = x2 / (trace / k)
            var result = TestResult(name: name, statistic: x2, df: [k],
                                    pValue: ChiSquaredDistribution.survival(corrected, degreesOfFreedom: k))
            result.correctedStatistic = corrected
            return result
        }
        let d = trace * trace / trace2
        let f = x2 / trace
        return TestResult(name: name, statistic: f, df: [d, d * nu],
                          pValue: FDistribution.survival(f, numeratorDegreesOfFreedom: d, denominatorDegreesOfFreedom: d * nu))
    }

    /// Wald tests from the interaction residuals Y (cells with row and column ≥ 2, row index
    /// fastest) and their covariance.
    func wald(residuals y: [Double], covariance v: DenseMatrix, degreesOfFreedom nu: Double, adjusted: Bool) -> TestResult {
        let name = adjusted ? "adjusted-wald" : "wald"
        let d = Double(interactionDegrees)
        guard let solved = DenseMatrix.solve(v, DenseMatrix(rows: y.count, columns: 1, values: y)) else {
            return TestResult(name: name, statistic: nil, df: [], pValue: nil)
        }
        let w = zip(y, solved.values).reduce(0) { $0 + $1.0 * $1.1 }
        let statistic = adjusted ? w * (nu - d + 1) / (d * nu) : w / d
        let df2 = adjusted ? nu - d + 1 : nu
        return TestResult(name: name, statistic: statistic, df: [d, df2],
                          pValue: FDistribution.survival(statistic, numeratorDegreesOfFreedom: d, denominatorDegreesOfFreedom: df2))
    }
}
