/// What a result row of a difference between two groups of one sample (``Statistic/difference``,
/// made by `estimate --by G --differences`) is the difference of.
///
/// The row itself carries the difference `group − reference` as its estimate, standard error,
/// interval and degrees of freedom, and its ``ResultRow/domain`` names both groups in the one
/// breakdown variable, as `{G: "A − B"}` (a minus sign, U+2212, between spaces), so that every
/// table, CSV and page shows it without knowing about differences. This part keeps the two groups
/// apart for programs. It is left out of the JSON of every other row, so results without
/// differences read and write as before.
///
/// The standard error is √(Var θ_A + Var θ_B − 2 Cov(θ_A, θ_B)): the two groups come from one
/// sample, so the covariance of their estimates is accounted for (R `svycontrast` on
/// `svyby(..., covmat = TRUE)`); the interval is difference ± t × SE and the p-value two-sided
/// from t = difference / SE, both with the design's degrees of freedom (R `confint(..., df =
/// degf(design))` and `2 * pt(-abs(t), degf(design))`). A change between waves
/// (``Comparison``) is between independent samples and keeps its own formula.
public struct GroupDifference: Sendable, Equatable, Codable {
    /// The statistic whose difference this is (mean, total, ratio or proportion).
    public var of: Statistic
    /// The first group (the minuend).
    public var group: Domain
    /// The group subtracted from it.
    public var reference: Domain
    /// The two groups' estimates; nil when withheld.
    public var groupEstimate: Double?
    public var referenceEstimate: Double?
    /// Two-sided p-value of "no difference"; nil without a standard error or degrees of freedom.
    public var pValue: Double?
    /// Respondents of each group with a valid value (what the disclosure policy weighs); 0 when
    /// withheld, so that a withheld difference does not tell how small a group is.
    public var groupRespondents: Int
    public var referenceRespondents: Int

    public init(
        of statistic: Statistic, group: Domain, reference: Domain, groupEstimate: Double?, referenceEstimate: Double?,
        pValue: Double?, groupRespondents: Int, referenceRespondents: Int
    ) {
        self.of = statistic
        self.group = group
        self.reference = reference
        self.groupEstimate = groupEstimate
        self.referenceEstimate = referenceEstimate
        self.pValue = pValue
        self.groupRespondents = groupRespondents
        self.referenceRespondents = referenceRespondents
    }

    /// Whether the difference is significant at `level` (0.95: p < 0.05).
    public func isSignificant(at level: Double) -> Bool { (pValue ?? 1) < 1 - level }

    /// The domain of the row: the one breakdown variable with "A − B".
    public static func domain(group: Domain, reference: Domain) -> Domain {
        Domain(zip(group.entries, reference.entries).map { a, b in
            Domain.Entry(variable: a.variable, value: "\(a.value) \(separator) \(b.value)")
        })
    }

    /// The minus sign between the two groups' values in the row's domain.
    public static let separator = "\u{2212}"

    enum CodingKeys: String, CodingKey {
        case of, group, reference, groupEstimate, referenceEstimate, pValue, groupRespondents, referenceRespondents
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(of, forKey: .of)
        try c.encode(group, forKey: .group)
        try c.encode(reference, forKey: .reference)
        try c.encode(groupEstimate, forKey: .groupEstimate)
        try c.encode(referenceEstimate, forKey: .referenceEstimate)
        try c.encode(pValue, forKey: .pValue)
        try c.encode(groupRespondents, forKey: .groupRespondents)
        try c.encode(referenceRespondents, forKey: .referenceRespondents)
    }
}
