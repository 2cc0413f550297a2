/// A design-based regression of a request (R `svyglm`): the model formula, the family, for a
/// binomial model of a categorical outcome the level that is the event, and whether to add odds
/// ratios.
public struct RegressionSpec: Sendable, Equatable, Codable {
    /// The formula as written, `api00 ~ ell + meals + stype` (``ModelFormula``).
    public var model: String
    public var family: RegressionFamily
    /// For a binomial model of a categorical outcome: the level counted as the event (else its
    /// last level).
    public var event: String?
    /// For a binomial model: add exp(coefficient) and its interval to every row.
    public var oddsRatios: Bool

    public init(model: String, family: RegressionFamily = .gaussian, event: String? = nil, oddsRatios: Bool = false) {
        self.model = model
        self.family = family
        self.event = event
        self.oddsRatios = oddsRatios
    }

    enum CodingKeys: String, CodingKey { case model, family, event, oddsRatios }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decode(String.self, forKey: .model)
        family = try c.decodeIfPresent(RegressionFamily.self, forKey: .family) ?? .gaussian
        event = try c.decodeIfPresent(String.self, forKey: .event)
        oddsRatios = try c.decodeIfPresent(Bool.self, forKey: .oddsRatios) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(family, forKey: .family)
        try c.encodeIfPresent(event, forKey: .event)
        if oddsRatios { try c.encode(true, forKey: .oddsRatios) }
    }
}
