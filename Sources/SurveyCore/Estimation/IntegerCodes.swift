/// Dense category numbers of a numeric column whose values are whole numbers in a narrow range
/// (the usual case: answer codes, strata, PSU numbers), found with an array indexed by value
/// rather than by hashing every respondent's value.
enum IntegerCodes {
    /// The widest range of values handled by the array (larger ranges hash).
    static let maximumRange = 1 << 20

    /// For every row, the index of its value among the sorted distinct values (−1 for NaN),
    /// and those values; nil when a value is not a whole number or the range is too wide.
    static func dense(_ values: [Double]) -> (codes: [Int32], distinct: [Double])? {
        let n = values.count
        var lo = Int.max, hi = Int.min
        var anyValue = false
        // Pass 1: every value a whole number (truncation then comparison, no libm call), and its range.
        for v in values where !v.isNaN {
            guard v > -1e15, v < 1e15 else { return nil }
            let i = Int(v)
            guard Double(i) == v else { return nil }
            anyValue = true
            if i < lo { lo = i }
            if i > hi { hi = i }
        }
        guard anyValue else { return ([Int32](repeating: -1, count: n), []) }
        guard hi - lo < maximumRange else { return nil }
        let width = hi - lo + 1
        // Pass 2: the offset of every value, marking the offsets that occur.
        var codes = [Int32](repeating: -1, count: n)
        var slot = [Int32](repeating: -1, count: width)
        values.withUnsafeBufferPointer { v in
            codes.withUnsafeMutableBufferPointer { c in
                for r in 0..<n where !v[r].isNaN {
                    let k = Int(v[r]) - lo
                    c[r] = Int32(k)
                    slot[k] = 0
                }
            }
        }
        var distinct: [Double] = []
        for k in 0..<width where slot[k] == 0 {
            slot[k] = Int32(distinct.count)
            distinct.append(Double(lo + k))
        }
        // Pass 3: offsets become category numbers.
        slot.withUnsafeBufferPointer { s in
            codes.withUnsafeMutableBufferPointer { c in
                for r in 0..<n where c[r] >= 0 { c[r] = s[Int(c[r])] }
            }
        }
        return (codes, distinct)
    }
}
