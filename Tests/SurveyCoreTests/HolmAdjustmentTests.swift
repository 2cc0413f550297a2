import SurveyCore
import Testing

@Suite("Holm's adjustment of a family of p-values")
struct HolmAdjustmentTests {
    @Test("equals R's p.adjust(c(0.01, 0.04, 0.03, 0.005, NA), 'holm'), in the order given")
    func rExample() {
        // R: 0.03 0.06 0.06 0.02 NA (exact in binary to the last bit for these inputs' products).
        let adjusted = HolmAdjustment.adjust([0.01, 0.04, 0.03, 0.005, nil])
        let expected: [Double?] = [0.03, 0.06, 0.06, 0.02, nil]
        for (a, e) in zip(adjusted, expected) {
            if let e { #expect(a.map { abs($0 - e) <= 1e-15 } == true, "\(String(describing: a)) vs \(e)") } else { #expect(a == nil) }
        }
    }

    @Test("never above one, never below the raw p, monotone in the raw p")
    func bounds() {
        let raw: [Double?] = [0.9, 0.5, 0.001, 0.2, 0.7]
        let adjusted = HolmAdjustment.adjust(raw).map { $0! }
        for (p, q) in zip(raw.map { $0! }, adjusted) { #expect(q >= p && q <= 1) }
        let order = raw.indices.sorted { raw[$0]! < raw[$1]! }
        for (i, j) in zip(order, order.dropFirst()) { #expect(adjusted[i] <= adjusted[j]) }
    }
}
