/// Design-based variance of linearized estimates, in many disjoint domains at once.
///
/// Input is, for every combination of a sampling unit of the deepest variance stage and a
/// domain (a *cell*), the total over its respondents of the linearized (influence) values of
/// Q quantities, z. The variance is the stratified between-unit variance of unit totals,
///
///     V = Σ_h (1 − f_h) n_h/(n_h − 1) Σ_j (z_hj − z̄_h)²,
///
/// (Wolter 2007, *Introduction to Variance Estimation*, §1.4; Lumley 2010, *Complex
/// Surveys*, §2.2), from PSU totals only (ultimate cluster), or — when every stage has an fpc —
/// adding each later stage's within-unit variance multiplied by the sampling fractions n/N of
/// the stages above it, exactly as `svyrecvar()` in R's survey package. Lonely PSUs follow
/// ``LonelyPSUPolicy`` as R's `survey.lonely.psu`; a stratum sampled completely (f = 1)
/// contributes nothing. Units of a stratum that hold no respondents of a domain count with
/// z = 0, which is what makes this a domain (subpopulation) estimator.
struct TaylorVariance: Sendable {
    let design: SurveyDesign
    /// Per calibration of the design, Σ a_ik over the respondents of each deepest-stage unit.
    let calibrationUnitTotals: [[Double]]
    /// A respondent of every deepest-stage unit, through whom the unit's units at the stages
    /// above are found (empty when the variance has one stage).
    let firstRowOfDeepUnit: [Int]

    init(design: SurveyDesign) {
        self.design = design
        let deepest = design.stages[(design.isMultistage ? design.stages.count : 1) - 1]
        calibrationUnitTotals = design.calibrations.map {
            $0.unitTotalsOfA(unitOfRow: deepest.unitOfRow, unitCount: deepest.unitCount)
        }
        // Needed only to go from the deepest stage to the stages above it.
        firstRowOfDeepUnit = !design.isMultistage || design.stages.count < 2 ? [] : deepest.unitOfRow.withUnsafeBufferPointer { units in
            [Int](unsafeUninitializedCapacity: deepest.unitCount) { first, count in
                first.initialize(repeating: -1)
                for i in (0..<units.count).reversed() { first[Int(units[i])] = i }
                count = deepest.unitCount
            }
        }
    }

    /// The first-stage unit (PSU) of every deepest-stage unit.
    var psuOfDeepUnit: [Int32] {
        guard stageCount > 1 else { return (0..<Int32(deepestUnitCount)).map { $0 } }
        let psuOfRow = design.primary.unitOfRow
        return firstRowOfDeepUnit.map { psuOfRow[$0] }
    }

    /// Stages that enter the variance: all of them for a multistage design, else the first.
    var stageCount: Int { design.isMultistage ? design.stages.count : 1 }

    /// Units of the deepest variance stage, per respondent.
    var deepestUnitOfRow: [Int32] { design.stages[stageCount - 1].unitOfRow }
    var deepestUnitCount: Int { design.stages[stageCount - 1].unitCount }

    /// Stops with the R error for a lonely PSU under `fail`.
    func checkLonelyPSUs() throws(SurveyError) {
        guard design.spec.lonelyPSU == .fail else { return }
        for s in 0..<stageCount {
            let stage = design.stages[s]
            for h in 0..<stage.strataCount where stage.sampleSize[h] == 1 && Self.finiteCorrection(stage, h) >= 1e-7 {
                let where_ = design.spec.strata.map { s == 0 ? "stratum \($0) = \(stage.stratumNames[h])" : "stratum \(stage.stratumNames[h])" } ?? "stratum \(stage.stratumNames[h])"
                throw SurveyError(.lonelyPSU, "The design has a lonely PSU: \(where_) has only one PSU at stage \(s + 1), so its variance cannot be estimated; pass \(parameter: .lonelyPSU) certainty, remove, adjust or average (as R's survey.lonely.psu), or merge the stratum with a neighbour.")
            }
        }
    }

    /// Strata with a single PSU at a variance stage (for warnings).
    func lonelyStrata() -> [(stage: Int, name: String)] {
        var out: [(Int, String)] = []
        for s in 0..<stageCount {
            let stage = design.stages[s]
            for h in 0..<stage.strataCount where stage.sampleSize[h] == 1 && Self.finiteCorrection(stage, h) >= 1e-7 {
                out.append((s + 1, stage.stratumNames[h]))
            }
        }
        return out
    }

    /// 1 − n/N, or 1 without an fpc.
    static func finiteCorrection(_ stage: DesignStage, _ h: Int) -> Double {
        let N = stage.populationSize[h]
        return N.isInfinite ? 1 : (N - Double(stage.sampleSize[h])) / N
    }

    /// Covariances of linearized values after the design's calibrations: each domain's values
    /// become calibration residuals (``CalibrationAdjustment``), which are non-zero in every
    /// unit, so the cells become every (unit, domain) pair.
    ///
    /// - Parameter calibrationSums: per calibration j, Σ_i b_ik z_iq over the respondents of
    ///   each domain, laid out `[(domain · Q + q) · K_j + k]`; ignored without calibrations.
    func covariances(
        unitOfCell: [Int32], domainOfCell: [Int32], domainCount: Int, quantityCount q: Int, z: [Double], full: Bool,
        calibrationSums: [[Double]]
    ) throws(SurveyError) -> [[Double]] {
        let calibrations = design.calibrations
        guard !calibrations.isEmpty else {
            return try covariances(unitOfCell: unitOfCell, domainOfCell: domainOfCell, domainCount: domainCount,
                                   quantityCount: q, z: z, full: full)
        }
        let units = deepestUnitCount
        // β_j = M_j (S_j − Σ_{l<j} (B_jᵀA_l) β_l), per domain and quantity.
        var betas: [[Double]] = []   // per calibration: [(d · Q + r) · K_j + k]
        for (j, calibration) in calibrations.enumerated() {
            let kj = calibration.columnCount
            var beta = [Double](repeating: 0, count: domainCount * q * kj)
            for v in 0..<(domainCount * q) {
                var s = Array(calibrationSums[j][(v * kj)..<(v * kj + kj)])
                for l in 0..<j {
                    let kl = calibrations[l].columnCount
                    let cross = design.calibrationCrossProducts[j][l]
                    for r in 0..<kj {
                        var acc = 0.0
                        for c in 0..<kl { acc += cross[r * kl + c] * betas[l][v * kl + c] }
                        s[r] -= acc
                    }
                }
                let b = calibration.apply(s[...])
                for r in 0..<kj { beta[v * kj + r] = b[r] }
            }
            betas.append(beta)
        }
        // Dense cells: unit-major, every domain.
        var denseZ = [Double](repeating: 0, count: units * domainCount * q)
        for c in 0..<unitOfCell.count {
            let base = (Int(unitOfCell[c]) * domainCount + Int(domainOfCell[c])) * q
            for r in 0..<q { denseZ[base + r] += z[c * q + r] }
        }
        for (j, calibration) in calibrations.enumerated() {
            let kj = calibration.columnCount
            let totals = calibrationUnitTotals[j]
            let beta = betas[j]
            for u in 0..<units {
                let a = totals[(u * kj)..<(u * kj + kj)]
                for d in 0..<domainCount {
                    let base = (u * domainCount + d) * q
                    for r in 0..<q {
                        let bb = (d * q + r) * kj
                        var acc = 0.0
                        for k in 0..<kj { acc += a[a.startIndex + k] * beta[bb + k] }
                        denseZ[base + r] -= acc
                    }
                }
            }
        }
        var denseUnits = [Int32](repeating: 0, count: units * domainCount)
        var denseDomains = [Int32](repeating: 0, count: units * domainCount)
        for u in 0..<units {
            for d in 0..<domainCount {
                denseUnits[u * domainCount + d] = Int32(u)
                denseDomains[u * domainCount + d] = Int32(d)
            }
        }
        return try covariances(unitOfCell: denseUnits, domainOfCell: denseDomains, domainCount: domainCount,
                               quantityCount: q, z: denseZ, full: full)
    }

    /// Covariance matrices (Q × Q, row-major) of every domain, or only their diagonals.
    ///
    /// - Parameters:
    ///   - unitOfCell: deepest-stage unit of every cell.
    ///   - domainOfCell: domain of every cell, `0..<domainCount`.
    ///   - z: linearized totals, `cells × quantityCount`, row-major.
    ///   - full: whole covariance matrices (true) or variances only (false).
    /// - Returns: per domain, `Q×Q` values when `full`, else `Q`.
    func covariances(
        unitOfCell: [Int32], domainOfCell: [Int32], domainCount: Int, quantityCount q: Int, z: [Double], full: Bool
    ) throws(SurveyError) -> [[Double]] {
        try checkLonelyPSUs()
        let width = full ? q * q : q
        var result = [[Double]](repeating: [Double](repeating: 0, count: width), count: domainCount)
        let policy = design.spec.lonelyPSU

        for s in 0..<stageCount {
            let stage = design.stages[s]
            // Cells of this stage: (unit at stage s, domain).
            let unitAtStage = s == stageCount - 1 ? unitOfCell : unitOfCell.map { stage.unitOfRow[firstRowOfDeepUnit[Int($0)]] }
            let cells = PairIndex(first: unitAtStage, second: domainOfCell, firstCount: stage.unitCount, secondCount: domainCount)
            var zs = [Double](repeating: 0, count: cells.count * q)
            for c in 0..<unitOfCell.count {
                let target = Int(cells.pairOfElement[c]) * q
                let source = c * q
                for k in 0..<q { zs[target + k] += z[source + k] }
            }
            // Strata-by-domain accumulators: Σz, then Σ(z − z̄)(z − z̄)ᵀ about the stratum mean
            // (two passes over the cells, for accuracy when the variance is small).
            let stratumOfCell = cells.firstOfPair.map { stage.stratumOfUnit[Int($0)] }
            let strata = PairIndex(first: stratumOfCell, second: cells.secondOfPair, firstCount: stage.strataCount, secondCount: domainCount)
            var s1 = [Double](repeating: 0, count: strata.count * q)
            var cellsInPair = [Int](repeating: 0, count: strata.count)
            for c in 0..<cells.count {
                let p = Int(strata.pairOfElement[c])
                cellsInPair[p] += 1
                for k in 0..<q { s1[p * q + k] += zs[c * q + k] }
            }
            var mean = s1
            for p in 0..<strata.count {
                let n = Double(stage.sampleSize[Int(strata.firstOfPair[p])])
                for k in 0..<q { mean[p * q + k] /= n }
            }
            var s2 = [Double](repeating: 0, count: strata.count * width)
            var deviation = [Double](repeating: 0, count: q)
            func addOuter(_ p: Int, _ dev: (Int) -> Double, times m: Double) {
                for k in 0..<q { deviation[k] = dev(k) }
                deviation.withUnsafeBufferPointer { d in
                    s2.withUnsafeMutableBufferPointer { s2 in
                        let row = s2.baseAddress! + p * width
                        if full {
                            for k in 0..<q where d[k] != 0 {
                                let mk = m * d[k]
                                for l in 0..<q { row[k * q + l] += mk * d[l] }
                            }
                        } else {
                            for k in 0..<q { row[k] += m * d[k] * d[k] }
                        }
                    }
                }
            }
            for c in 0..<cells.count {
                let p = Int(strata.pairOfElement[c])
                addOuter(p, { zs[c * q + $0] - mean[p * q + $0] }, times: 1)
            }
            // Units of the stratum without respondents in the domain: z = 0.
            for p in 0..<strata.count {
                let empty = stage.sampleSize[Int(strata.firstOfPair[p])] - cellsInPair[p]
                if empty > 0 { addOuter(p, { -mean[p * q + $0] }, times: Double(empty)) }
            }

            // Lonely strata and the average policy: scale per group of strata (R's onestage call).
            var groupScale: [Int32: Double] = [:]
            if policy == .average {
                var strataInGroup: [Int32: Int] = [:]
                var okInGroup: [Int32: Int] = [:]
                for h in 0..<stage.strataCount {
                    let g = stage.parentUnitOfStratum[h]
                    strataInGroup[g, default: 0] += 1
                    let lonely = stage.sampleSize[h] == 1 && Self.finiteCorrection(stage, h) >= 1e-7
                    if !lonely { okInGroup[g, default: 0] += 1 }
                }
                for (g, count) in strataInGroup { groupScale[g] = Double(count) / Double(okInGroup[g] ?? 0) }
            }

            for p in 0..<strata.count {
                let h = Int(strata.firstOfPair[p])
                let d = Int(strata.secondOfPair[p])
                let n = stage.sampleSize[h]
                let f = Self.finiteCorrection(stage, h)
                if f < 1e-7 || n < 2 { continue }
                var factor = f * Double(n) / Double(n - 1) * stage.ancestorFraction[h]
                if policy == .average { factor *= groupScale[stage.parentUnitOfStratum[h]] ?? 1 }
                for k in 0..<width { result[d][k] += factor * s2[p * width + k] }
            }
            // A group whose every stratum is lonely has no average to borrow (R gives NaN).
            if policy == .average, groupScale.values.contains(where: { $0.isInfinite }) {
                for d in 0..<domainCount { for k in 0..<width { result[d][k] = .nan } }
            }

            if policy == .adjust {
                try addAdjustedLonelyStrata(
                    stage: stage, cells: cells, zs: zs, strata: strata, s1: s1, q: q, full: full, into: &result)
            }
        }
        return result
    }

    /// R's `adjust`: a lonely PSU's total is centred at the average PSU total of all strata of
    /// its group (survey ≥ 4.2, `onestage` recentring), not at its stratum mean.
    private func addAdjustedLonelyStrata(
        stage: DesignStage, cells: PairIndex, zs: [Double], strata: PairIndex, s1: [Double], q: Int, full: Bool,
        into result: inout [[Double]]
    ) throws(SurveyError) {
        let lonely = (0..<stage.strataCount).filter {
            stage.sampleSize[$0] == 1 && Self.finiteCorrection(stage, $0) >= 1e-7
        }
        guard !lonely.isEmpty else { return }
        // PSUs per group and Σz per (group, domain).
        var unitsInGroup: [Int32: Int] = [:]
        for h in 0..<stage.strataCount { unitsInGroup[stage.parentUnitOfStratum[h], default: 0] += stage.sampleSize[h] }
        struct Key: Hashable { let group: Int32; let domain: Int32 }
        var groupSum: [Key: [Double]] = [:]
        for c in 0..<cells.count {
            let h = Int(stage.stratumOfUnit[Int(cells.firstOfPair[c])])
            let key = Key(group: stage.parentUnitOfStratum[h], domain: cells.secondOfPair[c])
            var sums = groupSum[key] ?? [Double](repeating: 0, count: q)
            for k in 0..<q { sums[k] += zs[c * q + k] }
            groupSum[key] = sums
        }
        var stratumTotal: [Key: [Double]] = [:]   // keyed by (stratum, domain)
        for p in 0..<strata.count {
            stratumTotal[Key(group: strata.firstOfPair[p], domain: strata.secondOfPair[p])] = Array(s1[(p * q)..<(p * q + q)])
        }
        for h in lonely {
            let g = stage.parentUnitOfStratum[h]
            let factor = Self.finiteCorrection(stage, h) * stage.ancestorFraction[h]
            for (key, sums) in groupSum where key.group == g {
                let units = Double(unitsInGroup[g] ?? 1)
                let total = stratumTotal[Key(group: Int32(h), domain: key.domain)] ?? [Double](repeating: 0, count: q)
                let dev = (0..<q).map { total[$0] - sums[$0] / units }
                let d = Int(key.domain)
                if full {
                    for k in 0..<q { for l in 0..<q { result[d][k * q + l] += factor * dev[k] * dev[l] } }
                } else {
                    for k in 0..<q { result[d][k] += factor * dev[k] * dev[k] }
                }
            }
        }
    }
}
