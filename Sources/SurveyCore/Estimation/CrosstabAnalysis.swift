/// The test of independence of a two-way table: cell proportions of the joint variable in
/// the filter's subpopulation, their full design covariance, and the interaction residuals of
/// the Wald test, all from one pass over the two variables.
struct CrosstabAnalysis {
    let design: SurveyDesign
    let variance: TaylorVariance

    func test(rows: CategoryIndex, columns: CategoryIndex, mask: [Bool]?, kind: IndependenceTest) throws(SurveyError) -> TestResult? {
        let n = design.rowCount
        // Levels present among respondents valid on both variables inside the filter.
        var rowPresent = [Bool](repeating: false, count: rows.count)
        var colPresent = [Bool](repeating: false, count: columns.count)
        var valid = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let a = rows.categoryOfRow[i], b = columns.categoryOfRow[i]
            if a < 0 || b < 0 || !(mask?[i] ?? true) { continue }
            valid[i] = true
            rowPresent[Int(a)] = true
            colPresent[Int(b)] = true
        }
        let rowMap = Self.renumber(rowPresent), colMap = Self.renumber(colPresent)
        let r = rowPresent.filter { $0 }.count, c = colPresent.filter { $0 }.count
        guard r >= 2, c >= 2 else { return nil }
        let k = r * c
        let domains = DomainIndex(by: [], mask: valid, rowCount: n)
        let cells = DomainCells(design: design, variance: variance, domains: domains)
        // Per cell: count, Σw, Σw per table cell.
        let width = 2 + k
        var sums = [Double](repeating: 0, count: cells.count * width)
        func add(_ i: Int, times m: Double, to buffer: inout [Double], at base: Int) -> Bool {
            guard valid[i] else { return false }
            let j = Int(rowMap[Int(rows.categoryOfRow[i])]) + r * Int(colMap[Int(columns.categoryOfRow[i])])
            buffer[base] += m
            buffer[base + 1] += design.weights[i] * m
            buffer[base + 2 + j] += design.weights[i] * m
            return true
        }
        for i in 0..<n where valid[i] { _ = add(i, times: 1, to: &sums, at: Int(cells.cellOfRow[i]) * width) }
        let calibrationCells = CalibrationCells(design: design, domainCount: 1, width: width)
        let calibrationSums = calibrationCells.accumulate(domainOfRow: { valid[$0] ? 0 : -1 }, add: add)
        var total = [Double](repeating: 0, count: width)
        for cell in 0..<cells.count { for s in 0..<width { total[s] += sums[cell * width + s] } }
        let respondents = total[0], N = total[1]
        let p = (0..<k).map { total[2 + $0] / N }
        let df = Double(cells.degreesOfFreedom(design: design) { sums[$0 * width] > 0 }[0])
        let calculator = IndependenceTestCalculator(rowCount: r, columnCount: c)

        switch kind {
        case .f, .chisq:
            func linearize(_ buffer: [Double], at s: Int, domain _: Int, into out: inout [Double], at o: Int) {
                for j in 0..<k { out[o + j] = (buffer[s + 2 + j] - p[j] * buffer[s + 1]) / N }
            }
            let cov = try covariance(cells: cells, sums: sums, calibration: (calibrationCells, calibrationSums),
                                     width: width, quantityCount: k, linearize: linearize)
            return calculator.raoScott(proportions: p, covariance: DenseMatrix(rows: k, columns: k, values: cov),
                                       respondents: respondents, degreesOfFreedom: df, test: kind)
        case .wald, .adjwald:
            // Y_ab = T_ab − T_a· T_·b / T for a, b ≥ 1 (0-based), linearized per cell.
            var rowTotal = [Double](repeating: 0, count: r), colTotal = [Double](repeating: 0, count: c)
            for b in 0..<c { for a in 0..<r { rowTotal[a] += total[2 + a + r * b]; colTotal[b] += total[2 + a + r * b] } }
            let q = (r - 1) * (c - 1)
            var y = [Double](repeating: 0, count: q)
            var idx = 0
            for b in 1..<c {
                for a in 1..<r {
                    y[idx] = total[2 + a + r * b] - rowTotal[a] * colTotal[b] / N
                    idx += 1
                }
            }
            func linearize(_ buffer: [Double], at s: Int, domain _: Int, into out: inout [Double], at o: Int) {
                var idx = 0
                for b in 1..<c {
                    for a in 1..<r {
                        var cellRow = 0.0, cellCol = 0.0
                        for bb in 0..<c { cellRow += buffer[s + 2 + a + r * bb] }
                        for aa in 0..<r { cellCol += buffer[s + 2 + aa + r * b] }
                        out[o + idx] = buffer[s + 2 + a + r * b]
                            - (cellRow * colTotal[b] + rowTotal[a] * cellCol) / N
                            + rowTotal[a] * colTotal[b] * buffer[s + 1] / (N * N)
                        idx += 1
                    }
                }
            }
            let cov = try covariance(cells: cells, sums: sums, calibration: (calibrationCells, calibrationSums),
                                     width: width, quantityCount: q, linearize: linearize)
            return calculator.wald(residuals: y, covariance: DenseMatrix(rows: q, columns: q, values: cov),
                                   degreesOfFreedom: df, adjusted: kind == .adjwald)
        }
    }

    /// The full covariance of the q linearized quantities of the one domain, with calibration
    /// residuals when the design is calibrated.
    private func covariance(
        cells: DomainCells, sums: [Double], calibration: (cells: CalibrationCells, sums: [[Double]]), width: Int,
        quantityCount q: Int, linearize: ([Double], Int, Int, inout [Double], Int) -> Void
    ) throws(SurveyError) -> [Double] {
        var z = [Double](repeating: 0, count: cells.count * q)
        for cell in 0..<cells.count { linearize(sums, cell * width, 0, &z, cell * q) }
        return try variance.covariances(
            unitOfCell: cells.unitOfCell, domainOfCell: cells.domainOfCell, domainCount: 1, quantityCount: q, z: z,
            full: true, calibrationSums: calibration.cells.linearized(calibration.sums, quantityCount: q, using: linearize))[0]
    }

    private static func renumber(_ present: [Bool]) -> [Int32] {
        var next: Int32 = 0
        return present.map { p in
            defer { if p { next += 1 } }
            return p ? next : -1
        }
    }
}
