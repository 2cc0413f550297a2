import Foundation
import Testing
import TextCoding

/// Whether `actual`, rounded to `decimals` places, is the figure a publication printed.
func roundsTo(_ actual: Double?, _ published: Double, decimals: Int) -> Bool {
    guard let actual else { return false }
    let scale = pow(10, Double(decimals))
    return (actual * scale).rounded() == (published * scale).rounded()
}

@Suite("Published worked examples of kappa (Fleiss 1971; R irr)")
struct PublishedExamplesTests {
    struct Examples: Decodable {
        struct Diagnoses: Decodable {
            let labels: [String]
            let units: [[Double]]
            let fleiss: Double
            let cohen: [String: Double]
        }
        struct Anxiety: Decodable {
            let units: [[Double]]
            let cohenRaters2And3: [String: Double]
        }
        let generator: String
        let diagnoses: Diagnoses
        let anxiety: Anxiety
    }

    static func examples() throws -> Examples {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/irr-examples", withExtension: "json"))
        return try JSONDecoder().decode(Examples.self, from: Data(contentsOf: url))
    }

    @Test("Fleiss (1971): 30 patients, 6 psychiatrists each, 5 diagnoses: κ = 0.430, as published and as irr's kappam.fleiss")
    func fleiss1971() throws {
        let d = try Self.examples().diagnoses
        #expect(d.units.count == 30 && d.units.allSatisfy { $0.count == 6 })
        let kappa = FleissKappa(d.units.map { $0.map(Optional.some) }).kappa
        #expect(roundsTo(kappa, 0.430, decimals: 3), "\(String(describing: kappa))")
        #expect(agrees(kappa, d.fleiss))
    }

    @Test("Fleiss (1971) per diagnosis, each as given or not: 0.245, 0.245, 0.520, 0.471, 0.566 (irr, detail = TRUE)")
    func fleiss1971PerDiagnosis() throws {
        let d = try Self.examples().diagnoses
        let published = [0.245, 0.245, 0.520, 0.471, 0.566]
        for (code, value) in zip(1...5, published) {
            let binary = d.units.map { $0.map { Optional($0 == Double(code) ? 1.0 : 0.0) } }
            let kappa = FleissKappa(binary).kappa
            #expect(roundsTo(kappa, value, decimals: 3), "\(d.labels[code - 1]): \(String(describing: kappa))")
        }
    }

    @Test("Cohen's κ of pairs of the diagnoses' raters: 0.651, 0.384, 0.631 (irr's kappa2, unweighted)")
    func cohenDiagnoses() throws {
        let d = try Self.examples().diagnoses
        let published: [(Int, Int, Double)] = [(0, 1, 0.651), (0, 2, 0.384), (1, 2, 0.631)]
        for (a, b, value) in published {
            let kappa = CohenKappa(d.units.map { (Optional($0[a]), Optional($0[b])) }).kappa
            let port = try #require(d.cohen["\(a + 1)-\(b + 1)"])
            #expect(roundsTo(kappa, value, decimals: 3), "raters \(a + 1)–\(b + 1): \(String(describing: kappa))")
            #expect(agrees(kappa, port))
        }
    }

    @Test("weighted κ of irr's anxiety scores (raters 2 and 3): equal and squared weights as irr's kappa2")
    func weightedAnxiety() throws {
        let a = try Self.examples().anxiety
        #expect(a.units.count == 20)
        for weights in CohenKappa.Weights.allCases {
            let kappa = CohenKappa(a.units.map { (Optional($0[1]), Optional($0[2])) }, weights: weights).kappa
            let port = try #require(a.cohenRaters2And3[weights.rawValue])
            #expect(agrees(kappa, port), "\(weights): \(String(describing: kappa))")
        }
    }

    @Test("the reliability result of the diagnoses: Fleiss' κ 0.430, no Cohen's κ for six raters, agreement = Fleiss' P̄")
    func resultOfDiagnoses() throws {
        let d = try Self.examples().diagnoses
        let sheet = CodingSheet(
            name: "diagnoses", coders: (1...6).map { "rater\($0)" }, units: (1...30).map { "patient \($0)" },
            cells: d.units.map { $0.map { [d.labels[Int($0) - 1]] } })
        let result = try CoderReliability.analyse(sheet, measurement: .nominal, bootstrap: ReliabilityBootstrap(replicates: 200))
        #expect(result.rows.map(\.statistic) == [.krippendorffAlpha, .fleissKappa, .percentAgreement])
        let fleiss = try #require(result.rows.first { $0.statistic == .fleissKappa })
        #expect(agrees(fleiss.estimate, d.fleiss) && fleiss.unweightedCount == 30)
        let observed = try #require(FleissKappa(d.units.map { $0.map(Optional.some) }).observedAgreement)
        #expect(agrees(result.rows.last?.estimate, observed))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }
}
