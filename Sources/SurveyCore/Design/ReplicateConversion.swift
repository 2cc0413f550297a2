/// Replicate weights made from a stratified, clustered design, as R's
/// `as.svrepdesign(design, type =)` makes them (survey 4.1.1; Lumley 2010, §2.3; Wolter 2007,
/// ch. 3–5), so that a design given by strata and clusters can be analysed by replication.
///
/// Replicates are made from the first sampling stage, as R does (later stages and their fpc are
/// dropped; R warns). Every replicate weight is a factor of the PSU times the design's weight,
/// `values[i · R + r] = f(PSU of i, r) · weights[i]` (R's analysis weights). PSUs are taken in the
/// order they first appear in the data and strata as R takes them, so that the replicates equal
/// R's column for column:
///
/// | type | replicates (R) | factors | scale, rscales |
/// | --- | --- | --- | --- |
/// | `jk1` (no strata) | one per PSU, deleting it (`jk1weights`) | 0 for the PSU, n/(n − 1) for the others | (1 − n/N)·(n − 1)/n, 1 |
/// | `jkn` | one per PSU of every stratum with an fpc below 1, strata in order of appearance (`jknweights`) | 0 for the PSU, n_h/(n_h − 1) for its stratum, 1 elsewhere | 1, (1 − n_h/N_h)·(n_h − 1)/n_h |
/// | `brr` | the columns of R's `hadamard(H)` (`brrweights`), strata in sorted order | 2 for one PSU of each pair, 0 for the other | 1/R, 1 |
/// | `fay` | as `brr` | 2 − ρ and ρ | 1/(R (1 − ρ)²), 1 |
/// | `bootstrap` | `count` (default 50) draws of n_h of the n_h PSUs of every stratum, with replacement, or without replacement from ⌊N_h⌋ copies with an fpc (`bootweights`, ``BootstrapResampler``) | times drawn | n̄/((n̄ − 1)(R − 1)), 1 |
///
/// with n̄ the harmonic mean of PSUs per stratum. Without an fpc N is infinite. BRR and Fay use no
/// fpc (R drops it with a warning). A stratum with a single PSU in `jkn` follows the design's
/// lonely-PSU policy as R follows `options(survey.lonely.psu)`: `fail` refuses, `remove` and
/// `certainty` make no replicate for it, `average` also multiplies the scale by PSUs/replicates,
/// `adjust` makes one replicate without the stratum (factor H/(H − 1) elsewhere, rscale
/// (H − 1)/H for H strata). Strata sampled completely (N_h = n_h) make no replicates, as R's
/// `survey.drop.replicates`.
///
/// Replicates made from calibrated weights keep the calibrated weights but are not calibrated
/// themselves; calibrate the replicate design instead, as R's `calibrate()` on an `svyrep.design`.
public enum ReplicateConversion {
    /// Bootstrap replicates unless a count is given (R's `replicates = 50`).
    public static let defaultBootstrapCount = 50

    /// The seed of the bootstrap's draws unless one is given, 1999 (the year of Canty & Davison's
    /// bootstrap of survey designs, which R's `bootweights` follows), so that an analysis repeats
    /// exactly.
    public static let defaultSeed: UInt64 = 1999

    /// The most replicate weights (respondents × replicates) one design may hold, 2²⁸ (2 GiB).
    public static let maximumValues = 1 << 28

    /// The replicate weights of `design` made as `spec` says.
    ///
    /// - Throws: ``SurveyError`` for a type that cannot be made from a design (`sdr`, `other`), a
    ///   design that already has replicates, `jk1` with strata, `jkn`/`brr`/`fay` without strata,
    ///   `brr`/`fay` with a stratum of other than two PSUs, Fay's ρ missing or outside (0, 1), ρ
    ///   given for another type, fewer than two bootstrap replicates, a lonely PSU under `fail`
    ///   (`jkn`), a design whose PSUs were all sampled with certainty or that gives a single
    ///   replicate, and more than ``maximumValues`` replicate weights.
    public static func replicates(of design: SurveyDesign, spec: ReplicateConversionSpec) throws(SurveyError) -> ReplicateWeights {
        guard design.replicates == nil, design.spec.replicateWeights == nil else {
            throw SurveyError(.invalidDesign, "The design already has replicate weights, so no \(spec.type.rawValue) replicates can be made from its strata and clusters; use \(surface: [.commandLine: "either --replicate-weights or --replicates"], otherwise: "either the replicate weights of the file or replicates made from the design"), not both.")
        }
        if let rho = spec.fayRho, [.jk1, .jkn, .bootstrap].contains(spec.type) {
            throw SurveyError(.invalidDesign, "Fay's ρ (\(NumberFormatting.code(rho))) perturbs the half samples of fay replicates, not \(spec.type.rawValue) replicates; drop ρ, or make fay replicates.", value: NumberFormatting.code(rho))
        }
        let stratified = design.spec.strata != nil
        let made: Made
        switch spec.type {
        case .jk1:
            if stratified {
                throw SurveyError(.invalidDesign, "JK1 replicates delete one PSU of an unstratified design, but this design has strata '\(design.spec.strata!)'; make jkn replicates (the stratified jackknife) or bootstrap replicates instead.", value: spec.type.rawValue)
            }
            made = try jackknife(design)
        case .jkn:
            try requireStrata(stratified, spec.type)
            made = try stratifiedJackknife(design)
        case .brr, .fay:
            try requireStrata(stratified, spec.type)
            made = try balancedRepeatedReplication(design, rho: try fayRho(spec))
        case .bootstrap:
            let count = spec.count ?? defaultBootstrapCount
            guard count >= 2 else {
                throw SurveyError(.invalidDesign, "A bootstrap needs at least 2 replicates, not \(count); give more, e.g. \(surface: [.commandLine: "--replicates-count 50"], otherwise: "count: 50") (R's default is 50).", value: String(count))
            }
            made = try bootstrap(design, count: count, seed: spec.seed ?? defaultSeed)
        case .sdr, .other:
            throw SurveyError(.invalidDesign, "\(spec.type.rawValue) replicates cannot be made from a design's strata and clusters; make jk1, jkn, brr, fay or bootstrap replicates, or read \(spec.type.rawValue) replicate weights from the file\(surface: [.commandLine: " with --replicate-weights"]).", value: spec.type.rawValue)
        }
        return try ReplicateWeights(
            type: spec.type, count: made.count, values: made.values, scale: made.scale, rscales: made.rscales,
            mse: spec.mse, fayRho: spec.type == .fay ? spec.fayRho : nil)
    }

    /// Replicate weights `[i · count + r]` and the variance's constants.
    struct Made {
        var count: Int
        var values: [Double]
        var scale: Double
        var rscales: [Double]
    }

    private static func requireStrata(_ stratified: Bool, _ type: ReplicateType) throws(SurveyError) {
        guard stratified else {
            throw SurveyError(.invalidDesign, "\(type.rawValue) replicates pair or delete PSUs within strata, but the design has no strata; give \(parameter: .strata), or make jk1 or bootstrap replicates for an unstratified design.", value: type.rawValue)
        }
    }

    /// ρ of Fay's method, 0 for BRR.
    private static func fayRho(_ spec: ReplicateConversionSpec) throws(SurveyError) -> Double {
        let example: ErrorText = "\(surface: [.commandLine: "--fay-rho 0.5"], otherwise: "fayRho: 0.5")"
        if spec.type == .brr {
            guard let rho = spec.fayRho, rho != 0 else { return 0 }
            throw SurveyError(.invalidDesign, "Fay's ρ (\(NumberFormatting.code(rho))) was given with brr replicates; make fay replicates to perturb the half samples by ρ, or drop ρ for plain BRR.", value: NumberFormatting.code(rho))
        }
        guard let rho = spec.fayRho else {
            throw SurveyError(.invalidDesign, "Fay replicates need Fay's ρ, the weight kept by the half sample left out; give a value between 0 and 1, e.g. \(example).")
        }
        guard rho > 0, rho < 1 else {
            throw SurveyError(.invalidDesign, "Fay's ρ is \(NumberFormatting.code(rho)), but it must lie strictly between 0 and 1 (0 is plain BRR); give e.g. \(example).", value: NumberFormatting.code(rho))
        }
        return rho
    }

    /// The fpc of a stratum as R's `jk1weights` takes it: (N − n)/N, or 1 without one.
    private static func finiteCorrection(_ stage: DesignStage, _ h: Int) -> Double {
        let population = stage.populationSize[h]
        return population.isFinite ? (population - Double(stage.sampleSize[h])) / population : 1
    }

    /// Each PSU's place among the PSUs of its stratum.
    private static func placeInStratum(_ stage: DesignStage) -> [Int] {
        var seen = [Int](repeating: 0, count: stage.strataCount)
        var out = [Int](repeating: 0, count: stage.unitCount)
        for u in 0..<stage.unitCount {
            let h = Int(stage.stratumOfUnit[u])
            out[u] = seen[h]
            seen[h] += 1
        }
        return out
    }

    /// Zeroed replicate weights for `count` replicates, refused beyond ``maximumValues`` before
    /// they are made.
    private static func allocate(rows: Int, count: Int, type: ReplicateType) throws(SurveyError) -> [Double] {
        guard count >= 2 else {
            throw SurveyError(.invalidDesign, "The design gives a single \(type.rawValue) replicate (every other stratum was sampled completely or has a lonely PSU), and a variance needs at least two; choose another \(parameter: .lonelyPSU) policy or make bootstrap replicates.", value: type.rawValue)
        }
        guard rows <= maximumValues / count else {
            let total = NumberFormatting.code(Double(rows) * Double(count))
            throw SurveyError(.invalidDesign, "\(count) \(type.rawValue) replicates of \(rows) respondents would be \(total) replicate weights, more than the \(maximumValues) Barometer holds; \(type == .bootstrap ? "make fewer replicates" : "give the design's clusters, or make bootstrap replicates, so that there are fewer replicates").", value: type.rawValue)
        }
        return [Double](repeating: 0, count: rows * count)
    }

    // MARK: - Jackknife

    /// R's `jk1weights`: replicate r deletes PSU r.
    private static func jackknife(_ design: SurveyDesign) throws(SurveyError) -> Made {
        let stage = design.primary
        let units = stage.unitCount
        let fpc = finiteCorrection(stage, 0)
        guard fpc > 0 else {
            throw SurveyError(.invalidDesign, "All \(units) PSUs of the population were sampled (the fpc gives a population of \(NumberFormatting.code(stage.populationSize[0]))), so jackknife replicates would carry no variance; check \(parameter: .fpc).")
        }
        var values = try allocate(rows: design.rowCount, count: units, type: .jk1)
        let n = Double(units)
        let factor = n / (n - 1)
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<design.rowCount {
                let row = i * units, weight = factor * design.weights[i]
                for r in 0..<units { v[row + r] = weight }
                v[row + Int(stage.unitOfRow[i])] = 0
            }
        }
        return Made(count: units, values: values, scale: fpc * (n - 1) / n, rscales: [Double](repeating: 1, count: units))
    }

    /// R's `jknweights`: within each stratum in order of appearance, one replicate deleting each
    /// of its PSUs (factor n_h/(n_h − 1) for the stratum's other PSUs, 1 elsewhere).
    private static func stratifiedJackknife(_ design: SurveyDesign) throws(SurveyError) -> Made {
        let stage = design.primary, lonelyPSU = design.spec.lonelyPSU
        let units = stage.unitCount, strata = stage.strataCount
        // The replicates deleting the PSUs of stratum h: columns first[h] ..< first[h] + n_h.
        var first = [Int?](repeating: nil, count: strata)
        var factor = [Double](repeating: 1, count: strata)
        // Replicates (with `adjust`) without a lonely stratum: factor H/(H − 1) for the others.
        var adjusted: [(column: Int, stratum: Int, factor: Double)] = []
        var rscales: [Double] = []
        for h in 0..<strata {
            let n = stage.sampleSize[h]
            let fpc = finiteCorrection(stage, h)
            guard fpc > 0 else { continue }   // sampled completely: no replicates (survey.drop.replicates)
            if n == 1 {
                switch lonelyPSU {
                case .fail:
                    throw SurveyError(.lonelyPSU, "Stratum \(stage.stratumNames[h]) has a single PSU, so no jackknife replicate can delete it; choose a lonely-PSU policy such as \(parameter: .lonelyPSU, "adjust") or \(parameter: .lonelyPSU, "remove"), or merge the stratum with a similar one.", field: .lonelyPSU, value: stage.stratumNames[h])
                case .remove, .certainty, .average:
                    continue
                case .adjust:
                    guard strata > 1 else {
                        throw SurveyError(.lonelyPSU, "Stratum \(stage.stratumNames[h]) has a single PSU and is the only stratum, so no jackknife replicate can be made; give the design's clusters or more strata.", field: .lonelyPSU, value: stage.stratumNames[h])
                    }
                    let H = Double(strata)
                    adjusted.append((column: rscales.count, stratum: h, factor: H / (H - 1)))
                    rscales.append((H - 1) / H)
                    continue
                }
            }
            let size = Double(n)
            first[h] = rscales.count
            factor[h] = size / (size - 1)
            rscales.append(contentsOf: repeatElement(fpc * (size - 1) / size, count: n))
        }
        guard !rscales.isEmpty else {
            throw SurveyError(.invalidDesign, "Every stratum was sampled completely (its fpc equals its number of PSUs), so the design has no sampling variance and no jackknife replicates; check \(parameter: .fpc).")
        }
        let count = rscales.count
        var values = try allocate(rows: design.rowCount, count: count, type: .jkn)
        let place = placeInStratum(stage)
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<design.rowCount {
                let u = Int(stage.unitOfRow[i]), h = Int(stage.stratumOfUnit[u])
                let row = i * count, w = design.weights[i]
                for r in 0..<count { v[row + r] = w }
                if let start = first[h] {
                    let scaled = factor[h] * w
                    for r in start..<(start + stage.sampleSize[h]) { v[row + r] = scaled }
                    v[row + start + place[u]] = 0
                }
                for a in adjusted { v[row + a.column] = a.stratum == h ? 0 : a.factor * w }
            }
        }
        var scale = 1.0
        if count < units, lonelyPSU == .average { scale = Double(units) / Double(count) }
        return Made(count: count, values: values, scale: scale, rscales: rscales)
    }

    // MARK: - Balanced repeated replication

    /// R's `brrweights` for strata of two PSUs: strata sorted by name (as character), PSUs of a
    /// stratum in order of appearance; in replicate c, stratum k (1-based) keeps its first PSU
    /// (factor 2 − ρ, the other ρ) when row k of the Hadamard matrix has 1 in column c, its second
    /// when 0.
    private static func balancedRepeatedReplication(_ design: SurveyDesign, rho: Double) throws(SurveyError) -> Made {
        let stage = design.primary
        let strata = stage.strataCount
        let kind = rho == 0 ? "BRR" : "Fay"
        let unpaired = (0..<strata).filter { stage.sampleSize[$0] != 2 }
        if let h = unpaired.first {
            let more = unpaired.count > 1 ? " (and \(unpaired.count - 1) more strata)" : ""
            let count = stage.sampleSize[h]
            throw SurveyError(.invalidDesign, "\(kind) replicates need exactly two PSUs in every stratum, but stratum \(stage.stratumNames[h]) has \(count) PSU\(count == 1 ? "" : "s")\(more); pair PSUs into strata of two, or make jkn or bootstrap replicates.", value: stage.stratumNames[h])
        }
        // R sorts the strata as character strings; in the C locale, byte by byte.
        let sorted = (0..<strata).sorted { stage.stratumNames[$0].utf8.lexicographicallyPrecedes(stage.stratumNames[$1].utf8) }
        var rank = [Int](repeating: 0, count: strata)
        for (k, h) in sorted.enumerated() { rank[h] = k }
        let hadamard = HadamardMatrix.forStrata(strata)
        let count = hadamard.order
        var values = try allocate(rows: design.rowCount, count: count, type: rho == 0 ? .brr : .fay)
        let place = placeInStratum(stage)
        let kept = 2 - rho
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<design.rowCount {
                let u = Int(stage.unitOfRow[i]), k = rank[Int(stage.stratumOfUnit[u])]
                let isFirst: UInt8 = place[u] == 0 ? 1 : 0
                let row = i * count, w = design.weights[i]
                for c in 0..<count { v[row + c] = (hadamard[k + 1, c] == isFirst ? kept : rho) * w }
            }
        }
        let scale = 1 / (Double(count) * (1 - rho) * (1 - rho))
        return Made(count: count, values: values, scale: scale, rscales: [Double](repeating: 1, count: count))
    }

    // MARK: - Bootstrap

    /// R's `bootweights`: strata in order of appearance, each resampled by ``BootstrapResampler``.
    /// Replicates are drawn in blocks of eight, so that a respondent's weights are written a
    /// cache line at a time and no PSU × replicate matrix is held beside them.
    private static func bootstrap(_ design: SurveyDesign, count: Int, seed: UInt64) throws(SurveyError) -> Made {
        let stage = design.primary
        let strata = stage.strataCount
        // n̄, the harmonic mean of PSUs per stratum (R's psu.per.strata).
        let meanInverse = stage.sampleSize.reduce(0.0) { $0 + 1 / Double($1) } / Double(strata)
        let harmonicMean = 1 / meanInverse
        guard harmonicMean > 1 else {
            throw SurveyError(.invalidDesign, "Every stratum has a single PSU, so a bootstrap cannot resample within strata; give the design's clusters, or merge strata.")
        }
        var values = try allocate(rows: design.rowCount, count: count, type: .bootstrap)
        // Respondents of each stratum (counting sort).
        var start = [Int](repeating: 0, count: strata + 1)
        for i in 0..<design.rowCount { start[Int(stage.stratumOfUnit[Int(stage.unitOfRow[i])]) + 1] += 1 }
        for h in 0..<strata { start[h + 1] += start[h] }
        var next = start
        var rowsByStratum = [Int](repeating: 0, count: design.rowCount)
        for i in 0..<design.rowCount {
            let h = Int(stage.stratumOfUnit[Int(stage.unitOfRow[i])])
            rowsByStratum[next[h]] = i
            next[h] += 1
        }
        let place = placeInStratum(stage)
        let block = 8
        var resampler = BootstrapResampler(seed: seed)
        var drawn: [Int32] = [], once: [Int32] = []
        for h in 0..<strata {
            let n = stage.sampleSize[h]
            resampler.beginStratum(units: n, population: stage.populationSize[h])
            var first = 0
            while first < count {
                let width = min(block, count - first)
                drawn.removeAll(keepingCapacity: true)
                drawn.append(contentsOf: repeatElement(0, count: n * width))
                for k in 0..<width {
                    // One replicate into a compact array (cache-friendly draws), then into the block.
                    once.removeAll(keepingCapacity: true)
                    once.append(contentsOf: repeatElement(0, count: n))
                    resampler.drawReplicate(into: &once)
                    for j in 0..<n { drawn[j * width + k] = once[j] }
                }
                values.withUnsafeMutableBufferPointer { v in
                    for i in rowsByStratum[start[h]..<start[h + 1]] {
                        let row = i * count + first, at = place[Int(stage.unitOfRow[i])] * width, w = design.weights[i]
                        for k in 0..<width { v[row + k] = Double(drawn[at + k]) * w }
                    }
                }
                first += width
            }
        }
        let scale = harmonicMean / ((harmonicMean - 1) * Double(count - 1))
        return Made(count: count, values: values, scale: scale, rscales: [Double](repeating: 1, count: count))
    }
}
