/// The colours of a chart, safe for the common colour-vision deficiencies.
///
/// Categorical series take ``categorical`` in order. Diverging scales take shades of
/// ``negative`` and ``positive`` (each listed from the strongest, drawn farthest from zero, to the
/// weakest), ``neutral`` for the middle, and ``missing`` for "don't know" and "refused". Colours
/// are `#rrggbb`; anything else falls back to grey. Text on a coloured segment is near-black or
/// white, whichever contrasts more; labels in a series' colour are darkened until they reach
/// 4.5:1 against the background.
public struct ChartPalette: Sendable, Equatable {
    /// Colours of categorical series, in order (repeated when there are more series).
    public var categorical: [String]
    /// Shades for negative levels, strongest first.
    public var negative: [String]
    /// Shades for positive levels, strongest first.
    public var positive: [String]
    /// The colour of neutral levels.
    public var neutral: String
    /// Colours of missing answers ("don't know", then "refused").
    public var missing: [String]

    public init(categorical: [String], negative: [String], positive: [String], neutral: String, missing: [String]) {
        self.categorical = categorical
        self.negative = negative
        self.positive = positive
        self.neutral = neutral
        self.missing = missing
    }

    /// Okabe–Ito for categories (blue, vermillion, bluish green, reddish purple, orange, sky blue,
    /// black, yellow); blue (positive) against orange (negative) with a mid grey for diverging
    /// scales; light greys for missing answers.
    public static let standard = ChartPalette(
        categorical: ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"],
        negative: ["#b35806", "#e08214", "#fdb863", "#fee0b6"],
        positive: ["#2166ac", "#4393c3", "#92c5de", "#d1e5f0"],
        neutral: "#a6a6a6",
        missing: ["#d4d4d4", "#e8e8e8"]
    )

    /// As ``standard`` but purple (positive) against orange (negative) on diverging scales
    /// (ColorBrewer PuOr), for institutions whose house colours clash with blue.
    public static let purpleOrange = ChartPalette(
        categorical: standard.categorical,
        negative: ["#b35806", "#e08214", "#fdb863", "#fee0b6"],
        positive: ["#542788", "#8073ac", "#b2abd2", "#d8daeb"],
        neutral: "#a6a6a6",
        missing: ["#d4d4d4", "#e8e8e8"]
    )

    /// The colour of the `index`-th categorical series.
    func categoricalColor(_ index: Int) -> String {
        guard !categorical.isEmpty else { return "#555555" }
        return categorical[((index % categorical.count) + categorical.count) % categorical.count]
    }

    /// `count` shades from a ramp listed strongest first. The palest shade, close to white, is
    /// kept for scales that need every shade: two levels take the first and third of four.
    static func shades(_ ramp: [String], count: Int) -> [String] {
        guard count > 0 else { return [] }
        guard !ramp.isEmpty else { return Array(repeating: "#888888", count: count) }
        if count == 1 { return [ramp[ramp.count > 2 ? 1 : 0]] }
        if count <= ramp.count {
            let usable = count < ramp.count && ramp.count > 2 ? ramp.count - 1 : ramp.count
            return (0..<count).map { i in
                ramp[Int((Double(i) * Double(usable - 1) / Double(count - 1)).rounded())]
            }
        }
        // More levels than shades: interpolate between the ramp's ends.
        let first = RGBColor(hex: ramp[0]) ?? RGBColor(r: 0.5, g: 0.5, b: 0.5)
        let last = RGBColor(hex: ramp[ramp.count - 1]) ?? first
        return (0..<count).map { first.mixed(with: last, Double($0) / Double(count - 1)).hex }
    }

    /// Colours of series by role, for diverging charts: negatives and positives in shades from
    /// strongest (farthest from the middle of the list) to weakest, neutrals grey, missing light
    /// grey, explicit colours kept.
    func roleColors(for series: [ChartSeries]) -> [String] {
        var result = series.map { $0.color ?? neutral }
        let negatives = series.indices.filter { series[$0].role == .negative }
        let positives = series.indices.filter { series[$0].role == .positive }
        let missings = series.indices.filter { series[$0].role == .missing }
        // The strongest negative is the one farthest from the positives (usually the first).
        let negativesFirst = (negatives.first ?? 0) <= (positives.first ?? Int.max)
        let negOrder = negativesFirst ? negatives : negatives.reversed()
        let posOrder = negativesFirst ? positives.reversed() : positives
        for (i, c) in zip(negOrder, Self.shades(negative, count: negOrder.count)) where series[i].color == nil { result[i] = c }
        for (i, c) in zip(posOrder, Self.shades(positive, count: posOrder.count)) where series[i].color == nil { result[i] = c }
        for (k, i) in missings.enumerated() where series[i].color == nil {
            result[i] = missing.isEmpty ? "#dddddd" : missing[min(k, missing.count - 1)]
        }
        return result
    }

    /// Colours of series in order, categorical unless given.
    func categoricalColors(for series: [ChartSeries]) -> [String] {
        var next = 0
        return series.map { s in
            if let c = s.color { return c }
            defer { next += 1 }
            return categoricalColor(next)
        }
    }
}
