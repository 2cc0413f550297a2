/// Dense category numbers of a numeric column whose values are whole numbers in a narrow range
/// (the usual case: answer codes, strata, PSU numbers), found with an array indexed by value
/// rather than by hashing every respondent's value.
///
/// Three passes over the column, each split across cores (``RowChunks``): the range (and that
/// every value is whole, and how many are missing), the offset of every value from the smallest (marking the offsets
/// that occur), and the offsets turned into category numbers.
enum IntegerCodes {
    /// The widest range of values handled by the array (larger ranges hash).
    static let maximumRange = 1 << 20

    /// For every row, the index of its value among the sorted distinct values (−1 for NaN),
    /// those values, and how many rows are NaN; nil when a value is not a whole number or the
    /// range is too wide.
    static func dense(_ values: [Double]) -> (codes: [Int32], distinct: [Double], missing: Int)? {
        let n = values.count
        struct Extent { var lo = Double.infinity, hi = -Double.infinity, whole = true, missing = 0 }
        // Pass 1: the range, and whether every value is whole — branch-free: x is whole when
        // rounding it to an integer (adding and taking away 1.5 × 2⁵², exact below 2⁵¹ in
        // magnitude) leaves it unchanged; NaN is skipped, ±∞ fails the range check below.
        let extents = values.withUnsafeBufferPointer { v in
            RowChunks.map(RowChunks.ranges(n)) { range -> Extent in
                var lo = Double.infinity, hi = -Double.infinity
                var fractional = 0, missing = 0
                let magic = 6_755_399_441_055_744.0
                for r in range {
                    let x = v[r]
                    lo = x < lo ? x : lo
                    hi = x > hi ? x : hi
                    let rounded = (x + magic) - magic
                    fractional |= rounded != x && x == x ? 1 : 0
                    missing += x != x ? 1 : 0
                }
                return Extent(lo: lo, hi: hi, whole: fractional == 0, missing: missing)
            }
        }
        let lowest = extents.map(\.lo).min() ?? .infinity, highest = extents.map(\.hi).max() ?? -.infinity
        let missing = extents.reduce(0) { $0 + $1.missing }
        guard lowest <= highest else { return ([Int32](repeating: -1, count: n), [], missing) }
        guard extents.allSatisfy(\.whole), lowest > -1e15, highest < 1e15, highest - lowest < Double(maximumRange) else {
            return nil
        }
        let lo = Int(lowest), hi = Int(highest)
        let width = hi - lo + 1
        // Pass 2: the offset of every value (−1 for NaN), marking the offsets that occur.
        var seen: [UInt8] = []
        var codes = [Int32](unsafeUninitializedCapacity: n) { out, count in
            let codes = out
            seen = values.withUnsafeBufferPointer { v in
                RowChunks.marks(rows: n, length: width) { range, mark in
                    for r in range {
                        let x = v[r]
                        if x.isNaN {
                            codes[r] = -1
                        } else {
                            let k = Int(x) - lo
                            codes[r] = Int32(truncatingIfNeeded: k)
                            mark[k] = 1
                        }
                    }
                }
            }
            count = n
        }
        var slot = [Int32](repeating: -1, count: width)
        var distinct: [Double] = []
        for k in 0..<width where seen[k] != 0 {
            slot[k] = Int32(distinct.count)
            distinct.append(Double(lo + k))
        }
        // Pass 3: offsets become category numbers (they are already when every value in the
        // range occurs, as with codes 1…k).
        if distinct.count == width { return (codes, distinct, missing) }
        slot.withUnsafeBufferPointer { s in
            codes.withUnsafeMutableBufferPointer { c in
                _ = RowChunks.map(RowChunks.ranges(n)) { range in
                    for r in range where c[r] >= 0 { c[r] = s[Int(c[r])] }
                }
            }
        }
        return (codes, distinct, missing)
    }
}
