/// Diverging stacked bars for a Likert scale: one bar per wave or group, negative levels to the
/// left of a central zero line and positive levels to the right, neutral levels centred on the
/// line (or apart), and missing answers ("don't know", "refused") in a separate stacked bar at
/// the right, so that they neither push the bars nor hide among the opinions.
///
/// ```swift
/// let chart = DivergingBarChart(
///     text: ChartText(title: "Opinion of Russia", source: "Source: Central Asia Barometer (simulated data)"),
///     rows: ["Spring 2017", "Autumn 2017"],
///     levels: [
///         ChartSeries(label: "Very unfavourable", values: [0.05, 0.06], role: .negative),
///         ChartSeries(label: "Somewhat unfavourable", values: [0.10, 0.12], role: .negative),
///         ChartSeries(label: "Somewhat favourable", values: [0.40, 0.41], role: .positive),
///         ChartSeries(label: "Very favourable", values: [0.38, 0.33], role: .positive),
///         ChartSeries(label: "Don't know", values: [0.07, 0.08], role: .missing),
///     ])
/// ```
///
/// List levels in scale order (from the most negative to the most positive, or the reverse);
/// the strongest levels are drawn outermost and darkest. Values are proportions; segments are
/// labelled with whole percentages when wide enough, and every segment carries a tooltip with
/// its interval. The legend lists levels in the order given. Levels with role
/// ``ChartSeries/Role/category`` are treated as neutral.
public struct DivergingBarChart: Sendable {
    /// Where neutral levels go.
    public enum NeutralPlacement: Sendable, Equatable {
        /// Centred on the zero line, half on each side.
        case centred
        /// With the missing answers, in the separate bar at the right.
        case apart
    }

    /// Title, subtitle, source and notes.
    public var text: ChartText
    /// The bars from top to bottom (wave or group labels); `levels[l].values[i]` is the share
    /// of level `l` in bar `i`.
    public var rows: [String]
    /// The answer levels in scale order, each with its role (negative, neutral, positive,
    /// missing).
    public var levels: [ChartSeries]
    /// Where neutral levels go (default: centred on the zero line).
    public var neutral: NeutralPlacement
    /// Size, palette and font.
    public var style: ChartStyle

    public init(text: ChartText, rows: [String], levels: [ChartSeries], neutral: NeutralPlacement = .centred,
                style: ChartStyle = ChartStyle()) {
        self.text = text
        self.rows = rows
        self.levels = levels
        self.neutral = neutral
        self.style = style
    }

    private struct Segment {
        var level: Int
        var value: ChartValue
        var x: Double
        var width: Double
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let frame = ChartFrame(style: style, text: text)
        let fs = frame.fontSize
        let metrics = frame.metrics
        let ink = frame.ink
        let pad = frame.padding
        let format = ChartValueFormat.percentage
        let colors = style.palette.roleColors(for: levels)

        // Which levels go where, in drawing order from left to right.
        let negatives = levels.indices.filter { levels[$0].role == .negative }
        let positives = levels.indices.filter { levels[$0].role == .positive }
        let neutrals = levels.indices.filter { levels[$0].role == .neutral || levels[$0].role == .category }
        let missing = levels.indices.filter { levels[$0].role == .missing }
        let negativesFirst = (negatives.first ?? 0) <= (positives.first ?? Int.max)
        let negLeftToRight = negativesFirst ? negatives : negatives.reversed()
        let posLeftToRight = negativesFirst ? positives : positives.reversed()
        let centred = neutral == .centred ? neutrals : []
        let apart = levels.indices.filter { (neutral == .apart && neutrals.contains($0)) || missing.contains($0) }

        func share(_ l: Int, _ r: Int) -> Double {
            let v = levels[l].value(at: r)
            return v.isPresent ? max(0, v.estimate) : 0
        }
        func hasData(_ r: Int) -> Bool { levels.contains { $0.value(at: r).isPresent } }
        let leftExtent = rows.indices.map { r in negatives.reduce(0) { $0 + share($1, r) } + centred.reduce(0) { $0 + share($1, r) } / 2 }
        let rightExtent = rows.indices.map { r in positives.reduce(0) { $0 + share($1, r) } + centred.reduce(0) { $0 + share($1, r) } / 2 }
        let apartTotals = rows.indices.map { r in apart.reduce(0) { $0 + share($1, r) } }
        var left = min(leftExtent.max() ?? 0, 10)
        var right = min(rightExtent.max() ?? 0, 10)
        if left + right <= 0 { left = 0.5; right = 0.5 }
        let step = LinearScale.niceStep(span: left + right, target: 5)
        // The axis reaches just past the longest bar on each side (ticks at multiples of step).
        let leftNice = left * 1.02
        let rightNice = right * 1.02

        // Horizontal layout: labels | negative ← 0 → positive | apart.
        let labelFont = fs
        let (labelColumn, rowLines) = LabelColumn.fit(rows, metrics: metrics, fontSize: labelFont, contentWidth: frame.contentWidth,
                                                      preferred: 0.26, widest: 0.4)
        let mainLeft = pad + labelColumn + (rows.isEmpty ? 0 : 10)
        let hasApart = !apart.isEmpty
        let outsideRoom = metrics.width(of: "100%", fontSize: fs - 1) + 6
        let apartGap = 20.0
        let available = frame.width - pad - mainLeft
        let apartMax = min(apartTotals.max() ?? 0, 10)
        var k = (available - (hasApart ? apartGap + outsideRoom : 0)) / (leftNice + rightNice + (hasApart ? apartMax : 0))
        let longestWord = apart.flatMap { levels[$0].label.split(separator: " ") }
            .map { metrics.width(of: String($0), fontSize: fs - 1) }.max() ?? 0
        let apartMinimum = max(64, min(longestWord + 4, frame.contentWidth * 0.2))
        var apartWidth = hasApart ? apartMax * k + outsideRoom : 0
        if hasApart, apartWidth < apartMinimum {
            apartWidth = apartMinimum
            k = (available - apartGap - apartMinimum) / (leftNice + rightNice)
        }
        k = max(k, 1)
        let zeroX = mainLeft + leftNice * k
        let mainRight = zeroX + rightNice * k
        let apartLeft = mainRight + apartGap
        let scale = LinearScale(domain: -leftNice...rightNice, range: mainLeft, mainRight)

        // Vertical layout.
        let legendItems = levels.indices.map { ChartLegend.Item(label: levels[$0].label, color: colors[$0], marker: .square) }
        let legend = ChartLegend(items: legendItems, left: pad, right: frame.width - pad, fontSize: fs, metrics: metrics)
        let legendTop = frame.headerHeight
        let smallFont = fs - 1
        let apartTitle = hasApart
            ? metrics.wrap(apart.map { levels[$0].label }.joined(separator: " / "),
                           maxWidth: max(apartWidth, frame.width - pad - apartLeft, 40), fontSize: smallFont, maxLines: 3)
            : []
        let columnHeader = apartTitle.isEmpty ? 0 : Double(apartTitle.count) * smallFont * 1.25 + 6
        let barsTop = legendTop + (legend.isEmpty ? 0 : legend.height + 14) + columnHeader
        let barHeight = max(fs * 1.75, 18)
        let lineHeight = labelFont * 1.2
        let rowGap = 8.0
        var rowTops: [Double] = []
        var y = barsTop
        for lines in rowLines {
            let h = max(barHeight, Double(lines.count) * lineHeight)
            rowTops.append(y)
            y += h + rowGap
        }
        let barsBottom = rows.isEmpty ? barsTop + 40 : y - rowGap
        let axisHeight = smallFont + 14
        var height = barsBottom + axisHeight + frame.footerHeight
        if let h = style.height, h.isFinite { height = max(height, h) }

        var svg = SVGWriter()
        frame.drawHeader(&svg)
        legend.draw(&svg, top: legendTop, ink: ink, metrics: metrics)

        // Grid and axis.
        svg.open("g", [("class", "x-axis")])
        let tickStep = scale.readableStep(step, minimum: metrics.width(of: "100%", fontSize: smallFont) + 10)
        for t in scale.ticks(step: tickStep) {
            let x = scale(t)
            svg.element("line", [("class", "gridline"), ("x1", n(x)), ("y1", n(barsTop - 4)), ("x2", n(x)), ("y2", n(barsBottom + 4)),
                                 ("stroke", ink.grid), ("stroke-width", "1")])
            svg.element("text", [("class", "x-tick-label"), ("x", n(x)), ("y", n(barsBottom + 8 + smallFont)), ("text-anchor", "middle"),
                                 ("font-size", n(smallFont)), ("fill", ink.secondary)], text: format.tick(abs(t), step: tickStep))
        }
        svg.close("g")
        if hasApart {
            for (i, line) in apartTitle.enumerated() {
                svg.element("text", [("class", "apart-title"), ("x", n(apartLeft)),
                                     ("y", n(barsTop - columnHeader + Double(i + 1) * smallFont * 1.25 - 2)),
                                     ("font-size", n(smallFont)), ("fill", ink.secondary)], text: line)
            }
        }

        // Bars.
        svg.open("g", [("class", "bars")])
        // Segment labels go on top of the zero line, so they are written after it.
        var labels = SVGWriter()
        // An apart level is labelled inside its segments only when every one of them is wide
        // enough, so that a column reads the same way all down.
        let insideApart = Set(apart.filter { l in
            rows.indices.allSatisfy { r in
                let v = levels[l].value(at: r)
                return !v.isPresent || share(l, r) * k >= metrics.width(of: format.label(v.estimate, magnitude: 1), fontSize: smallFont) + 6
            }
        })
        for (r, label) in rows.enumerated() {
            let top = rowTops[r]
            let rowHeight = max(barHeight, Double(rowLines[r].count) * lineHeight)
            let barY = top + (rowHeight - barHeight) / 2
            let firstBaseline = top + rowHeight / 2 - Double(rowLines[r].count - 1) * lineHeight / 2 + labelFont * 0.35
            for (i, line) in rowLines[r].enumerated() {
                svg.element("text", [("class", "row-label"), ("x", n(mainLeft - 10)), ("y", n(firstBaseline + Double(i) * lineHeight)),
                                     ("text-anchor", "end"), ("font-size", n(labelFont)), ("fill", ink.text)], text: line)
            }
            guard hasData(r) else {
                svg.element("text", [("class", "no-data"), ("x", n(zeroX + 6)), ("y", n(barY + barHeight / 2 + smallFont * 0.35)),
                                     ("font-size", n(smallFont)), ("fill", ink.secondary)], text: "No data")
                continue
            }
            var segments: [Segment] = []
            let centredTotal = centred.reduce(0) { $0 + share($1, r) }
            var x = zeroX - (negatives.reduce(0) { $0 + share($1, r) } + centredTotal / 2) * k
            for l in negLeftToRight + centred + posLeftToRight {
                let w = share(l, r) * k
                segments.append(Segment(level: l, value: levels[l].value(at: r), x: x, width: w))
                x += w
            }
            x = apartLeft
            for l in apart {
                let w = share(l, r) * k
                segments.append(Segment(level: l, value: levels[l].value(at: r), x: x, width: w))
                x += w
            }
            let lastApart = segments.last { apart.contains($0.level) && $0.value.isPresent }?.level
            for s in segments where s.value.isPresent {
                let valueText = format.label(s.value.estimate, magnitude: 1)
                var tip = "\(label): \(levels[s.level].label) \(valueText)"
                if let ci = s.value.interval { tip += " (\(format.interval(ci, magnitude: 1)))" }
                svg.element("rect", [("class", "segment"), ("data-row", label), ("data-level", levels[s.level].label),
                                     ("data-value", n(s.value.estimate)), ("x", n(s.x)), ("y", n(barY)), ("width", n(s.width)),
                                     ("height", n(barHeight)), ("fill", colors[s.level])], tooltip: tip)
                let textWidth = metrics.width(of: valueText, fontSize: smallFont)
                let textY = barY + barHeight / 2 + smallFont * 0.35
                let isApart = apart.contains(s.level)
                if isApart ? insideApart.contains(s.level) : s.width >= textWidth + 6 {
                    let fill = (RGBColor(hex: colors[s.level]) ?? .white).textColor.hex
                    // A halo in the segment's colour hides the zero line behind a centred label.
                    labels.element("text", [("class", "segment-label"), ("x", n(s.x + s.width / 2)), ("y", n(textY)),
                                            ("text-anchor", "middle"), ("font-size", n(smallFont)), ("fill", fill),
                                            ("stroke", colors[s.level]), ("stroke-width", "3"), ("stroke-linejoin", "round"),
                                            ("paint-order", "stroke")], text: valueText)
                } else if s.level == lastApart {
                    labels.element("text", [("class", "segment-label"), ("x", n(s.x + s.width + 4)), ("y", n(textY)),
                                            ("font-size", n(smallFont)), ("fill", ink.secondary)], text: valueText)
                }
            }
        }
        svg.close("g")
        if !rows.isEmpty {
            svg.element("line", [("class", "zero-line"), ("x1", n(zeroX)), ("y1", n(barsTop - 4)), ("x2", n(zeroX)),
                                 ("y2", n(barsBottom + 4)), ("stroke", ink.text), ("stroke-width", "1.5")])
            svg.open("g", [("class", "segment-labels")])
            svg.raw(String(labels.markup.dropLast()))
            svg.close("g")
        } else {
            frame.drawNoData(&svg, x: (mainLeft + frame.width - pad) / 2, y: barsTop + 20)
        }
        frame.drawFooter(&svg, height: height)
        return frame.document(height: height, description: describe(), body: svg)
    }

    private func describe() -> String {
        let words = self.text.words
        guard let last = rows.indices.last, !levels.isEmpty else { return words(.chartNoData, words(.chartKindDiverging)) }
        let span = rows.count == 1 ? rows[0] : "\(rows[0]) — \(rows[last])"
        var text = words(rows.count == 1 ? .chartDivergingDescriptionOne : .chartDivergingDescription, String(rows.count), span)
        text += neutral == .centred ? words(.chartNeutralCentred) : ""
        text += (levels.contains { $0.role == .missing } ? words(.chartMissingApart) : "") + "."
        let values = levels.compactMap { s -> String? in
            let v = s.value(at: last)
            return v.isPresent ? "\(s.label) \(ChartValueFormat.percentage.label(v.estimate, magnitude: 1))" : nil
        }
        if !values.isEmpty { text += " \(rows[last]): " + values.joined(separator: ", ") + "." }
        return text
    }
}
