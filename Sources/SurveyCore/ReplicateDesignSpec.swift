/// Replicate weights read from the data, as R's `svrepdesign(repweights =, type =, ...)`:
/// what a user types after `--replicate-weights`, `--replicate-type`, `--fay-rho`,
/// `--replicate-scale`, `--replicate-rscales`, `--mse`.
public struct ReplicateWeightsSpec: Sendable, Equatable, Codable {
    /// The columns: a glob such as `rw*` (matched in the data's column order) or a comma list.
    public var pattern: String
    public var type: ReplicateType
    /// Fay's ρ (required for `fay`).
    public var fayRho: Double?
    /// The variance's overall constant; nil takes R's default for the type.
    public var scale: Double?
    /// One constant per replicate (or one for all); nil takes R's default for the type.
    public var rscales: [Double]?
    /// Centre the replicates at the full-sample estimate (R's `mse = TRUE`).
    public var mse: Bool

    public init(pattern: String, type: ReplicateType, fayRho: Double? = nil, scale: Double? = nil, rscales: [Double]? = nil, mse: Bool = false) {
        self.pattern = pattern
        self.type = type
        self.fayRho = fayRho
        self.scale = scale
        self.rscales = rscales
        self.mse = mse
    }

    enum CodingKeys: String, CodingKey { case pattern, type, fayRho, scale, rscales, mse }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pattern = try c.decode(String.self, forKey: .pattern)
        type = try c.decode(ReplicateType.self, forKey: .type)
        fayRho = try c.decodeIfPresent(Double.self, forKey: .fayRho)
        scale = try c.decodeIfPresent(Double.self, forKey: .scale)
        rscales = try c.decodeIfPresent([Double].self, forKey: .rscales)
        mse = try c.decodeIfPresent(Bool.self, forKey: .mse) ?? false
    }
}

/// Replicate weights made from a stratified, clustered design, as R's
/// `as.svrepdesign(design, type =, replicates =)`: what a user types after `--replicates`,
/// `--replicates-count`, `--seed`.
public struct ReplicateConversionSpec: Sendable, Equatable, Codable {
    /// jk1, jkn, brr, fay or bootstrap.
    public var type: ReplicateType
    /// Replicates of a bootstrap (R's default 50); ignored by the other types.
    public var count: Int?
    /// Seed of the bootstrap's draws, so that a result repeats exactly.
    public var seed: UInt64?
    /// Fay's ρ, required for `fay` (R's `fay.rho`).
    public var fayRho: Double?
    public var mse: Bool

    public init(type: ReplicateType, count: Int? = nil, seed: UInt64? = nil, fayRho: Double? = nil, mse: Bool = false) {
        self.type = type
        self.count = count
        self.seed = seed
        self.fayRho = fayRho
        self.mse = mse
    }

    enum CodingKeys: String, CodingKey { case type, count, seed, fayRho, mse }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(ReplicateType.self, forKey: .type)
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
        fayRho = try c.decodeIfPresent(Double.self, forKey: .fayRho)
        mse = try c.decodeIfPresent(Bool.self, forKey: .mse) ?? false
    }
}
