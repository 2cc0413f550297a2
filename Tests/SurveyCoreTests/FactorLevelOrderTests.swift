import SurveyCore
import Testing

@Suite("Factor levels in R's order")
struct FactorLevelOrderTests {
    static let levels = ["b", "B", "a", "é", "e", "Ё", "ё", "е", "10", "9", "Zebra", "zebra", "2022-11-04", "2022-03-01", "Ә", "а", "ә", "b"]

    @Test("order(_:) is the order of the pairwise comparison, keys computed once, ties in input order")
    func orderMatchesTheComparison() {
        let order = FactorLevelOrder.order(Self.levels)
        let pairwise = Self.levels.indices.sorted { FactorLevelOrder.areInIncreasingOrder(Self.levels[$0], Self.levels[$1]) }
        #expect(order == pairwise)
        #expect(order.map { Self.levels[$0] } == FactorLevelOrder.sorted(Self.levels))
        // Lower case before upper case, accents after the bare letter, dates as text.
        let sorted = order.map { Self.levels[$0] }
        #expect(sorted.firstIndex(of: "a")! < sorted.firstIndex(of: "b")! && sorted.firstIndex(of: "b")! < sorted.firstIndex(of: "B")!)
        #expect(sorted.firstIndex(of: "e")! < sorted.firstIndex(of: "é")!)
        #expect(sorted.firstIndex(of: "2022-03-01")! < sorted.firstIndex(of: "2022-11-04")!)
        // The two equal "b"s keep their input order.
        #expect(order.filter { Self.levels[$0] == "b" } == [0, 17])
    }
}
