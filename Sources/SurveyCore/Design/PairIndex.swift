/// Dense numbering of the distinct pairs (a, b) that occur among elements, without hashing:
/// a table of all combinations when there are at most ``denseLimit`` of them and not many more
/// than elements, else a counting sort on `a`, then a stamp array on `b` within each `a`.
///
/// Used to give every (sampling unit, domain) combination that holds respondents its own
/// accumulator, so that estimation in any number of domains is one pass over the data.
/// Cost: O(m + aCount + bCount) time and memory for m elements.
struct PairIndex: Sendable {
    /// The pair of every element, or -1 where `b` was negative (element in no domain).
    let pairOfElement: [Int32]
    let firstOfPair: [Int32]
    let secondOfPair: [Int32]
    var count: Int { firstOfPair.count }

    /// Pair tables up to this many (first, second) combinations are indexed directly.
    static let denseLimit = 1 << 22

    init(first: [Int32], second: [Int32], firstCount: Int, secondCount: Int) {
        let m = first.count
        // The table pays for all combinations; a few elements in a large table sort instead.
        if firstCount * secondCount <= min(Self.denseLimit, max(4 * m, 1 << 12)) {
            // One pass marking the combinations that occur, then numbering them in (a, b) order,
            // then one pass giving every element its number (both passes split across cores).
            let width = secondCount
            let length = max(firstCount * width, 1)
            let occurs = first.withUnsafeBufferPointer { a in
                second.withUnsafeBufferPointer { b in
                    RowChunks.marks(rows: m, length: length) { range, mark in
                        for i in range where b[i] >= 0 { mark[Int(a[i]) * width + Int(b[i])] = 1 }
                    }
                }
            }
            var slot = [Int32](repeating: -1, count: length)
            var firsts: [Int32] = []
            var seconds: [Int32] = []
            for a in 0..<firstCount {
                for b in 0..<width where occurs[a * width + b] != 0 {
                    slot[a * width + b] = Int32(firsts.count)
                    firsts.append(Int32(a))
                    seconds.append(Int32(b))
                }
            }
            pairOfElement = first.withUnsafeBufferPointer { a in
                second.withUnsafeBufferPointer { b in
                    slot.withUnsafeBufferPointer { slot in
                        RowChunks.fill(rows: m) { range, out in
                            for i in range { out[i] = b[i] >= 0 ? slot[Int(a[i]) * width + Int(b[i])] : -1 }
                        }
                    }
                }
            }
            firstOfPair = firsts
            secondOfPair = seconds
            return
        }
        // Counting sort of elements by `first`.
        var start = [Int](repeating: 0, count: firstCount + 1)
        for i in 0..<m where second[i] >= 0 { start[Int(first[i]) + 1] += 1 }
        for a in 0..<firstCount { start[a + 1] += start[a] }
        var order = [Int32](repeating: 0, count: start[firstCount])
        var fill = start
        for i in 0..<m where second[i] >= 0 {
            let a = Int(first[i])
            order[fill[a]] = Int32(i)
            fill[a] += 1
        }
        var stamp = [Int32](repeating: -1, count: secondCount)
        var pairForSecond = [Int32](repeating: 0, count: secondCount)
        var pairOf = [Int32](repeating: -1, count: m)
        var firsts: [Int32] = []
        var seconds: [Int32] = []
        for a in 0..<firstCount {
            for k in start[a]..<start[a + 1] {
                let i = Int(order[k])
                let b = Int(second[i])
                if stamp[b] != Int32(a) {
                    stamp[b] = Int32(a)
                    pairForSecond[b] = Int32(firsts.count)
                    firsts.append(Int32(a))
                    seconds.append(Int32(b))
                }
                pairOf[i] = pairForSecond[b]
            }
        }
        pairOfElement = pairOf
        firstOfPair = firsts
        secondOfPair = seconds
    }
}
