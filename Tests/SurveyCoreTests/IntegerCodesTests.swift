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

    @Test func pairIndexNumbersPairsInOrderEitherWay() {
        let first: [Int32] = [2, 0, 2, 1, 0, 2]
        let second: [Int32] = [1, 0, 1, -1, 1, 0]
        let dense = PairIndex(first: first, second: second, firstCount: 3, secondCount: 2)
        #expect(dense.firstOfPair == [0, 0, 2, 2] && dense.secondOfPair == [0, 1, 0, 1])
        #expect(dense.pairOfElement == [3, 0, 3, -1, 1, 2])
    }
}
