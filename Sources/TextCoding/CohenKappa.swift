/// Cohen's kappa, the agreement of two coders beyond chance (Cohen 1960), and its weighted form
/// for ordered codes (Cohen 1968), on the units both coded:
///
///     κ = (p_o − p_e) / (1 − p_e),   p_o = Σ_ij w_ij p_ij,   p_e = Σ_ij w_ij p_i· p_·j
///
/// with p_ij the share of units coded i by the first coder and j by the second, and agreement
/// weights w_ij = 1 when i = j else 0 (unweighted), 1 − |i − j|/(K − 1) (linear) or
/// 1 − (i − j)²/(K − 1)² (quadratic), i and j the positions of the codes among the K codes
/// either coder used, in order (as statsmodels' `cohens_kappa` does).
public struct CohenKappa: Sendable, Equatable {
    /// How disagreements count.
    public enum Weights: String, Sendable, CaseIterable, Codable {
        case unweighted, linear, quadratic
    }

    /// κ; nil when no unit was coded by both, or chance agreement is perfect (both coders
    /// used one and the same code).
    public let kappa: Double?
    /// The weighted share of agreement p_o (the percent agreement when unweighted).
    public let observedAgreement: Double?
    /// The units both coders coded.
    public let units: Int

    /// κ of two coders: `pairs` holds each unit's two codes (nil where a coder did not code it).
    public init(_ pairs: [(Double?, Double?)], weights: Weights = .unweighted) {
        let both = pairs.compactMap { p -> (Double, Double)? in
            guard let a = p.0, let b = p.1 else { return nil }
            return (a, b)
        }
        units = both.count
        let codes = Array(Set(both.flatMap { [$0.0, $0.1] })).sorted()
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let k = codes.count
        guard units > 0 else {
            (kappa, observedAgreement) = (nil, nil)
            return
        }
        var table = [Double](repeating: 0, count: k * k)
        for (a, b) in both { table[index[a]! * k + index[b]!] += 1 / Double(units) }
        var rows = [Double](repeating: 0, count: k), columns = [Double](repeating: 0, count: k)
        for i in 0..<k { for j in 0..<k { rows[i] += table[i * k + j]; columns[j] += table[i * k + j] } }
        func weight(_ i: Int, _ j: Int) -> Double {
            if i == j { return 1 }
            switch weights {
            case .unweighted: return 0
            case .linear: return 1 - Double(abs(i - j)) / Double(k - 1)
            case .quadratic: return 1 - Double((i - j) * (i - j)) / Double((k - 1) * (k - 1))
            }
        }
        var observed = 0.0, chance = 0.0
        for i in 0..<k {
            for j in 0..<k {
                observed += weight(i, j) * table[i * k + j]
                chance += weight(i, j) * rows[i] * columns[j]
            }
        }
        observedAgreement = observed
        // Chance agreement is 1 exactly when both coders used one and the same code; the sum of
        // shares of 1/units may then fall a rounding short of 1, so the count of codes decides.
        kappa = k < 2 || chance >= 1 ? nil : (observed - chance) / (1 - chance)
    }
}
