/// Horizontal bars grouped by category with confidence whiskers and value labels: a breakdown
/// such as age groups × answer levels, or languages of interview × one level.
///
/// ```swift
/// let chart = GroupedBarChart(
///     text: ChartText(title: "Unfavourable view of Russia by language of interview"),
///     groups: ["Kazakh", "Russian"],
///     series: [ChartSeries(label: "Unfavourable", values: [ChartValue(0.35, lower: 0.32, upper: 0.38),
///                                                          ChartValue(0.12, lower: 0.10, upper: 0.14)])])
/// ```
///
/// Groups run from top to bottom with their labels at the left (wrapped onto two lines when
/// long); within a group, one bar per series in the series' order, which is also the order of
/// the legend above the plot (shown when there is more than one series). Bars start at zero.
public struct GroupedBarChart: Sendable {
    /// Title, subtitle, source and notes.
    public var text: ChartText
    /// The categories, top to bottom; `series[s].values[g]` is series `s` in group `g`.
    public var groups: [String]
    /// The lines (or bars), each with one value per wave (or group).
    public var series: [ChartSeries]
    /// Percentages (values are proportions) or plain numbers such as means.
    public var format: ChartValueFormat
    /// The value axis; nil fits the data and intervals, from zero.
    public var valueDomain: ClosedRange<Double>?
    /// Whether confidence intervals are drawn (ribbons on lines, whiskers on bars).
    public var showsIntervals: Bool
    /// Whether each bar is labelled with its value (beyond its whisker).
    public var showsValues: Bool
    /// Categorical colours, or colours by the levels' roles.
    public var seriesColors: SeriesColors
    /// Size, palette and font.
    public var style: ChartStyle

    public init(
        text: ChartText, groups: [String], series: [ChartSeries], format: ChartValueFormat = .percentage,
        valueDomain: ClosedRange<Double>? = nil, showsIntervals: Bool = true, showsValues: Bool = true,
        seriesColors: SeriesColors = .categorical, style: ChartStyle = ChartStyle()
    ) {
        self.text = text
        self.groups = groups
        self.series = series
        self.format = format
        self.valueDomain = valueDomain
        self.showsIntervals = showsIntervals
        self.showsValues = showsValues
        self.seriesColors = seriesColors
        self.style = style
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let frame = ChartFrame(style: style, text: text)
        let fs = frame.fontSize
        let metrics = frame.metrics
        let ink = frame.ink
        let pad = frame.padding
        let colors = seriesColors.colors(for: series, palette: style.palette)
        let (domain, step) = ValueExtent.domain(
            explicit: valueDomain, data: ValueExtent.of(series, indices: Array(groups.indices), intervals: showsIntervals),
            format: format, includeZero: true)
        let smallFont = fs - 1

        // Horizontal layout: group labels | bars | value labels.
        let (labelColumn, labelLines) = LabelColumn.fit(groups, metrics: metrics, fontSize: fs, contentWidth: frame.contentWidth,
                                                        preferred: 0.3, widest: 0.4)
        let lineHeight = fs * 1.2
        let labelHeights = labelLines.map { Double($0.count) * lineHeight }
        let plotLeft = pad + labelColumn + (groups.isEmpty ? 0 : 12)
        let probe = BarPlot(groups: groups, series: series, colors: colors, scale: LinearScale(domain: domain, range: 0, 1),
                            step: step, format: format, showsIntervals: showsIntervals, showsValues: showsValues,
                            barHeight: 0, barGap: 0, groupGap: 0)
        let valueRoom = showsValues ? probe.valueLabelWidth(metrics: metrics, fontSize: smallFont) + 8 : 0
        let hasNegative = domain.lowerBound < 0
        let tickRoom = metrics.width(of: format.tick(domain.upperBound, step: step), fontSize: smallFont) / 2
        let plotRight = frame.width - pad - max(valueRoom, tickRoom)
        let scale = LinearScale(domain: domain, range: plotLeft + (hasNegative ? valueRoom : tickRoom), plotRight)

        // Vertical layout.
        let legendItems = series.count > 1
            ? series.indices.map { ChartLegend.Item(label: series[$0].label, color: colors[$0], marker: .square) } : []
        let legend = ChartLegend(items: legendItems, left: pad, right: frame.width - pad, fontSize: fs, metrics: metrics)
        let legendTop = frame.headerHeight
        let plotTop = legendTop + (legend.isEmpty ? 0 : legend.height + 14)
        let barHeight = series.count > 3 ? max(fs * 1.2, 13) : max(fs * 1.6, 18)
        let tickStep = scale.readableStep(step, minimum: 2 * tickRoom + 10)
        let plot = BarPlot(groups: groups, series: series, colors: colors, scale: scale, step: tickStep, format: format,
                           showsIntervals: showsIntervals, showsValues: showsValues, barHeight: barHeight, barGap: 2,
                           groupGap: series.count > 1 ? 14 : 8)
        let (tops, last) = plot.groupTops(top: plotTop + 6, labelHeights: labelHeights)
        let plotBottom = groups.isEmpty || !plot.hasData ? plotTop + 60 : last + 6
        var height = plotBottom + smallFont + 12 + frame.footerHeight
        if let h = style.height, h.isFinite { height = max(height, h) }

        var svg = SVGWriter()
        frame.drawHeader(&svg)
        legend.draw(&svg, top: legendTop, ink: ink, metrics: metrics)
        plot.drawAxis(&svg, top: plotTop, bottom: plotBottom, ink: ink, fontSize: smallFont, labels: true)
        if plot.hasData {
            svg.open("g", [("class", "group-labels")])
            for (g, lines) in labelLines.enumerated() {
                let block = plot.blockHeight(labelHeight: labelHeights[g])
                let first = tops[g] + block / 2 - Double(lines.count - 1) * lineHeight / 2 + fs * 0.35
                for (i, line) in lines.enumerated() {
                    svg.element("text", [("class", "group-label"), ("x", n(plotLeft - 12)), ("y", n(first + Double(i) * lineHeight)),
                                         ("text-anchor", "end"), ("font-size", n(fs)), ("fill", ink.text)], text: line)
                }
            }
            svg.close("g")
            plot.drawBars(&svg, tops: tops, labelHeights: labelHeights, ink: ink, metrics: metrics, fontSize: smallFont)
        } else {
            frame.drawNoData(&svg, x: (plotLeft + plotRight) / 2, y: plotTop + 34)
        }
        frame.drawFooter(&svg, height: height)
        return frame.document(height: height, description: describe(magnitude: max(abs(domain.lowerBound), abs(domain.upperBound))), body: svg)
    }

    private func describe(magnitude: Double) -> String {
        let words = self.text.words
        guard !groups.isEmpty, !series.isEmpty else { return words(.chartNoData, words(.chartKindBars)) }
        var text = words(.chartBarsDescription, series.map(\.label).joined(separator: ", "), groups.joined(separator: ", "))
        text += (showsIntervals ? words(.chartWithIntervals) : "") + "."
        let parts = groups.indices.map { g -> String in
            let values = series.compactMap { s -> String? in
                let v = s.value(at: g)
                return v.isPresent ? (series.count > 1 ? "\(s.label) " : "") + format.label(v.estimate, magnitude: magnitude) : nil
            }
            return "\(groups[g]): " + (values.isEmpty ? words(.chartNoValue) : values.joined(separator: ", "))
        }
        return text + " " + parts.joined(separator: "; ") + "."
    }
}
