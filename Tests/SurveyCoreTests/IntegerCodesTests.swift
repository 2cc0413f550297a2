@testable import SurveyCore
import Testing

@Suite("Integer codes without hashing")
struct IntegerCodesTests {
    @Test func wholeNumbersMapToSortedCategories() throws {
        let result = try #require(IntegerCodes.dense([98, 1, .nan, 3, 1, -2, 98]))
        #expect(result.distinct == [-2, 1, 3, 98])
        #expect(result.codes == [3, 1, -1, 2, 1, 0, 3])
    }

    @Test func fallsBackWhenNotWholeOrTooWide() {
        #expect(IntegerCodes.dense([1, 2.5]) == nil)
        #expect(IntegerCodes.dense([0, Double(IntegerCodes.maximumRange) * 2]) == nil)
        #expect(IntegerCodes.dense([1, .infinity]) == nil)
        #expect(IntegerCodes.dense([.nan, .nan])?.codes == [-1, -1])
    }

    @Test func inOrderOfAppearanceNumbersValuesAsTheyComeFirst() throws {
        let result = try #require(IntegerCodes.inOrderOfAppearance([98, 1, .nan, 3, 1, -2, 98]))
        #expect(result.codes == [0, 1, -1, 2, 1, 3, 0])
        #expect(result.distinct == [98, 1, 3, -2])
        #expect(result.firstRow == [0, 1, 3, 5])
        #expect(result.missing == 1)
        #expect(IntegerCodes.inOrderOfAppearance([1, 2.5]) == nil)
        #expect(IntegerCodes.inOrderOfAppearance([1, .infinity]) == nil)
        let missing = try #require(IntegerCodes.inOrderOfAppearance([.nan, .nan]))
        #expect(missing.codes == [-1, -1] && missing.distinct.isEmpty && missing.missing == 2)
    }

    @Test func inOrderOfAppearanceIsTheSameInChunks() throws {
        // Few values for the rows (chunks with a table each) and many (one pass).
        for spread in [37, 90_000] {
            let values = (0..<150_000).map { i -> Double in i % 101 == 0 ? .nan : Double((i * 7919) % spread) - 500 }
            let whole = try #require(IntegerCodes.inOrderOfAppearance(values))
            let chunked = try #require(RowChunks.$testChunkRows.withValue(1_000) { IntegerCodes.inOrderOfAppearance(values) })
            #expect(whole.codes == chunked.codes && whole.distinct == chunked.distinct && whole.firstRow == chunked.firstRow)
            let sorted = try #require(IntegerCodes.dense(values))
            #expect(Set(whole.distinct) == Set(sorted.distinct) && whole.missing == sorted.missing)
            for (i, c) in whole.codes.enumerated() {
                #expect(c < 0 ? values[i].isNaN : whole.distinct[Int(c)] == values[i])
                if c >= 0 { #expect(whole.firstRow[Int(c)] <= i) }
            }
            #expect(whole.firstRow == whole.firstRow.sorted())
        }
    }

    @Test func pairIndexNumbersPairsInOrderEitherWay() {
        let first: [Int32] = [2, 0, 2, 1, 0, 2]
        let second: [Int32] = [1, 0, 1, -1, 1, 0]
        let dense = PairIndex(first: first, second: second, firstCount: 3, secondCount: 2)
        #expect(dense.firstOfPair == [0, 0, 2, 2] && dense.secondOfPair == [0, 1, 0, 1])
        #expect(dense.pairOfElement == [3, 0, 3, -1, 1, 2])
    }
}
