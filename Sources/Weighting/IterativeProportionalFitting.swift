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
///
/// Memory: besides the margins' level numbers, raking holds two weights per respondent — after
/// the first margin of the cycle and after the later ones. The weights after every other
/// margin of the last cycle are not kept: they are the weights after the first margin times
/// the cycle's ratios, multiplied in the same order, so the calibration terms recompute them,
/// bit for bit, when read.
struct IterativeProportionalFitting {
    let maxIterations: Int
    let epsilon: Double

    /// Sweeps R makes over the margins to compute raking residuals.
    static let residualSweeps = 10

    /// The largest weighted table of all raking variables indexed directly by the mixed-radix
    /// number of the levels, when the sample is small (larger tables number the combinations
    /// that occur instead).
    static let directTableSize = 1 << 16

    func calibrate(_ design: SurveyDesign, factors: [CalibrationModel.Factor]) throws(SurveyError) -> (SurveyDesign, iterations: Int) {
        let n = design.rowCount
        let levels = factors.map(\.levelOfRow)
        let marginCount = factors.count
        guard marginCount > 0 else {
            let adjustment = CalibrationAdjustment(columnCount: 0, terms: [], solution: [], description: "raked to 0 margins ()")
            return (try design.calibrated(weights: design.weights, adjustment: adjustment), 1)
        }
        let cells = JointCells(factors, rowCount: n)

        // The weights after the first margin of the cycle, and after the later ones (at first
        // the design's weights, which are never written).
        var first: [Double] = []
        var current = design.weights
        var ownsCurrent = false
        let tolerance = epsilon < 1 ? epsilon * current.reduce(0, +) : epsilon
        var sums = factors.map { [Double](repeating: 0, count: $0.levels.count) }
        var ratios = sums
        var old = [Double](repeating: 0, count: cells.count)
        for i in 0..<n {
            old[cells.cell(i)] += current[i]
            sums[0][Int(levels[0][i])] += current[i]
        }
        var new = old
        var cycles = 0
        var change = Double.infinity
        while cycles < maxIterations {
            cycles += 1
            // Post-stratify on margin m, summing the new weights by the levels of the next
            // margin (after the last margin: of the first, and the whole table) on the way.
            for m in 0..<marginCount {
                ratios[m] = (0..<sums[m].count).map { factors[m].targets[$0] / sums[m][$0] }
                let last = m == marginCount - 1
                let next = last ? 0 : m + 1
                var pass = Pass(level: levels[m], ratio: ratios[m], nextLevel: levels[next],
                                nextSums: [Double](repeating: 0, count: sums[next].count))
                if last { for c in new.indices { new[c] = 0 } }
                switch m {
                case 0:
                    if first.isEmpty { first = [Double](repeating: 0, count: n) }
                    first.withUnsafeMutableBufferPointer { target in
                        current.withUnsafeBufferPointer { pass.run($0, target, cells: cells, table: &new, intoTable: last) }
                    }
                case 1:
                    if !ownsCurrent { current = [Double](repeating: 0, count: n) }
                    ownsCurrent = true
                    current.withUnsafeMutableBufferPointer { target in
                        first.withUnsafeBufferPointer { pass.run($0, target, cells: cells, table: &new, intoTable: last) }
                    }
                default:
                    current.withUnsafeMutableBufferPointer { pass.run(UnsafeBufferPointer($0), $0, cells: cells, table: &new, intoTable: last) }
                }
                sums[next] = pass.nextSums
            }
            if marginCount == 1 {
                // The first margin is the last: its weights are the current ones.
                swap(&first, &current)
                if !ownsCurrent { first = [] }
                ownsCurrent = true
            }
            change = 0
            for c in old.indices { change = max(change, abs(old[c] - new[c])) }
            if change < tolerance { break }
            swap(&old, &new)
        }
        guard change < tolerance else {
            throw SurveyError(.calibrationFailed, "Raking did not converge after \(maxIterations) iterations: the weighted counts still change by \(String(format: "%.4g", change)) between iterations (tolerance \(String(format: "%.4g", tolerance))); check that the margins describe the same population, merge sparse levels, or allow more iterations with --max-iterations.")
        }
        let afterFirst = marginCount == 1 ? current : first
        let adjustment = Self.adjustment(factors: factors, afterFirst: afterFirst, ratios: ratios, weights: current)
        return (try design.calibrated(weights: current, adjustment: adjustment), cycles)
    }

    /// One margin of a cycle: every weight times the ratio of its level, the new weights summed
    /// by the levels of the next margin (and, after the last margin, into the whole table).
    struct Pass {
        let level: [Int32]
        let ratio: [Double]
        let nextLevel: [Int32]
        var nextSums: [Double]

        /// `target[i] = source[i] × ratio[level[i]]` (the two may be the same memory).
        mutating func run(
            _ source: UnsafeBufferPointer<Double>, _ target: UnsafeMutableBufferPointer<Double>, cells: JointCells,
            table: inout [Double], intoTable: Bool
        ) {
            for i in 0..<target.count {
                let value = source[i] * ratio[Int(level[i])]
                target[i] = value
                nextSums[Int(nextLevel[i])] += value
                if intoTable { table[cells.cell(i)] += value }
            }
        }
    }

    /// The weighted table of all raking variables: its cells, and the cell of every respondent.
    struct JointCells {
        /// Number of cells (combinations of levels; those that occur when they are numbered).
        let count: Int
        /// Level numbers per margin and the mixed-radix place of each, when cells are indexed
        /// directly; empty otherwise.
        let levels: [[Int32]]
        let radix: [Int]
        /// Dense number of the combination of every respondent, when not indexed directly.
        let cellOfRow: [Int32]

        init(_ factors: [CalibrationModel.Factor], rowCount n: Int) {
            var product = 1
            var radix: [Int] = []
            for f in factors.reversed() {
                radix.insert(product, at: 0)
                let (next, overflow) = product.multipliedReportingOverflow(by: max(f.levels.count, 1))
                product = overflow ? Int.max : next
            }
            if product <= max(IterativeProportionalFitting.directTableSize, n / 8) {
                count = product
                levels = factors.map(\.levelOfRow)
                self.radix = radix
                cellOfRow = []
            } else {
                cellOfRow = IterativeProportionalFitting.jointCells(factors, rowCount: n)
                count = Int(cellOfRow.max() ?? -1) + 1
                levels = []
                self.radix = []
            }
        }

        /// The cell of respondent i.
        @inline(__always)
        func cell(_ i: Int) -> Int {
            guard cellOfRow.isEmpty else { return Int(cellOfRow[i]) }
            var c = 0
            for m in 0..<levels.count { c += Int(levels[m][i]) * radix[m] }
            return c
        }
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
    ///
    /// w⁽¹⁾ is `afterFirst`, and w⁽ᵐ⁾ that times the last cycle's `ratios` of margins 2 … m,
    /// multiplied in that order as the cycle did; `weights` is w⁽ᵐ⁾ of the last margin.
    static func adjustment(factors: [CalibrationModel.Factor], afterFirst: [Double], ratios: [[Double]], weights: [Double]) -> CalibrationAdjustment {
        let n = afterFirst.count
        let levels = factors.map(\.levelOfRow)
        let marginCount = factors.count
        var offsets: [Int] = []
        var k = 0
        for f in factors {
            offsets.append(k)
            k += f.levels.count
        }
        var count = [Double](repeating: 0, count: k)
        var t = [Double](repeating: 0, count: k * k)
        // One pass: every (m, m') cell of T gets its terms in the order of the respondents.
        var after = [Double](repeating: 0, count: marginCount)
        var column = [Int](repeating: 0, count: marginCount)
        for i in 0..<n {
            for m in 0..<marginCount {
                let level = Int(levels[m][i])
                after[m] = m == 0 ? afterFirst[i] : after[m - 1] * ratios[m][level]
                column[m] = offsets[m] + level
                count[column[m]] += 1
            }
            for m in 0..<marginCount {
                let row = column[m] * k
                for mm in 0..<marginCount where mm != m {
                    t[row + column[mm]] += after[mm] / after[m]
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
        let terms = (0..<marginCount).map { m in
            let a: CalibrationAdjustment.Term.Values
            switch m {
            case marginCount - 1: a = .init(weights)
            case 0: a = .init(afterFirst)
            default: a = .init(base: afterFirst, factors: (1...m).map { (levels: levels[$0], multipliers: ratios[$0]) })
            }
            return CalibrationAdjustment.Term(
                column: .init(levels: levels[m], offset: Int32(offsets[m])), a: a, b: a.reciprocals)
        }
        return CalibrationAdjustment(
            columnCount: k, terms: terms, solution: solution,
            description: "raked to \(factors.count) margin\(factors.count == 1 ? "" : "s") (\(factors.map(\.name).joined(separator: ", ")))")
    }
}
