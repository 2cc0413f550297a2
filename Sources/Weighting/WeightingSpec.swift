/// A whole weighting: the method and targets, its options, and trimming afterwards.
public struct WeightingSpec: Sendable, Equatable, Codable {
    /// Trimming of the final weights (R `trimWeights()`).
    public struct Trimming: Sendable, Equatable, Codable {
        public var limits: WeightLimits
        /// Repeat until no weight is outside the limits (R's `strict = TRUE`).
        public var strict: Bool

        public init(limits: WeightLimits, strict: Bool = true) {
            self.limits = limits
            self.strict = strict
        }
    }

    /// nil: no calibration, only trimming.
    public var method: WeightingMethod?
    public var targets: WeightingTargets?
    /// Bounds on g = w/d for linear, raking and logit calibration (R's `bounds`).
    public var bounds: WeightLimits?
    /// Limits on g applied after calibration, the excess spread over the others (R's `trim`).
    public var calibrationTrim: WeightLimits?
    public var trimming: Trimming?
    /// Iterations allowed: raking cycles (default 100) or Newton steps (default 50).
    public var maxIterations: Int?
    /// Convergence: for raking, the largest change of a weighted count between cycles (R's
    /// default 1; below 1, a fraction of the total weight); for calibration, the largest
    /// |misfit|/(1 + |target|) (default 1e-7).
    public var epsilon: Double?

    public init(
        method: WeightingMethod?, targets: WeightingTargets?, bounds: WeightLimits? = nil,
        calibrationTrim: WeightLimits? = nil, trimming: Trimming? = nil, maxIterations: Int? = nil, epsilon: Double? = nil
    ) {
        self.method = method
        self.targets = targets
        self.bounds = bounds
        self.calibrationTrim = calibrationTrim
        self.trimming = trimming
        self.maxIterations = maxIterations
        self.epsilon = epsilon
    }
}
