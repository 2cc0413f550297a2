import SurveyCore

/// The average across pollsters: the latent share on every day with its standard error, each
/// pollster's house effect with its standard error, the hyperparameters and the likelihood.
public struct PollAverageFit: Sendable, Equatable {
    /// Every day from the first poll's midpoint, or an earlier anchor, to the last poll's, or a
    /// later anchor or the requested end.
    public let days: [CivilDay]
    /// μ_t, the smoothed share on each day (a proportion).
    public let estimates: [Double]
    public let standardErrors: [Double]
    /// Pollsters in name order, with δ_j and its standard error.
    public let pollsters: [String]
    public let houseEffects: [Double]
    public let houseEffectStandardErrors: [Double]
    /// σ, the daily standard deviation of the random walk (a proportion).
    public let randomWalkSD: Double
    /// τ², the variance added to every poll's sampling variance.
    public let extraVariance: Double
    /// Whether σ and τ² were estimated by maximum likelihood (else given).
    public let estimated: Bool
    /// The diffuse log-likelihood (de Jong 1991) at σ and τ².
    public let logLikelihood: Double
    public let identification: HouseEffectIdentification
    /// The polls the average rests on.
    public let observations: [PollObservation]
}
