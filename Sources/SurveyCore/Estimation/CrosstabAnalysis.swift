/// The test of independence of a two-way table: cell proportions of the joint variable in
/// the filter's subpopulation, their full design covariance, and the interaction residuals of
/// the Wald test — all from the sums that the table's percentages were estimated from, with no
/// further pass over the respondents.
struct CrosstabAnalysis {
    let design: SurveyDesign
    let variance: TaylorVariance

    /// The test from the cell sums of a proportion estimated by domain (the table's row,
    /// column or cell percentages).
    ///
    /// - Parameters:
    ///   - estimated: the proportion's sums (``LinearizedEstimator/CellSums``) in `cells`.
    ///   - rowCount: categories of the table's row variable; `columnCount` of its column variable.
    ///   - tableCell: the table cell (row category, column category) of category k of the
    ///     proportion in domain d.
    func test(
        from estimated: LinearizedEstimator.CellSums, cells estimatedCells: DomainCells, rowCount rows: Int,
        columnCount columns: Int, tableCell: (_ domain: Int, _ category: Int) -> (row: Int, column: Int),
        kind: IndependenceTest
    ) throws(SurveyError) -> TestResult? {
        let K = estimated.categories, sourceWidth = estimated.width
        let D = estimatedCells.domainCount
        // Levels present among the respondents of the table.
        var counts = [Double](repeating: 0, count: D * K)
        for cell in 0..<estimatedCells.count {
            let d = Int(estimatedCells.domainOfCell[cell])
            for k in 0..<K { counts[d * K + k] += estimated.values[cell * sourceWidth + 2 + K + k] }
        }
        var rowPresent = [Bool](repeating: false, count: rows)
        var colPresent = [Bool](repeating: false, count: columns)
        for d in 0..<D {
            for k in 0..<K where counts[d * K + k] > 0 {
                let (a, b) = tableCell(d, k)
                rowPresent[a] = true
                colPresent[b] = true
            }
        }
        let rowMap = Self.renumber(rowPresent), colMap = Self.renumber(colPresent)
        let r = rowPresent.filter { $0 }.count, c = colPresent.filter { $0 }.count
        guard r >= 2, c >= 2 else { return nil }
        let k = r * c
        // The slot of category k of domain d among the test's sums (−1 where it is empty).
        var slotOf = [Int](repeating: -1, count: D * K)
        for d in 0..<D {
            for j in 0..<K {
                let (a, b) = tableCell(d, j)
                if rowMap[a] >= 0, colMap[b] >= 0 { slotOf[d * K + j] = 2 + Int(rowMap[a]) + r * Int(colMap[b]) }
            }
        }
        // One domain: the table's respondents. Per cell: count, Σw, Σw per table cell.
        let width = 2 + k
        func collapse(_ source: [Double], at s: Int, domain d: Int, into target: inout [Double], at t: Int) {
            target[t] += source[s]
            target[t + 1] += source[s + 1]
            for j in 0..<K where slotOf[d * K + j] >= 0 { target[t + slotOf[d * K + j]] += source[s + 2 + j] }
        }
        let (cells, cellOf) = estimatedCells.merged(into: 1, domainOf: [Int32](repeating: 0, count: D))
        var sums = [Double](repeating: 0, count: cells.count * width)
        for cell in 0..<estimatedCells.count {
            collapse(estimated.values, at: cell * sourceWidth, domain: Int(estimatedCells.domainOfCell[cell]),
                     into: &sums, at: Int(cellOf[cell]) * width)
        }
        let calibrationCells = CalibrationCells(design: design, domainCount: 1, width: width)
        let calibrationSums = zip(design.calibrations, estimated.calibration).map { calibration, source in
            let columnCount = calibration.columnCount
            var target = [Double](repeating: 0, count: columnCount * width)
            for d in 0..<D {
                for column in 0..<columnCount {
                    collapse(source, at: (d * columnCount + column) * sourceWidth, domain: d, into: &target, at: column * width)
                }
            }
            return target
        }
        var total = [Double](repeating: 0, count: width)
        for cell in 0..<cells.count { for s in 0..<width { total[s] += sums[cell * width + s] } }
        // The table's totals under every replicate weight, `[replicate · width + slot]`.
        var replicateTotals: [Double] = []
        if let replicates = design.replicates {
            replicateTotals = [Double](repeating: 0, count: replicates.count * width)
            for r in 0..<replicates.count {
                for d in 0..<D {
                    collapse(estimated.replicateTotals, at: (r * D + d) * sourceWidth, domain: d, into: &replicateTotals, at: r * width)
                }
            }
        }
        let respondents = total[0], N = total[1]
        let p = (0..<k).map { total[2 + $0] / N }
        let df: Double
        if let replicates = design.replicates {
            // The rank of the replicate weights of the table's respondents, less one.
            df = Double(replicates.degreesOfFreedom { i in
                let c = Int(estimatedCells.cellOfRow[i])
                return c >= 0 && estimated.values[c * sourceWidth] > 0
            })
        } else {
            df = Double(cells.degreesOfFreedom(design: design) { sums[$0 * width] > 0 }[0])
        }
        let calculator = IndependenceTestCalculator(rowCount: r, columnCount: c)

        switch kind {
        case .f, .chisq:
            func linearize(_ buffer: [Double], at s: Int, domain _: Int, into out: inout [Double], at o: Int) {
                for j in 0..<k { out[o + j] = (buffer[s + 2 + j] - p[j] * buffer[s + 1]) / N }
            }
            let cov: [Double]
            if let replicates = design.replicates {
                // R's svymean of the cells on the replicate design: exact ratios per replicate.
                var shares = [Double](repeating: 0, count: replicates.count * k)
                for r in 0..<replicates.count {
                    for j in 0..<k { shares[r * k + j] = replicateTotals[r * width + 2 + j] / replicateTotals[r * width + 1] }
                }
                cov = replicates.covariance(replicates: shares, estimate: p, full: true)
            } else {
                cov = try covariance(cells: cells, sums: sums, calibration: (calibrationCells, calibrationSums),
                                     width: width, quantityCount: k, linearize: linearize)
            }
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
            let cov: [Double]
            if let replicates = design.replicates {
                // R's Jacobian of the totals times their replicate covariance: the same linear
                // map applied to every replicate's totals.
                var mapped = [Double](repeating: 0, count: replicates.count * q)
                for r in 0..<replicates.count { linearize(replicateTotals, at: r * width, domain: 0, into: &mapped, at: r * q) }
                var centre = [Double](repeating: 0, count: q)
                linearize(total, at: 0, domain: 0, into: &centre, at: 0)
                cov = replicates.covariance(replicates: mapped, estimate: centre, full: true)
            } else {
                cov = try covariance(cells: cells, sums: sums, calibration: (calibrationCells, calibrationSums),
                                     width: width, quantityCount: q, linearize: linearize)
            }
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
