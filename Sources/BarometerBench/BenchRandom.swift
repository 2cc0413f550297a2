import Foundation
import SurveyCore

/// A small deterministic random number generator (SplitMix64, Steele, Lea and Flood 2014), so
/// that the benchmark data is the same on every machine and in every run for one seed.
///
/// Not for statistics that need a long period or independence between streams: it only has to
/// make plausible survey data fast and reproducibly.
struct BenchRandom: RandomNumberGenerator {
    private var bits: SplitMix64

    init(seed: UInt64) {
        bits = SplitMix64(seed: seed)
    }

    mutating func next() -> UInt64 { bits.next() }

    /// Uniform in [0, 1), 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform integer in 0..<bound (bound > 0), by multiply-shift (Lemire); the tiny bias is
    /// irrelevant here.
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Standard normal by Box–Muller (one of the pair; the other is dropped for simplicity).
    mutating func normal() -> Double {
        let u = 1 - uniform()  // (0, 1]
        let v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Index drawn from the cumulative probabilities `cumulative` (last element 1).
    mutating func category(_ cumulative: [Double]) -> Int {
        category(cumulative, from: 0, count: cumulative.count)
    }

    /// Index (0..<count) drawn from the cumulative probabilities `cumulative[start..<start+count]`.
    mutating func category(_ cumulative: [Double], from start: Int, count: Int) -> Int {
        let u = uniform()
        var k = 0
        while k < count - 1 && u >= cumulative[start + k] { k += 1 }
        return k
    }
}
