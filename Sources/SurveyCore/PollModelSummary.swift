/// What an average across pollsters rests on (a result's `pollModel`): the random walk's daily
/// standard deviation σ and the extra variance τ² (given or estimated by maximum likelihood),
/// how the house effects are identified, the likelihood, and the polls and pollsters used.
public struct PollModelSummary: Sendable, Equatable, Codable {
    /// The answer whose share is averaged.
    public var answer: String
    public var randomWalkSD: Double
    public var extraVariance: Double
    /// Whether σ and τ² were estimated (else given).
    public var estimated: Bool
    /// `sum-to-zero` or `reference: NAME`.
    public var identification: String
    public var logLikelihood: Double
    public var polls: Int
    public var pollsters: Int
    /// The first and last day of the average (ISO 8601).
    public var from: String
    public var to: String
    /// The population whose polls were averaged (nil when the polls do not state it).
    public var population: String?

    public init(
        answer: String, randomWalkSD: Double, extraVariance: Double, estimated: Bool, identification: String, logLikelihood: Double,
        polls: Int, pollsters: Int, from: String, to: String
    ) {
        self.answer = answer
        self.randomWalkSD = randomWalkSD
        self.extraVariance = extraVariance
        self.estimated = estimated
        self.identification = identification
        self.logLikelihood = logLikelihood
        self.polls = polls
        self.pollsters = pollsters
        self.from = from
        self.to = to
    }
}
