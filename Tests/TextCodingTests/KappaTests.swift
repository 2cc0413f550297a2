import Foundation
import Testing
import TextCoding

@Suite("Cohen's and Fleiss' kappa")
struct KappaTests {
    struct Golden: Decodable {
        struct Cohen: Decodable {
            let units: [[Double?]]
            let kappa: [String: Double]
        }
        struct Fleiss: Decodable {
            let units: [[Double?]]
            let kappa: Double
        }
        let generator: String
        let cohen: [Cohen]
        let fleiss: [Fleiss]
    }

    static func golden() throws -> Golden {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/kappa-golden", withExtension: "json"))
        return try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }

    @Test("Cohen's kappa, unweighted and weighted, equals statsmodels' on the units both coded")
    func cohen() throws {
        let golden = try Self.golden()
        #expect(golden.cohen.count == 5)
        for (i, c) in golden.cohen.enumerated() {
            let pairs = c.units.map { ($0[0], $0[1]) }
            for weights in CohenKappa.Weights.allCases {
                let expected = try #require(c.kappa[weights.rawValue])
                let kappa = CohenKappa(pairs, weights: weights)
                #expect(agrees(kappa.kappa, expected), "case \(i + 1), \(weights): \(String(describing: kappa.kappa)) vs \(expected)")
                #expect(kappa.units == c.units.filter { $0[0] != nil && $0[1] != nil }.count)
            }
        }
    }

    @Test("Fleiss' kappa equals statsmodels'; unequal numbers of codes per unit leave it undefined")
    func fleiss() throws {
        for (i, c) in try Self.golden().fleiss.enumerated() {
            let kappa = FleissKappa(c.units).kappa
            #expect(agrees(kappa, c.kappa), "case \(i + 1): \(String(describing: kappa)) vs \(c.kappa)")
        }
        #expect(FleissKappa([[1, 1, 2], [1, nil, 2]]).kappa == nil)
        #expect(FleissKappa([[1, 1], [1, 1]]).kappa == nil)
        // Seven units of one code: shares of 1/7 sum a rounding short of 1, yet κ is undefined.
        #expect(FleissKappa(Array(repeating: [2, 2, 2], count: 7)).kappa == nil)
    }

    @Test("both coders using one code leave Cohen's κ undefined, whatever the rounding of the shares")
    func cohenOneCode() {
        for weights in CohenKappa.Weights.allCases {
            #expect(CohenKappa(Array(repeating: (1, 1), count: 7), weights: weights).kappa == nil)
            #expect(CohenKappa(Array(repeating: (1, 1), count: 7) + [(1, nil)], weights: weights).units == 7)
        }
    }

    @Test("a textbook case: two coders, 50 units, 20 + 15 agreements, κ = 0.4")
    func textbook() {
        // 20 yes–yes, 5 yes–no, 10 no–yes, 15 no–no: p_o = 0.7, p_e = 0.5 · 0.6 + 0.5 · 0.4 = 0.5.
        let pairs: [(Double?, Double?)] = Array(repeating: (1, 1), count: 20) + Array(repeating: (1, 0), count: 5)
            + Array(repeating: (0, 1), count: 10) + Array(repeating: (0, 0), count: 15) + [(1, nil)]
        let kappa = CohenKappa(pairs)
        #expect(kappa.units == 50)
        #expect(agrees(kappa.kappa, 0.4) && agrees(kappa.observedAgreement, 0.7))
    }
}
