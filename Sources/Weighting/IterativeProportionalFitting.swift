import SurveyCore

/// Raking by iterative proportional fitting (Deming & Stephan 1940, *Ann. Math. Stat.* 11):
/// post-stratify on each margin in turn, and repeat until the weighted table of all the
/// raking variables changes by less than `epsilon` between cycles — R's `rake()`, whose
/// default tolerance is 1 (a count); a tolerance below 1 is a fraction of the total weight.
///
/// The variance follows R's `svyrecvar()` for raked designs: ten sweeps over the margins, each
/// subtracting from the linearized values x the post-stratum means of x / w⁽ᵐ⁾ times w⁽ᵐ⁾,
/// with w⁽ᵐ⁾ the weights after margin m in the last cycle. The sweeps are linear in x and
/// compose to a matrix over all margin levels (``CalibrationAdjustment``).
struct IterativeProportionalFitting {
    let maxIterations: Int
    let epsilon: Double

    /// Sweeps R makes over the margins to compute raking residuals.
    static let residualSweeps = 10

    func calibrate(_ design: SurveyDesign, factors: [CalibrationModel.Factor]) throws(SurveyError) -> (SurveyDesign, iterations: Int) {
        let n = design.rowCount
        var w = design.weights
        let tolerance = epsilon < 1 ? epsilon * w.reduce(0, +) : epsilon
        let cellOfRow = Self.jointCells(factors, rowCount: n)
        let cellCount = Int(cellOfRow.max() ?? -1) + 1
        func table(_ w: [Double]) -> [Double] {
            var t = [Double](repeating: 0, count: cellCount)
            for i in 0..<n { t[Int(cellOfRow[i])] += w[i] }
            return t
        }
        var old = table(w)
        var marginWeights: [[Double]] = []
        var cycles = 0
        var change = Double.infinity
        while cycles < maxIterations {
            cycles += 1
            marginWeights.removeAll(keepingCapacity: true)
            for f in factors {
                var sums = [Double](repeating: 0, count: f.levels.count)
                for i in 0..<n { sums[Int(f.levelOfRow[i])] += w[i] }
                let ratio = (0..<sums.count).map { f.targets[$0] / sums[$0] }
                for i in 0..<n { w[i] *= ratio[Int(f.levelOfRow[i])] }
                marginWeights.append(w)
            }
            let new = table(w)
            change = zip(old, new).map { abs($0 - $1) }.max() ?? 0
            if change < tolerance { break }
            old = new
        }
        guard change < tolerance else {
            throw SurveyError(.calibrationFailed, "Raking did not converge after \(maxIterations) iterations: the weighted counts still change by \(String(format: "%.4g", change)) between iterations (tolerance \(String(format: "%.4g", tolerance))); check that the margins describe the same population, merge sparse levels, or allow more iterations with --max-iterations.")
        }
        let adjustment = Self.adjustment(factors: factors, marginWeights: marginWeights, rowCount: n)
        return (try design.calibrated(weights: w, adjustment: adjustment), cycles)
    }

    /// Dense index of the combination of levels of every respondent.
    static func jointCells(_ factors: [CalibrationModel.Factor], rowCount n: Int) -> [Int32] {
        var cell = [Int32](repeating: 0, count: n)
        for f in factors {
            var index: [Int64: Int32] = [:]
            let width = Int64(f.levels.count)
            for i in 0..<n {
                let key = Int64(cell[i]) * width + Int64(f.levelOfRow[i])
                if let v = index[key] { cell[i] = v } else {
                    let v = Int32(index.count)
                    index[key] = v
                    cell[i] = v
                }
            }
        }
        return cell
    }

    /// R's ten residual sweeps as one matrix: with S_k = Σ_i x_i / w_i⁽ᵐ⁾ over the respondents
    /// of level k (of margin m) and n_k their number, each sweep over margin m sets
    /// c_k += (S_k − Σ_l T_kl c_l) / n_k, T_kl = Σ_{i in k and l} w_i⁽ᵐ'⁾ / w_i⁽ᵐ⁾ for l a level of
    /// margin m'; the residual is x_i − Σ_m w_i⁽ᵐ⁾ c_{level of i in m}, so c = M S.
    static func adjustment(factors: [CalibrationModel.Factor], marginWeights: [[Double]], rowCount n: Int) -> CalibrationAdjustment {
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
            for _ in 0..<residualSweeps {
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
        return CalibrationAdjustment(
            columnCount: k, terms: terms, solution: solution,
            description: "raked to \(factors.count) margin\(factors.count == 1 ? "" : "s") (\(factors.map(\.name).joined(separator: ", ")))")
    }
}
