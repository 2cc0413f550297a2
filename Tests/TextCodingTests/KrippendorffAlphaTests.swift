import Foundation
import Testing
import TextCoding

/// Whether `actual` equals `expected` to a relative tolerance with an absolute floor:
/// |a − e| ≤ tolerance · max(|e|, floor). α is a ratio of sums of a few hundred terms, so two
/// implementations agree to rounding (1e-12).
func agrees(_ actual: Double?, _ expected: Double, _ tolerance: Double = 1e-12, floor: Double = 1e-3) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(abs(expected), floor)
}

@Suite("Krippendorff's alpha")
struct KrippendorffAlphaTests {
    struct Golden: Decodable {
        struct Case: Decodable {
            let name: String
            let units: [[Double?]]
            let alpha: [String: Double]
        }
        let generator: String
        let cases: [Case]
    }

    static func golden() throws -> Golden {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/krippendorff-golden", withExtension: "json"))
        return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }

    @Test("Krippendorff's own example: the published 0.743, 0.815, 0.849 and 0.797")
    func publishedExample() throws {
        let units: [[Double?]] = [
            [1, 1, nil, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
            [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [nil, 5, 5, 5], [nil, nil, 1, 1], [nil, 3, nil, nil],
        ]
        let published: [(ReliabilityMetric, Double)] = [(.nominal, 0.743), (.ordinal, 0.815), (.interval, 0.849), (.ratio, 0.797)]
        for (metric, value) in published {
            let a = KrippendorffAlpha(units, metric: metric)
            #expect(agrees(a.alpha, value, 5e-4 / value), "\(metric): \(String(describing: a.alpha))")
            // Unit 12 has one code: not pairable.
            #expect(a.pairableUnits == 11 && a.pairableValues == 40)
        }
    }

    @Test("every level of measurement equals the krippendorff package on random data with missing codes")
    func equalsThePackage() throws {
        let golden = try Self.golden()
        #expect(golden.cases.count == 7)
        for c in golden.cases {
            for metric in ReliabilityMetric.allCases {
                let expected = try #require(c.alpha[metric.rawValue])
                let a = KrippendorffAlpha(c.units, metric: metric).alpha
                #expect(agrees(a, expected), "\(c.name), \(metric): \(String(describing: a)) vs \(expected)")
            }
        }
    }

    @Test("perfect agreement is 1, agreement with nothing to disagree about is undefined, percent agreement counts pairs")
    func edges() {
        let perfect: [[Double?]] = [[1, 1], [2, 2], [3, 3, nil]]
        #expect(KrippendorffAlpha(perfect, metric: .nominal).alpha == 1)
        #expect(KrippendorffAlpha(perfect, metric: .nominal).percentAgreement == 1)
        #expect(KrippendorffAlpha([[1, 1], [1, 1]], metric: .interval).alpha == nil)
        #expect(KrippendorffAlpha([[1, nil], [nil, 2]], metric: .nominal).alpha == nil)
        // Two units, one agreeing pair of two: half the pairs agree.
        #expect(KrippendorffAlpha([[1, 1], [1, 2]], metric: .nominal).percentAgreement == 0.5)
    }
}
