import SurveyCore

/// Percentile bootstrap intervals for a reliability statistic (Krippendorff's alpha, a kappa,
/// percent agreement) by resampling the coded units with replacement.
///
/// Each replicate draws N units, with replacement, from the N units of the coding (a unit
/// brings all its coders' codes along, so the dependence among the codes of one unit is
/// kept), and computes the statistic on them. The interval is the (1 − level)/2 and
/// (1 + level)/2 quantiles of the replicates (the percentile interval, Efron & Tibshirani
/// 1993, ch. 13; quantiles interpolated as R's default `quantile(type = 7)`), the standard
/// error their standard deviation. This is the unit bootstrap that Zapf, Castell, Morawietz &
/// Karch (2016, "Measuring inter-rater reliability for nominal data – which coefficients and
/// confidence intervals are appropriate?", BMC Medical Research Methodology 16:93) recommend
/// for Krippendorff's alpha and Fleiss' kappa. Hayes & Krippendorff (2007, Communication
/// Methods and Measures 1(1)) bootstrap alpha differently, by resampling pairs of values from
/// the coincidence matrix; resampling units applies alike to every statistic here.
///
/// A replicate can leave a statistic undefined (all its units coded alike, so there is no
/// disagreement to expect, or no unit coded by both coders of a kappa). Such replicates are
/// left out of the interval and counted in ``Interval/undefined``; the interval then describes
/// the statistic given that it is defined, which callers should say when the count is not 0.
///
/// Draws come from ``SurveyCore/SplitMix64`` seeded with ``seed``: a seed repeats exactly, and
/// every statistic of one coding computed with one bootstrap sees the same resamples.
public struct ReliabilityBootstrap: Sendable, Equatable {
    /// The number of replicates unless one is given.
    public static let defaultReplicates = 1_000
    /// The seed unless one is given (the year of Hayes & Krippendorff's bootstrap of alpha).
    public static let defaultSeed: UInt64 = 2007

    /// The number of resamples.
    public var replicates: Int
    /// The seed of the draws.
    public var seed: UInt64
    /// The confidence level of the interval, between 0 and 1 exclusive.
    public var confidenceLevel: Double

    public init(replicates: Int = defaultReplicates, seed: UInt64 = defaultSeed, confidenceLevel: Double = 0.95) {
        self.replicates = replicates
        self.seed = seed
        self.confidenceLevel = confidenceLevel
    }

    /// A percentile interval and what it rests on.
    public struct Interval: Sendable, Equatable {
        /// The interval's ends; nil when no replicate defines the statistic.
        public var lower: Double?
        public var upper: Double?
        /// The standard deviation of the defined replicates; nil with fewer than two.
        public var standardError: Double?
        /// Replicates in which the statistic is defined (those the interval comes from).
        public var defined: Int
        /// Replicates in which the statistic is undefined, left out.
        public var undefined: Int
    }

    /// The interval of `statistic`, computed on each resample of `units` units; the closure
    /// receives the indices (0..<units, with repeats) of the units drawn and returns nil where
    /// the statistic is undefined. With no units every replicate is undefined.
    public func interval(units: Int, _ statistic: ([Int]) -> Double?) -> Interval {
        var values: [Double] = []
        values.reserveCapacity(replicates)
        var undefined = 0
        var generator = SplitMix64(seed: seed)
        var drawn = [Int](repeating: 0, count: units)
        for _ in 0..<replicates {
            guard units > 0 else {
                undefined += 1
                continue
            }
            for i in 0..<units { drawn[i] = Self.uniform(below: units, using: &generator) }
            if let value = statistic(drawn), value.isFinite { values.append(value) } else { undefined += 1 }
        }
        values.sort()
        let tail = (1 - confidenceLevel) / 2
        var standardError: Double?
        if values.count >= 2 {
            let mean = values.reduce(0, +) / Double(values.count)
            standardError = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        }
        return Interval(
            lower: Self.quantile(values, tail), upper: Self.quantile(values, 1 - tail), standardError: standardError,
            defined: values.count, undefined: undefined)
    }

    /// An index in 0..<n from 64 random bits: the high word of bits × n (Lemire 2019, "Fast
    /// random integer generation in an interval", ACM TOMACS 29(1)), whose bias of at most
    /// n/2⁶⁴ is far below anything a bootstrap can see.
    static func uniform(below n: Int, using generator: inout SplitMix64) -> Int {
        Int(generator.next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// The p-quantile of sorted values, interpolated between order statistics as R's
    /// `quantile(type = 7)`: position h = (n − 1)p from 0.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
}
