/// A named row of values: one answer level across waves (a trend line), one level across groups
/// (a set of bars), or one segment of stacked bars. `values[i]` belongs to the chart's i-th wave,
/// group or row; a shorter array means missing values at the end, extra values are ignored.
public struct ChartSeries: Sendable, Equatable {
    /// Where an answer level sits on its scale: diverging bars put negative levels left of zero
    /// and positive ones right, neutral ones in the middle or apart, missing ones ("don't know",
    /// "refused") apart; palettes colour them accordingly.
    public enum Role: String, Sendable, Equatable, CaseIterable {
        case negative, neutral, positive
        /// "Don't know", "refused", "no answer".
        case missing
        /// A category without valence (a party, a country, a group); diverging bars treat it as
        /// neutral.
        case category
    }

    /// The level's label as readers see it ("Very favourable", "Мүлдем қолдамаймын").
    public var label: String
    /// One value per wave, group or row of the chart.
    public var values: [ChartValue]
    /// Where the level sits on its scale; ``Role/category`` when it has no valence.
    public var role: Role
    /// An explicit colour (`#rrggbb`) instead of the palette's.
    public var color: String?

    public init(label: String, values: [ChartValue], role: Role = .category, color: String? = nil) {
        self.label = label
        self.values = values
        self.role = role
        self.color = color
    }

    /// The value for wave, group or row `index`, missing when there is none.
    public func value(at index: Int) -> ChartValue {
        index >= 0 && index < values.count ? values[index] : .missing
    }
}
