import SurveyCore

/// xoshiro256** 1.0 (Blackman & Vigna 2021, "Scrambled linear pseudorandom number generators",
/// *ACM TOMS* 47(4)): the demo study's only source of randomness.
///
/// Every draw is built from 64-bit integer operations and IEEE 754 `+ − × ÷ √` (which are
/// correctly rounded everywhere), with logarithms from ``DemoMath``, never from the platform's
/// math library; so a seed gives the same study, bit for bit, on every machine.
struct Xoshiro256StarStar: RandomNumberGenerator {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// The state expanded from `seed` by ``SplitMix64`` (never all zero).
    init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform on [0, 1), a multiple of 2⁻⁵³.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform on 0..<n.
    mutating func int(below n: Int) -> Int {
        precondition(n > 0)
        return Int(next() % UInt64(n))
    }

    /// Uniform on `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + int(below: range.count) }

    /// True with probability `p`.
    mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Standard normal by Marsaglia's polar method (one value of each accepted pair is used, so
    /// that a draw consumes a fixed pattern of the stream however it is interleaved).
    mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0, s < 1 {
                return u * (-2 * DemoMath.log(s) / s).squareRoot()
            }
        }
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    mutating func pick(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var x = uniform() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.lastIndex(where: { $0 > 0 }) ?? 0
    }
}
