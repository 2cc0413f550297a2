/// Holm's step-down adjustment of a family of p-values (Holm 1979, "A simple sequentially
/// rejective multiple test procedure", *Scand. J. Statist.* 6:65–70; R `p.adjust(method =
/// "holm")`): with the m p-values in increasing order p₍₁₎ ≤ … ≤ p₍ₘ₎,
///
///     p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) p₍ⱼ₎),
///
/// which controls the family-wise error rate under any dependence between the tests. Missing
/// p-values (nil) are left out of the family and stay nil, as R's `n = length(p[!is.na(p)])`.
public enum HolmAdjustment {
    /// The adjusted p-values, in the order given.
    public static func adjust(_ pValues: [Double?]) -> [Double?] {
        let present = pValues.indices.filter { pValues[$0] != nil }.sorted { pValues[$0]! < pValues[$1]! }
        let m = Double(present.count)
        var adjusted = [Double?](repeating: nil, count: pValues.count)
        var running = 0.0
        for (j, i) in present.enumerated() {
            running = max(running, min(1, (m - Double(j)) * pValues[i]!))
            adjusted[i] = running
        }
        return adjusted
    }
}
