/// Order statistics of many numbers without sorting or copying them: a radix selection on the
/// bits of the numbers, 16 at a time. Each pass counts, among the numbers that share the bits
/// found so far, how many have each value of the next 16 bits, and keeps the bucket that holds
/// the wanted rank; once a bucket is small its numbers are gathered and sorted. At most four
/// passes, with one array of 65,536 counts, whatever the number of values — where sorting a
/// copy would hold the numbers twice more (the copy and a merge buffer).
enum RadixSelection {
    /// Buckets at or below this size are gathered and sorted.
    static let gatherLimit = 4096

    /// The median (the mean of the middle two for an even count, as `sorted()` and taking the
    /// middle would give); NaN when there are no values. The values must not be NaN.
    static func median(_ values: [Double]) -> Double {
        let n = values.count
        guard n > 0 else { return .nan }
        let lower = select(rank: (n - 1) / 2, in: values)
        if n % 2 == 1 { return lower }
        // The next value up: the same value when more than n/2 values are at most it.
        var atMost = 0
        var above = Double.infinity
        for v in values {
            if v <= lower { atMost += 1 } else if v < above { above = v }
        }
        let upper = atMost > n / 2 ? lower : above
        return (lower + upper) / 2
    }

    /// The value of 0-based `rank` in increasing order.
    static func select(rank: Int, in values: [Double]) -> Double {
        precondition(rank >= 0 && rank < values.count, "rank out of range")
        var prefix: UInt64 = 0
        var remaining = rank
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(48 - 16 * pass)
            // Bits above `shift + 16` are fixed to those of `prefix`.
            let fixed: UInt64 = pass == 0 ? 0 : ~((1 << (shift + 16)) - 1)
            for b in counts.indices { counts[b] = 0 }
            for v in values {
                let key = orderKey(v)
                if key & fixed == prefix { counts[Int((key >> shift) & 0xFFFF)] += 1 }
            }
            var bucket = 0
            while remaining >= counts[bucket] {
                remaining -= counts[bucket]
                bucket += 1
            }
            prefix |= UInt64(bucket) << shift
            if counts[bucket] <= gatherLimit || pass == 3 {
                let mask: UInt64 = ~((1 << shift) - 1)
                var gathered: [Double] = []
                gathered.reserveCapacity(counts[bucket])
                for v in values where orderKey(v) & mask == prefix { gathered.append(v) }
                gathered.sort()
                return gathered[remaining]
            }
        }
        preconditionFailure("four passes fix all 64 bits")
    }

    /// The bits of `v` as an unsigned number in the order of the values: negative numbers
    /// have every bit flipped, others the sign bit set.
    @inline(__always)
    static func orderKey(_ v: Double) -> UInt64 {
        let bits = v.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }
}
