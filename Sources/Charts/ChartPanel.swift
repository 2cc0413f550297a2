/// One panel of a ``SmallMultiplesChart``: its title (the group, e.g. "18–29") and its series,
/// whose values follow the chart's waves or groups.
public struct ChartPanel: Sendable, Equatable {
    /// The panel's heading (the group it shows).
    public var title: String
    /// The panel's lines or bars; series with the same label share a colour across panels.
    public var series: [ChartSeries]

    public init(title: String, series: [ChartSeries]) {
        self.title = title
        self.series = series
    }
}
