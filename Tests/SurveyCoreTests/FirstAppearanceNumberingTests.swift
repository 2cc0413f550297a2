@testable import SurveyCore
import Testing

@Suite("Identifiers numbered in order of appearance")
struct FirstAppearanceNumberingTests {
    /// Identifiers of 150,000 rows scattered over 0..<bound, some never used.
    func scattered(bound: Int) -> [Int32] {
        (0..<150_000).map { Int32(($0 * 7919 + $0 / 13) % bound) / 2 * 2 }
    }

    @Test func chunkedNumberingEqualsOnePass() {
        for bound in [1, 2, 97, 1_000, 40_000] {
            let ids = scattered(bound: bound)
            let serial = FirstAppearanceNumbering.serial(ids, bound: bound)
            for chunkRows in [1_000, 7_001, 150_000] {
                let chunked = RowChunks.$testChunkRows.withValue(chunkRows) {
                    FirstAppearanceNumbering.renumber(ids, bound: bound)
                }
                #expect(chunked.codes == serial.codes)
                #expect(chunked.count == serial.count && chunked.firstRow == serial.firstRow)
                let numbers = RowChunks.$testChunkRows.withValue(chunkRows) {
                    FirstAppearanceNumbering.numbers(ids, bound: bound)
                }
                #expect(numbers.firstRow == serial.firstRow)
                #expect(ids.indices.allSatisfy { numbers.numberOfID[Int(ids[$0])] == serial.codes[$0] })
            }
        }
    }

    @Test func numbersFollowFirstAppearance() {
        let ids: [Int32] = [5, 2, 5, 0, 2, 7]
        let result = RowChunks.$testChunkRows.withValue(2) { FirstAppearanceNumbering.renumber(ids, bound: 8) }
        #expect(result.codes == [0, 1, 0, 2, 1, 3])
        #expect(result.count == 4 && result.firstRow == [0, 1, 3, 5])
        let numbers = RowChunks.$testChunkRows.withValue(2) { FirstAppearanceNumbering.numbers(ids, bound: 8) }
        #expect(numbers.numberOfID == [2, -1, 1, -1, -1, 0, -1, 3])
    }

    @Test func identifiersAlreadyInOrderKeepTheirNumbers() {
        let ids: [Int32] = (0..<10_000).map { Int32($0 / 100) }
        let result = RowChunks.$testChunkRows.withValue(1_000) { FirstAppearanceNumbering.renumber(ids, bound: 100) }
        #expect(result.codes == ids && result.count == 100)
        #expect(result.firstRow == (0..<100).map { $0 * 100 })
    }
}
