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
    /// PSUs of the current stratum.
    private var units = 0
    /// Its pseudo-population ⌊N⌋, nil without an fpc.
    private var size: Int?
    /// Its PSUs in shuffled order: pseudo-population unit t is PSU `order[t mod n]`.
    private var order: [Int] = []
    /// Pseudo-population units drawn in the current replicate: a bit per unit when there are at
    /// most ``bitsetLimit``, else a set.
    private var drawnBits: [UInt64] = []
    private var drawnUnits: [Int] = []
    private var drawnSet = Set<Int>()
    private static let bitsetLimit = 1 << 27

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// Starts a stratum of `units` PSUs and population size `population` (`.infinity` without
    /// an fpc; at least `units`): with an fpc, shuffles the PSUs once, as R's `bootstratum`.
    mutating func beginStratum(units n: Int, population: Double) {
        units = n
        guard population.isFinite else {
            size = nil
            return
        }
        let size = Int(population.rounded(.down))
        self.size = size
        order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, uniform(below: i + 1)) }
        if size <= Self.bitsetLimit {
            drawnBits = [UInt64](repeating: 0, count: (size + 63) / 64)
            drawnUnits.reserveCapacity(n)
        } else {
            drawnBits = []
            drawnSet.reserveCapacity(n)
        }
    }

    /// One replicate of the current stratum: adds the times PSU j is drawn to `counts[j]`; they
    /// sum to the stratum's PSUs.
    mutating func drawReplicate(into counts: inout [Int32]) {
        let n = units
        guard let size else {
            for _ in 0..<n { counts[uniform(below: n)] += 1 }
            return
        }
        // Floyd's algorithm: n distinct units of 0..<size, each set equally likely (a unit t
        // already drawn is replaced by j, which cannot have been).
        if drawnBits.isEmpty {
            drawnSet.removeAll(keepingCapacity: true)
            for j in (size - n)..<size {
                let t = uniform(below: j + 1)
                let unit = drawnSet.insert(t).inserted ? t : j
                if unit == j { drawnSet.insert(j) }
                counts[order[unit % n]] += 1
            }
            return
        }
        for j in (size - n)..<size {
            let t = uniform(below: j + 1)
            let unit = drawnBits[t >> 6] & (1 << UInt64(t & 63)) == 0 ? t : j
            drawnBits[unit >> 6] |= 1 << UInt64(unit & 63)
            drawnUnits.append(unit)
            counts[order[unit % n]] += 1
        }
        for unit in drawnUnits { drawnBits[unit >> 6] = 0 }
        drawnUnits.removeAll(keepingCapacity: true)
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
