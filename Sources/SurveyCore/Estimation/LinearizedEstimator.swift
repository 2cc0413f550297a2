import Foundation

/// Means, totals, ratios and proportions in every domain at once, with standard errors by
/// Taylor linearization (Binder 1983; Lumley 2010, §2.2 and appendix A).
///
/// One pass over the measure's columns adds, for every cell (deepest unit × domain), the
/// weighted sums Σw, Σwy (Σwx, Σw·1[category k]) and unweighted counts; estimates are ratios
/// of domain totals, and the linearized values of each cell are
///
/// - mean ȳ_d = Ŷ_d/N̂_d:           z = (Σwy − ȳ_d Σw)/N̂_d
/// - total Ŷ_d:                       z = Σwy
/// - ratio R̂_d = Ŷ_d/X̂_d:           z = (Σwy − R̂_d Σwx)/X̂_d
/// - proportion p̂_dk = N̂_dk/N̂_d:    z = (Σw1ₖ − p̂_dk Σw)/N̂_d
///
/// which ``TaylorVariance`` turns into variances. Respondents missing the variable drop out of
/// the domain (R's `na.rm = TRUE`); the design keeps every PSU. Design-effect denominators are
/// R's: the weighted variance S² = Σw(y − ȳ)²/N̂ · n/(n − 1) times (N̂ − n)/(N̂ n) for a mean
/// (1/n with replacement), times N̂² for a total.
struct LinearizedEstimator {
    let design: SurveyDesign
    let variance: TaylorVariance
    let cells: DomainCells
    let designEffects: Bool

    enum Input {
        case mean([Double])
        case total([Double])
        case ratio(numerator: [Double], denominator: [Double])
        case proportion(CategoryIndex)
    }

    /// The weighted sums of every cell (and what the variance after calibration and the
    /// design effects need besides), from one pass over the measure's columns.
    struct CellSums: Sendable {
        /// Per cell, `width` sums: n, Σw, then Σwy (Σwx) or Σw·1ₖ per category, then nₖ per
        /// category; laid out `[cell · width + slot]`.
        let values: [Double]
        let width: Int
        /// Categories of a proportion (0 for a mean, total or ratio).
        let categories: Int
        /// Per domain, shifted second moments for design effects: Σw(y−s)², Σw(x−t)²,
        /// Σw(y−s)(x−t), Σw(y−s), Σw(x−t); empty when not asked for.
        let moments: [Double]
        /// The shifts s and t.
        let shifts: (y: Double, x: Double)
        /// Per calibration of the design, ``CalibrationCells`` sums.
        let calibration: [[Double]]
        /// With replicate weights, the domain totals of the sums under every replicate,
        /// `[(replicate · domains + domain) · width + slot]`; empty otherwise.
        let replicateTotals: [Double]
    }

    /// Sums of every cell for `input`, accumulated over the respondents in chunks on every
    /// core (``RowChunks``) and merged.
    func sums(_ input: Input) -> CellSums {
        let w = design.weights
        let cellOfRow = cells.cellOfRow
        let domainOfCell = cells.domainOfCell
        let D = cells.domainCount
        let categories: Int
        switch input {
        case .proportion(let index): categories = index.count
        default: categories = 0
        }
        // Slots per cell: n, Σw, then Σwy (Σwx) or Σw·1ₖ per category, then nₖ per category.
        let valueSlots: Int
        switch input {
        case .mean, .total: valueSlots = 1
        case .ratio: valueSlots = 2
        case .proportion: valueSlots = categories
        }
        let width = 2 + valueSlots + categories
        let rows = RowSums(input: input, weights: w, categories: categories)
        let shiftY = rows.y.first(where: { !$0.isNaN }) ?? 0
        let shiftX = rows.x.first(where: { !$0.isNaN }) ?? 0
        let withMoments = designEffects && categories == 0
        let cellLength = cells.count * width
        let all = rows.withValues { values in
            RowChunks.sums(rows: design.rowCount, length: cellLength + (withMoments ? D * 5 : 0)) { range, buffer in
                let sums = buffer.baseAddress!
                cellOfRow.withUnsafeBufferPointer { cellOfRow in
                    for i in range {
                        let c = Int(cellOfRow[i])
                        if c < 0 || !values.add(i, times: 1, to: sums + c * width) { continue }
                        if withMoments {
                            let m = sums + cellLength + Int(domainOfCell[c]) * 5
                            let wi = values.weights[i]
                            let a = values.y[i] - shiftY
                            m[0] += wi * a * a
                            m[3] += wi * a
                            if !values.x.isEmpty {
                                let b = values.x[i] - shiftX
                                m[1] += wi * b * b
                                m[2] += wi * a * b
                                m[4] += wi * b
                            }
                        }
                    }
                }
            }
        }
        let calibration = rows.withValues { values in
            CalibrationCells(design: design, domainCount: D, width: width).accumulate(
                domainOfRow: { i in cellOfRow[i] < 0 ? -1 : Int(domainOfCell[Int(cellOfRow[i])]) },
                add: { i, m, base in values.add(i, times: m, to: base) })
        }
        return CellSums(
            values: Array(all[..<cellLength]), width: width, categories: categories,
            moments: withMoments ? Array(all[cellLength...]) : [], shifts: (shiftY, shiftX), calibration: calibration,
            replicateTotals: replicateTotals(rows, width: width))
    }

    /// The domain totals of the sums under every replicate weight (one pass over the
    /// respondents, every replicate at once); empty without replicate weights.
    func replicateTotals(_ rows: RowSums, width: Int) -> [Double] {
        guard let replicates = design.replicates else { return [] }
        let R = replicates.count, D = cells.domainCount
        let cellOfRow = cells.cellOfRow, domainOfCell = cells.domainOfCell
        return rows.withValues { values in
            replicates.values.withUnsafeBufferPointer { factors in
                RowChunks.sums(rows: design.rowCount, length: R * D * width) { range, buffer in
                    let sums = buffer.baseAddress!
                    for i in range {
                        let c = Int(cellOfRow[i])
                        if c < 0 { continue }
                        let base = sums + Int(domainOfCell[c]) * width
                        let w = values.weights[i]
                        // Replicate weight / sampling weight: the factor of this respondent.
                        for r in 0..<R where factors[i * R + r] != 0 {
                            if !values.add(i, times: factors[i * R + r] / w, to: base + r * D * width) { break }
                        }
                    }
                }
            }
        }
    }

    /// The estimates of every domain and their linearized values, from the cells' sums.
    struct Linearization {
        /// Domain totals of the sums, `[domain · width + slot]`.
        let totals: [Double]
        /// Quantities per domain: the categories of a proportion, else 1.
        let quantityCount: Int
        /// Estimates, `[domain · quantityCount + quantity]`.
        let theta: [Double]
        /// Linearized values of every cell, `[cell · quantityCount + quantity]`.
        let z: [Double]
        /// Per calibration of the design, ``CalibrationCells/linearized(_:quantityCount:using:)``.
        let calibrationZ: [[Double]]
    }

    /// Quantities per domain: the categories of a proportion, else 1.
    static func quantityCount(_ input: Input, categories: Int) -> Int {
        if case .proportion = input { return categories }
        return 1
    }

    /// The estimates of every domain, `[domain · quantities + quantity]`, from the domain
    /// totals of the sums (the full sample's or a replicate's).
    static func estimates(_ input: Input, totals: ArraySlice<Double>, domainCount D: Int, width: Int, categories: Int) -> [Double] {
        let q = quantityCount(input, categories: categories)
        var theta = [Double](repeating: .nan, count: D * q)
        let o = totals.startIndex
        for d in 0..<D {
            let t = o + d * width
            switch input {
            case .mean: theta[d] = totals[t + 2] / totals[t + 1]
            case .total: theta[d] = totals[t + 2]
            case .ratio: theta[d] = totals[t + 2] / totals[t + 3]
            case .proportion: for k in 0..<q { theta[d * q + k] = totals[t + 2 + k] / totals[t + 1] }
            }
        }
        return theta
    }

    /// The estimates of every domain under each replicate weight, `[replicate][domain ·
    /// quantities + quantity]`; empty without replicate weights.
    func replicateEstimates(_ input: Input, cellSums: CellSums) -> [[Double]] {
        guard let replicates = design.replicates else { return [] }
        let D = cells.domainCount, width = cellSums.width
        return (0..<replicates.count).map { r in
            let start = r * D * width
            return Self.estimates(input, totals: cellSums.replicateTotals[start..<(start + D * width)], domainCount: D,
                                  width: width, categories: cellSums.categories)
        }
    }

    /// Variances (or covariance matrices) of the quantities of every domain from replicates:
    /// `replicates[r][domain · q + k]`, `theta` the full-sample estimates.
    func replicateCovariances(_ replicates: [[Double]], theta: [Double], quantityCount q: Int, full: Bool) -> [[Double]] {
        guard let weights = design.replicates else { return [] }
        return (0..<(theta.count / max(q, 1))).map { d in
            var flat = [Double](repeating: 0, count: weights.count * q)
            for r in 0..<weights.count { for k in 0..<q { flat[r * q + k] = replicates[r][d * q + k] } }
            return weights.covariance(replicates: flat, estimate: Array(theta[(d * q)..<(d * q + q)]), full: full)
        }
    }

    /// Estimates and linearized values of every domain from `cellSums`.
    func linearize(_ input: Input, cellSums: CellSums) -> Linearization {
        let sums = cellSums.values, width = cellSums.width, categories = cellSums.categories
        let D = cells.domainCount
        let calibrationCells = CalibrationCells(design: design, domainCount: D, width: width)
        let calibrationSums = cellSums.calibration

        // Domain totals.
        var totals = [Double](repeating: 0, count: D * width)
        for c in 0..<cells.count {
            let d = Int(cells.domainOfCell[c])
            for s in 0..<width { totals[d * width + s] += sums[c * width + s] }
        }

        // Estimates and linearized values per cell.
        let q = Self.quantityCount(input, categories: categories)
        let theta = Self.estimates(input, totals: totals[...], domainCount: D, width: width, categories: categories)
        /// Linearized values of the q quantities from sums at `s` of domain `d`.
        func linearized(_ buffer: [Double], at s: Int, domain d: Int, into out: inout [Double], at o: Int) {
            let t = d * width
            switch input {
            case .mean: out[o] = (buffer[s + 2] - theta[d] * buffer[s + 1]) / totals[t + 1]
            case .total: out[o] = buffer[s + 2]
            case .ratio: out[o] = (buffer[s + 2] - theta[d] * buffer[s + 3]) / totals[t + 3]
            case .proportion:
                for k in 0..<q { out[o + k] = (buffer[s + 2 + k] - theta[d * q + k] * buffer[s + 1]) / totals[t + 1] }
            }
        }
        var z = [Double](repeating: 0, count: cells.count * q)
        if q > 0 {
            for c in 0..<cells.count { linearized(sums, at: c * width, domain: Int(cells.domainOfCell[c]), into: &z, at: c * q) }
        }
        let calibrationZ = q > 0 ? calibrationCells.linearized(calibrationSums, quantityCount: q, using: linearized) : []
        return Linearization(totals: totals, quantityCount: q, theta: theta, z: z, calibrationZ: calibrationZ)
    }

    /// Estimates for every domain (and category), in domain order then category order.
    /// - Parameter precomputed: the cells' sums for `input` when already accumulated.
    func estimate(_ input: Input, sums precomputed: CellSums? = nil) throws(SurveyError) -> [DomainEstimate] {
        let cellSums = precomputed ?? sums(input)
        let sums = cellSums.values, width = cellSums.width, categories = cellSums.categories
        let moments = cellSums.moments
        let (shiftY, shiftX) = cellSums.shifts
        let D = cells.domainCount
        let linearization = linearize(input, cellSums: cellSums)
        let q = linearization.quantityCount
        if q == 0 { return [] }
        let totals = linearization.totals, theta = linearization.theta
        let z = linearization.z, calibrationZ = linearization.calibrationZ
        let variances: [[Double]]
        var logitVariances: [[Double]] = []
        if design.replicates != nil {
            let replicates = replicateEstimates(input, cellSums: cellSums)
            variances = replicateCovariances(replicates, theta: theta, quantityCount: q, full: false)
            if case .proportion = input {
                let logit = { (p: Double) in log(p / (1 - p)) }
                logitVariances = replicateCovariances(replicates.map { $0.map(logit) }, theta: theta.map(logit), quantityCount: q, full: false)
            }
        } else {
            // Domains with no valid respondents have no estimate; keep them out of the variance.
            variances = try variance.covariances(
                unitOfCell: cells.unitOfCell, domainOfCell: cells.domainOfCell, domainCount: D, quantityCount: q,
                z: z.map { $0.isFinite ? $0 : 0 }, full: false, calibrationSums: calibrationZ)
        }
        let df = cells.degreesOfFreedom(design: design) { sums[$0 * width] > 0 }

        var out: [DomainEstimate] = []
        for d in 0..<D {
            let t = d * width
            let nValid = Int(totals[t])
            let N = totals[t + 1]
            for k in 0..<q {
                let est = theta[d * q + k]
                var srs: Double? = nil, srsReplace: Double? = nil
                var count = nValid
                var weighted = N
                if case .proportion = input {
                    count = Int(totals[t + 2 + categories + k])
                    weighted = totals[t + 2 + k]
                }
                if designEffects, nValid > 1 {
                    let nn = Double(nValid)
                    let s2: Double
                    let m = d * 5
                    switch input {
                    case .mean, .total:
                        // Σw(y − ȳ)² from moments about the shift.
                        let meanShifted = moments[m + 3] / N
                        s2 = (moments[m] - N * meanShifted * meanShifted) / N * nn / (nn - 1)
                    case .ratio:
                        // r = (y − R x)/X̂; Σw(y − Rx)² with y − Rx = a − R b + (s − R t).
                        let r = est, kk = shiftY - r * shiftX
                        let ss = moments[m] + r * r * moments[m + 1] - 2 * r * moments[m + 2]
                            + 2 * kk * (moments[m + 3] - r * moments[m + 4]) + kk * kk * N
                        let X = totals[t + 3]
                        s2 = ss / (X * X) / N * nn / (nn - 1)
                    case .proportion:
                        s2 = est * (1 - est) * nn / (nn - 1)
                    }
                    let scale: Double
                    switch input {
                    case .total, .ratio: scale = N * N
                    default: scale = 1
                    }
                    srs = N < nn ? .nan : s2 * scale * (N - nn) / (N * nn)
                    srsReplace = s2 * scale / nn
                }
                out.append(DomainEstimate(
                    domain: d, category: categories > 0 ? k : nil, estimate: est, variance: variances[d][k],
                    srsVariance: srs, srsVarianceWithReplacement: srsReplace, unweightedCount: count,
                    domainRespondents: nValid, weightedCount: weighted, domainWeight: N, degreesOfFreedom: df[d],
                    logitVariance: logitVariances.isEmpty ? nil : logitVariances[d][k]))
            }
        }
        return out
    }
}
