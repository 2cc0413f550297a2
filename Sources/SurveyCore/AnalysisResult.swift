/// The design an analysis used, as reported at the top of every result.
public struct DesignSummary: Sendable, Equatable, Codable {
    public var weights: String?
    public var strata: String?
    public var clusters: [String]
    public var fpc: [String]
    public var nest: Bool
    public var lonelyPSU: LonelyPSUPolicy
    /// Design degrees of freedom of the whole sample: PSUs − strata (R `degf()`).
    public var degreesOfFreedom: Int
    /// Respondents in the file.
    public var respondents: Int
    public var strataCount: Int
    public var psuCount: Int
    /// What was done to the sampling weights, in order ("raked to 2 margins (…)", "trimmed to
    /// [20, 45]"); empty when they are used as they are.
    public var weighting: [String]
    /// The replicate weights the variances come from; nil for linearization.
    public var replicates: ReplicateSummary?

    public init(
        weights: String?, strata: String?, clusters: [String], fpc: [String], nest: Bool,
        lonelyPSU: LonelyPSUPolicy, degreesOfFreedom: Int, respondents: Int, strataCount: Int, psuCount: Int,
        weighting: [String] = [], replicates: ReplicateSummary? = nil
    ) {
        self.weighting = weighting
        self.replicates = replicates
        self.weights = weights
        self.strata = strata
        self.clusters = clusters
        self.fpc = fpc
        self.nest = nest
        self.lonelyPSU = lonelyPSU
        self.degreesOfFreedom = degreesOfFreedom
        self.respondents = respondents
        self.strataCount = strataCount
        self.psuCount = psuCount
    }

    enum CodingKeys: String, CodingKey {
        case weights, strata, clusters, fpc, nest, lonelyPSU, degreesOfFreedom, respondents, strataCount, psuCount, weighting, replicates
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        weights = try c.decodeIfPresent(String.self, forKey: .weights)
        strata = try c.decodeIfPresent(String.self, forKey: .strata)
        clusters = try c.decode([String].self, forKey: .clusters)
        fpc = try c.decode([String].self, forKey: .fpc)
        nest = try c.decode(Bool.self, forKey: .nest)
        lonelyPSU = try c.decode(LonelyPSUPolicy.self, forKey: .lonelyPSU)
        degreesOfFreedom = try c.decode(Int.self, forKey: .degreesOfFreedom)
        respondents = try c.decode(Int.self, forKey: .respondents)
        strataCount = try c.decode(Int.self, forKey: .strataCount)
        psuCount = try c.decode(Int.self, forKey: .psuCount)
        weighting = try c.decodeIfPresent([String].self, forKey: .weighting) ?? []
        replicates = try c.decodeIfPresent(ReplicateSummary.self, forKey: .replicates)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(weights, forKey: .weights)
        try c.encode(strata, forKey: .strata)
        try c.encode(clusters, forKey: .clusters)
        try c.encode(fpc, forKey: .fpc)
        try c.encode(nest, forKey: .nest)
        try c.encode(lonelyPSU, forKey: .lonelyPSU)
        try c.encode(degreesOfFreedom, forKey: .degreesOfFreedom)
        try c.encode(respondents, forKey: .respondents)
        try c.encode(strataCount, forKey: .strataCount)
        try c.encode(psuCount, forKey: .psuCount)
        if !weighting.isEmpty { try c.encode(weighting, forKey: .weighting) }
        try c.encodeIfPresent(replicates, forKey: .replicates)
    }
}

/// A subpopulation: the value label of each breakdown variable, in the order of the request.
/// Encoded as a JSON object whose keys keep that order; `{}` is the whole population.
public struct Domain: Sendable, Equatable, Hashable, Codable {
    public struct Entry: Sendable, Equatable, Hashable {
        public var variable: String
        public var value: String
        public init(variable: String, value: String) {
            self.variable = variable
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) { self.entries = entries }

    public static let whole = Domain()

    public var isWhole: Bool { entries.isEmpty }

    public subscript(variable: String) -> String? { entries.first { $0.variable == variable }?.value }

    /// "stype = E, sch.wide = Yes", or "all" for the whole population.
    public var description: String {
        entries.isEmpty ? "all" : entries.map { "\($0.variable) = \($0.value)" }.joined(separator: ", ")
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for e in entries { try c.encode(e.value, forKey: Key(stringValue: e.variable)) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        entries = try c.allKeys.map { Entry(variable: $0.stringValue, value: try c.decode(String.self, forKey: $0)) }
    }
}

/// A confidence interval.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    public var lower: Double?
    public var upper: Double?
    public var level: Double
    public var method: CIMethod

    public init(lower: Double?, upper: Double?, level: Double, method: CIMethod) {
        self.lower = lower
        self.upper = upper
        self.level = level
        self.method = method
    }

    enum CodingKeys: String, CodingKey { case lower, upper, level, method }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lower, forKey: .lower)
        try c.encode(upper, forKey: .upper)
        try c.encode(level, forKey: .level)
        try c.encode(method, forKey: .method)
    }
}

/// The row and column category of a crosstab cell.
public struct CrosstabCell: Sendable, Equatable, Codable {
    public var row: String
    public var column: String
    public init(row: String, column: String) {
        self.row = row
        self.column = column
    }
}

/// One estimate: a statistic of a variable (for a proportion, of one level) in one domain.
public struct ResultRow: Sendable, Equatable, Codable {
    public var variable: String
    public var statistic: Statistic
    public var domain: Domain
    /// For a proportion: the category's label.
    public var level: String?
    /// For a proportion: the stored code of the category (its number, or a CSV level's text).
    public var code: String?
    public var estimate: Double?
    public var standardError: Double?
    public var ci: ConfidenceInterval?
    /// Design effect against simple random sampling without replacement (R `deff=TRUE`).
    public var designEffect: Double?
    /// Design effect against simple random sampling with replacement (R `deff="replace"`).
    public var designEffectWithReplacement: Double?
    /// Unweighted respondents divided by the design effect.
    public var effectiveSampleSize: Double?
    /// Degrees of freedom used for the interval: PSUs − strata among the domain's respondents.
    public var degreesOfFreedom: Int?
    /// Respondents in the domain with a valid value (for a proportion: in the category).
    public var unweightedCount: Int
    /// Sum of weights of those respondents.
    public var weightedCount: Double
    /// For a crosstab: the cell this row belongs to.
    public var cell: CrosstabCell?
    /// The numbers were withheld because too few respondents are behind them (the public
    /// explorer's disclosure control); estimate, interval and counts are then empty.
    public var suppressed = false
    /// For a difference between two groups (``Statistic/difference``): which groups and what.
    public var difference: GroupDifference?
    /// For a coefficient of a regression (``Statistic/coefficient``): its term, t, p and odds ratio.
    public var coefficient: RegressionCoefficient?

    public init(
        variable: String, statistic: Statistic, domain: Domain = .whole, level: String? = nil, code: String? = nil,
        estimate: Double?, standardError: Double?, ci: ConfidenceInterval?, designEffect: Double? = nil,
        designEffectWithReplacement: Double? = nil, effectiveSampleSize: Double? = nil,
        degreesOfFreedom: Int? = nil, unweightedCount: Int, weightedCount: Double, cell: CrosstabCell? = nil
    ) {
        self.variable = variable
        self.statistic = statistic
        self.domain = domain
        self.level = level
        self.code = code
        self.estimate = estimate
        self.standardError = standardError
        self.ci = ci
        self.designEffect = designEffect
        self.designEffectWithReplacement = designEffectWithReplacement
        self.effectiveSampleSize = effectiveSampleSize
        self.degreesOfFreedom = degreesOfFreedom
        self.unweightedCount = unweightedCount
        self.weightedCount = weightedCount
        self.cell = cell
    }

    enum CodingKeys: String, CodingKey {
        case variable, statistic, domain, level, code, estimate, standardError, ci, designEffect,
            designEffectWithReplacement, effectiveSampleSize, degreesOfFreedom, unweightedCount, weightedCount, cell, suppressed, difference,
            coefficient
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        variable = try c.decode(String.self, forKey: .variable)
        statistic = try c.decode(Statistic.self, forKey: .statistic)
        domain = try c.decode(Domain.self, forKey: .domain)
        level = try c.decodeIfPresent(String.self, forKey: .level)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        estimate = try c.decodeIfPresent(Double.self, forKey: .estimate)
        standardError = try c.decodeIfPresent(Double.self, forKey: .standardError)
        ci = try c.decodeIfPresent(ConfidenceInterval.self, forKey: .ci)
        designEffect = try c.decodeIfPresent(Double.self, forKey: .designEffect)
        designEffectWithReplacement = try c.decodeIfPresent(Double.self, forKey: .designEffectWithReplacement)
        effectiveSampleSize = try c.decodeIfPresent(Double.self, forKey: .effectiveSampleSize)
        degreesOfFreedom = try c.decodeIfPresent(Int.self, forKey: .degreesOfFreedom)
        unweightedCount = try c.decode(Int.self, forKey: .unweightedCount)
        weightedCount = try c.decode(Double.self, forKey: .weightedCount)
        cell = try c.decodeIfPresent(CrosstabCell.self, forKey: .cell)
        suppressed = try c.decodeIfPresent(Bool.self, forKey: .suppressed) ?? false
        difference = try c.decodeIfPresent(GroupDifference.self, forKey: .difference)
        coefficient = try c.decodeIfPresent(RegressionCoefficient.self, forKey: .coefficient)
    }

    /// The row with its numbers withheld.
    public func withheld() -> ResultRow {
        var row = self
        row.estimate = nil
        row.standardError = nil
        row.ci = nil
        row.designEffect = nil
        row.designEffectWithReplacement = nil
        row.effectiveSampleSize = nil
        row.unweightedCount = 0
        row.weightedCount = 0
        row.suppressed = true
        row.difference?.groupEstimate = nil
        row.difference?.referenceEstimate = nil
        row.difference?.pValue = nil
        row.difference?.groupRespondents = 0
        row.difference?.referenceRespondents = 0
        row.coefficient = nil
        return row
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(variable, forKey: .variable)
        try c.encode(statistic, forKey: .statistic)
        try c.encode(domain, forKey: .domain)
        try c.encode(level, forKey: .level)
        try c.encode(code, forKey: .code)
        try c.encode(estimate, forKey: .estimate)
        try c.encode(standardError, forKey: .standardError)
        try c.encode(ci, forKey: .ci)
        try c.encode(designEffect, forKey: .designEffect)
        try c.encodeIfPresent(designEffectWithReplacement, forKey: .designEffectWithReplacement)
        try c.encodeIfPresent(effectiveSampleSize, forKey: .effectiveSampleSize)
        try c.encode(degreesOfFreedom, forKey: .degreesOfFreedom)
        try c.encode(unweightedCount, forKey: .unweightedCount)
        try c.encode(weightedCount, forKey: .weightedCount)
        try c.encodeIfPresent(cell, forKey: .cell)
        if suppressed { try c.encode(true, forKey: .suppressed) }
        try c.encodeIfPresent(difference, forKey: .difference)
        try c.encodeIfPresent(coefficient, forKey: .coefficient)
    }
}

/// A hypothesis test, e.g. the Rao–Scott test of independence in a crosstab.
public struct TestResult: Sendable, Equatable, Codable {
    /// `rao-scott-f`, `rao-scott-chisq`, `wald`, `adjusted-wald`.
    public var name: String
    /// The statistic as R's survey prints it; for `rao-scott-chisq` the uncorrected Pearson X².
    public var statistic: Double?
    /// For `rao-scott-chisq`: the first-order Rao–Scott corrected X² (X² divided by the mean
    /// eigenvalue of the design-effect matrix), which the p-value refers to the χ² distribution
    /// (R `svychisq(statistic = "Chisq")` uses it for its p-value but prints X²; SPSS and Stata
    /// show both).
    public var correctedStatistic: Double?
    /// Degrees of freedom: one for a χ² reference, numerator and denominator for an F.
    public var df: [Double]
    public var pValue: Double?
    /// What was tested, e.g. "stype × sch.wide".
    public var description: String?
    /// When the test is one of a family (one per code of a multiple-response question), its p
    /// adjusted for the number of tests in the family; `adjustment` names the method ("holm").
    public var adjustedPValue: Double?
    public var adjustment: String?

    public init(name: String, statistic: Double?, df: [Double], pValue: Double?, description: String? = nil) {
        self.name = name
        self.statistic = statistic
        self.df = df
        self.pValue = pValue
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case name, statistic, correctedStatistic, df, pValue, description, adjustedPValue, adjustment }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        statistic = try c.decodeIfPresent(Double.self, forKey: .statistic)
        correctedStatistic = try c.decodeIfPresent(Double.self, forKey: .correctedStatistic)
        df = try c.decodeIfPresent([Double].self, forKey: .df) ?? []
        pValue = try c.decodeIfPresent(Double.self, forKey: .pValue)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        adjustedPValue = try c.decodeIfPresent(Double.self, forKey: .adjustedPValue)
        adjustment = try c.decodeIfPresent(String.self, forKey: .adjustment)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(statistic, forKey: .statistic)
        try c.encodeIfPresent(correctedStatistic, forKey: .correctedStatistic)
        try c.encode(df, forKey: .df)
        try c.encode(pValue, forKey: .pValue)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(adjustedPValue, forKey: .adjustedPValue)
        try c.encodeIfPresent(adjustment, forKey: .adjustment)
    }
}

/// Where the numbers came from.
public struct Provenance: Sendable, Equatable, Codable {
    public var file: String?
    public var checksum: String?
    public var study: String?
    public var wave: String?
    public var software: String

    public init(file: String? = nil, checksum: String? = nil, study: String? = nil, wave: String? = nil,
                software: String = BarometerVersion.description) {
        self.file = file
        self.checksum = checksum
        self.study = study
        self.wave = wave
        self.software = software
    }
}

/// The one result every renderer reads (DESIGN.md §5). `barometer` is the format version.
///
/// A trend across the waves of a study adds `comparisons` (changes between waves) and `waves`
/// (each wave's fieldwork and design; `design` is then the first wave's); both are left out
/// of the JSON when empty.
public struct AnalysisResult: Sendable, Equatable, Codable {
    public var barometer: Int
    public var design: DesignSummary
    public var rows: [ResultRow]
    public var tests: [TestResult]
    public var comparisons: [Comparison]
    public var waves: [WaveSummary]
    /// Labels of the variables the result names (breakdowns, measures), in the request's
    /// language, where the codebook has them.
    public var variableLabels: [String: String]
    public var warnings: [String]
    public var provenance: Provenance?
    /// The request that produced this result.
    public var request: AnalysisRequest?
    /// For an average across pollsters: the model of each answer's average (left out of the
    /// JSON otherwise).
    public var pollModels: [PollModelSummary] = []
    /// For the reliability of coders: the coders, units, level of measurement and bootstrap
    /// behind the rows (left out of the JSON otherwise).
    public var reliability: ReliabilitySummary?

    /// The version of the JSON result format.
    public static let formatVersion = 1

    public init(design: DesignSummary, rows: [ResultRow], tests: [TestResult] = [], comparisons: [Comparison] = [],
                waves: [WaveSummary] = [], warnings: [String] = [], provenance: Provenance? = nil, request: AnalysisRequest? = nil) {
        self.barometer = Self.formatVersion
        self.design = design
        self.rows = rows
        self.tests = tests
        self.comparisons = comparisons
        self.waves = waves
        self.variableLabels = [:]
        self.warnings = warnings
        self.provenance = provenance
        self.request = request
    }

    enum CodingKeys: String, CodingKey {
        case barometer, design, rows, tests, comparisons, waves, variableLabels, warnings, provenance, request, pollModels, reliability
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        barometer = try c.decode(Int.self, forKey: .barometer)
        design = try c.decode(DesignSummary.self, forKey: .design)
        rows = try c.decode([ResultRow].self, forKey: .rows)
        tests = try c.decodeIfPresent([TestResult].self, forKey: .tests) ?? []
        comparisons = try c.decodeIfPresent([Comparison].self, forKey: .comparisons) ?? []
        waves = try c.decodeIfPresent([WaveSummary].self, forKey: .waves) ?? []
        variableLabels = try c.decodeIfPresent([String: String].self, forKey: .variableLabels) ?? [:]
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        provenance = try c.decodeIfPresent(Provenance.self, forKey: .provenance)
        request = try c.decodeIfPresent(AnalysisRequest.self, forKey: .request)
        pollModels = try c.decodeIfPresent([PollModelSummary].self, forKey: .pollModels) ?? []
        reliability = try c.decodeIfPresent(ReliabilitySummary.self, forKey: .reliability)
        // A domain is a JSON object, whose keys come back in no particular order: put them back
        // in the request's (the wave of a trend first, then the breakdowns), else by name.
        let order = ["wave"] + (request?.by ?? [])
        func position(_ variable: String) -> Int { order.firstIndex(of: variable) ?? order.count }
        func ordered(_ domain: Domain) -> Domain {
            Domain(domain.entries.sorted { (position($0.variable), $0.variable) < (position($1.variable), $1.variable) })
        }
        for i in rows.indices { rows[i].domain = ordered(rows[i].domain) }
        for i in comparisons.indices { comparisons[i].domain = ordered(comparisons[i].domain) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(barometer, forKey: .barometer)
        try c.encode(design, forKey: .design)
        try c.encode(rows, forKey: .rows)
        try c.encode(tests, forKey: .tests)
        if !comparisons.isEmpty { try c.encode(comparisons, forKey: .comparisons) }
        if !waves.isEmpty { try c.encode(waves, forKey: .waves) }
        if !variableLabels.isEmpty {
            // In the order of the names, so equal results are equal bytes (a dictionary's own
            // order differs from one run, even one request, to the next).
            var labels = c.nestedContainer(keyedBy: LabelKey.self, forKey: .variableLabels)
            for name in variableLabels.keys.sorted() { try labels.encode(variableLabels[name]!, forKey: LabelKey(stringValue: name)) }
        }
        try c.encode(warnings, forKey: .warnings)
        if !pollModels.isEmpty { try c.encode(pollModels, forKey: .pollModels) }
        try c.encodeIfPresent(reliability, forKey: .reliability)
        try c.encodeIfPresent(provenance, forKey: .provenance)
        try c.encodeIfPresent(request, forKey: .request)
    }
}

/// A variable's name as a key of `variableLabels`.
private struct LabelKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
