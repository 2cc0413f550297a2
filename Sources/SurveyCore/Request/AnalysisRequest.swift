/// The statistic estimated for a variable.
public enum Statistic: String, Sendable, Codable, CaseIterable {
    /// Weighted mean of a numeric variable (R `svymean`).
    case mean
    /// Estimated population total (R `svytotal`).
    case total
    /// Ratio of two totals, numerator / denominator (R `svyratio`).
    case ratio
    /// Share of every category of a variable (R `svymean` of a factor, `svyciprop`).
    case proportion
    /// A quantile of a numeric variable at a probability (R `svyquantile`, survey 4.1 defaults:
    /// `qrule = "math"`, Woodruff interval); the row's `level` is the probability ("0.5").
    case quantile
    /// Share of positive answers minus share of negative ones ("net favourable"), the mean of
    /// a score of +1, −1 and 0; made by trends of concepts whose levels have a valence.
    case netScore
    /// The average across pollsters on one day (Polls: Jackman's random walk with house effects).
    case pollAverage = "poll-average"
    /// A pollster's systematic lean relative to the average (Polls).
    case houseEffect = "house-effect"
    /// Of all mentions in the columns of a multiple-response question (a coded open-ended
    /// question with up to N answers), the share that name a code: weighted mentions of the
    /// code ÷ weighted mentions of any code (R `svyratio`), among respondents who mentioned one.
    case mentions
    /// Of the respondents who mentioned any code of a multiple-response question, the share
    /// who mentioned a code at least once: a domain mean of the 0/1 indicator (R `svymean` on
    /// the subset).
    case mentioned
    /// Krippendorff's alpha, the agreement of coders beyond chance (TextCoding).
    case krippendorffAlpha = "krippendorff-alpha"
    /// Cohen's kappa of two coders, unweighted or weighted (TextCoding).
    case cohenKappa = "cohen-kappa"
    /// Fleiss' kappa of coders who all code every unit (TextCoding).
    case fleissKappa = "fleiss-kappa"
    /// The share of pairs of codes within units that agree (TextCoding).
    case percentAgreement = "percent-agreement"
    /// The difference of a mean, total, ratio or proportion between two groups of one sample,
    /// with the covariance of the two estimates (``GroupDifference``).
    case difference
    /// A coefficient of a design-based regression (R `svyglm`); the row's `variable` is the
    /// coefficient's name as R prints it (`(Intercept)`, `ell`, `stypeH`, `ell:stypeH`) and its
    /// `coefficient` holds the term, t, p and odds ratio (``RegressionCoefficient``).
    case coefficient

    /// Whether the statistic measures the reliability of coders (made by
    /// `barometer code reliability`, never from a survey file).
    public var isCoderReliability: Bool {
        switch self {
        case .krippendorffAlpha, .cohenKappa, .fleissKappa, .percentAgreement: true
        case .mean, .total, .ratio, .proportion, .quantile, .netScore, .pollAverage, .houseEffect, .mentions, .mentioned, .difference, .coefficient: false
        }
    }
}

/// How a confidence interval is computed, as R's `svyciprop(method=)` / `confint`.
public enum CIMethod: String, Sendable, Codable, CaseIterable {
    /// estimate ± t(df) × SE.
    case wald
    /// Wald interval on the logit scale, back-transformed (R's `svyciprop` default).
    case logit
    /// Logit interval with the effective sample size and design df.
    case xlogit
    /// Wilson score interval with the effective sample size.
    case wilson
    /// Korn–Graubard Clopper–Pearson interval with the effective sample size.
    case beta
    /// Profile likelihood interval from the rescaled quasi-binomial deviance.
    case likelihood
    /// Percentile interval of bootstrap replicates (the reliability of coders, TextCoding's
    /// `ReliabilityBootstrap`); not a method a request for a survey estimate may name.
    case bootstrap
    /// Woodruff's interval of a quantile: the Wald interval of the share of respondents at or
    /// below it, mapped back through the quantile function (R `svyquantile`'s default); made
    /// for quantiles, not a method a request may name.
    case woodruff

    /// The methods a request for survey estimates may name (every one but `bootstrap` and
    /// `woodruff`).
    public static let designBased: [CIMethod] = allCases.filter { $0 != .bootstrap && $0 != .woodruff }
}

/// Whether user-missing codes ("Don't know", "Refused") are categories of their own.
public enum MissingPolicy: String, Sendable, Codable, CaseIterable {
    /// Show user-missing codes as categories (the default).
    case include
    /// Drop them, like the "without DK/RA" switch of public portals.
    case exclude
}

/// One thing to estimate: a statistic of a variable (a ratio names a denominator too, shares of
/// mentions the columns of their multiple-response question).
public struct Measure: Sendable, Equatable, Codable {
    public var statistic: Statistic
    /// The variable; for mentions, the mention columns joined with commas ("reason1,reason2").
    public var variable: String
    /// The denominator of a ratio.
    public var denominator: String?
    /// For ``Statistic/mentions`` and ``Statistic/mentioned``: the columns that hold one
    /// mention each (the first reason, the second, …), coded with the same codes.
    public var columns: [String]
    /// For ``Statistic/quantile``: the probabilities, each strictly between 0 and 1; empty means
    /// ``Measure/defaultProbabilities``.
    public var probabilities: [Double]

    /// The quartiles, for a quantile that names no probabilities.
    public static let defaultProbabilities: [Double] = [0.25, 0.5, 0.75]

    public init(_ statistic: Statistic, _ variable: String, denominator: String? = nil) {
        self.statistic = statistic
        self.variable = variable
        self.denominator = denominator
        self.columns = []
        self.probabilities = []
    }

    /// The quantiles of `variable` at `probabilities`.
    public static func quantiles(_ variable: String, probabilities: [Double]) -> Measure {
        var measure = Measure(.quantile, variable)
        measure.probabilities = probabilities
        return measure
    }

    /// A share of mentions (``Statistic/mentions`` or ``Statistic/mentioned``) across `columns`.
    public static func mentions(_ statistic: Statistic, columns: [String]) -> Measure {
        var measure = Measure(statistic, columns.joined(separator: ","))
        measure.columns = columns
        return measure
    }

    enum CodingKeys: String, CodingKey { case statistic, variable, denominator, columns, probabilities }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        statistic = try c.decode(Statistic.self, forKey: .statistic)
        variable = try c.decode(String.self, forKey: .variable)
        denominator = try c.decodeIfPresent(String.self, forKey: .denominator)
        columns = try c.decodeIfPresent([String].self, forKey: .columns) ?? []
        probabilities = try c.decodeIfPresent([Double].self, forKey: .probabilities) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(statistic, forKey: .statistic)
        try c.encode(variable, forKey: .variable)
        try c.encodeIfPresent(denominator, forKey: .denominator)
        if !columns.isEmpty { try c.encode(columns, forKey: .columns) }
        if !probabilities.isEmpty { try c.encode(probabilities, forKey: .probabilities) }
    }
}

/// Percentages of a crosstab: of each row, each column or the whole table.
public enum PercentBase: String, Sendable, Codable, CaseIterable {
    case row, column, cell
}

/// Tests of independence in a two-way table, as R's `svychisq(statistic=)`.
public enum IndependenceTest: String, Sendable, Codable, CaseIterable {
    /// Rao–Scott second-order correction, F reference distribution (default).
    case f
    /// Rao–Scott first-order correction of the Pearson X², χ² reference distribution.
    case chisq
    /// Wald test of the interaction terms (Koch et al.), F distribution.
    case wald
    /// Adjusted Wald test: the Wald statistic scaled by (df − d + 1)/df.
    case adjwald
}

/// A two-way table.
public struct CrosstabSpec: Sendable, Equatable, Codable {
    public var rows: String
    public var columns: String
    public var percent: PercentBase
    public var test: IndependenceTest

    public init(rows: String, columns: String, percent: PercentBase = .row, test: IndependenceTest = .f) {
        self.rows = rows
        self.columns = columns
        self.percent = percent
        self.test = test
    }
}

/// Options that shape every estimate of a request.
public struct AnalysisOptions: Sendable, Equatable, Codable {
    /// Confidence level, between 0 and 1 exclusive.
    public var confidenceLevel: Double
    /// Interval method; `nil` picks `logit` for proportions and `wald` otherwise.
    public var ciMethod: CIMethod?
    public var missing: MissingPolicy
    /// Language of labels (BCP 47).
    public var language: String
    /// Report design effects and effective sample sizes.
    public var designEffects: Bool

    public init(
        confidenceLevel: Double = 0.95, ciMethod: CIMethod? = nil, missing: MissingPolicy = .include,
        language: String = "en", designEffects: Bool = false
    ) {
        self.confidenceLevel = confidenceLevel
        self.ciMethod = ciMethod
        self.missing = missing
        self.language = language
        self.designEffects = designEffects
    }

    enum CodingKeys: String, CodingKey { case confidenceLevel, ciMethod, missing, language, designEffects }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        confidenceLevel = try c.decodeIfPresent(Double.self, forKey: .confidenceLevel) ?? 0.95
        ciMethod = try c.decodeIfPresent(CIMethod.self, forKey: .ciMethod)
        missing = try c.decodeIfPresent(MissingPolicy.self, forKey: .missing) ?? .include
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
        designEffects = try c.decodeIfPresent(Bool.self, forKey: .designEffects) ?? false
    }
}

/// The one request every surface speaks (DESIGN.md §3): CLI flags, report specs and API
/// parameters all decode into it (through ``RequestParameters`` and its one table of names,
/// ``RequestParameter``); ``AnalysisEngine`` runs it on one data set, and the study pipeline
/// (`AnalysisPipeline` in Studies) on the waves of a study — one wave (`wave`) or a concept
/// across waves (`trend`).
public struct AnalysisRequest: Sendable, Equatable, Codable {
    public var design: DesignSpec
    /// What to estimate. Empty when the request is a crosstab only.
    public var measures: [Measure]
    /// A two-way table with a test of independence.
    public var crosstab: CrosstabSpec?
    /// Breakdown variables: every combination present in the data is a domain.
    public var by: [String]
    /// A subpopulation, e.g. `age >= 18 and region == "Almaty"`; estimated as a domain.
    public var filter: String?
    public var options: AnalysisOptions
    /// The wave of a study to analyse (a single-wave analysis of a study); nil for a file.
    public var wave: String?
    /// A concept of a study across waves; when set, the request is a trend and `measures` are
    /// made by the pipeline (the concept's levels and net score).
    public var trend: TrendSpec?
    /// Differences between the groups of the one breakdown (`by`), with their covariance.
    public var differences: DifferencesSpec?
    /// A design-based regression (R `svyglm`) instead of estimates.
    public var regression: RegressionSpec?

    public init(
        design: DesignSpec = DesignSpec(), measures: [Measure] = [], crosstab: CrosstabSpec? = nil,
        by: [String] = [], filter: String? = nil, options: AnalysisOptions = AnalysisOptions(),
        wave: String? = nil, trend: TrendSpec? = nil, differences: DifferencesSpec? = nil,
        regression: RegressionSpec? = nil
    ) {
        self.regression = regression
        self.differences = differences
        self.design = design
        self.measures = measures
        self.crosstab = crosstab
        self.by = by
        self.filter = filter
        self.options = options
        self.wave = wave
        self.trend = trend
    }

    /// The trend of `concept` across waves.
    public static func trend(
        _ concept: String, by: [String] = [], filter: String? = nil, levels: [String] = [],
        collapse: [TrendSpec.LevelGroup] = [], waves: [String] = [], changes: TrendSpec.Changes = .firstToLast,
        netScore: Bool = true, options: AnalysisOptions = AnalysisOptions()
    ) -> AnalysisRequest {
        AnalysisRequest(by: by, filter: filter, options: options, trend: TrendSpec(
            concept: concept, waves: waves, levels: levels, collapse: collapse, changes: changes, netScore: netScore))
    }

    enum CodingKeys: String, CodingKey { case design, measures, crosstab, by, filter, options, wave, trend, differences, regression }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        design = try c.decodeIfPresent(DesignSpec.self, forKey: .design) ?? DesignSpec()
        measures = try c.decodeIfPresent([Measure].self, forKey: .measures) ?? []
        crosstab = try c.decodeIfPresent(CrosstabSpec.self, forKey: .crosstab)
        by = try c.decodeIfPresent([String].self, forKey: .by) ?? []
        filter = try c.decodeIfPresent(String.self, forKey: .filter)
        options = try c.decodeIfPresent(AnalysisOptions.self, forKey: .options) ?? AnalysisOptions()
        wave = try c.decodeIfPresent(String.self, forKey: .wave)
        trend = try c.decodeIfPresent(TrendSpec.self, forKey: .trend)
        differences = try c.decodeIfPresent(DifferencesSpec.self, forKey: .differences)
        regression = try c.decodeIfPresent(RegressionSpec.self, forKey: .regression)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(design, forKey: .design)
        try c.encode(measures, forKey: .measures)
        try c.encodeIfPresent(crosstab, forKey: .crosstab)
        try c.encode(by, forKey: .by)
        try c.encodeIfPresent(filter, forKey: .filter)
        try c.encode(options, forKey: .options)
        try c.encodeIfPresent(wave, forKey: .wave)
        try c.encodeIfPresent(trend, forKey: .trend)
        try c.encodeIfPresent(differences, forKey: .differences)
        try c.encodeIfPresent(regression, forKey: .regression)
    }
}
