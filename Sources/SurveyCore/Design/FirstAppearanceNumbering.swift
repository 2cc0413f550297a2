/// Identifiers `0..<bound` renumbered `0..<count` in order of their first appearance among the
/// respondents, with the first row of each: how a design numbers its strata and units, so that
/// variance sums run over units in the order R meets them.
///
/// Few identifiers (the usual strata and PSUs): two passes split across cores (``RowChunks``):
/// the first row of every identifier in each chunk (the earliest chunk wins when merged), then,
/// unless the identifiers already are in order of appearance, every row's new number. Many
/// identifiers (about one per respondent or more): one pass on one core, as a table per chunk
/// would cost more than the pass. The first pass alone (``numbers(_:bound:)``) serves where
/// only the identifiers' numbers are needed, not every row's.
enum FirstAppearanceNumbering {
    /// Every row's identifier renumbered in order of first appearance.
    /// - Parameters:
    ///   - ids: an identifier in `0..<bound` for every row.
    ///   - bound: more than the largest identifier.
    /// - Returns: the new number of every row, how many identifiers occur, and the first row of
    ///   each in its new order.
    static func renumber(_ ids: [Int32], bound: Int) -> (codes: [Int32], count: Int, firstRow: [Int]) {
        let n = ids.count
        guard RowChunks.ranges(n, accumulatorLength: bound).count > 1 else { return serial(ids, bound: bound) }
        let (number, firstRow) = numbers(ids, bound: bound)
        // Identifiers that already appear in order (as the combinations of nested clusters do)
        // keep their numbers.
        if firstRow.count == bound, number.indices.allSatisfy({ number[$0] == Int32($0) }) {
            return (ids, bound, firstRow)
        }
        // Pass 2: every row's new number.
        let codes: [Int32] = ids.withUnsafeBufferPointer { v in
            number.withUnsafeBufferPointer { number in
                RowChunks.fill(rows: n) { range, out in
                    for i in range { out[i] = number[Int(v[i])] }
                }
            }
        }
        return (codes, firstRow.count, firstRow)
    }

    /// The new number of every identifier (−1 for those that do not occur) and the first row
    /// of each number, without numbering the rows: one pass.
    static func numbers(_ ids: [Int32], bound: Int) -> (numberOfID: [Int32], firstRow: [Int]) {
        let n = ids.count
        let chunks = RowChunks.ranges(n, accumulatorLength: bound)
        if chunks.count == 1 {
            var number = [Int32](repeating: -1, count: bound)
            var first: [Int] = []
            for (i, id) in ids.enumerated() where number[Int(id)] < 0 {
                number[Int(id)] = Int32(first.count)
                first.append(i)
            }
            return (number, first)
        }
        // In every chunk, the first row of each identifier; walking the chunk backwards makes
        // the last write (no branch) the earliest row.
        let partials = ids.withUnsafeBufferPointer { v in
            RowChunks.map(chunks) { range -> [Int] in
                [Int](unsafeUninitializedCapacity: bound) { first, count in
                    first.initialize(repeating: -1)
                    for i in range.reversed() { first[Int(v[i])] = i }
                    count = bound
                }
            }
        }
        let merged = merge(partials, bound: bound)
        return (merged.numberOfID, merged.firstRow)
    }

    /// The chunks' first rows of identifiers `0..<bound` (−1 where absent; entries past `bound`
    /// are ignored) merged, the earliest chunk winning: the number of every identifier in order
    /// of first appearance (−1 for those that do not occur, `bound` slots), the identifiers in
    /// that order, and the first row of each.
    static func merge(_ partials: [[Int]], bound: Int) -> (numberOfID: [Int32], order: [Int], firstRow: [Int]) {
        var first = partials[0]
        for partial in partials.dropFirst() {
            for k in 0..<bound where first[k] < 0 { first[k] = partial[k] }
        }
        let order = (0..<bound).filter { first[$0] >= 0 }.sorted { first[$0] < first[$1] }
        var number = [Int32](repeating: -1, count: bound)
        for (j, id) in order.enumerated() { number[id] = Int32(j) }
        return (number, order, order.map { first[$0] })
    }

    /// The same numbering in one pass over the rows.
    static func serial(_ ids: [Int32], bound: Int) -> (codes: [Int32], count: Int, firstRow: [Int]) {
        var number = [Int32](repeating: -1, count: bound)
        var out = [Int32](repeating: 0, count: ids.count)
        var first: [Int] = []
        for (i, id) in ids.enumerated() {
            if number[Int(id)] < 0 {
                number[Int(id)] = Int32(first.count)
                first.append(i)
            }
            out[i] = number[Int(id)]
        }
        return (out, first.count, first)
    }
}
