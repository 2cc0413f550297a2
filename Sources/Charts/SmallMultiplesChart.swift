/// Small multiples: one small chart per group (an age group, a language, a region), all on the
/// same scales so that panels compare at a glance, with the panel's title above it.
///
/// ```swift
/// let chart = SmallMultiplesChart(
///     text: ChartText(title: "Unfavourable view of Russia by age"),
///     panels: [ChartPanel(title: "18–29", series: [unfavourable1829]), ChartPanel(title: "30–44", series: [unfavourable3044])],
///     kind: .trend(waves: waves, events: events))
/// ```
///
/// Trend panels draw lines with ribbons and points, a dashed line at each event numbered above
/// the panel (the numbers are explained in the key under the title); bar panels draw grouped
/// horizontal bars with whiskers. Value tick labels appear on the first column only, category
/// labels of bar panels at the left of each row. Series are matched across panels by label and
/// keep one colour; the key lists them when there is more than one. A panel without data says
/// so.
public struct SmallMultiplesChart: Sendable {
    /// What each panel draws.
    public enum Kind: Sendable, Equatable {
        /// Lines across `waves` (each series' values follow the waves), with event markers.
        case trend(waves: [ChartWave], events: [ChartEvent] = [])
        /// Grouped horizontal bars for `groups` (each series' values follow the groups).
        case bars(groups: [String])
    }

    /// Title, subtitle, source and notes.
    public var text: ChartText
    /// The panels, left to right and top to bottom.
    public var panels: [ChartPanel]
    /// Trend lines across waves, or bars across groups.
    public var kind: Kind
    /// Percentages (values are proportions) or plain numbers such as means.
    public var format: ChartValueFormat
    /// The value axis shared by all panels; nil fits every panel's data.
    public var valueDomain: ClosedRange<Double>?
    /// Panels per row; nil chooses from the width (panels at least about 200 pixels wide) and
    /// balances the rows.
    public var columns: Int?
    /// Whether confidence intervals are drawn (ribbons on lines, whiskers on bars).
    public var showsIntervals: Bool
    /// Categorical colours, or colours by the levels' roles.
    public var seriesColors: SeriesColors
    /// Size, palette and font.
    public var style: ChartStyle

    public init(
        text: ChartText, panels: [ChartPanel], kind: Kind, format: ChartValueFormat = .percentage,
        valueDomain: ClosedRange<Double>? = nil, columns: Int? = nil, showsIntervals: Bool = true,
        seriesColors: SeriesColors = .categorical, style: ChartStyle = ChartStyle()
    ) {
        self.text = text
        self.panels = panels
        self.kind = kind
        self.format = format
        self.valueDomain = valueDomain
        self.columns = columns
        self.showsIntervals = showsIntervals
        self.seriesColors = seriesColors
        self.style = style
    }

    /// The series of all panels, one per label, in order of first appearance.
    private var distinctSeries: [ChartSeries] {
        var seen: Set<String> = []
        var result: [ChartSeries] = []
        for p in panels {
            for s in p.series where !seen.contains(s.label) {
                seen.insert(s.label)
                result.append(s)
            }
        }
        return result
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let frame = ChartFrame(style: style, text: text)
        let fs = frame.fontSize
        let metrics = frame.metrics
        let ink = frame.ink
        let pad = frame.padding
        let distinct = distinctSeries
        let distinctColors = seriesColors.colors(for: distinct, palette: style.palette)
        var colorOf: [String: String] = [:]
        for (s, c) in zip(distinct, distinctColors) where colorOf[s.label] == nil { colorOf[s.label] = c }
        func colors(_ panel: ChartPanel) -> [String] { panel.series.map { colorOf[$0.label] ?? "#555555" } }

        let allSeries = panels.flatMap(\.series)
        let count = panels.count
        let maxColumns = max(1, Int(frame.contentWidth / 200))
        var cols = columns.map { max(1, $0) } ?? maxColumns
        cols = max(1, min(cols, max(count, 1)))
        if columns == nil, count > 0 {
            let rows = (count + cols - 1) / cols
            cols = (count + rows - 1) / rows
        }
        let rowCount = count == 0 ? 0 : (count + cols - 1) / cols
        let hGap = 18.0
        let vGap = 20.0

        // Key: series (when more than one) and numbered events.
        var keyItems: [ChartLegend.Item] = []
        if distinct.count > 1 {
            let marker: ChartLegend.Marker
            if case .trend = kind { marker = .line } else { marker = .square }
            keyItems += distinct.indices.map { ChartLegend.Item(label: distinct[$0].label, color: distinctColors[$0], marker: marker) }
        }
        var waves: [ChartWave] = []
        var events: [ChartEvent] = []
        var groups: [String] = []
        switch kind {
        case .trend(let w, let e):
            waves = w
            let xDomain = TrendChart.timeDomain(explicit: nil, waves: w)
            events = e.filter { xDomain.contains($0.x) && $0.x.isFinite }
        case .bars(let g):
            groups = g
        }
        for (i, e) in events.enumerated() {
            keyItems.append(ChartLegend.Item(label: e.label, color: ink.text, marker: .number(String(i + 1))))
        }
        let key = ChartLegend(items: keyItems, left: pad, right: frame.width - pad, fontSize: fs, metrics: metrics)
        let keyTop = frame.headerHeight
        let gridTop = keyTop + (key.isEmpty ? 0 : key.height + 16)

        var svg = SVGWriter()
        frame.drawHeader(&svg)
        key.draw(&svg, top: keyTop, ink: ink, metrics: metrics)

        var height: Double
        if count == 0 {
            frame.drawNoData(&svg, x: frame.width / 2, y: gridTop + 30)
            height = gridTop + 60 + frame.footerHeight
        } else {
            switch kind {
            case .trend:
                height = drawTrendPanels(&svg, frame: frame, waves: waves, events: events, allSeries: allSeries, colors: colors,
                                         cols: cols, rowCount: rowCount, gridTop: gridTop, hGap: hGap, vGap: vGap)
            case .bars:
                height = drawBarPanels(&svg, frame: frame, groups: groups, allSeries: allSeries, colors: colors,
                                       cols: cols, rowCount: rowCount, gridTop: gridTop, hGap: hGap, vGap: vGap)
            }
            height += frame.footerHeight
        }
        if let h = style.height, h.isFinite { height = max(height, h) }
        frame.drawFooter(&svg, height: height)
        return frame.document(height: height, description: describe(), body: svg)
    }

    /// Titles of the panels of one grid row, wrapped to the panel width (two lines at most).
    private func titleLines(_ frame: ChartFrame, width: Double) -> [[String]] {
        panels.map { frame.metrics.wrap($0.title, maxWidth: max(width, 20), fontSize: frame.fontSize, bold: true, maxLines: 2) }
    }

    private func drawPanelTitle(_ svg: inout SVGWriter, _ lines: [String], x: Double, top: Double, frame: ChartFrame) {
        for (i, line) in lines.enumerated() {
            svg.element("text", [("class", "panel-title"), ("x", n(x)), ("y", n(top + Double(i + 1) * frame.fontSize * 1.25 - 3)),
                                 ("font-size", n(frame.fontSize)), ("font-weight", "700"), ("fill", frame.ink.text)], text: line)
        }
    }

    private func drawTrendPanels(
        _ svg: inout SVGWriter, frame: ChartFrame, waves: [ChartWave], events: [ChartEvent], allSeries: [ChartSeries],
        colors: (ChartPanel) -> [String], cols: Int, rowCount: Int, gridTop: Double, hGap: Double, vGap: Double
    ) -> Double {
        let fs = frame.fontSize, metrics = frame.metrics, ink = frame.ink, pad = frame.padding
        let smallFont = fs - 1
        let xDomain = TrendChart.timeDomain(explicit: nil, waves: waves)
        let (yDomain, yStep) = ValueExtent.domain(explicit: valueDomain, data: ValueExtent.of(allSeries, intervals: showsIntervals),
                                                  format: format, includeZero: format.isPercentage, target: 4)
        let ticks = LinearScale(domain: yDomain, range: 0, 1).ticks(step: yStep)
        let yLabelWidth = ticks.map { metrics.width(of: format.tick($0, step: yStep), fontSize: smallFont) }.max() ?? 0
        let axisLeft = pad + yLabelWidth + 6
        let panelWidth = max(60, (frame.width - pad - axisLeft - Double(cols - 1) * hGap) / Double(cols))
        let plotHeight = min(max(panelWidth * 0.6, 90), 220)
        let titles = titleLines(frame, width: panelWidth)

        // Event numbers above each panel, placed once for the panel's width.
        let numbers = events.indices.map { i -> (x: Double, lines: [String], width: Double) in
            let t = String(i + 1)
            return (LinearScale(domain: xDomain, range: 0, panelWidth)(events[i].x), [t], metrics.width(of: t, fontSize: smallFont, bold: true))
        }
        let placement = EventLabelPlacement(events: numbers, minX: 0, maxX: panelWidth, gap: 3)
        let numberLine = smallFont * 1.25
        let band = placement.rowCount == 0 ? 0 : Double(placement.rowCount) * numberLine + 2
        let axisHeight = smallFont + 10

        var top = gridTop
        for row in 0..<rowCount {
            let members = Array(row * cols..<min(panels.count, (row + 1) * cols))
            let titleHeight = Double(members.map { titles[$0].count }.max() ?? 1) * fs * 1.25 + 4
            for (c, p) in members.enumerated() {
                let panel = panels[p]
                let left = axisLeft + Double(c) * (panelWidth + hGap)
                svg.open("g", [("class", "panel"), ("data-panel", panel.title)])
                drawPanelTitle(&svg, titles[p], x: left, top: top, frame: frame)
                let plotTop = top + titleHeight + band + 4
                let plot = TrendPlot(
                    waves: waves, series: panel.series, colors: colors(panel),
                    xScale: LinearScale(domain: xDomain, range: left, left + panelWidth),
                    yScale: LinearScale(domain: yDomain, range: plotTop + plotHeight, plotTop), yStep: yStep, format: format,
                    showsIntervals: showsIntervals, showsPoints: waves.count <= 24, lineWidth: 1.75, pointRadius: 2.25)
                plot.drawGrid(&svg, ink: ink, fontSize: smallFont, labelX: c == 0 ? left - 6 : nil)
                let step = plot.yearLabelStep(labelWidth: metrics.width(of: "2024", fontSize: smallFont))
                plot.drawTimeAxis(&svg, ink: ink, fontSize: smallFont, metrics: metrics, labelStep: step, showLabels: true)
                var tops = [Double?](repeating: nil, count: events.count)
                // The band of numbers sits between the title and the plot.
                let bandTop = plotTop - 4 - band
                for l in placement.labels { tops[l.index] = bandTop + Double(l.row + 1) * numberLine + 1 }
                plot.drawEventLines(&svg, events: events, tops: tops, ink: ink)
                for l in placement.labels {
                    svg.element("text", [("class", "event-number"), ("data-x", n(events[l.index].x)), ("x", n(left + l.textX)),
                                         ("y", n(bandTop + Double(l.row + 1) * numberLine - smallFont * 0.25)),
                                         ("font-size", n(smallFont)), ("font-weight", "700"), ("fill", ink.secondary)],
                                text: l.lines.first ?? "", tooltip: events[l.index].label)
                }
                if plot.hasData {
                    plot.drawSeries(&svg, ink: ink, tooltips: true)
                } else {
                    frame.drawNoData(&svg, x: left + panelWidth / 2, y: plotTop + plotHeight / 2)
                }
                svg.close("g")
            }
            top += titleHeight + band + 4 + plotHeight + axisHeight + vGap
        }
        return top - vGap
    }

    private func drawBarPanels(
        _ svg: inout SVGWriter, frame: ChartFrame, groups: [String], allSeries: [ChartSeries],
        colors: (ChartPanel) -> [String], cols: Int, rowCount: Int, gridTop: Double, hGap: Double, vGap: Double
    ) -> Double {
        let fs = frame.fontSize, metrics = frame.metrics, ink = frame.ink, pad = frame.padding
        let smallFont = fs - 1
        let (domain, step) = ValueExtent.domain(explicit: valueDomain,
                                                data: ValueExtent.of(allSeries, indices: Array(groups.indices), intervals: showsIntervals),
                                                format: format, includeZero: true, target: 3)
        let (labelColumn, labelLines) = LabelColumn.fit(groups, metrics: metrics, fontSize: fs, contentWidth: frame.contentWidth,
                                                        preferred: 0.22, widest: 0.32)
        let lineHeight = fs * 1.2
        let labelHeights = labelLines.map { Double($0.count) * lineHeight }
        let axisLeft = pad + labelColumn + 10
        let panelWidth = max(60, (frame.width - pad - axisLeft - Double(cols - 1) * hGap) / Double(cols))
        let titles = titleLines(frame, width: panelWidth)
        let seriesPerPanel = max(1, panels.map(\.series.count).max() ?? 1)
        let barHeight = seriesPerPanel > 2 ? max(fs, 11) : max(fs * 1.4, 14)
        let tickRoom = metrics.width(of: format.tick(domain.upperBound, step: step), fontSize: smallFont) / 2
        let axisHeight = smallFont + 10

        var top = gridTop
        for row in 0..<rowCount {
            let members = Array(row * cols..<min(panels.count, (row + 1) * cols))
            let titleHeight = Double(members.map { titles[$0].count }.max() ?? 1) * fs * 1.25 + 6
            var rowBottom = top
            for (c, p) in members.enumerated() {
                let panel = panels[p]
                let left = axisLeft + Double(c) * (panelWidth + hGap)
                let probe = BarPlot(groups: groups, series: panel.series, colors: colors(panel), scale: LinearScale(domain: domain, range: 0, 1),
                                    step: step, format: format, showsIntervals: showsIntervals, showsValues: true,
                                    barHeight: 0, barGap: 0, groupGap: 0)
                let valueRoom = probe.valueLabelWidth(metrics: metrics, fontSize: smallFont) + 6
                let negativeRoom = domain.lowerBound < 0 ? valueRoom : tickRoom
                let scale = LinearScale(domain: domain, range: left + negativeRoom, left + panelWidth - max(valueRoom, tickRoom))
                let plot = BarPlot(groups: groups, series: panel.series, colors: colors(panel), scale: scale,
                                   step: scale.readableStep(step, minimum: 2 * tickRoom + 10),
                                   format: format, showsIntervals: showsIntervals, showsValues: true, barHeight: barHeight,
                                   barGap: 2, groupGap: 8)
                let plotTop = top + titleHeight
                let (tops, last) = plot.groupTops(top: plotTop + 4, labelHeights: labelHeights)
                let plotBottom = groups.isEmpty ? plotTop + 40 : last + 4
                svg.open("g", [("class", "panel"), ("data-panel", panel.title)])
                drawPanelTitle(&svg, titles[p], x: left, top: top, frame: frame)
                plot.drawAxis(&svg, top: plotTop, bottom: plotBottom, ink: ink, fontSize: smallFont, labels: true)
                if c == 0 {
                    for (g, lines) in labelLines.enumerated() {
                        let block = plot.blockHeight(labelHeight: labelHeights[g])
                        let first = tops[g] + block / 2 - Double(lines.count - 1) * lineHeight / 2 + fs * 0.35
                        for (i, line) in lines.enumerated() {
                            svg.element("text", [("class", "group-label"), ("x", n(left - 10)), ("y", n(first + Double(i) * lineHeight)),
                                                 ("text-anchor", "end"), ("font-size", n(fs)), ("fill", ink.text)], text: line)
                        }
                    }
                }
                if plot.hasData {
                    plot.drawBars(&svg, tops: tops, labelHeights: labelHeights, ink: ink, metrics: metrics, fontSize: smallFont,
                                  panel: panel.title)
                } else {
                    frame.drawNoData(&svg, x: left + panelWidth / 2, y: (plotTop + plotBottom) / 2)
                }
                svg.close("g")
                rowBottom = max(rowBottom, plotBottom + axisHeight)
            }
            top = rowBottom + vGap
        }
        return top - vGap
    }

    private func describe() -> String {
        let words = self.text.words
        guard !panels.isEmpty else { return words(.chartNoData, words(.chartKindSmallMultiples)) }
        let series = distinctSeries.map(\.label).joined(separator: ", ")
        var text = words(.chartPanelsDescription, String(panels.count), panels.map(\.title).joined(separator: ", "))
        switch kind {
        case .trend(let waves, let events):
            text += words(.chartPanelsTrend, series, String(waves.count)) + "."
            if !events.isEmpty { text += " " + words(.chartEventsMarked, events.enumerated().map { "\($0.offset + 1) \($0.element.label)" }.joined(separator: "; ")) }
            return text
        case .bars(let groups):
            return text + words(.chartPanelsBars, series, groups.joined(separator: ", ")) + "."
        }
    }
}
