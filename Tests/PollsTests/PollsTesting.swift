import Foundation
@testable import Polls
import SurveyCore

/// Whether `actual` equals `expected` to a relative tolerance, with an absolute floor for
/// values near zero: |a − e| ≤ tolerance · max(|e|, floor). The poll average's exact solution
/// is compared with an independent dense one at 1e-9 relative (both are direct solves of the
/// same linear system, so they agree to rounding).
func agrees(_ actual: Double, _ expected: Double, _ tolerance: Double = 1e-9, floor: Double = 1e-3) -> Bool {
    abs(actual - expected) <= tolerance * max(abs(expected), floor)
}

/// Polls simulated from a known trajectory and known house effects, with a deterministic
/// generator (SplitMix64 and Box–Muller), so every run sees the same polls.
struct SimulatedPolls {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func uniform() -> Double {
        (Double(generator.next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }

    /// `count` polls over `days` days: the truth starts at `start` and walks with daily SD
    /// `sigma`; pollster j has house effect `houses[j]`; samples of 600–1,500.
    mutating func polls(count: Int, days: Int, start: Double = 0.4, sigma: Double = 0.003, houses: [String: Double])
        -> (observations: [PollObservation], truth: [Double]) {
        var truth = [start]
        for _ in 1..<days { truth.append(truth.last! + sigma * normal()) }
        let names = houses.keys.sorted()
        let first = CivilDay("2022-01-01")!
        var out: [PollObservation] = []
        for i in 0..<count {
            let day = Int(uniform() * Double(days))
            let pollster = names[i % names.count]
            let n = 600 + Int(uniform() * 900)
            let p = truth[day] + houses[pollster]!
            let y = p + (p * (1 - p) / Double(n)).squareRoot() * normal()
            out.append(PollObservation(day: first.adding(day), pollster: pollster, share: y, sampleSize: n))
        }
        return (out, truth)
    }
}
