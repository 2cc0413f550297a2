/// Krippendorff's alpha, the agreement of any number of coders on the same units beyond what
/// chance would give, with missing codes and for each level of measurement (Krippendorff 2011,
/// "Computing Krippendorff's Alpha-Reliability", Annenberg School for Communication; Hayes &
/// Krippendorff 2007, Communication Methods and Measures 1(1)).
///
/// With the values coded in units with at least two codes (the pairable values), the
/// coincidence matrix counts every ordered pair of values within a unit, each unit weighted by
/// 1/(m_u − 1) for its m_u codes:
///
///     o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1),   n_c = Σ_k o_ck,   n = Σ_c n_c
///     α = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
///
/// with δ² the ``ReliabilityMetric``. α is 1 for perfect agreement, 0 for agreement at chance.
public struct KrippendorffAlpha: Sendable, Equatable {
    /// α; nil when it is undefined: fewer than two pairable values, or every pairable value
    /// the same (no expected disagreement).
    public let alpha: Double?
    /// The number of pairable values n (codes in units coded at least twice).
    public let pairableValues: Int
    /// The units coded at least twice.
    public let pairableUnits: Int
    /// The share of agreeing pairs among all pairs of codes within units (no chance correction).
    public let percentAgreement: Double?

    /// α of `units`: one array per unit with each coder's code, nil where a coder did not code it.
    public init(_ units: [[Double?]], metric: ReliabilityMetric) {
        let coded = units.map { $0.compactMap { $0 } }.filter { $0.count >= 2 }
        let values = Array(Set(coded.joined())).sorted()
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        let v = values.count
        var o = [Double](repeating: 0, count: v * v)
        var agreeing = 0.0, pairs = 0.0
        for unit in coded {
            var counts = [Int: Int]()
            for x in unit { counts[index[x]!, default: 0] += 1 }
            let m = Double(unit.count)
            for (c, nc) in counts {
                for (k, nk) in counts {
                    o[c * v + k] += Double(nc) * Double(nk - (c == k ? 1 : 0)) / (m - 1)
                }
                agreeing += Double(nc * (nc - 1))
            }
            pairs += m * (m - 1)
        }
        var marginal = [Double](repeating: 0, count: v)
        for c in 0..<v { for k in 0..<v { marginal[c] += o[c * v + k] } }
        let n = marginal.reduce(0, +)
        pairableValues = Int(n.rounded())
        pairableUnits = coded.count
        percentAgreement = pairs > 0 ? agreeing / pairs : nil
        func delta(_ c: Int, _ k: Int) -> Double {
            switch metric {
            case .nominal:
                return c == k ? 0 : 1
            case .interval:
                return (values[c] - values[k]) * (values[c] - values[k])
            case .ratio:
                let sum = values[c] + values[k]
                return sum == 0 ? 0 : ((values[c] - values[k]) / sum) * ((values[c] - values[k]) / sum)
            case .ordinal:
                let (low, high) = (min(c, k), max(c, k))
                var between = 0.0
                for g in low...high { between += marginal[g] }
                let d = between - (marginal[c] + marginal[k]) / 2
                return d * d
            }
        }
        var observed = 0.0, expected = 0.0
        for c in 0..<v {
            for k in 0..<v where c != k {
                let d = delta(c, k)
                observed += o[c * v + k] * d
                expected += marginal[c] * marginal[k] * d
            }
        }
        alpha = n < 2 || expected == 0 ? nil : 1 - (n - 1) * observed / expected
    }
}
