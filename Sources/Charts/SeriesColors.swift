/// How series are coloured when they have no explicit ``ChartSeries/color``.
public enum SeriesColors: Sendable, Equatable {
    /// The palette's categorical colours in order (Okabe–Ito by default).
    case categorical
    /// By ``ChartSeries/Role``: shades of the diverging scale for negative and positive levels,
    /// grey for neutral ones, light grey for missing ones.
    case byRole

    func colors(for series: [ChartSeries], palette: ChartPalette) -> [String] {
        switch self {
        case .categorical: return palette.categoricalColors(for: series)
        case .byRole: return palette.roleColors(for: series)
        }
    }
}

/// Ranges of values, for choosing domains.
enum ValueExtent {
    /// The smallest and largest finite estimate (and interval end, when asked) of `series` at
    /// positions `indices` (all when nil); nil when there is none.
    static func of(_ series: [ChartSeries], indices: [Int]? = nil, intervals: Bool) -> (low: Double, high: Double)? {
        var low = Double.infinity
        var high = -Double.infinity
        for s in series {
            let positions = indices ?? Array(s.values.indices)
            for i in positions {
                let v = s.value(at: i)
                guard v.isPresent else { continue }
                low = min(low, v.estimate)
                high = max(high, v.estimate)
                if intervals, let ci = v.interval {
                    low = min(low, ci.lowerBound)
                    high = max(high, ci.upperBound)
                }
            }
        }
        return low <= high ? (low, high) : nil
    }

    /// The value domain and tick step: `explicit` when it is a finite range of positive width,
    /// else nice bounds around the data (zero included for percentages and bars).
    static func domain(explicit: ClosedRange<Double>?, data: (low: Double, high: Double)?, format: ChartValueFormat,
                       includeZero: Bool, target: Int = 5) -> (ClosedRange<Double>, Double) {
        if let d = explicit, d.lowerBound.isFinite, d.upperBound.isFinite, d.upperBound > d.lowerBound {
            return (d, LinearScale.niceStep(span: d.upperBound - d.lowerBound, target: target))
        }
        guard let data else { return format.isPercentage ? (0...1, 0.25) : (0...1, 0.25) }
        var (domain, step) = LinearScale.niceDomain(low: data.low, high: data.high, includeZero: includeZero, target: target)
        if format.isPercentage, data.high <= 1, domain.upperBound > 1 { domain = domain.lowerBound...1 }
        if format.isPercentage, data.low >= 0, domain.lowerBound < 0 { domain = 0...domain.upperBound }
        return (domain, step)
    }
}
