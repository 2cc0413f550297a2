/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators",
/// OOPSLA): one 64-bit state advanced by a Weyl sequence and mixed. Used only to expand a seed
/// into the state of ``Xoshiro256StarStar`` and to derive independent streams, as its authors
/// recommend; the benchmark harness draws its data from it, and bootstrap resampling (reliability of coders) and held-out splits (the answer classifier) draw from it, so a seed repeats exactly.
/// It is a `RandomNumberGenerator`, so that seeded tests draw from it with the standard
/// library's `random(in:using:)` and `randomElement(using:)`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed for stream `stream` of `seed`: streams of one seed, and the same stream of
    /// different seeds, do not overlap in practice.
    public static func derive(_ seed: UInt64, stream: UInt64) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = mixer.next()
        return mixer.next()
    }
}
