/// The look of a chart: its size, colours, font and the text measurements used for layout.
public struct ChartStyle: Sendable, Equatable {
    /// Width of the drawing in pixels (the `viewBox` width); at least 240.
    public var width: Double
    /// Height in pixels; nil lets the chart choose from its content (bars get a fixed height
    /// each, plots a height in proportion to the width). A height too small for the text is
    /// raised so that nothing is clipped.
    public var height: Double?
    /// The colours; ``ChartPalette/standard`` is safe for colour-blind readers.
    public var palette: ChartPalette
    /// The CSS `font-family` of all text.
    public var fontFamily: String
    /// The size of labels in pixels; the title is 1.5 times larger, notes slightly smaller.
    public var fontSize: Double
    /// Estimates of text widths for wrapping and margins; should match ``fontFamily``.
    public var metrics: TextMetrics
    /// The background (`#rrggbb`); text colours are chosen to contrast with it.
    public var background: String
    /// The prefix of `id` attributes in the drawing (the `<title>` and `<desc>` referenced by
    /// `aria-labelledby`); give each chart on one HTML page its own.
    public var idPrefix: String

    /// System sans-serif fonts, those with Arial's widths first (Helvetica Neue and Helvetica on
    /// Apple systems, Arial on Windows, Liberation Sans on Linux), so that text takes the room
    /// ``TextMetrics`` planned for it; then the interface fonts (Roboto on Android).
    public static let systemFontStack =
        "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"

    public init(
        width: Double = 760, height: Double? = nil, palette: ChartPalette = .standard,
        fontFamily: String = ChartStyle.systemFontStack, fontSize: Double = 12, metrics: TextMetrics = TextMetrics(),
        background: String = "#ffffff", idPrefix: String = "barometer-chart"
    ) {
        self.width = width
        self.height = height
        self.palette = palette
        self.fontFamily = fontFamily
        self.fontSize = fontSize
        self.metrics = metrics
        self.background = background
        self.idPrefix = idPrefix
    }

    /// The width actually used: finite and at least 240.
    var resolvedWidth: Double { width.isFinite ? max(240, width) : 760 }
    /// The label size actually used: 8…32.
    var resolvedFontSize: Double { fontSize.isFinite ? min(max(fontSize, 8), 32) : 12 }
    var backgroundColor: RGBColor { RGBColor(hex: background) ?? .white }
}
