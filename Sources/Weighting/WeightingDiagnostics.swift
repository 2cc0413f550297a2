/// What a weighting did, for the person who must defend it: convergence, the spread of the
/// weights, the loss of precision they cause, and every target against what was achieved.
public struct WeightingDiagnostics: Sendable, Equatable, Codable {
    /// One target and what the final weights give.
    public struct TargetCheck: Sendable, Equatable, Codable {
        /// The margin ("sex"), cells ("region × settlement") or numeric variable.
        public var variable: String
        /// The level (nil for a numeric total).
        public var level: String?
        public var target: Double
        public var achieved: Double
        /// The unweighted number of respondents in the level.
        public var respondents: Int?
    }

    public var method: String
    public var converged: Bool
    /// Raking cycles or Newton steps (1 for post-stratification and unbounded linear calibration).
    public var iterations: Int
    /// max |achieved − target| / target over every target (0 when nothing was calibrated).
    public var largestRelativeError: Double
    public var respondents: Int
    public var weightSum: Double
    public var minimum: Double
    public var median: Double
    public var maximum: Double
    /// maximum / minimum.
    public var ratio: Double
    /// Kish's design effect due to unequal weights, n Σw² / (Σw)² (Kish 1992, *J. Official
    /// Statistics* 8).
    public var kishDesignEffect: Double
    /// 1 / Kish's design effect: the share of the sample's information the weights keep.
    public var efficiency: Double
    /// n / Kish's design effect.
    public var effectiveSampleSize: Double
    /// Weights set to a trimming limit.
    public var trimmed: Int
    public var targets: [TargetCheck]

    init(method: String, iterations: Int, weights w: [Double], trimmed: Int, model: CalibrationModel?) {
        self.method = method
        converged = true
        self.iterations = iterations
        respondents = w.count
        let sum = w.reduce(0, +)
        let squares = w.reduce(0) { $0 + $1 * $1 }
        weightSum = sum
        // By selection, not by sorting a copy: weights are as many as the respondents.
        minimum = w.min() ?? .nan
        maximum = w.max() ?? .nan
        let n = w.count
        median = RadixSelection.median(w)
        ratio = maximum / minimum
        kishDesignEffect = Double(n) * squares / (sum * sum)
        efficiency = 1 / kishDesignEffect
        effectiveSampleSize = Double(n) / kishDesignEffect
        self.trimmed = trimmed
        var checks: [TargetCheck] = []
        if let model {
            for f in model.factors {
                var achieved = [Double](repeating: 0, count: f.levels.count)
                var count = [Int](repeating: 0, count: f.levels.count)
                for i in 0..<n {
                    achieved[Int(f.levelOfRow[i])] += w[i]
                    count[Int(f.levelOfRow[i])] += 1
                }
                for l in 0..<f.levels.count {
                    checks.append(TargetCheck(variable: f.name, level: f.levels[l], target: f.targets[l], achieved: achieved[l], respondents: count[l]))
                }
            }
            for t in model.numericTotals {
                var achieved = 0.0
                for i in 0..<n { achieved += w[i] * t.values[i] }
                checks.append(TargetCheck(variable: t.name, level: nil, target: t.total, achieved: achieved, respondents: nil))
            }
        }
        targets = checks
        largestRelativeError = checks.map { abs($0.achieved - $0.target) / max(abs($0.target), .leastNormalMagnitude) }.max() ?? 0
    }
}
