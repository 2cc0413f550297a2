import Foundation
@testable import SurveyCore
import SurveyIO
import Testing

/// Replicate weights made from a design (``ReplicateConversion``) against R's
/// `as.svrepdesign()`: goldens written by `conformance/generate-replicate-conversion-goldens.R`.
@Suite("Replicate weights made from a design equal R's as.svrepdesign")
struct ReplicateConversionConformanceTests {
    struct Golden: Decodable {
        struct Factors: Decodable {
            let values: [Double]
            let codes: [String]
        }
        struct Conversion: Decodable {
            let name: String
            let data: String
            let design: DesignSpec
            let conversion: ReplicateConversionSpec
            let rType: String
            let replicates: Int
            let psus: Int
            let index: [Int]
            let pweights: [Double]
            let factors: Factors
            let scale: Double
            let rscales: [Double]
            let degf: Int
            let variable: String
            let mean: Double
            let standardError: Double
        }
        struct Bootstrap: Decodable {
            let name: String
            let data: String
            let design: DesignSpec
            let conversion: ReplicateConversionSpec
            let replicates: Int
            let scale: Double
            let harmonicMeanPSUs: Double
            let variable: String
            let mean: Double
            let linearizedStandardError: Double
        }
        struct Hadamard: Decodable {
            let strata: Int
            let order: Int
            let fingerprint: Int
            let rows: [String]?
        }
        let generator: String
        let conversions: [Conversion]
        let bootstraps: [Bootstrap]
        let hadamard: [Hadamard]

        static let all: Golden = {
            let data = try! Data(contentsOf: Goldens.fixtures.appendingPathComponent("replicate-conversion-goldens.json"))
            return try! JSONDecoder().decode(Golden.self, from: data)
        }()
    }

    /// The mean of `variable` under the full-sample weights and under every replicate, and the
    /// replicates' SE (R's svymean on an svyrep.design, `na.rm = TRUE`).
    static func mean(_ variable: String, in dataset: Dataset, design: SurveyDesign, replicates: ReplicateWeights) throws -> (estimate: Double, standardError: Double) {
        guard case .numeric(let y) = try dataset.column(variable).values else { throw SurveyError(.invalidVariable, "not numeric") }
        let R = replicates.count
        var total = 0.0, weight = 0.0
        var totals = [Double](repeating: 0, count: R), weights = [Double](repeating: 0, count: R)
        for i in 0..<dataset.rowCount where !y[i].isNaN {
            total += design.weights[i] * y[i]
            weight += design.weights[i]
            for r in 0..<R {
                totals[r] += replicates.values[i * R + r] * y[i]
                weights[r] += replicates.values[i * R + r]
            }
        }
        let estimate = total / weight
        let means = (0..<R).map { totals[$0] / weights[$0] }
        let variance = replicates.covariance(replicates: means, estimate: [estimate], full: false)[0]
        return (estimate, variance.squareRoot())
    }

    @Test("conversion", arguments: Golden.all.conversions.map(\.name))
    func conversion(_ name: String) throws {
        let golden = try #require(Golden.all.conversions.first { $0.name == name })
        let dataset = try Goldens.dataset(golden.data)
        let design = try SurveyDesign(golden.design, dataset: dataset)
        let replicates = try ReplicateConversion.replicates(of: design, spec: golden.conversion)
        #expect(replicates.type.rName == golden.rType, "\(name): type \(replicates.type.rName), R \(golden.rType)")
        try #require(replicates.count == golden.replicates, "\(name): \(replicates.count) replicates, R has \(golden.replicates)")
        #expect(replicates.fayRho == golden.conversion.fayRho)
        #expect(replicates.mse == golden.conversion.mse)
        #expect(replicates.columns.isEmpty)
        // PSUs in R's order, the sampling weights R's.
        #expect(design.primary.unitCount == golden.psus)
        #expect(design.primary.unitOfRow.map { Int($0) + 1 } == golden.index, "\(name): PSU order differs from R's")
        for i in 0..<design.rowCount {
            #expect(close(design.weights[i], golden.pweights[i], 1e-12), "\(name): weight of respondent \(i + 1)")
        }
        // R's analysis weights, factor × weight, to 1e-12.
        let R = replicates.count
        var mismatches: [String] = []
        for i in 0..<design.rowCount {
            let codes = Array(golden.factors.codes[golden.index[i] - 1].utf8)
            for r in 0..<R {
                let factor = golden.factors.values[Int(codes[r] - UInt8(ascii: "0"))]
                let expected = factor * golden.pweights[i]
                let actual = replicates.values[i * R + r]
                if !close(actual, expected, 1e-12), mismatches.count < 5 { mismatches.append("respondent \(i + 1) replicate \(r + 1): \(actual) vs R \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.joined(separator: "; "))")
        #expect(close(replicates.scale, golden.scale, 1e-12), "\(name): scale \(replicates.scale) vs R \(golden.scale)")
        try #require(replicates.rscales.count == golden.rscales.count)
        for (ours, theirs) in zip(replicates.rscales, golden.rscales) {
            #expect(close(ours, theirs, 1e-12), "\(name): rscale \(ours) vs R \(theirs)")
        }
        #expect(replicates.degreesOfFreedom() == golden.degf, "\(name): degf \(replicates.degreesOfFreedom()) vs R \(golden.degf)")
        // The whole variance: svymean and its SE on R's replicate design.
        let mean = try Self.mean(golden.variable, in: dataset, design: design, replicates: replicates)
        #expect(close(mean.estimate, golden.mean, 1e-9), "\(name): mean \(mean.estimate) vs R \(golden.mean)")
        #expect(close(mean.standardError, golden.standardError, 1e-6), "\(name): SE \(mean.standardError) vs R \(golden.standardError)")
        // The same through the engine, the design asking for the replicates (`--replicates`).
        var spec = golden.design
        spec.replicates = golden.conversion
        let result = try AnalysisEngine.run(AnalysisRequest(design: spec, measures: [Measure(.mean, golden.variable)]), on: dataset)
        let row = try #require(result.rows.first)
        #expect(close(row.estimate, golden.mean, 1e-9), "\(name): engine mean \(row.estimate ?? .nan) vs R \(golden.mean)")
        #expect(close(row.standardError, golden.standardError, 1e-6), "\(name): engine SE \(row.standardError ?? .nan) vs R \(golden.standardError)")
        #expect(result.design.replicates?.madeFromDesign == true && result.design.degreesOfFreedom == golden.degf)
    }

    /// R's bootstrap draws cannot be reproduced (another generator), so the constants are checked
    /// against R and the variance statistically: with 500 replicates the SE of a mean is within
    /// 10% of the linearized SE (the bootstrap SE's own relative error is about 1/√(2·500) ≈ 3%,
    /// and its expectation is the linearized SE to within the n̄/(n̄ − 1) approximation; the seed
    /// is fixed, so the check is deterministic).
    @Test("bootstrap", arguments: Golden.all.bootstraps.map(\.name))
    func bootstrap(_ name: String) throws {
        let golden = try #require(Golden.all.bootstraps.first { $0.name == name })
        let dataset = try Goldens.dataset(golden.data)
        let design = try SurveyDesign(golden.design, dataset: dataset)
        let replicates = try ReplicateConversion.replicates(of: design, spec: golden.conversion)
        #expect(replicates.type == .bootstrap)
        #expect(replicates.count == golden.replicates)
        #expect(close(replicates.scale, golden.scale, 1e-12), "\(name): scale \(replicates.scale) vs R \(golden.scale)")
        #expect(replicates.rscales == [Double](repeating: 1, count: golden.replicates))
        let mean = try Self.mean(golden.variable, in: dataset, design: design, replicates: replicates)
        #expect(close(mean.estimate, golden.mean, 1e-9))
        #expect(close(mean.standardError, golden.linearizedStandardError, 0.10), "\(name): bootstrap SE \(mean.standardError) vs linearized \(golden.linearizedStandardError)")
    }

    /// The Hadamard matrix of every number of strata up to 400 is R's `hadamard(n)`: its order,
    /// a weighted sum of its entries, and all of its rows for some.
    @Test func hadamardMatricesAreR() throws {
        for golden in Golden.all.hadamard {
            let h = HadamardMatrix.forStrata(golden.strata)
            try #require(h.order == golden.order, "\(golden.strata) strata: order \(h.order), R \(golden.order)")
            var fingerprint = 0
            for i in 0..<h.order { for j in 0..<h.order where h[i, j] == 1 { fingerprint += (131 * (i + 1) + 71 * (j + 1)) % 997 } }
            #expect(fingerprint == golden.fingerprint, "\(golden.strata) strata: fingerprint \(fingerprint), R \(golden.fingerprint)")
            if let rows = golden.rows { #expect(h.rows == rows, "\(golden.strata) strata: rows differ from R's") }
        }
    }

    /// Any two columns of a Hadamard matrix agree in exactly half of the rows (HᵀH = nI in ±1
    /// form), which balances the half samples.
    @Test(arguments: [1, 3, 5, 8, 10, 24, 30, 50, 100, 200])
    func hadamardColumnsAreOrthogonal(_ strata: Int) {
        let h = HadamardMatrix.forStrata(strata)
        for a in 0..<h.order {
            for b in (a + 1)..<h.order {
                let agree = (0..<h.order).filter { h[$0, a] == h[$0, b] }.count
                #expect(agree * 2 == h.order, "\(strata) strata: columns \(a) and \(b) agree in \(agree) of \(h.order) rows")
            }
        }
    }
}
