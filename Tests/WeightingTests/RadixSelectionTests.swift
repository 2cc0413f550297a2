import Testing
@testable import Weighting

@Suite("Radix selection")
struct RadixSelectionTests {
    /// Deterministic values in [0, 1).
    static func uniform(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func sortedMedian(_ values: [Double]) -> Double {
        let s = values.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    @Test("every rank of a small set, negatives, zeros and ties included")
    func everyRank() {
        let values: [Double] = [3, -1, 0, 2.5, -7.25, 3, 1e-300, -0.5, 1e300, 2.5, 3, 0.1]
        let sorted = values.sorted()
        for rank in values.indices {
            #expect(RadixSelection.select(rank: rank, in: values) == sorted[rank])
        }
    }

    @Test("the median is the sorted one, odd and even counts, spread or tied", arguments: [1, 2, 3, 10, 4_097, 10_000, 100_001])
    func medianMatchesSorting(count: Int) {
        let spread = Self.uniform(count, seed: UInt64(count)).map { 0.5 + 100 * $0 * $0 }
        #expect(RadixSelection.median(spread) == Self.sortedMedian(spread))
        // Few distinct values: buckets far above the gathering limit, middle values equal.
        let tied = spread.map { ($0 / 20).rounded() }
        #expect(RadixSelection.median(tied) == Self.sortedMedian(tied))
        // Values a few units in the last place apart: every pass is needed.
        let close = Self.uniform(count, seed: 7).map { 1.0 + Double(Int($0 * 9_000)) * Double.ulpOfOne }
        #expect(RadixSelection.median(close) == Self.sortedMedian(close))
    }

    @Test("no values have no median")
    func empty() {
        #expect(RadixSelection.median([]).isNaN)
    }
}
