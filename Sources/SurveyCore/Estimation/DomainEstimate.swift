/// One estimated quantity in one domain, before confidence intervals are attached.
struct DomainEstimate: Sendable {
    var domain: Int
    /// Category index for a proportion, else nil.
    var category: Int?
    var estimate: Double
    var variance: Double
    /// Variance under simple random sampling without and with replacement (R's `deff`
    /// denominators), when asked for.
    var srsVariance: Double?
    var srsVarianceWithReplacement: Double?
    var unweightedCount: Int
    /// Respondents of the domain with a valid value (the n of `svyciprop`).
    var domainRespondents: Int
    var weightedCount: Double
    /// Sum of weights of the domain's respondents with a valid value.
    var domainWeight: Double
    var degreesOfFreedom: Int
    /// With replicate weights, the variance of logit p̂ of a proportion from the replicates'
    /// own logits: what R's `svyciprop` "logit" interval uses, since it comes from an
    /// intercept-only `svyglm` refitted on every replicate.
    var logitVariance: Double? = nil
}
