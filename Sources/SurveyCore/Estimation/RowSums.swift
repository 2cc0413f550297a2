/// One respondent's contribution to the sums of a cell: 1, w, then wy (and wx), or w per
/// category then 1 per category — times a factor (1 for sampling units, b_ik for calibration
/// columns).
struct RowSums {
    enum Kind { case single, pair, categorical }
    let kind: Kind
    let weights: [Double]
    let y: [Double]
    let x: [Double]
    let categoryOfRow: [Int32]
    let categories: Int

    init(input: LinearizedEstimator.Input, weights: [Double], categories: Int) {
        self.weights = weights
        self.categories = categories
        switch input {
        case .mean(let v), .total(let v):
            (kind, y, x, categoryOfRow) = (.single, v, [], [])
        case .ratio(let v, let u):
            (kind, y, x, categoryOfRow) = (.pair, v, u, [])
        case .proportion(let index):
            (kind, y, x, categoryOfRow) = (.categorical, [], [], index.categoryOfRow)
        }
    }

    /// The columns as buffers, for the passes over respondents.
    struct Values {
        let kind: Kind
        let weights: UnsafeBufferPointer<Double>
        let y: UnsafeBufferPointer<Double>
        let x: UnsafeBufferPointer<Double>
        let categoryOfRow: UnsafeBufferPointer<Int32>
        let categories: Int

        /// Adds respondent `i` times `m` to the sums at `sums`; false (and nothing added) when
        /// `i` is missing.
        @inline(__always)
        func add(_ i: Int, times m: Double, to sums: UnsafeMutablePointer<Double>) -> Bool {
            let wm = weights[i] * m
            switch kind {
            case .single:
                let v = y[i]
                if v.isNaN { return false }
                sums[0] += m
                sums[1] += wm
                sums[2] += wm * v
            case .pair:
                let v = y[i], u = x[i]
                if v.isNaN || u.isNaN { return false }
                sums[0] += m
                sums[1] += wm
                sums[2] += wm * v
                sums[3] += wm * u
            case .categorical:
                let k = Int(categoryOfRow[i])
                if k < 0 { return false }
                sums[0] += m
                sums[1] += wm
                sums[2 + k] += wm
                sums[2 + categories + k] += m
            }
            return true
        }
    }

    /// `body` with the columns as buffers (valid only inside it).
    func withValues<R>(_ body: (Values) -> R) -> R {
        weights.withUnsafeBufferPointer { w in
            y.withUnsafeBufferPointer { y in
                x.withUnsafeBufferPointer { x in
                    categoryOfRow.withUnsafeBufferPointer { c in
                        body(Values(kind: kind, weights: w, y: y, x: x, categoryOfRow: c, categories: categories))
                    }
                }
            }
        }
    }
}
