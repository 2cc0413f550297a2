@testable import SurveyCore
import Testing

@Suite("Passes split across cores")
struct RowChunksTests {
    @Test func chunksCoverTheRowsInOrderAndDependOnTheRowsOnly() {
        for n in [0, 1, 65_535, 65_536, 200_000, 1_000_003] {
            let chunks = RowChunks.ranges(n)
            #expect(chunks.first?.lowerBound == 0)
            #expect(chunks.last?.upperBound == n)
            #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(chunks.count <= RowChunks.maximumChunks)
        }
        #expect(RowChunks.ranges(1_000_000).count == RowChunks.maximumChunks)
        // A large accumulator makes fewer chunks: copying it must not cost more than the pass.
        #expect(RowChunks.ranges(1_000_000, accumulatorLength: 200_000).count == 2)
        #expect(RowChunks.ranges(1_000_000, accumulatorLength: 2_000_000).count == 1)
    }

    @Test func chunkedSumsMarksAndFillsEqualOnePass() {
        let n = 300_001
        let values = (0..<n).map { Double(($0 * 7919) % 1_000) / 7 }
        let groups = (0..<n).map { ($0 * 31) % 97 }
        var serial = [Double](repeating: 0, count: 97)
        for i in 0..<n { serial[groups[i]] += values[i] }
        let chunked = RowChunks.sums(rows: n, length: 97) { range, sums in
            for i in range { sums[groups[i]] += values[i] }
        }
        #expect(RowChunks.ranges(n, accumulatorLength: 97).count > 1)
        for g in 0..<97 { #expect(abs(chunked[g] - serial[g]) <= 1e-9 * abs(serial[g])) }

        let marks = RowChunks.marks(rows: n, length: 200) { range, mark in
            for i in range where groups[i] % 2 == 0 { mark[groups[i]] = 1 }
        }
        #expect(marks.indices.allSatisfy { marks[$0] == ($0 < 97 && $0 % 2 == 0 ? 1 : 0) })

        let doubled: [Int32] = RowChunks.fill(rows: n) { range, out in
            for i in range { out[i] = Int32(groups[i] * 2) }
        }
        #expect(doubled == groups.map { Int32($0 * 2) })
    }

    @Test func integerCodesAreTheSameInChunks() throws {
        var values: [Double] = []
        for i in 0..<150_000 {
            let code = (i * 13) % 7 * 3 - 5
            values.append(i % 11 == 0 ? .nan : Double(code))
        }
        let whole = try #require(IntegerCodes.dense(values))
        let chunked = try #require(RowChunks.$testChunkRows.withValue(1_000) { IntegerCodes.dense(values) })
        #expect(whole.distinct == [-5, -2, 1, 4, 7, 10, 13])
        #expect(whole.codes == chunked.codes && whole.distinct == chunked.distinct)
        for (i, c) in whole.codes.enumerated() {
            let expected: Int32 = values[i].isNaN ? -1 : Int32(whole.distinct.firstIndex(of: values[i]) ?? -2)
            #expect(c == expected)
        }
    }
}
