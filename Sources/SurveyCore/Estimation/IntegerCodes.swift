/// Dense category numbers of a numeric column whose values are whole numbers in a narrow range
/// (the usual case: answer codes, strata, PSU numbers), found with an array indexed by value
/// rather than by hashing every respondent's value.
enum IntegerCodes {
    /// The widest range of values handled by the array (larger ranges hash).
    static let maximumRange = 1 << 20

    /// For every row, the index of its value among the sorted distinct values (−1 for NaN),
    /// and those values; nil when a value is not a whole number or the range is too wide.
    static func dense(_ values: [Double]) -> (codes: [Int32], distinct: [Double])? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where !v.isNaN {
            guard v == v.rounded(), abs(v) < 1e15 else { return nil }
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        guard lo <= hi else { return ([Int32](repeating: -1, count: values.count), []) }
        guard hi - lo < Double(maximumRange) else { return nil }
        let base = Int(lo)
        let width = Int(hi) - base + 1
        var present = [Bool](repeating: false, count: width)
        for v in values where !v.isNaN { present[Int(v) - base] = true }
        var slot = [Int32](repeating: -1, count: width)
        var distinct: [Double] = []
        for k in 0..<width where present[k] {
            slot[k] = Int32(distinct.count)
            distinct.append(Double(base + k))
        }
        let codes = values.map { v -> Int32 in v.isNaN ? -1 : slot[Int(v) - base] }
        return (codes, distinct)
    }
}
