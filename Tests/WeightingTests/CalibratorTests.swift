import Foundation
import SurveyCore
import Testing
@testable import Weighting

@Suite("Weighting methods")
struct CalibratorTests {
    @Test("post-stratification multiplies each post-stratum by N_h / N̂_h")
    func postStratification() throws {
        let data = try WeightingSample.dataset()
        let targets = WeightingTargets(margins: [.init(variable: "sex", targets: [.init(level: "m", value: 480), .init(level: "f", value: 520)])])
        let outcome = try Calibrator.weight(try WeightingSample.design(data), dataset: data, spec: WeightingSpec(method: .poststratify, targets: targets))
        // Men have base weights summing to 8, women 10.
        for (i, w) in outcome.design.weights.enumerated() {
            let factor = WeightingSample.sex[i] == "m" ? 480.0 / 8 : 520.0 / 10
            #expect(abs(w - WeightingSample.weights[i] * factor) < 1e-9)
        }
        #expect(outcome.design.calibrations.count == 1)
        #expect(outcome.diagnostics.largestRelativeError < 1e-12)
    }

    @Test("raking meets every margin; levels named by value label or by code")
    func raking() throws {
        let data = try WeightingSample.dataset()
        for settlement in [["urban": 610.0, "rural": 390], ["1": 610, "2": 390]] {
            let spec = WeightingSpec(method: .rake, targets: WeightingSample.margins(settlement: settlement), epsilon: 1e-9)
            let outcome = try Calibrator.weight(try WeightingSample.design(data), dataset: data, spec: spec)
            let w = outcome.design.weights
            let bySex = WeightingSample.achieved(w, WeightingSample.sexNames)
            let bySettlement = WeightingSample.achieved(w, WeightingSample.settlementNames)
            #expect(abs(bySex["m"]! - 480) < 1e-6 && abs(bySex["f"]! - 520) < 1e-6)
            #expect(abs(bySettlement["urban"]! - 610) < 1e-6 && abs(bySettlement["rural"]! - 390) < 1e-6)
            #expect(outcome.diagnostics.iterations > 1)
            #expect(outcome.diagnostics.targets.count == 4)
        }
    }

    @Test("raking that cannot converge in the iterations allowed is an error, not a result")
    func rakingNonConvergence() throws {
        let data = try WeightingSample.dataset()
        let spec = WeightingSpec(method: .rake, targets: WeightingSample.margins(), maxIterations: 1, epsilon: 1e-12)
        #expect {
            try Calibrator.weight(try WeightingSample.design(data), dataset: data, spec: spec)
        } throws: { ($0 as? SurveyError)?.message.contains("did not converge after 1 iterations") == true }
    }

    @Test("linear calibration reproduces the totals exactly, including a numeric total")
    func linear() throws {
        let data = try WeightingSample.dataset()
        var targets = WeightingSample.margins()
        targets.totals = [.init(variable: "income", total: 9_000)]
        let outcome = try Calibrator.weight(try WeightingSample.design(data), dataset: data, spec: WeightingSpec(method: .linear, targets: targets))
        let w = outcome.design.weights
        let income = zip(w, WeightingSample.income).map { $0 * $1 }.reduce(0, +)
        #expect(abs(income - 9_000) < 1e-6)
        #expect(abs(w.reduce(0, +) - 1_000) < 1e-6)
        #expect(abs(WeightingSample.achieved(w, WeightingSample.sexNames)["m"]! - 480) < 1e-6)
    }

    @Test("logit calibration keeps g inside its bounds; it needs finite bounds")
    func logitBounds() throws {
        let data = try WeightingSample.dataset()
        let design = try WeightingSample.design(data)
        // Scale to the base total (18) so bounds around 1 are feasible.
        let targets = WeightingSample.margins(sex: ["m": 0.45, "f": 0.55], settlement: ["urban": 0.6, "rural": 0.4])
        let spec = WeightingSpec(method: .logit, targets: targets, bounds: WeightLimits(lower: 0.7, upper: 1.4))
        let outcome = try Calibrator.weight(design, dataset: data, spec: spec)
        for (w, d) in zip(outcome.design.weights, WeightingSample.weights) {
            #expect(w / d > 0.7 && w / d < 1.4)
        }
        #expect(abs(outcome.design.weights.reduce(0, +) - 18) < 1e-6)
        #expect {
            try Calibrator.weight(design, dataset: data, spec: WeightingSpec(method: .logit, targets: targets))
        } throws: { ($0 as? SurveyError)?.message.contains("finite bounds") == true }
    }

    @Test("bounds that cannot be met are an error naming the target still missed")
    func infeasibleBounds() throws {
        let data = try WeightingSample.dataset()
        let spec = WeightingSpec(method: .raking, targets: WeightingSample.margins(sex: ["m": 0.2, "f": 0.8], settlement: ["urban": 0.6, "rural": 0.4]), bounds: WeightLimits(lower: 0.95, upper: 1.05))
        #expect {
            try Calibrator.weight(try WeightingSample.design(data), dataset: data, spec: spec)
        } throws: { error in
            let message = (error as? SurveyError)?.message ?? ""
            return message.contains("did not converge within the bounds [0.95, 1.05]") && message.contains("off its target")
        }
    }

    @Test("linear calibration that would make a weight negative is refused")
    func negativeWeights() throws {
        let data = try WeightingSample.dataset()
        var targets = WeightingTargets(population: 18)
        targets.totals = [.init(variable: "income", total: 400)]
        #expect {
            try Calibrator.weight(try WeightingSample.design(data), dataset: data, spec: WeightingSpec(method: .linear, targets: targets))
        } throws: { ($0 as? SurveyError)?.message.contains("not positive") == true }
    }

    @Test("trimming: strict repeats until no weight is above the limit, and keeps the total")
    func trimming() throws {
        let data = try WeightingSample.dataset()
        let design = try WeightingSample.design(data)
        // Only the weight 3 is above 2.02; sharing its excess (0.98) over the other 11 pushes the
        // weights of 2 to 2.089, above the limit again, which only `strict` trims too.
        let limits = WeightLimits(lower: 0, upper: 2.02)
        let strict = try Calibrator.weight(design, dataset: data, spec: WeightingSpec(
            method: nil, targets: nil, trimming: .init(limits: limits, strict: true)))
        #expect(strict.design.weights.allSatisfy { $0 <= 2.02 + 1e-12 })
        #expect(abs(strict.design.weights.reduce(0, +) - 18) < 1e-9)
        #expect(strict.diagnostics.trimmed == 1)
        let once = try Calibrator.weight(design, dataset: data, spec: WeightingSpec(
            method: nil, targets: nil, trimming: .init(limits: limits, strict: false)))
        #expect(once.design.weights.contains { abs($0 - (2 + 0.98 / 11)) < 1e-12 })
        #expect(abs(once.design.weights.reduce(0, +) - 18) < 1e-9)
        #expect {
            try Calibrator.weight(design, dataset: data, spec: WeightingSpec(
                method: nil, targets: nil, trimming: .init(limits: WeightLimits(lower: 0, upper: 1.2))))
        } throws: { ($0 as? SurveyError)?.message.contains("cannot be trimmed") == true }
    }

    @Test("diagnostics: Kish design effect, efficiency, median, ratio")
    func diagnostics() throws {
        let data = try WeightingSample.dataset()
        let outcome = try Calibrator.weight(try WeightingSample.design(data), dataset: data, spec: WeightingSpec(
            method: nil, targets: nil, trimming: .init(limits: WeightLimits(lower: 0, upper: 100))))
        let d = outcome.diagnostics
        // Base weights: Σw = 18, Σw² = 32, n = 12.
        #expect(abs(d.kishDesignEffect - 12.0 * 32 / (18 * 18)) < 1e-12)
        #expect(abs(d.efficiency - 1 / d.kishDesignEffect) < 1e-12)
        #expect(d.median == 1 && d.minimum == 1 && d.maximum == 3 && d.ratio == 3)
        #expect(d.method == "trimmed" && d.trimmed == 0)
    }

    @Test("a calibrated design's variance uses the calibration residuals")
    func calibratedVariance() throws {
        let data = try WeightingSample.dataset()
        let design = try WeightingSample.design(data)
        let targets = WeightingTargets(margins: [.init(variable: "sex", targets: [.init(level: "m", value: 480), .init(level: "f", value: 520)])])
        let outcome = try Calibrator.weight(design, dataset: data, spec: WeightingSpec(method: .poststratify, targets: targets))
        let request = AnalysisRequest(design: design.spec, measures: [Measure(.total, "income"), Measure(.proportion, "sex")])
        let result = try AnalysisEngine.run(request, on: data, design: outcome.design)
        // The total of the post-stratification variable is known exactly: no variance.
        let men = try #require(result.rows.first { $0.variable == "sex" && $0.level == "m" })
        #expect(abs(men.estimate! - 0.48) < 1e-12)
        #expect(men.standardError! < 1e-9)
        #expect(result.design.weighting == ["post-stratified on sex (2 post-strata)"])
        // The same weights without the calibration give a different (larger) SE for the share.
        let plain = try AnalysisEngine.run(request, on: data, design: try design.replacingWeights(outcome.design.weights))
        #expect(plain.rows.first { $0.variable == "sex" && $0.level == "m" }!.standardError! > 0.01)
    }

    @Test("the generalized inverse inverts a regular matrix and is a g-inverse of a singular one")
    func pseudoInverse() {
        let a: [Double] = [4, 1, 2, 1, 3, 0, 2, 0, 5]
        let g = SymmetricPseudoInverse(a, size: 3)
        #expect(g.rank == 3)
        for i in 0..<3 {
            for j in 0..<3 {
                let p = (0..<3).map { a[i * 3 + $0] * g.values[$0 * 3 + j] }.reduce(0, +)
                #expect(abs(p - (i == j ? 1 : 0)) < 1e-12)
            }
        }
        // Rank 2: the third column is the sum of the first two.
        let s: [Double] = [2, 1, 3, 1, 2, 3, 3, 3, 6]
        let h = SymmetricPseudoInverse(s, size: 3)
        #expect(h.rank == 2)
        for i in 0..<3 {
            for j in 0..<3 {
                var v = 0.0
                for k in 0..<3 {
                    for l in 0..<3 {
                        let left: Double = s[i * 3 + k] * h.values[k * 3 + l]
                        v += left * s[l * 3 + j]
                    }
                }
                #expect(abs(v - s[i * 3 + j]) < 1e-9)
            }
        }
    }
}
