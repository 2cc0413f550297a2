/// Fleiss' kappa, the agreement beyond chance of several coders who each code every unit with
/// one of K nominal codes (Fleiss 1971), for N units with n codes each:
///
///     p_j = Σ_i n_ij / (N n),   P_i = (Σ_j n_ij² − n) / (n (n − 1))
///     κ = (P̄ − P̄_e) / (1 − P̄_e),   P̄ = Σ_i P_i / N,   P̄_e = Σ_j p_j²
///
/// It needs the same number of codes in every unit; with missing codes use
/// ``KrippendorffAlpha``.
public struct FleissKappa: Sendable, Equatable {
    /// κ; nil when the units have different numbers of codes, fewer than two codes each, or
    /// every code is the same.
    public let kappa: Double?
    /// P̄, the mean agreement within units.
    public let observedAgreement: Double?

    /// κ of `units`: one array per unit with each coder's code.
    public init(_ units: [[Double?]]) {
        let coded = units.map { $0.compactMap { $0 } }
        guard let n = coded.first?.count, n >= 2, coded.allSatisfy({ $0.count == n }) else {
            (kappa, observedAgreement) = (nil, nil)
            return
        }
        let total = Double(coded.count * n)
        var shares: [Double: Double] = [:]
        var agreement = 0.0
        for unit in coded {
            var counts: [Double: Int] = [:]
            for x in unit { counts[x, default: 0] += 1 }
            agreement += Double(counts.values.reduce(0) { $0 + $1 * $1 } - n) / Double(n * (n - 1))
            for (x, c) in counts { shares[x, default: 0] += Double(c) / total }
        }
        let observed = agreement / Double(coded.count)
        // Summed in the order of the codes: a dictionary's order changes from one instance to
        // the next, and with it the last bits of the sum, so the same codes would not always
        // give the same κ to the bit.
        let chance = shares.keys.sorted().reduce(0) { $0 + shares[$1]! * shares[$1]! }
        observedAgreement = observed
        // Chance agreement is 1 exactly when one code was used; its sum of shares may fall a
        // rounding short of 1, so the count of codes decides.
        kappa = shares.count < 2 || chance >= 1 ? nil : (observed - chance) / (1 - chance)
    }
}
