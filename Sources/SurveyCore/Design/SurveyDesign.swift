/// A sampling design compiled against a data set: weights and, per stage, dense indices of
/// strata and units, so that estimation never hashes inside a loop over respondents.
///
/// Construction follows R's `svydesign()` (Lumley 2004, *J. Stat. Software* 9(8)):
/// weights given, or implied by population-size fpc (∏ N/n over stages), or 1; clusters of
/// later stages nested in earlier ones; `nest` reads PSU identifiers within strata; fpc per
/// stage as population sizes (all > 1) or sampling fractions (all ≤ 1).
public struct SurveyDesign: Sendable {
    public let spec: DesignSpec
    public let rowCount: Int
    /// Weight of every respondent (all positive and finite): the sampling weights, or the
    /// weights after calibration or trimming.
    public private(set) var weights: [Double]
    /// The calibrations applied to the weights, in order; each changes the linearized values
    /// entering every variance (``CalibrationAdjustment``).
    public private(set) var calibrations: [CalibrationAdjustment] = []
    /// B_jᵀ A_l of calibration j over earlier calibration l (K_j × K_l, row-major), indexed
    /// [j][l] for l < j, for residuals of residuals.
    private(set) var calibrationCrossProducts: [[[Double]]] = []
    /// What was done to the sampling weights, in order ("raked to 2 margins (…)", "trimmed to
    /// [20, 45]"); empty when they are used as they are.
    public private(set) var weightAdjustments: [String] = []
    /// The sampling stages, first stage first. Without clusters, every respondent is a PSU.
    public let stages: [DesignStage]
    /// Whether variance is computed stage by stage (every cluster stage has an fpc, as
    /// `svyrecvar`), rather than from PSU totals only (ultimate cluster).
    public let isMultistage: Bool
    /// Design degrees of freedom of the whole sample: PSUs − strata (R `degf()`); with
    /// replicate weights, their rank less one.
    public internal(set) var degreesOfFreedom: Int
    /// Replicate weights, when the variance comes from replicates (R `svrepdesign`,
    /// `as.svrepdesign`) rather than from strata and clusters by linearization.
    public internal(set) var replicates: ReplicateWeights?

    /// Compiles `spec` against `dataset`.
    /// - Throws: ``SurveyError`` for unknown or unsuitable variables, bad weights, clusters
    ///   not nested in strata (without `nest`), fpc smaller than the sample, a single PSU.
    public init(_ spec: DesignSpec, dataset: Dataset) throws(SurveyError) {
        let n = dataset.rowCount
        guard n > 0 else { throw SurveyError(.invalidData, "The data has no respondents; check that the file has rows below its header.") }
        self.spec = spec
        self.rowCount = n

        // Strata of stage 1, numbered 0..<strataNames1.count (in order of appearance when
        // strataFirstRows is known).
        var strata1: [Int32]
        var strataNames1: [String]
        var strataFirstRows: [Int]?
        if let s = spec.strata {
            (strata1, strataNames1, strataFirstRows) = try Self.denseIdentifiers(dataset.column(s), role: "strata")
        } else {
            strata1 = [Int32](repeating: 0, count: n)
            strataNames1 = ["1"]
            strataFirstRows = [0]
        }

        // Cluster identifiers per stage, made nested: a stage-s unit is the combination of
        // its own identifier with all earlier ones (and the stratum, when nested). Every
        // stage's identifiers lie in 0..<bound, numbered in order of appearance when firstRow
        // is known (whole-number identifiers and combinations are; others are renumbered).
        var units: [Identifiers] = []
        if spec.clusters.isEmpty {
            units.append(((0..<n).map { Int32($0) }, n, Array(0..<n)))
        } else {
            var previous: Identifiers? = nil
            for name in spec.clusters {
                let (raw, names, firstRow) = try Self.denseIdentifiers(dataset.column(name), role: "cluster")
                var combined: Identifiers = previous.map { Self.combine($0.ids, $0.bound, raw, names.count) } ?? (raw, names.count, firstRow)
                if spec.nest, spec.strata != nil { combined = Self.combine(strata1, strataNames1.count, combined.ids, combined.bound) }
                units.append(combined)
                previous = combined
            }
        }
        let unitIDs = units.map(\.ids)
        // The PSUs numbered in order of appearance, as every stage's units and strata are below.
        let primaryUnits = Self.inOrderOfAppearance(units[0])
        let psuDistinct = primaryUnits.count
        if psuDistinct == 1 && !(spec.nest && spec.strata != nil) {
            throw SurveyError(.invalidDesign, "The design has only one primary sampling unit ('\(spec.clusters.first ?? "respondent")' takes a single value); a variance needs at least two PSUs, so check the cluster variable.")
        }

        // Clusters must be nested in strata unless `nest` says identifiers repeat: every
        // respondent in the stratum of its PSU's first respondent.
        if spec.strata != nil, !spec.nest, !spec.clusters.isEmpty,
           !Self.unitsLieInStrata(unitOfRow: primaryUnits.codes, firstRowOfUnit: primaryUnits.firstRow, strata: strata1) {
            // Found again one respondent at a time, for the same message in the same order.
            var stratumOfPSU = [Int32](repeating: -1, count: units[0].bound)
            for i in 0..<n {
                let u = Int(unitIDs[0][i])
                if stratumOfPSU[u] < 0 { stratumOfPSU[u] = strata1[i] }
                else if stratumOfPSU[u] != strata1[i] {
                    let psuName = Self.label(try? dataset.column(spec.clusters[0]), row: i)
                    throw SurveyError(.invalidDesign, "Cluster \(spec.clusters[0]) = \(psuName) appears in more than one stratum of '\(spec.strata!)' (\(strataNames1[Int(stratumOfPSU[u])]) and \(strataNames1[Int(strata1[i])])); add \(parameter: .nest) if cluster identifiers are only unique within strata.")
                }
            }
        }

        // Strata of each stage: stage 1 as given, stage s > 1 the units of stage s − 1.
        let stageCount = unitIDs.count
        var stageStrata: [Identifiers] = [(strata1, strataNames1.count, strataFirstRows)]
        for s in 1..<stageCount { stageStrata.append(units[s - 1]) }

        // fpc per stage.
        guard spec.fpc.count <= max(stageCount, 1) else {
            throw SurveyError(.invalidDesign, "\(spec.fpc.count) fpc variables were given for \(stageCount) sampling stage(s); give at most one \(parameter: .fpc) per \(parameter: .cluster) stage.")
        }
        var fpcValues: [[Double]] = []
        for name in spec.fpc {
            let column = try dataset.column(name)
            guard case .numeric(let v) = column.values else {
                throw SurveyError(.invalidVariable, "The fpc variable '\(name)' is \(column.typeName), not numeric; give population sizes or sampling fractions as numbers.")
            }
            if let bad = v.firstIndex(where: { $0.isNaN }) {
                throw SurveyError(.invalidDesign, "The fpc variable '\(name)' is missing for respondent \(bad + 1); every respondent needs a population size or sampling fraction.")
            }
            if let bad = v.firstIndex(where: { $0 <= 0 || !$0.isFinite }) {
                throw SurveyError(.invalidDesign, "The fpc variable '\(name)' is \(Self.format(v[bad])) for respondent \(bad + 1); an fpc must be a positive population size or a sampling fraction in (0, 1].")
            }
            fpcValues.append(v)
        }
        if !fpcValues.isEmpty {
            let anyAbove = fpcValues.contains { $0.contains { $0 > 1 } }
            let allAtLeastOne = fpcValues.allSatisfy { $0.allSatisfy { $0 >= 1 } }
            if anyAbove != allAtLeastOne {
                throw SurveyError(.invalidDesign, "The fpc variables mix population sizes (values > 1) and sampling fractions (values < 1); give all stages the same kind.")
            }
        }
        let fpcArePopulationSizes = fpcValues.contains { $0.contains { $0 > 1 } }

        // Build stages.
        var stages: [DesignStage] = []
        var ancestorFractionOfUnit: [Double]? = nil   // per unit of previous stage
        for s in 0..<stageCount {
            let (unitOfRow, unitCount, firstRowOfUnit) = s == 0 ? primaryUnits : Self.inOrderOfAppearance(units[s])
            // Strata numbered in order of appearance; every respondent's is needed only to check an fpc.
            let stratumIDs = stageStrata[s].ids
            let (stratumOfID, firstRowOfStratum) = stageStrata[s].firstRow.map { (Array(0..<Int32($0.count)), $0) }
                ?? FirstAppearanceNumbering.numbers(stratumIDs, bound: stageStrata[s].bound)
            let strataCount = firstRowOfStratum.count
            var stratumOfUnit = [Int32](repeating: 0, count: unitCount)
            for u in 0..<unitCount { stratumOfUnit[u] = stratumOfID[Int(stratumIDs[firstRowOfUnit[u]])] }
            var sampleSize = [Int](repeating: 0, count: strataCount)
            for u in 0..<unitCount { sampleSize[Int(stratumOfUnit[u])] += 1 }
            var populationSize = [Double](repeating: .infinity, count: strataCount)
            let names: [String] = s == 0
                ? firstRowOfStratum.map { strataNames1[Int(strata1[$0])] }
                : firstRowOfStratum.map { "\(spec.clusters[s - 1]) = \(Self.label(try? dataset.column(spec.clusters[s - 1]), row: $0))" }
            if s < fpcValues.count {
                let f = fpcValues[s]
                for h in 0..<strataCount {
                    let value = f[firstRowOfStratum[h]]
                    populationSize[h] = fpcArePopulationSizes ? value : Double(sampleSize[h]) / value
                }
                // fpc must be constant within strata (R warns; we refuse, as the result would be arbitrary).
                for i in 0..<n {
                    let h = Int(stratumOfID[Int(stratumIDs[i])])
                    guard f[i] == f[firstRowOfStratum[h]] else {
                        throw SurveyError(.invalidDesign, "The fpc variable '\(spec.fpc[s])' varies within stratum \(names[h]) at stage \(s + 1) (\(Self.format(f[firstRowOfStratum[h]])) and \(Self.format(f[i]))); it must be constant within each stratum.")
                    }
                }
                for h in 0..<strataCount where populationSize[h] < Double(sampleSize[h]) * (1 - 1e-12) {
                    throw SurveyError(.invalidDesign, "The fpc variable '\(spec.fpc[s])' gives a population of \(Self.format(populationSize[h])) units in stratum \(names[h]) at stage \(s + 1), fewer than the \(sampleSize[h]) sampled; check that it holds population sizes (or fractions ≤ 1).")
                }
            }
            var parent = [Int32](repeating: -1, count: strataCount)
            var ancestor = [Double](repeating: 1, count: strataCount)
            if s > 0, let previous = stages.last, let pf = ancestorFractionOfUnit {
                for h in 0..<strataCount {
                    let p = previous.unitOfRow[firstRowOfStratum[h]]
                    parent[h] = p
                    ancestor[h] = pf[Int(p)]
                }
            }
            // Fraction carried to the next stage, per unit of this stage.
            var nextFraction = [Double](repeating: 0, count: unitCount)
            for u in 0..<unitCount {
                let h = Int(stratumOfUnit[u])
                nextFraction[u] = ancestor[h] * Double(sampleSize[h]) / populationSize[h]
            }
            ancestorFractionOfUnit = nextFraction
            stages.append(DesignStage(
                unitOfRow: unitOfRow, unitCount: unitCount, stratumOfUnit: stratumOfUnit, strataCount: strataCount,
                sampleSize: sampleSize, populationSize: populationSize, parentUnitOfStratum: parent,
                ancestorFraction: ancestor, stratumNames: names))
        }
        self.stages = stages
        self.isMultistage = stageCount > 1 && fpcValues.count == stageCount

        // Weights.
        if let w = spec.weights {
            let column = try dataset.column(w)
            guard case .numeric(let values) = column.values else {
                throw SurveyError(.invalidWeights, "The weight variable '\(w)' is \(column.typeName), not numeric; choose a numeric column of sampling weights.")
            }
            if !Self.allPositiveAndFinite(values) {
                if let bad = values.firstIndex(where: { $0.isNaN }) {
                    throw SurveyError(.invalidWeights, "The weight variable '\(w)' is missing for respondent \(bad + 1); every respondent needs a positive weight (drop or impute those rows).")
                }
                if let bad = values.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
                    throw SurveyError(.invalidWeights, "The weight variable '\(w)' is \(Self.format(values[bad])) for respondent \(bad + 1); sampling weights must be positive and finite (remove out-of-sample rows instead of giving them weight 0).")
                }
            }
            weights = values
        } else if !fpcValues.isEmpty {
            var w = [Double](repeating: 1, count: n)
            for stage in stages.prefix(fpcValues.count) {
                for i in 0..<n {
                    let h = Int(stage.stratumOfUnit[Int(stage.unitOfRow[i])])
                    w[i] *= stage.populationSize[h] / Double(stage.sampleSize[h])
                }
            }
            weights = w
        } else {
            weights = [Double](repeating: 1, count: n)
        }

        degreesOfFreedom = stages[0].unitCount - stages[0].strataCount

        if let replicateSpec = spec.replicateWeights {
            let other: RequestParameter? = spec.strata != nil ? .strata : !spec.clusters.isEmpty ? .cluster
                : !spec.fpc.isEmpty ? .fpc : spec.replicates != nil ? .replicates : nil
            if let other {
                throw SurveyError(.invalidDesign, "\(parameter: .replicateWeights) gives the variance from replicate weights, so \(parameter: other) has no part in it; leave \(parameter: other) out (R's svrepdesign takes no strata or clusters).", field: other, value: nil)
            }
            guard spec.weights != nil else {
                throw SurveyError(.invalidDesign, "Replicate weights need the full-sample weight they were made from; add \(parameter: .weight, "WEIGHT") (the column the data's documentation names as the final weight).", field: .weight, value: nil)
            }
            replicates = try ReplicateWeights(replicateSpec, dataset: dataset)
        } else if let conversion = spec.replicates {
            // Made from the sampling weights; a later calibration is redone on every replicate.
            replicates = try ReplicateConversion.replicates(of: self, spec: conversion)
        }
        if let replicates { degreesOfFreedom = replicates.degreesOfFreedom() }
    }

    /// The first stage.
    public var primary: DesignStage { stages[0] }

    /// Whether weights may be zero: true in the view of one replicate, whose dropped units
    /// weigh nothing (``replicateView(_:)``).
    public private(set) var allowsZeroWeights = false

    /// The design as replicate `r` sees it: its weights are the replicate's (zero for the units
    /// it leaves out), without replicates or calibrations of its own, so that weighting can be
    /// redone on every replicate as R's `calibrate()` does for a replicate design.
    public func replicateView(_ r: Int) -> SurveyDesign {
        var copy = self
        if let replicates { copy.weights = replicates.column(r) }
        copy.replicates = nil
        copy.calibrations = []
        copy.calibrationCrossProducts = []
        copy.weightAdjustments = []
        copy.allowsZeroWeights = true
        return copy
    }

    /// The same design with new replicate weights, row-major as ``ReplicateWeights/values``
    /// (the replicates after weighting each of them).
    public func replacingReplicateWeights(_ values: [Double]) throws(SurveyError) -> SurveyDesign {
        guard let replicates else {
            throw SurveyError(.invalidDesign, "The design has no replicate weights to replace; add \(parameter: .replicateWeights) or \(parameter: .replicates).")
        }
        var copy = self
        copy.replicates = try ReplicateWeights(
            type: replicates.type, count: replicates.count, values: values, scale: replicates.scale,
            rscales: replicates.rscales, mse: replicates.mse, fayRho: replicates.fayRho, columns: replicates.columns)
        return copy
    }

    /// The same design with other weights, as after trimming (R's `trimWeights()`): earlier
    /// calibrations keep their residuals, as R keeps the design's `postStrata`.
    /// - Throws: ``SurveyError`` when the count differs or a weight is not positive and finite.
    /// - Parameter description: what was done, for the design summary.
    public func replacingWeights(_ newWeights: [Double], description: String? = nil) throws(SurveyError) -> SurveyDesign {
        try Self.checkWeights(newWeights, count: rowCount, zeroAllowed: allowsZeroWeights)
        var copy = self
        copy.weights = newWeights
        if let description { copy.weightAdjustments.append(description) }
        return copy
    }

    /// The design after a calibration: the new weights, and the calibration remembered so that
    /// variances use calibration residuals (``CalibrationAdjustment``).
    public func calibrated(weights newWeights: [Double], adjustment: CalibrationAdjustment) throws(SurveyError) -> SurveyDesign {
        try Self.checkWeights(newWeights, count: rowCount, zeroAllowed: allowsZeroWeights)
        guard adjustment.terms.allSatisfy({ $0.column.count == rowCount && $0.a.count == rowCount && $0.b.count == rowCount }) else {
            throw SurveyError(.invalidDesign, "The calibration has terms for a different number of respondents than the design's \(rowCount); calibrate the design it was built from.")
        }
        var copy = self
        copy.weights = newWeights
        copy.calibrationCrossProducts.append(calibrations.map { earlier in
            Self.crossProduct(b: adjustment, a: earlier)
        })
        copy.calibrations.append(adjustment)
        copy.weightAdjustments.append(adjustment.description)
        return copy
    }

    /// Σ_i b_ik a_il of `b`'s columns k and `a`'s columns l.
    private static func crossProduct(b: CalibrationAdjustment, a: CalibrationAdjustment) -> [Double] {
        let kb = b.columnCount, ka = a.columnCount
        var out = [Double](repeating: 0, count: kb * ka)
        for tb in b.terms {
            for ta in a.terms {
                for i in 0..<tb.column.count {
                    let r = Int(tb.column[i]), c = Int(ta.column[i])
                    if r < 0 || c < 0 { continue }
                    out[r * ka + c] += tb.b[i] * ta.a[i]
                }
            }
        }
        return out
    }

    private static func checkWeights(_ w: [Double], count: Int, zeroAllowed: Bool) throws(SurveyError) {
        guard w.count == count else {
            throw SurveyError(.invalidWeights, "\(w.count) weights were given for a design of \(count) respondents; give one weight per respondent.")
        }
        if let bad = w.firstIndex(where: { !($0 > 0 || (zeroAllowed && $0 == 0)) || !$0.isFinite }) {
            throw SurveyError(.invalidWeights, "The weight of respondent \(bad + 1) would be \(format(w[bad])); weights must be positive and finite.")
        }
    }

    // MARK: - Helpers

    /// Identifiers `0..<bound` of every respondent, numbered in order of first appearance when
    /// `firstRow` (the first respondent of each) is known.
    typealias Identifiers = (ids: [Int32], bound: Int, firstRow: [Int]?)

    /// Dense 0-based identifiers of the values of a column (numeric, categorical or text), and
    /// their names; whole numbers in a narrow range are numbered in order of first appearance
    /// (with the first row of each), any other values in their sorted order.
    static func denseIdentifiers(_ column: Column, role: String) throws(SurveyError) -> ([Int32], [String], [Int]?) {
        switch column.values {
        case .numeric(let v):
            // Whole numbers in a narrow range (the usual case) are numbered without hashing,
            // counting the missing on the way; any other values are checked first.
            let dense = IntegerCodes.inOrderOfAppearance(v)
            if dense == nil || dense!.missing > 0, let bad = v.firstIndex(where: { $0.isNaN }) {
                throw SurveyError(.invalidDesign, "The \(role) variable '\(column.name)' is missing for respondent \(bad + 1); every respondent needs a \(role) value.")
            }
            if let dense { return (dense.codes, dense.distinct.map(format), dense.firstRow) }
            let sorted = Array(Set(v)).sorted()
            var index: [Double: Int32] = [:]
            for (i, x) in sorted.enumerated() { index[x] = Int32(i) }
            return (v.map { index[$0]! }, sorted.map(format), nil)
        case .categorical(let codes, let levels):
            if let bad = codes.firstIndex(where: { $0 < 0 }) {
                throw SurveyError(.invalidDesign, "The \(role) variable '\(column.name)' is missing for respondent \(bad + 1); every respondent needs a \(role) value.")
            }
            return (codes, levels, nil)
        case .text(let t):
            if let bad = t.firstIndex(where: { $0 == nil }) {
                throw SurveyError(.invalidDesign, "The \(role) variable '\(column.name)' is missing for respondent \(bad + 1); every respondent needs a \(role) value.")
            }
            let values = t.map { $0! }
            let sorted = Array(Set(values)).sorted()
            var index: [String: Int32] = [:]
            for (i, x) in sorted.enumerated() { index[x] = Int32(i) }
            return (values.map { index[$0]! }, sorted, nil)
        }
    }

    /// Identifiers of the pairs (a, b) of identifiers `a` in `0..<aBound` and `b` in
    /// `0..<bBound`, numbered in order of first appearance; also returns how many there are
    /// and the first row of each.
    static func combine(_ a: [Int32], _ aBound: Int, _ b: [Int32], _ bBound: Int) -> Identifiers {
        let bRange = Int64(bBound)
        let keyRange = Int64(aBound) * bRange
        var out = [Int32](repeating: 0, count: a.count)
        var first: [Int] = []
        if keyRange <= 1 << 24 {
            // Small key space: an array instead of a hash table.
            var slot = [Int32](repeating: -1, count: Int(keyRange))
            for i in 0..<a.count {
                let k = Int(Int64(a[i]) * bRange + Int64(b[i]))
                if slot[k] < 0 { slot[k] = Int32(first.count); first.append(i) }
                out[i] = slot[k]
            }
            return (out, first.count, first)
        }
        var index: [Int64: Int32] = [:]
        for i in 0..<a.count {
            let k = Int64(a[i]) * bRange + Int64(b[i])
            if let v = index[k] { out[i] = v } else {
                let v = Int32(first.count)
                index[k] = v
                first.append(i)
                out[i] = v
            }
        }
        return (out, first.count, first)
    }

    /// Every row's identifier numbered in order of appearance, how many there are and the first
    /// row of each: as they are when that order is known, else renumbered.
    static func inOrderOfAppearance(_ identifiers: Identifiers) -> (codes: [Int32], count: Int, firstRow: [Int]) {
        guard let firstRow = identifiers.firstRow else {
            return FirstAppearanceNumbering.renumber(identifiers.ids, bound: identifiers.bound)
        }
        return (identifiers.ids, firstRow.count, firstRow)
    }

    /// Whether every unit's respondents lie in the stratum of its first respondent (one pass,
    /// split across cores).
    static func unitsLieInStrata(unitOfRow: [Int32], firstRowOfUnit: [Int], strata: [Int32]) -> Bool {
        let stratumOfUnit = firstRowOfUnit.map { strata[$0] }
        return unitOfRow.withUnsafeBufferPointer { units in
            strata.withUnsafeBufferPointer { strata in
                stratumOfUnit.withUnsafeBufferPointer { stratumOfUnit in
                    RowChunks.map(RowChunks.ranges(units.count)) { range in
                        var differs = 0
                        for i in range { differs |= strata[i] != stratumOfUnit[Int(units[i])] ? 1 : 0 }
                        return differs == 0
                    }
                }
            }
        }.allSatisfy { $0 }
    }

    /// Whether every value is positive and finite (NaN is not): one pass, split across cores.
    static func allPositiveAndFinite(_ values: [Double]) -> Bool {
        values.withUnsafeBufferPointer { v in
            RowChunks.map(RowChunks.ranges(v.count)) { range in
                var bad = 0
                for i in range { bad |= v[i] > 0 && v[i] < .infinity ? 0 : 1 }
                return bad == 0
            }
        }.allSatisfy { $0 }
    }

    static func label(_ column: Column?, row: Int) -> String {
        guard let column else { return "\(row + 1)" }
        switch column.values {
        case .numeric(let v): return format(v[row])
        case .categorical(let c, let l): return c[row] >= 0 ? l[Int(c[row])] : "NA"
        case .text(let t): return t[row] ?? "NA"
        }
    }

    /// A number as a person would write it: integers without a decimal point.
    static func format(_ x: Double) -> String { NumberFormatting.code(x) }
}
