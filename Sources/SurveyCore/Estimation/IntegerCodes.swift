/// Dense category numbers of a numeric column whose values are whole numbers in a narrow range
/// (the usual case: answer codes, strata, PSU numbers), found with an array indexed by value
/// rather than by hashing every respondent's value.
///
/// Three passes over the column, each split across cores (``RowChunks``): the range (that every
/// value is whole, and how many are missing), the offset of every value from the smallest
/// (marking the offsets that occur), and the offsets turned into category numbers.
enum IntegerCodes {
    /// The widest range of values handled by the array (larger ranges hash).
    static let maximumRange = 1 << 20

    /// For every row, the index of its value among the sorted distinct values (−1 for NaN),
    /// those values, and how many rows are NaN; nil when a value is not a whole number or the
    /// range is too wide.
    static func dense(_ values: [Double]) -> (codes: [Int32], distinct: [Double], missing: Int)? {
        let n = values.count
        guard let (lo, width, missing) = range(of: values) else { return nil }
        guard width > 0 else { return ([Int32](repeating: -1, count: n), [], missing) }
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

    /// Pass 1: the smallest value, the width of the range (0 when every value is NaN) and how
    /// many values are NaN; nil when a value is not whole or the range is too wide. Branch-free:
    /// x is whole when rounding it to an integer (adding and taking away 1.5 × 2⁵², exact below
    /// 2⁵¹ in magnitude) leaves it unchanged; NaN is skipped, ±∞ fails the range check.
    private static func range(of values: [Double]) -> (lowest: Int, width: Int, missing: Int)? {
        struct Extent { var lo = Double.infinity, hi = -Double.infinity, whole = true, missing = 0 }
        let extents = values.withUnsafeBufferPointer { v in
            RowChunks.map(RowChunks.ranges(v.count)) { range -> Extent in
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
        guard lowest <= highest else { return (0, 0, missing) }
        guard extents.allSatisfy(\.whole), lowest > -1e15, highest < 1e15, highest - lowest < Double(maximumRange) else {
            return nil
        }
        return (Int(lowest), Int(highest) - Int(lowest) + 1, missing)
    }

    /// For every row, the number of its value in order of first appearance among the rows (−1
    /// for NaN), the distinct values in that order with the first row of each, and how many rows
    /// are NaN; nil when a value is not a whole number or the range is too wide. This is how a
    /// design numbers strata and PSUs (``FirstAppearanceNumbering``), found in three passes
    /// split across cores: the range, the first row of every value in each chunk, the numbers.
    static func inOrderOfAppearance(_ values: [Double]) -> (codes: [Int32], distinct: [Double], firstRow: [Int], missing: Int)? {
        let n = values.count
        guard let (lo, width, missing) = range(of: values) else { return nil }
        guard width > 0 else { return ([Int32](repeating: -1, count: n), [], [], missing) }
        let chunks = RowChunks.ranges(n, accumulatorLength: width)
        if chunks.count == 1 {
            // Many values for the rows (or few rows): number them as they appear, in one pass.
            var number = [Int32](repeating: -1, count: width)
            var distinct: [Double] = [], firstRow: [Int] = []
            let codes = values.withUnsafeBufferPointer { v in
                [Int32](unsafeUninitializedCapacity: n) { out, count in
                    for r in 0..<n {
                        let x = v[r]
                        if x != x { out[r] = -1; continue }
                        let k = Int(x) - lo
                        if number[k] < 0 {
                            number[k] = Int32(firstRow.count)
                            firstRow.append(r)
                            distinct.append(Double(lo + k))
                        }
                        out[r] = number[k]
                    }
                    count = n
                }
            }
            return (codes, distinct, firstRow, missing)
        }
        // Pass 2: the first row of every value in each chunk (its offset from the smallest; NaN
        // in an extra slot); walking the chunk backwards makes the last write the earliest row.
        let partials = values.withUnsafeBufferPointer { v in
            RowChunks.map(chunks) { range -> [Int] in
                [Int](unsafeUninitializedCapacity: width + 1) { first, count in
                    first.initialize(repeating: -1)
                    for r in range.reversed() {
                        let x = v[r]
                        first[x == x ? Int(x) - lo : width] = r
                    }
                    count = width + 1
                }
            }
        }
        let merged = FirstAppearanceNumbering.merge(partials, bound: width)
        // NaN, in the extra slot, keeps −1.
        let number = merged.numberOfID + [-1]
        // Pass 3: every row's number.
        let codes: [Int32] = values.withUnsafeBufferPointer { v in
            number.withUnsafeBufferPointer { number in
                RowChunks.fill(rows: n) { range, out in
                    for r in range {
                        let x = v[r]
                        out[r] = number[x == x ? Int(x) - lo : width]
                    }
                }
            }
        }
        return (codes, merged.order.map { Double(lo + $0) }, merged.firstRow, missing)
    }
}
