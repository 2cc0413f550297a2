/// A lower and upper limit: bounds on the calibration ratio g = w/d, or limits on weights.
public struct WeightLimits: Sendable, Equatable, Codable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// No limits.
    public static let none = WeightLimits(lower: -.infinity, upper: .infinity)

    public var isFinite: Bool { lower.isFinite && upper.isFinite }
    public var isUnbounded: Bool { lower == -.infinity && upper == .infinity }

    func clamp(_ x: Double) -> Double { Swift.min(Swift.max(x, lower), upper) }
}
