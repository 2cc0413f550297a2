import Foundation
import SurveyCore
import Testing
import TextCoding

@Suite("Bootstrap intervals of reliability")
struct ReliabilityBootstrapTests {
    struct Golden: Decodable {
        struct Case: Decodable {
            let level: String
            let replicates: Int
            let seed: UInt64
            let confidence: Double
            let lower: Double
            let upper: Double
            let standardError: Double
            let undefined: Int
        }
        let generator: String
        let units: [[Double?]]
        let cases: [Case]
    }

    /// Krippendorff's (2011) example: 4 coders, 12 units, some codes missing.
    static let example: [[Double?]] = [
        [1, 1, nil, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [nil, 5, 5, 5], [nil, nil, 1, 1], [nil, 3, nil, nil],
    ]

    @Test("the interval of alpha equals an independent bootstrap (same draws, the krippendorff package, numpy's quantile)")
    func golden() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/bootstrap-golden", withExtension: "json"))
        let golden = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
        #expect(golden.cases.count == 3)
        for c in golden.cases {
            let metric = try #require(ReliabilityMetric(rawValue: c.level))
            let bootstrap = ReliabilityBootstrap(replicates: c.replicates, seed: c.seed, confidenceLevel: c.confidence)
            let interval = bootstrap.interval(units: golden.units.count) { drawn in
                KrippendorffAlpha(drawn.map { golden.units[$0] }, metric: metric).alpha
            }
            // Each replicate's alpha agrees to rounding; quantiles and the SD of 1,000 of them too.
            #expect(agrees(interval.lower, c.lower, 1e-9), "\(c.level): lower \(String(describing: interval.lower)) vs \(c.lower)")
            #expect(agrees(interval.upper, c.upper, 1e-9), "\(c.level): upper \(String(describing: interval.upper)) vs \(c.upper)")
            #expect(agrees(interval.standardError, c.standardError, 1e-9), "\(c.level): SE")
            #expect(interval.undefined == c.undefined && interval.defined == c.replicates - c.undefined)
        }
    }

    @Test("a seed repeats exactly; another seed draws other resamples")
    func determinism() {
        func interval(seed: UInt64) -> ReliabilityBootstrap.Interval {
            ReliabilityBootstrap(replicates: 300, seed: seed).interval(units: Self.example.count) { drawn in
                KrippendorffAlpha(drawn.map { Self.example[$0] }, metric: .interval).alpha
            }
        }
        #expect(interval(seed: 11) == interval(seed: 11))
        #expect(interval(seed: 11) != interval(seed: 12))
    }

    @Test("the interval holds the estimate and narrows as the units grow")
    func coverage() throws {
        // Two coders agreeing on 80% of units, the same pattern repeated: more units, same alpha.
        let pattern: [[Double?]] = [[1, 1], [2, 2], [3, 3], [1, 1], [2, 2], [3, 3], [1, 1], [2, 2], [1, 2], [3, 1]]
        var widths: [Double] = []
        for copies in [2, 8, 32] {
            let units = Array([[[Double?]]](repeating: pattern, count: copies).joined())
            let estimate = try #require(KrippendorffAlpha(units, metric: .nominal).alpha)
            let interval = ReliabilityBootstrap(replicates: 400).interval(units: units.count) { drawn in
                KrippendorffAlpha(drawn.map { units[$0] }, metric: .nominal).alpha
            }
            let lower = try #require(interval.lower), upper = try #require(interval.upper)
            #expect(lower <= estimate && estimate <= upper, "\(copies) copies: \(estimate) outside [\(lower), \(upper)]")
            widths.append(upper - lower)
        }
        #expect(widths[0] > widths[1] && widths[1] > widths[2], "widths \(widths)")
        // Four times the units, about half the width (1/√4); allow the bootstrap its noise.
        #expect(widths[2] / widths[1] > 0.35 && widths[2] / widths[1] < 0.65, "ratio \(widths[2] / widths[1])")
    }

    @Test("replicates where the statistic is undefined are counted and left out")
    func undefinedReplicates() {
        // One disagreeing unit among agreeing ones on the same code: a resample without it has
        // every value the same, where alpha is undefined.
        let units: [[Double?]] = [[1, 1], [1, 1], [1, 1], [1, 2]]
        let interval = ReliabilityBootstrap(replicates: 1_000).interval(units: units.count) { drawn in
            KrippendorffAlpha(drawn.map { units[$0] }, metric: .nominal).alpha
        }
        // P(the disagreeing unit is never drawn) = (3/4)⁴ ≈ 0.316.
        #expect(interval.undefined + interval.defined == 1_000)
        #expect(interval.undefined > 250 && interval.undefined < 380, "\(interval.undefined)")
        let none = ReliabilityBootstrap(replicates: 100).interval(units: 0) { _ in 1 }
        #expect(none.undefined == 100 && none.lower == nil && none.upper == nil && none.standardError == nil)
    }
}
