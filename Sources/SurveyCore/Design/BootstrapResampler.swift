/// The draws of a design bootstrap as R's `bootweights()` (survey 4.1.1) makes them: in every
/// stratum, as many PSUs as it has are drawn, and a PSU's replicate weight factor is the number of
/// times it was drawn (Canty & Davison 1999; Lumley 2010, §2.3.3).
///
/// - Without a finite population correction the n_h PSUs are drawn with replacement (R's
///   `sample(upsu, n, replace = TRUE)`).
/// - With population size N_h the n_h PSUs are drawn without replacement from a pseudo-population
///   of ⌊N_h⌋ units made of the PSUs repeated in a shuffled order (R's
///   `sample(rep(sample(upsu), length = N), n)`): the first ⌊N_h⌋ mod n_h PSUs of the shuffle
///   have one copy more, and the shuffle is drawn once per stratum, as in R.
///
/// Draws come from ``SplitMix64``, never from the platform, so a seed repeats exactly on every
/// machine; they are not R's draws (R's generator is not reproduced), only R's algorithm.
struct BootstrapResampler {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// Times each of `units` PSUs of one stratum is drawn in each of `replicates` replicates,
    /// `[unit · replicates + r]`; the counts of every replicate sum to `units`.
    /// - Parameter population: the stratum's population size N (`.infinity` without an fpc),
    ///   at least `units`.
    mutating func counts(units n: Int, population: Double, replicates: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: n * replicates)
        guard population.isFinite else {
            for r in 0..<replicates {
                for _ in 0..<n { counts[uniform(below: n) * replicates + r] += 1 }
            }
            return counts
        }
        // Shuffled order of the PSUs (Fisher–Yates): pseudo-population unit t is PSU order[t mod n].
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, uniform(below: i + 1)) }
        let size = Int(population.rounded(.down))
        var chosen = Set<Int>(minimumCapacity: n)
        for r in 0..<replicates {
            // Floyd's algorithm: n distinct units of 0..<size, each set equally likely.
            chosen.removeAll(keepingCapacity: true)
            for j in (size - n)..<size {
                let t = uniform(below: j + 1)
                let unit = chosen.insert(t).inserted ? t : j
                if unit == j { chosen.insert(j) }
                counts[order[unit % n] * replicates + r] += 1
            }
        }
        return counts
    }

    /// A uniform integer in 0..<n, without bias: Lemire's multiply-and-reject (Lemire 2019, "Fast
    /// random integer generation in an interval", *ACM TOMACS* 29(1)).
    private mutating func uniform(below n: Int) -> Int {
        let bound = UInt64(n)
        var product = generator.next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = generator.next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }
}
