import SurveyCore

/// A seeded generator for the randomized tests, so that a failure names a case that can be
/// made again.
struct SeededRandom: RandomNumberGenerator {
    private var state: SplitMix64
    init(seed: UInt64) { state = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { state.next() }
}
