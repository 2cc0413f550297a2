/// A chart that draws itself as a standalone SVG document: ``DivergingBarChart``,
/// ``TrendChart``, ``GroupedBarChart``, ``SmallMultiplesChart`` and ``PollAverageChart``. Surfaces that choose the
/// chart at run time (the `barometer chart` verb, the explorer) can hold `any SVGChart`.
public protocol SVGChart: Sendable {
    /// Title, subtitle, source and notes.
    var text: ChartText { get }
    /// Size, palette and font.
    var style: ChartStyle { get }

    /// The complete document: an `<svg>` root with `xmlns`, `width`, `height` and `viewBox`,
    /// `role="img"` and `aria-labelledby` naming its `<title>` and `<desc>`; all text escaped.
    /// Never fails: missing or degenerate data gives a chart that says "No data".
    func svg() -> String
}

extension DivergingBarChart: SVGChart {}
extension TrendChart: SVGChart {}
extension GroupedBarChart: SVGChart {}
extension SmallMultiplesChart: SVGChart {}
extension PollAverageChart: SVGChart {}
