/// A Hadamard matrix in R survey's 0/1 form: entry 1 for +1, 0 for −1, every two columns agreeing
/// in exactly half of the rows. Balanced repeated replication takes its half samples from the rows
/// below the first (row 1 + k for stratum k), one replicate per column (Wolter 2007, §3.3).
///
/// ``forStrata(_:)`` gives the very matrix R's `hadamard(n)` gives (survey 4.1.1, `hadamard.R`
/// and `paley.R`), so that BRR and Fay replicates equal R's column for column: a matrix R stores
/// (orders 4, 16, 28, 36) when one fits, else the smallest of Paley's construction from a prime
/// p ≡ 3 (mod 4) (Paley 1933) and Sylvester's doubling of a stored matrix (Sylvester 1867).
struct HadamardMatrix: Sendable, Equatable {
    /// Rows (and columns).
    let order: Int
    /// Entries, 0 or 1, row-major.
    let entries: [UInt8]

    init(order: Int, entries: [UInt8]) {
        precondition(entries.count == order * order)
        self.order = order
        self.entries = entries
    }

    /// A matrix from rows of "0" and "1" characters.
    init(rows: [String]) {
        order = rows.count
        entries = rows.flatMap { row in row.utf8.map { $0 == UInt8(ascii: "1") ? 1 : 0 } }
        precondition(entries.count == order * order)
    }

    subscript(row: Int, column: Int) -> UInt8 { entries[row * order + column] }

    /// The rows as strings of "0" and "1", as the goldens write them.
    var rows: [String] {
        (0..<order).map { r in String(decoding: entries[(r * order)..<((r + 1) * order)].map { $0 == 1 ? UInt8(ascii: "1") : UInt8(ascii: "0") }, as: UTF8.self) }
    }

    /// Sylvester's doubling, R's `hadamard.doubler`: `[[H, H], [H, 1 − H]]`.
    func doubled() -> HadamardMatrix {
        let n = order, m = 2 * order
        var out = [UInt8](repeating: 0, count: m * m)
        for r in 0..<n {
            for c in 0..<n {
                let h = entries[r * n + c]
                out[r * m + c] = h
                out[r * m + n + c] = h
                out[(n + r) * m + c] = h
                out[(n + r) * m + n + c] = 1 - h
            }
        }
        return HadamardMatrix(order: m, entries: out)
    }

    /// The matrix for balanced repeated replication of `strata` strata: R's `hadamard(n)`, of
    /// order greater than n (its first row is not used).
    static func forStrata(_ n: Int) -> HadamardMatrix {
        let sizes = stored.map(\.order)
        let m = n - n % 4
        // A stored matrix no more than 4 rows too large.
        if let fit = sizes.firstIndex(where: { m < $0 && m + 4 >= $0 }) { return stored[fit] }
        if sizes.allSatisfy({ m < $0 }) { return stored[0] }
        // Each stored matrix doubled until it has more than n rows; the one closest to n.
        let doublings = sizes.map { size in
            var k = 0
            while size << k < n + 1 { k += 1 }
            return k
        }
        let candidates = zip(sizes, doublings).map { $0 << $1 }
        let best = candidates.indices.min { candidates[$0] - n < candidates[$1] - n }!
        if candidates[best] - n > 4, let paley = paley(n, maximum: candidates[best]) { return paley }
        var h = stored[best]
        for _ in 0..<doublings[best] { h = h.doubled() }
        return h
    }

    /// R's `paley(n, nmax)`: a Paley matrix of order at least n + 1 and at most `maximum`, from the
    /// primes R knows (below 7920), possibly doubled; nil when there is none.
    static func paley(_ n: Int, maximum: Int) -> HadamardMatrix? {
        let ceiling = n + 4 - n % 4
        if n % 4 + 4 == n % 8 {
            // An order 2^k (q + 1) with q prime: Paley's matrix of q doubled k times.
            var order = ceiling
            while order % 8 == 0 { order /= 2 }
            if smallPrimes.contains(order - 1) {
                var h = paley(prime: order - 1)
                while order < ceiling {
                    h = h.doubled()
                    order *= 2
                }
                return h
            }
        }
        guard n <= smallPrimes.last! else { return nil }
        let p = smallPrimes.first { $0 >= n }!
        if p + 1 > ceiling + 4, ceiling + 4 < maximum { return paley(ceiling + 3, maximum: 2 * (ceiling + 3)) }
        if p > maximum { return nil }
        return paley(prime: p)
    }

    /// Paley's construction of order p + 1 from a prime p ≡ 3 (mod 4), as R's `paley(prime = p)`:
    /// a first row and column of ones around the p × p matrix whose entry (i, j) is 0 when i + j
    /// is a quadratic residue mod p (or 0) and 1 otherwise.
    static func paley(prime p: Int) -> HadamardMatrix {
        var residue = [Bool](repeating: false, count: p)
        residue[0] = true
        residue[1 % p] = true
        for i in 1...max(2, (p - 1) / 2) { residue[(i * i) % p] = true }
        let order = p + 1
        var out = [UInt8](repeating: 1, count: order * order)
        for i in 0..<p {
            for j in 0..<p where residue[(i + j) % p] { out[(i + 1) * order + j + 1] = 0 }
        }
        return HadamardMatrix(order: order, entries: out)
    }

    /// The primes p ≡ 3 (mod 4) below 7920 of R's `paley()` (`small.primes`).
    static let smallPrimes: [Int] = [
        3, 7, 11, 19, 23, 31, 43, 47, 59, 67, 71, 79, 83, 103, 107, 127, 131, 139, 151, 163, 167, 179,
        191, 199, 211, 223, 227, 239, 251, 263, 271, 283, 307, 311, 331, 347, 359, 367, 379, 383, 419,
        431, 439, 443, 463, 467, 479, 487, 491, 499, 503, 523, 547, 563, 571, 587, 599, 607, 619, 631,
        643, 647, 659, 683, 691, 719, 727, 739, 743, 751, 787, 811, 823, 827, 839, 859, 863, 883, 887,
        907, 911, 919, 947, 967, 971, 983, 991, 1019, 1031, 1039, 1051, 1063, 1087, 1091, 1103, 1123,
        1151, 1163, 1171, 1187, 1223, 1231, 1259, 1279, 1283, 1291, 1303, 1307, 1319, 1327, 1367,
        1399, 1423, 1427, 1439, 1447, 1451, 1459, 1471, 1483, 1487, 1499, 1511, 1523, 1531, 1543,
        1559, 1567, 1571, 1579, 1583, 1607, 1619, 1627, 1663, 1667, 1699, 1723, 1747, 1759, 1783,
        1787, 1811, 1823, 1831, 1847, 1867, 1871, 1879, 1907, 1931, 1951, 1979, 1987, 1999, 2003,
        2011, 2027, 2039, 2063, 2083, 2087, 2099, 2111, 2131, 2143, 2179, 2203, 2207, 2239, 2243,
        2251, 2267, 2287, 2311, 2339, 2347, 2351, 2371, 2383, 2399, 2411, 2423, 2447, 2459, 2467,
        2503, 2531, 2539, 2543, 2551, 2579, 2591, 2647, 2659, 2663, 2671, 2683, 2687, 2699, 2707,
        2711, 2719, 2731, 2767, 2791, 2803, 2819, 2843, 2851, 2879, 2887, 2903, 2927, 2939, 2963,
        2971, 2999, 3011, 3019, 3023, 3067, 3079, 3083, 3119, 3163, 3167, 3187, 3191, 3203, 3251,
        3259, 3271, 3299, 3307, 3319, 3323, 3331, 3343, 3347, 3359, 3371, 3391, 3407, 3463, 3467,
        3491, 3499, 3511, 3527, 3539, 3547, 3559, 3571, 3583, 3607, 3623, 3631, 3643, 3659, 3671,
        3691, 3719, 3727, 3739, 3767, 3779, 3803, 3823, 3847, 3851, 3863, 3907, 3911, 3919, 3923,
        3931, 3943, 3947, 3967, 4003, 4007, 4019, 4027, 4051, 4079, 4091, 4099, 4111, 4127, 4139,
        4159, 4211, 4219, 4231, 4243, 4259, 4271, 4283, 4327, 4339, 4363, 4391, 4423, 4447, 4451,
        4463, 4483, 4507, 4519, 4523, 4547, 4567, 4583, 4591, 4603, 4639, 4643, 4651, 4663, 4679,
        4691, 4703, 4723, 4751, 4759, 4783, 4787, 4799, 4831, 4871, 4903, 4919, 4931, 4943, 4951,
        4967, 4987, 4999, 5003, 5011, 5023, 5039, 5051, 5059, 5087, 5099, 5107, 5119, 5147, 5167,
        5171, 5179, 5227, 5231, 5279, 5303, 5323, 5347, 5351, 5387, 5399, 5407, 5419, 5431, 5443,
        5471, 5479, 5483, 5503, 5507, 5519, 5527, 5531, 5563, 5591, 5623, 5639, 5647, 5651, 5659,
        5683, 5711, 5743, 5779, 5783, 5791, 5807, 5827, 5839, 5843, 5851, 5867, 5879, 5903, 5923,
        5927, 5939, 5987, 6007, 6011, 6043, 6047, 6067, 6079, 6091, 6131, 6143, 6151, 6163, 6199,
        6203, 6211, 6247, 6263, 6271, 6287, 6299, 6311, 6323, 6343, 6359, 6367, 6379, 6427, 6451,
        6491, 6547, 6551, 6563, 6571, 6599, 6607, 6619, 6659, 6679, 6691, 6703, 6719, 6763, 6779,
        6791, 6803, 6823, 6827, 6863, 6871, 6883, 6899, 6907, 6911, 6947, 6959, 6967, 6971, 6983,
        6991, 7019, 7027, 7039, 7043, 7079, 7103, 7127, 7151, 7159, 7187, 7207, 7211, 7219, 7243,
        7247, 7283, 7307, 7331, 7351, 7411, 7451, 7459, 7487, 7499, 7507, 7523, 7547, 7559, 7583,
        7591, 7603, 7607, 7639, 7643, 7687, 7691, 7699, 7703, 7723, 7727, 7759, 7823, 7867, 7879,
        7883, 7907, 7919,
    ]

    /// The matrices R stores (`survey:::hadamard.list`), of orders 4, 16, 28 and 36; 28 and 36 are
    /// orders that neither doubling nor a Paley prime reaches.
    static let stored: [HadamardMatrix] = [
        HadamardMatrix(rows: ["1111", "1010", "1100", "1001"]),
        HadamardMatrix(rows: [
            "1111111111111111",
            "1010101010101010",
            "1100110011001100",
            "1001100110011001",
            "1111000011110000",
            "1010010110100101",
            "1100001111000011",
            "1001011010010110",
            "1111111100000000",
            "1010101001010101",
            "1100110000110011",
            "1001100101100110",
            "1111000000001111",
            "1010010101011010",
            "1100001100111100",
            "1001011001101001",
        ]),
        HadamardMatrix(rows: [
            "1111111111111111111111111111",
            "1001110001110001110001111000",
            "1000001111001101001101111000",
            "1000001110110010111001100110",
            "1001101000001111100011010110",
            "1001010100101100010110101110",
            "1000110011010010001110011110",
            "0101100010101010011111110000",
            "0100010110110101100111010100",
            "0100011011001011110010101100",
            "0101011000010111011101001010",
            "0100101101100100111010011010",
            "0101100101011001101100100110",
            "0010110100011110101011101000",
            "0011011001100110101100110100",
            "0010101100111011010100011100",
            "0011000111010111010010110010",
            "0011001011111000100111001010",
            "0010110011101101011001000110",
            "1110101001010100010111100100",
            "1111000101100011001011001100",
            "1111000010011100111000011100",
            "1110010101001010110101010010",
            "1110011000111001001010110010",
            "1110100010100111100100101010",
            "1101111111111110000000000000",
            "1011111110000001111110000000",
            "0111111110000000000001111110",
        ]),
        HadamardMatrix(rows: [
            "111111111111111111111111111111111111",
            "010111000111110111001000010101100100",
            "101110001111101110010000101011001000",
            "011100011111011100100001010110010010",
            "111000111110111001000010101100100100",
            "110001111101110010000101011001001010",
            "100011111011100100001010110010010110",
            "000111110111001000010101100100101110",
            "001111101110010000101011001001011100",
            "011111011100100001010110010010111000",
            "111110111001000010101100100101110000",
            "111101110010000101011001001011100010",
            "111011100100001010110010010111000110",
            "110111001000010101100100101110001110",
            "101110010000101011001001011100011110",
            "011100100001010110010010111000111110",
            "111001000010101100100101110001111100",
            "110010000101011001001011100011111010",
            "100100001010110010010111000111110110",
            "001000010101100100101110001111101110",
            "010000101011001001011100011111011100",
            "100001010110010010111000111110111000",
            "000010101100100101110001111101110010",
            "000101011001001011100011111011100100",
            "001010110010010111000111110111001000",
            "010101100100101110001111101110010000",
            "101011001001011100011111011100100000",
            "010110010010111000111110111001000010",
            "101100100101110001111101110010000100",
            "011001001011100011111011100100001010",
            "110010010111000111110111001000010100",
            "100100101110001111101110010000101010",
            "001001011100011111011100100001010110",
            "010010111000111110111001000010101100",
            "100101110001111101110010000101011000",
            "001011100011111011100100001010110010",
        ]),
    ]
}
