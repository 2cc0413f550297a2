/// The change of an estimate between two independent samples (two waves of a tracker): the
/// difference `to − from`, its standard error √(SE₁² + SE₂²), a normal-theory interval and
/// the two-sided p-value of z = difference / SE (Kish 1965, §14.1; independent samples have no
/// covariance term).
public struct Comparison: Sendable, Equatable, Codable {
    public var variable: String
    public var statistic: Statistic
    /// The level of a proportion, nil otherwise.
    public var level: String?
    /// The domain both estimates belong to (breakdown values, without the wave).
    public var domain: Domain
    /// The earlier sample (a wave id).
    public var from: String
    /// The later sample.
    public var to: String
    public var fromEstimate: Double
    public var toEstimate: Double
    public var difference: Double
    public var standardError: Double
    public var ci: ConfidenceInterval
    public var pValue: Double

    public init(
        variable: String, statistic: Statistic, level: String?, domain: Domain, from: String, to: String,
        fromEstimate: Double, fromStandardError: Double, toEstimate: Double, toStandardError: Double, confidenceLevel: Double
    ) {
        self.variable = variable
        self.statistic = statistic
        self.level = level
        self.domain = domain
        self.from = from
        self.to = to
        self.fromEstimate = fromEstimate
        self.toEstimate = toEstimate
        difference = toEstimate - fromEstimate
        standardError = (fromStandardError * fromStandardError + toStandardError * toStandardError).squareRoot()
        let z = NormalDistribution.quantile(1 - (1 - confidenceLevel) / 2)
        ci = ConfidenceInterval(lower: difference - z * standardError, upper: difference + z * standardError,
                                level: confidenceLevel, method: .wald)
        pValue = standardError > 0 ? 2 * NormalDistribution.cdf(-abs(difference) / standardError) : (difference == 0 ? 1 : 0)
    }

    /// Whether the interval excludes zero at its level.
    public var isSignificant: Bool { pValue < 1 - ci.level }
}
