import Foundation
import SurveyCore
import Testing
@testable import Weighting

/// Raking keeps two weights per respondent and recomputes the weights after every other margin
/// of the last cycle when the variance reads them. These tests hold that recomputation to the
/// straightforward algorithm — every margin's weights kept, b stored as 1 / a — bit for bit:
/// the weights, every term, the residual matrix, and the standard errors after raking.
@Suite("Raking terms")
struct RakingTermsTests {
    /// 3,000 respondents in 300 PSUs with four raking variables (5, 2, 3 and 4 levels), uneven
    /// base weights and a numeric answer; deterministic.
    static func dataset() throws -> Dataset {
        let n = 3_000
        var state: UInt64 = 20_240_616
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var columns: [String: [Double]] = ["a": [], "b": [], "c": [], "d": [], "w": [], "y": [], "psu": []]
        for i in 0..<n {
            let u = next()
            columns["a"]!.append(Double(1 + Int(u * u * 5)))
            columns["b"]!.append(next() < 0.4 ? 1 : 2)
            columns["c"]!.append(Double(1 + Int(next() * 3)))
            columns["d"]!.append(Double(1 + Int(next() * next() * 4)))
            columns["w"]!.append(0.5 + 2.5 * next())
            columns["y"]!.append(10 * next() + columns["a"]![i])
            columns["psu"]!.append(Double(i / 10))
        }
        return try Dataset(columns: ["a", "b", "c", "d", "w", "y", "psu"].map { Column.numeric($0, columns[$0]!) })
    }

    static let designSpec = DesignSpec(weights: "w", clusters: ["psu"])

    /// Margins on the first `count` of a, b, c, d, then cells of b × c and of a × d (the product
    /// of their margins, so that every target can be met).
    static func targets(_ count: Int) -> WeightingTargets {
        let total = 10_000.0
        func counts(_ levels: Int) -> [Double] {
            let raw = (1...levels).map { Double(10 + 3 * $0 * $0) }
            let sum = raw.reduce(0, +)
            return raw.map { $0 / sum * total }
        }
        func margin(_ variable: String, _ levels: Int) -> WeightingTargets.Margin {
            .init(variable: variable, targets: counts(levels).enumerated().map { .init(level: String($0.offset + 1), value: $0.element) })
        }
        func cells(_ first: String, _ firstLevels: Int, _ second: String, _ secondLevels: Int) -> WeightingTargets.Cells {
            var targets: [WeightingTargets.LevelTarget] = []
            for (j, x) in counts(firstLevels).enumerated() {
                for (k, y) in counts(secondLevels).enumerated() {
                    targets.append(.init(level: "\(j + 1)|\(k + 1)", value: x * y / total))
                }
            }
            return .init(variables: [first, second], targets: targets)
        }
        let margins = [margin("a", 5), margin("b", 2), margin("c", 3), margin("d", 4)]
        let joint = [cells("b", 2, "c", 3), cells("a", 5, "d", 4)]
        return WeightingTargets(margins: Array(margins.prefix(count)), cells: Array(joint.prefix(max(0, count - 4))))
    }

    /// R's `rake()` as written: post-stratify on every margin in turn, keeping each margin's
    /// weights of the last cycle, until the table of all the raking variables settles.
    static func referenceRaking(_ weights: [Double], _ factors: [CalibrationModel.Factor], epsilon: Double) -> (weights: [Double], marginWeights: [[Double]]) {
        let n = weights.count
        var w = weights
        let cellOfRow = IterativeProportionalFitting.jointCells(factors, rowCount: n)
        let cellCount = Int(cellOfRow.max()!) + 1
        func table(_ w: [Double]) -> [Double] {
            var t = [Double](repeating: 0, count: cellCount)
            for i in 0..<n { t[Int(cellOfRow[i])] += w[i] }
            return t
        }
        var old = table(w)
        var marginWeights: [[Double]] = []
        while true {
            marginWeights.removeAll()
            for f in factors {
                var sums = [Double](repeating: 0, count: f.levels.count)
                for i in 0..<n { sums[Int(f.levelOfRow[i])] += w[i] }
                let ratio = (0..<sums.count).map { f.targets[$0] / sums[$0] }
                for i in 0..<n { w[i] *= ratio[Int(f.levelOfRow[i])] }
                marginWeights.append(w)
            }
            let new = table(w)
            if zip(old, new).map({ abs($0 - $1) }).max()! < epsilon { return (w, marginWeights) }
            old = new
        }
    }

    /// The residual matrix and terms of raking as written: T summed margin pair by margin pair,
    /// a and b stored.
    static func referenceAdjustment(_ factors: [CalibrationModel.Factor], marginWeights: [[Double]]) -> CalibrationAdjustment {
        let n = marginWeights[0].count
        var offsets: [Int] = []
        var k = 0
        for f in factors {
            offsets.append(k)
            k += f.levels.count
        }
        var count = [Double](repeating: 0, count: k)
        var t = [Double](repeating: 0, count: k * k)
        for (m, f) in factors.enumerated() {
            for i in 0..<n { count[offsets[m] + Int(f.levelOfRow[i])] += 1 }
            for (mm, g) in factors.enumerated() where mm != m {
                for i in 0..<n {
                    let row = offsets[m] + Int(f.levelOfRow[i]), col = offsets[mm] + Int(g.levelOfRow[i])
                    t[row * k + col] += marginWeights[mm][i] / marginWeights[m][i]
                }
            }
        }
        for r in 0..<k { t[r * k + r] = count[r] }
        var solution = [Double](repeating: 0, count: k * k)
        for unit in 0..<k {
            var c = [Double](repeating: 0, count: k)
            for _ in 0..<IterativeProportionalFitting.residualSweeps {
                for (m, f) in factors.enumerated() {
                    let range = offsets[m]..<(offsets[m] + f.levels.count)
                    var step = [Double](repeating: 0, count: f.levels.count)
                    for r in range {
                        var acc = r == unit ? 1.0 : 0.0
                        for l in 0..<k { acc -= t[r * k + l] * c[l] }
                        step[r - offsets[m]] = acc / count[r]
                    }
                    for r in range { c[r] += step[r - offsets[m]] }
                }
            }
            for r in 0..<k { solution[r * k + unit] = c[r] }
        }
        let terms = factors.enumerated().map { m, f in
            CalibrationAdjustment.Term(
                column: f.levelOfRow.map { $0 + Int32(offsets[m]) }, a: marginWeights[m], b: marginWeights[m].map { 1 / $0 })
        }
        return CalibrationAdjustment(columnCount: k, terms: terms, solution: solution, description: "reference")
    }

    /// The first position where the two differ in any bit (or in length), nil when none.
    static func firstDifference<A: Collection<Double>, B: Collection<Double>>(_ a: A, _ b: B) -> Int? {
        guard a.count == b.count else { return min(a.count, b.count) }
        return zip(a, b).enumerated().first { $0.element.0.bitPattern != $0.element.1.bitPattern }?.offset
    }

    @Test("raking gives the weights, terms and residual matrix of raking as written, bit for bit", arguments: [1, 2, 3, 4, 5, 6])
    func termsMatchReference(margins: Int) throws {
        let data = try Self.dataset()
        let design = try SurveyDesign(Self.designSpec, dataset: data)
        let spec = WeightingSpec(method: .rake, targets: Self.targets(margins), epsilon: 1e-6)
        let outcome = try Calibrator.weight(design, dataset: data, spec: spec)
        let factors = try #require(outcome.model).factors
        let (weights, marginWeights) = Self.referenceRaking(design.weights, factors, epsilon: 1e-6 * design.weights.reduce(0, +))
        #expect(Self.firstDifference(outcome.design.weights, weights) == nil)

        let raked = try #require(outcome.design.calibrations.last)
        let reference = Self.referenceAdjustment(factors, marginWeights: marginWeights)
        #expect(raked.columnCount == reference.columnCount)
        #expect(Self.firstDifference(raked.solution, reference.solution) == nil)
        #expect(raked.terms.count == reference.terms.count)
        for (term, expected) in zip(raked.terms, reference.terms) {
            #expect(Array(term.column) == Array(expected.column))
            #expect(Self.firstDifference(term.a, expected.a) == nil)
            #expect(Self.firstDifference(term.b, expected.b) == nil)
        }

        // The variance reads the terms in bulk and one by one: the same standard errors.
        let request = AnalysisRequest(design: Self.designSpec, measures: [Measure(.mean, "y"), Measure(.proportion, "b"), Measure(.total, "y")], by: ["c"])
        let stored = try design.calibrated(weights: weights, adjustment: reference)
        let got = try AnalysisEngine.run(request, on: data, design: outcome.design)
        let want = try AnalysisEngine.run(request, on: data, design: stored)
        #expect(got.rows.count == want.rows.count && !got.rows.isEmpty)
        for (g, w) in zip(got.rows, want.rows) {
            #expect(g.estimate?.bitPattern == w.estimate?.bitPattern)
            #expect(g.standardError?.bitPattern == w.standardError?.bitPattern)
        }
    }

    @Test("raking weights computed twice on the same design are the same, and the design's are left alone")
    func designWeightsUntouched() throws {
        let data = try Self.dataset()
        let design = try SurveyDesign(Self.designSpec, dataset: data)
        let before = design.weights
        let spec = WeightingSpec(method: .rake, targets: Self.targets(4), epsilon: 1e-6)
        let first = try Calibrator.weight(design, dataset: data, spec: spec)
        let second = try Calibrator.weight(design, dataset: data, spec: spec)
        #expect(design.weights == before)
        #expect(first.design.weights == second.design.weights)
        #expect(first.diagnostics == second.diagnostics)
    }
}
