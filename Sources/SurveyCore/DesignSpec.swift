/// What to do with a stratum that has a single PSU, as R's `options(survey.lonely.psu=)`.
public enum LonelyPSUPolicy: String, Sendable, Codable, CaseIterable {
    /// Stop with an error naming the stratum (R's default).
    case fail
    /// The stratum contributes nothing to the variance.
    case remove
    /// The single PSU was sampled with certainty: no variance at its stage.
    case certainty
    /// Centre the lonely PSU at the grand mean instead of its stratum mean (conservative).
    case adjust
    /// Replace the stratum's contribution by the average of the other strata.
    case average
}

/// A sampling design as named by variables of a data set: what a user types after
/// `--weight`, `--strata`, `--cluster`, `--fpc`, what R's `svydesign()` takes.
public struct DesignSpec: Sendable, Equatable, Codable {
    /// Sampling weight variable. When absent the weights are implied by population-size
    /// fpc (product over stages of N/n), or 1 for every respondent.
    public var weights: String?
    /// Stratum variable of the first stage.
    public var strata: String?
    /// Cluster variable of each stage, first stage first. Empty: each respondent is a PSU.
    public var clusters: [String]
    /// Finite population correction of each stage (a prefix of the stages): population sizes
    /// (all values > 1) or sampling fractions (all values ≤ 1).
    public var fpc: [String]
    /// PSU identifiers repeat across strata and are to be read within their stratum.
    public var nest: Bool
    public var lonelyPSU: LonelyPSUPolicy
    /// Replicate weights read from the data; the variance then comes from them, not from
    /// strata and clusters.
    public var replicateWeights: ReplicateWeightsSpec?
    /// Replicate weights made from the strata and clusters (R `as.svrepdesign`).
    public var replicates: ReplicateConversionSpec?

    public init(
        weights: String? = nil, strata: String? = nil, clusters: [String] = [], fpc: [String] = [],
        nest: Bool = false, lonelyPSU: LonelyPSUPolicy = .fail, replicateWeights: ReplicateWeightsSpec? = nil,
        replicates: ReplicateConversionSpec? = nil
    ) {
        self.replicateWeights = replicateWeights
        self.replicates = replicates
        self.weights = weights
        self.strata = strata
        self.clusters = clusters
        self.fpc = fpc
        self.nest = nest
        self.lonelyPSU = lonelyPSU
    }

    enum CodingKeys: String, CodingKey { case weights, strata, clusters, fpc, nest, lonelyPSU, replicateWeights, replicates }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        weights = try c.decodeIfPresent(String.self, forKey: .weights)
        strata = try c.decodeIfPresent(String.self, forKey: .strata)
        clusters = try c.decodeIfPresent([String].self, forKey: .clusters) ?? []
        fpc = try c.decodeIfPresent([String].self, forKey: .fpc) ?? []
        nest = try c.decodeIfPresent(Bool.self, forKey: .nest) ?? false
        lonelyPSU = try c.decodeIfPresent(LonelyPSUPolicy.self, forKey: .lonelyPSU) ?? .fail
        replicateWeights = try c.decodeIfPresent(ReplicateWeightsSpec.self, forKey: .replicateWeights)
        replicates = try c.decodeIfPresent(ReplicateConversionSpec.self, forKey: .replicates)
    }
}
