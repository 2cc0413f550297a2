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
    ///
    /// The three are random-access collections read by respondent (`term.a[i]`;
    /// `Array(term.a)` copies them out). They are usually stored as given, but a raking term
    /// derives them from what the raking keeps anyway (``Columns``, ``Values``), so that a
    /// raked design does not hold three more numbers per respondent and margin.
    public struct Term: Sendable {
        public let column: Columns
        public let a: Values
        public let b: Values

        /// A term with every value stored as given.
        public init(column: [Int32], a: [Double], b: [Double]) {
            self.column = Columns(column)
            self.a = Values(a)
            self.b = Values(b)
        }

        /// A term from derived parts, as raking makes (``Columns/init(levels:offset:)``,
        /// ``Values/init(base:factors:)``, ``Values/reciprocals``).
        package init(column: Columns, a: Values, b: Values) {
            self.column = column
            self.a = a
            self.b = b
        }

        /// The column of every respondent: a level number plus the offset of its block of
        /// columns, or −1 (outside every column).
        public struct Columns: RandomAccessCollection, Sendable {
            /// Level of every respondent (−1 for none).
            let levels: [Int32]
            /// Added to every level that is not −1.
            let offset: Int32

            /// The columns as given.
            public init(_ columns: [Int32]) {
                levels = columns
                offset = 0
            }

            /// Column `levels[i] + offset` for every respondent, sharing `levels` (the level
            /// numbers of a margin, whose columns start at `offset`).
            package init(levels: [Int32], offset: Int32) {
                self.levels = levels
                self.offset = offset
            }

            public var startIndex: Int { 0 }
            public var endIndex: Int { levels.count }

            /// The column of respondent `position`.
            public subscript(position: Int) -> Int32 {
                let level = levels[position]
                return level < 0 ? level : level &+ offset
            }
        }

        /// A value of every respondent: stored, or base_i × Π_j multipliers_j[levels_j(i)]
        /// computed when read (left to right, so exactly the product an iterative procedure
        /// formed), or the reciprocal of either.
        public struct Values: RandomAccessCollection, Sendable {
            /// The stored values, or the base of the product.
            let base: [Double]
            /// Level of every respondent, per factor of the product.
            let levels: [[Int32]]
            /// Multiplier of every level, per factor of the product.
            let multipliers: [[Double]]
            /// Whether the value read is 1 / the product.
            let reciprocal: Bool

            /// The values as given.
            public init(_ values: [Double]) {
                base = values
                levels = []
                multipliers = []
                reciprocal = false
            }

            /// base_i × multipliers₁[levels₁(i)] × multipliers₂[levels₂(i)] × …, multiplied in
            /// that order, for every respondent i; `base` and the levels are shared, not copied.
            package init(base: [Double], factors: [(levels: [Int32], multipliers: [Double])]) {
                precondition(factors.allSatisfy { factor in
                    factor.levels.count == base.count && factor.levels.allSatisfy { $0 >= 0 && Int($0) < factor.multipliers.count }
                }, "every factor needs a level per respondent, and a multiplier per level")
                self.base = base
                levels = factors.map(\.levels)
                multipliers = factors.map(\.multipliers)
                reciprocal = false
            }

            private init(base: [Double], levels: [[Int32]], multipliers: [[Double]], reciprocal: Bool) {
                self.base = base
                self.levels = levels
                self.multipliers = multipliers
                self.reciprocal = reciprocal
            }

            /// 1 / every value, computed when read rather than stored.
            package var reciprocals: Values {
                Values(base: base, levels: levels, multipliers: multipliers, reciprocal: !reciprocal)
            }

            public var startIndex: Int { 0 }
            public var endIndex: Int { base.count }

            /// The value of respondent `position`.
            public subscript(position: Int) -> Double {
                var value = base[position]
                // Unchecked: every factor has a level per respondent and a multiplier per level.
                levels.withUnsafeBufferPointer { levels in
                    multipliers.withUnsafeBufferPointer { multipliers in
                        for j in 0..<levels.count {
                            let level = levels[j].withUnsafeBufferPointer { $0[position] }
                            value *= multipliers[j].withUnsafeBufferPointer { $0[Int(level)] }
                        }
                    }
                }
                return reciprocal ? 1 / value : value
            }

            /// `body(i, value of respondent i)` for every respondent in order: the same numbers
            /// as the subscript (the same products, multiplied left to right), formed a block
            /// of respondents at a time, one factor after another.
            func forEach(_ body: (Int, Double) -> Void) {
                let blockSize = 4096
                var block = [Double](repeating: 0, count: blockSize)
                base.withUnsafeBufferPointer { base in
                    block.withUnsafeMutableBufferPointer { block in
                        for start in stride(from: 0, to: base.count, by: blockSize) {
                            let rows = start..<Swift.min(start + blockSize, base.count)
                            for i in rows { block[i - start] = base[i] }
                            for (levels, multipliers) in zip(levels, multipliers) {
                                levels.withUnsafeBufferPointer { levels in
                                    multipliers.withUnsafeBufferPointer { multipliers in
                                        for i in rows { block[i - start] *= multipliers[Int(levels[i])] }
                                    }
                                }
                            }
                            for i in rows { body(i, reciprocal ? 1 / block[i - start] : block[i - start]) }
                        }
                    }
                }
            }
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

    /// Σ over the respondents of each unit of a_ik: `units × K`, row-major, every sum taking
    /// its terms in the order of the respondents.
    func unitTotalsOfA(unitOfRow: [Int32], unitCount: Int) -> [Double] {
        let k = columnCount
        var out = [Double](repeating: 0, count: unitCount * k)
        for term in terms {
            term.a.forEach { i, a in
                let c = Int(term.column[i])
                if c < 0 { return }
                out[Int(unitOfRow[i]) * k + c] += a
            }
        }
        return out
    }
}
