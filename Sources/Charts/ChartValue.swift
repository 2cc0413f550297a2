/// One estimate with its confidence interval: a proportion (0…1) or a plain number such as a
/// mean, depending on the chart's ``ChartValueFormat``.
///
/// A value that is not finite (NaN, the missing-value convention of `Dataset`) is missing: it is
/// not drawn, and lines break around it. An interval is drawn only when both ends are finite;
/// ends in the wrong order are swapped.
public struct ChartValue: Sendable, Equatable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The point estimate; NaN when missing.
    public var estimate: Double
    /// The lower end of the confidence interval; NaN when there is none.
    public var lower: Double
    /// The upper end of the confidence interval; NaN when there is none.
    public var upper: Double

    public init(_ estimate: Double, lower: Double = .nan, upper: Double = .nan) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }

    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// No estimate (the question was not asked, or the cell is suppressed).
    public static let missing = ChartValue(.nan)

    /// Whether there is an estimate to draw.
    public var isPresent: Bool { estimate.isFinite }

    /// The interval, ordered, when both ends are finite.
    public var interval: ClosedRange<Double>? {
        guard lower.isFinite, upper.isFinite else { return nil }
        return min(lower, upper)...max(lower, upper)
    }

    // Equality treats two missing parts as equal (NaN != NaN otherwise).
    public static func == (a: ChartValue, b: ChartValue) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return same(a.estimate, b.estimate) && same(a.lower, b.lower) && same(a.upper, b.upper)
    }
}
