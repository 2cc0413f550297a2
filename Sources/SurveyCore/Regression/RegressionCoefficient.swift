/// What a row of a regression (``Statistic/coefficient``) holds beyond the estimate, its
/// standard error and interval: the term it belongs to, the t statistic and its p-value on the
/// model's residual degrees of freedom (R `summary.svyglm`), and for a logistic model asked
/// for odds ratios, exp(coefficient) and its interval (exp of the interval ends).
///
/// In the JSON result it is the row's `coefficient` object, present on coefficient rows only.
public struct RegressionCoefficient: Sendable, Equatable, Codable {
    /// The term of the formula the coefficient belongs to (`stype`, `ell:stype`, or
    /// `(Intercept)`).
    public var term: String
    /// estimate / SE.
    public var tValue: Double?
    /// 2 P(T > |t|), T with the residual degrees of freedom.
    public var pValue: Double?
    /// exp(estimate), when odds ratios were asked for.
    public var oddsRatio: Double?
    /// exp of the interval's ends.
    public var oddsRatioLower: Double?
    public var oddsRatioUpper: Double?

    public init(term: String, tValue: Double?, pValue: Double?, oddsRatio: Double? = nil,
                oddsRatioLower: Double? = nil, oddsRatioUpper: Double? = nil) {
        self.term = term
        self.tValue = tValue
        self.pValue = pValue
        self.oddsRatio = oddsRatio
        self.oddsRatioLower = oddsRatioLower
        self.oddsRatioUpper = oddsRatioUpper
    }

    enum CodingKeys: String, CodingKey { case term, tValue, pValue, oddsRatio, oddsRatioLower, oddsRatioUpper }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.decode(String.self, forKey: .term)
        tValue = try c.decodeIfPresent(Double.self, forKey: .tValue)
        pValue = try c.decodeIfPresent(Double.self, forKey: .pValue)
        oddsRatio = try c.decodeIfPresent(Double.self, forKey: .oddsRatio)
        oddsRatioLower = try c.decodeIfPresent(Double.self, forKey: .oddsRatioLower)
        oddsRatioUpper = try c.decodeIfPresent(Double.self, forKey: .oddsRatioUpper)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(term, forKey: .term)
        try c.encode(tValue, forKey: .tValue)
        try c.encode(pValue, forKey: .pValue)
        if oddsRatio != nil {
            try c.encode(oddsRatio, forKey: .oddsRatio)
            try c.encode(oddsRatioLower, forKey: .oddsRatioLower)
            try c.encode(oddsRatioUpper, forKey: .oddsRatioUpper)
        }
    }
}
