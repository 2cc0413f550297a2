/// What a calibration of the weights — post-stratification, raking, or calibration to
/// totals — does to the variance of every estimate made afterwards.
///
/// Calibrated estimators are asymptotically equivalent to regression (GREG) estimators, whose
/// variance is that of the residuals of the linearized values on the calibration variables
/// (Deville & Särndal 1992, *JASA* 87; Särndal, Swensson & Wretman 1992, §6.6; Lumley 2010,
/// *Complex Surveys*, §7.2–7.4). A calibration therefore replaces each respondent's linearized
/// value x_i, before the values are summed by sampling unit, with
///
///     x_i − Σ_k a_ik β_k,    β = M Σ_j b_j x_j,
///
/// where the K columns are the calibration variables (indicators of margin levels,
/// post-strata, numeric totals). Every term of a respondent names one column and its a and b
/// values. R's `svyrecvar()` does exactly this:
///
/// - calibration (`calibrate()`, `greg_calibration`): a_i = w_i r_i, b_i = r_i / g_i and
///   M = (Σ d_i r_i r_iᵀ)⁻, with r_i the model-matrix row, d_i the weight before and w_i = g_i d_i
///   the weight after calibration;
/// - post-stratification: a_i = w_i, b_i = d_i / w_i for the respondent's post-stratum, and
///   M = diag(1 / Σ d_i) over post-strata;
/// - raking (`rake()`): R sweeps ten times over the margins, each sweep subtracting the
///   post-stratification residual of one margin; the sweeps compose to one matrix M over all
///   margin levels, with a_i = w_i^(m) and b_i = 1 / w_i^(m), the weights after margin m.
public struct CalibrationAdjustment: Sendable {
    /// One term of every respondent: the column it falls in (−1 for none) and its a and b values.
    public struct Term: Sendable {
        public let column: [Int32]
        public let a: [Double]
        public let b: [Double]

        public init(column: [Int32], a: [Double], b: [Double]) {
            self.column = column
            self.a = a
            self.b = b
        }
    }

    /// Number of calibration columns K.
    public let columnCount: Int
    /// Terms of every respondent.
    public let terms: [Term]
    /// M, K × K, row-major.
    public let solution: [Double]
    /// What was done, for the design summary ("raked to 4 margins").
    public let description: String

    public init(columnCount: Int, terms: [Term], solution: [Double], description: String) {
        precondition(solution.count == columnCount * columnCount, "M must be K × K")
        self.columnCount = columnCount
        self.terms = terms
        self.solution = solution
        self.description = description
    }

    /// β = M s for one vector s of K sums.
    func apply(_ s: ArraySlice<Double>) -> [Double] {
        let k = columnCount
        var out = [Double](repeating: 0, count: k)
        let base = s.startIndex
        for r in 0..<k {
            var acc = 0.0
            for c in 0..<k { acc += solution[r * k + c] * s[base + c] }
            out[r] = acc
        }
        return out
    }

    /// Σ over the respondents of each unit of a_ik: `units × K`, row-major.
    func unitTotalsOfA(unitOfRow: [Int32], unitCount: Int) -> [Double] {
        let k = columnCount
        var out = [Double](repeating: 0, count: unitCount * k)
        for term in terms {
            for i in 0..<unitOfRow.count {
                let c = Int(term.column[i])
                if c < 0 { continue }
                out[Int(unitOfRow[i]) * k + c] += term.a[i]
            }
        }
        return out
    }
}
