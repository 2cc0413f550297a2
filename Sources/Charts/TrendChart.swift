/// Lines across waves: one line per level (or group), with confidence ribbons, points at the
/// waves, dashed markers at events, and each line labelled at its end instead of a legend.
///
/// ```swift
/// let chart = TrendChart(
///     text: ChartText(title: "Opinion of Russia", source: "Source: Central Asia Barometer (simulated data)"),
///     waves: waves, series: levels, events: [ChartEvent(x: 2022.15, label: "Russia invades Ukraine")])
/// let svg = chart.svg()
/// ```
///
/// The time axis spans whole years around the waves (or ``timeDomain``), ticked at the start of
/// each year and labelled with the year in the middle; the value axis
/// spans the data with nice ends (from zero for percentages) unless ``valueDomain`` is given.
/// Values outside the value domain are not drawn and break their line, as missing values do;
/// intervals are cut at the domain's edges. Event labels sit in rows above the plot, staggered
/// so that none overlaps another or is crossed by another event's line.
public struct TrendChart: Sendable {
    /// Title, subtitle, source and notes.
    public var text: ChartText
    /// The waves in any order; `series[s].values[i]` is the value at `waves[i]`.
    public var waves: [ChartWave]
    /// The lines (or bars), each with one value per wave (or group).
    public var series: [ChartSeries]
    /// Events marked by dashed lines; those outside the time axis are left out.
    public var events: [ChartEvent]
    /// Percentages (values are proportions) or plain numbers such as means.
    public var format: ChartValueFormat
    /// The value axis (proportions for ``ChartValueFormat/percentage``, e.g. `0...1`); nil fits
    /// the data.
    public var valueDomain: ClosedRange<Double>?
    /// The time axis in fractional years; nil spans the waves' years.
    public var timeDomain: ClosedRange<Double>?
    /// Whether confidence intervals are drawn (ribbons on lines, whiskers on bars).
    public var showsIntervals: Bool
    /// Whether a point marks each wave (isolated values always get one).
    public var showsPoints: Bool
    /// Categorical colours, or colours by the levels' roles.
    public var seriesColors: SeriesColors
    /// Size, palette and font.
    public var style: ChartStyle

    public init(
        text: ChartText, waves: [ChartWave], series: [ChartSeries], events: [ChartEvent] = [],
        format: ChartValueFormat = .percentage, valueDomain: ClosedRange<Double>? = nil,
        timeDomain: ClosedRange<Double>? = nil, showsIntervals: Bool = true, showsPoints: Bool = true,
        seriesColors: SeriesColors = .categorical, style: ChartStyle = ChartStyle()
    ) {
        self.text = text
        self.waves = waves
        self.series = series
        self.events = events
        self.format = format
        self.valueDomain = valueDomain
        self.timeDomain = timeDomain
        self.showsIntervals = showsIntervals
        self.showsPoints = showsPoints
        self.seriesColors = seriesColors
        self.style = style
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let frame = ChartFrame(style: style, text: text)
        let fs = frame.fontSize
        let metrics = frame.metrics
        let ink = frame.ink
        let width = frame.width
        let pad = frame.padding
        let colors = seriesColors.colors(for: series, palette: style.palette)

        // Domains.
        let xDomain = Self.timeDomain(explicit: timeDomain, waves: waves)
        let (yDomain, yStep) = ValueExtent.domain(
            explicit: valueDomain, data: ValueExtent.of(series, intervals: showsIntervals), format: format,
            includeZero: format.isPercentage)
        let magnitude = max(abs(yDomain.lowerBound), abs(yDomain.upperBound))
        let tickFont = fs - 1
        let yTicks = LinearScale(domain: yDomain, range: 0, 1).ticks(step: yStep)
        let yLabelWidth = yTicks.map { metrics.width(of: format.tick($0, step: yStep), fontSize: tickFont) }.max() ?? 0

        // Horizontal layout: y labels | plot | end labels.
        let plotLeft = pad + yLabelWidth + 8
        let probe = TrendPlot(waves: waves, series: series, colors: colors, xScale: LinearScale(domain: xDomain, range: 0, 1),
                              yScale: LinearScale(domain: yDomain, range: 1, 0), yStep: yStep, format: format,
                              showsIntervals: showsIntervals, showsPoints: showsPoints, lineWidth: 2.25, pointRadius: 3)
        let ends = series.indices.compactMap { s in probe.lastPoint(s).map { (s, $0) } }
        let valueWidth = ends.map { metrics.width(of: format.label($0.1.value.estimate, magnitude: magnitude), fontSize: fs, bold: true) }.max() ?? 0
        let (labelWidth, _) = LabelColumn.fit(ends.map { series[$0.0].label }, metrics: metrics, fontSize: fs,
                                              contentWidth: frame.contentWidth, preferred: 0.22, widest: 0.32)
        let rightMargin = ends.isEmpty ? 8 : 8 + valueWidth + 5 + labelWidth
        let plotRight = width - pad - rightMargin
        let xScale = LinearScale(domain: xDomain, range: plotLeft, plotRight)

        // Event labels above the plot.
        let eventFont = fs - 1
        let eventLine = eventFont * 1.35
        let (placement, shown) = EventLabelPlacement.laying(out: events, xScale: xScale, metrics: metrics, fontSize: eventFont,
                                                            maxWidth: min(max((plotRight - plotLeft) * 0.45, 150), 280), minX: pad, maxX: width - pad)

        // Vertical layout.
        let bandTop = frame.headerHeight
        let band = placement.rowCount == 0 ? 0 : Double(placement.rowCount) * eventLine + 4
        let plotTop = bandTop + band + fs * 0.6
        let axisHeight = tickFont + 12
        var plotHeight = min(max(frame.contentWidth * 0.48, 180), 420)
        if let h = style.height, h.isFinite {
            plotHeight = max(120, h - plotTop - axisHeight - frame.footerHeight)
        }
        let plotBottom = plotTop + plotHeight
        let height = plotBottom + axisHeight + frame.footerHeight
        let yScale = LinearScale(domain: yDomain, range: plotBottom, plotTop)
        let plot = TrendPlot(waves: waves, series: series, colors: colors, xScale: xScale, yScale: yScale, yStep: yStep,
                             format: format, showsIntervals: showsIntervals, showsPoints: showsPoints,
                             lineWidth: 2.25, pointRadius: 3)

        var svg = SVGWriter()
        frame.drawHeader(&svg)
        plot.drawGrid(&svg, ink: ink, fontSize: tickFont, labelX: plotLeft - 8)
        let yearStep = plot.yearLabelStep(labelWidth: metrics.width(of: "2024", fontSize: tickFont))
        plot.drawTimeAxis(&svg, ink: ink, fontSize: tickFont, metrics: metrics, labelStep: yearStep, showLabels: true)

        // Event lines start under their labels.
        placement.draw(&svg, events: events, shown: shown, xScale: plot.xScale, plotTop: plot.top, plotBottom: plot.bottom,
                       bandTop: bandTop, rowHeight: eventLine, fontSize: eventFont, ink: ink)

        if plot.hasData {
            plot.drawSeries(&svg, ink: ink, tooltips: true)
            drawEndLabels(&svg, plot: plot, colors: colors, frame: frame, labelX: plotRight + 8, valueWidth: valueWidth,
                          labelWidth: labelWidth, magnitude: magnitude)
        } else {
            frame.drawNoData(&svg, x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2)
        }
        frame.drawFooter(&svg, height: height)
        return frame.document(height: height, description: describe(magnitude: magnitude), body: svg)
    }

    /// Labels at the line ends: the last value in bold and the series' label, in a readable
    /// shade of the series' colour, spread apart vertically when lines end close together.
    private func drawEndLabels(_ svg: inout SVGWriter, plot: TrendPlot, colors: [String], frame: ChartFrame, labelX: Double,
                               valueWidth: Double, labelWidth: Double, magnitude: Double) {
        let fs = frame.fontSize
        let lineHeight = fs * 1.2
        let ends = series.indices.compactMap { s in plot.lastPoint(s).map { (s, $0) } }
        guard !ends.isEmpty else { return }
        let lines = ends.map { frame.metrics.wrap(series[$0.0].label, maxWidth: max(labelWidth, 20), fontSize: fs, maxLines: 2) }
        let heights = lines.map { Double($0.count) * lineHeight }
        let tops = LabelSpreader.spread(centres: ends.map { $0.1.y }, heights: heights, minY: plot.top - fs * 0.5,
                                        maxY: plot.bottom + fs, gap: 2)
        let latestX = ends.map { $0.1.x }.max() ?? plot.right
        svg.open("g", [("class", "end-labels")])
        for (k, (s, point)) in ends.enumerated() {
            let color = frame.ink.readable(colors[s])
            let centre = tops[k] + lineHeight / 2
            if abs(centre - point.y) > 3 || point.x < latestX - 1 {
                svg.element("path", [("class", "leader"), ("d", "M\(n(point.x + 5)) \(n(point.y))L\(n(labelX - 3)) \(n(centre))"),
                                     ("fill", "none"), ("stroke", colors[s]), ("stroke-width", "1"), ("stroke-opacity", "0.7")])
            }
            let baseline = tops[k] + lineHeight / 2 + fs * 0.35
            svg.element("text", [("class", "end-value"), ("data-series", series[s].label), ("x", n(labelX + valueWidth)),
                                 ("y", n(baseline)), ("text-anchor", "end"), ("font-weight", "700"), ("font-size", n(fs)),
                                 ("fill", color)], text: format.label(point.value.estimate, magnitude: magnitude))
            for (i, line) in lines[k].enumerated() {
                svg.element("text", [("class", "end-label"), ("data-series", series[s].label), ("x", n(labelX + valueWidth + 5)),
                                     ("y", n(baseline + Double(i) * lineHeight)), ("font-size", n(fs)), ("fill", color)],
                            text: line)
            }
        }
        svg.close("g")
    }

    /// A sentence or two for `<desc>`.
    private func describe(magnitude: Double) -> String {
        let order = waves.indices.filter { waves[$0].x.isFinite }.sorted { waves[$0].x < waves[$1].x }
        guard let first = order.first, let last = order.last, !series.isEmpty else {
            return self.text.words(.chartNoData, self.text.words(.chartKindTrend))
        }
        let words = self.text.words
        let names = series.map(\.label).joined(separator: ", ")
        var text = order.count == 1
            ? words(.chartTrendOneWave, names, waves[first].label)
            : words(.chartTrendDescription, names, String(order.count), waves[first].label, waves[last].label)
        let latest = series.compactMap { s -> String? in
            let v = s.value(at: last)
            return v.isPresent ? "\(s.label) \(format.label(v.estimate, magnitude: magnitude))" : nil
        }
        if !latest.isEmpty { text += " \(waves[last].label): " + latest.joined(separator: ", ") + "." }
        if !events.isEmpty { text += " " + words(.chartEventsMarked, events.map(\.label).joined(separator: "; ")) }
        return text
    }

    /// The explicit time domain when valid, else whole years from the first wave's to the last
    /// wave's (a wave on 1 January starts the year before, one on 31 December ends the year
    /// after); without waves 2000…2001 (there is no clock to guess from).
    static func timeDomain(explicit: ClosedRange<Double>?, waves: [ChartWave]) -> ClosedRange<Double> {
        if let d = explicit, d.lowerBound.isFinite, d.upperBound.isFinite, d.upperBound > d.lowerBound { return d }
        let xs = waves.map(\.x).filter { $0.isFinite && abs($0) < 1e6 }
        guard let lo = xs.min(), let hi = xs.max() else { return 2000...2001 }
        let first = (lo - 0.04).rounded(.down)
        let last = max((hi + 0.04).rounded(.up), first + 1)
        return first...last
    }
}
