import Translations

/// Published polls and their average across pollsters on a time axis: a dot per poll and
/// answer at the fieldwork midpoint, its area in proportion to the sample size and its colour
/// the pollster's (named in a legend); the average of each answer as a line with its confidence
/// band, labelled at its end with the latest value; optionally a survey's own waves as points
/// (diamonds) with interval whiskers joined by a line; events as dashed vertical lines with labels above
/// the plot. Values are proportions, shown in percent.
///
/// ```swift
/// let chart = PollAverageChart(
///     text: ChartText(title: "Which side do Kazakhstanis support?", source: "Source: published polls"),
///     polls: [.init(pollster: "Demoscope", fieldStart: ChartDate("2022-03-01")!, fieldEnd: ChartDate("2022-03-31")!,
///                   sampleSize: 1_100, shares: ["Russia": 0.39])],
///     averages: [.init(label: "Russia", points: daily)],
///     studies: [.init(label: "Central Asia Barometer", points: [.init(ChartDate("2022-06-15")!, 0.22, lower: 0.19, upper: 0.25)])],
///     events: [ChartEvent(x: ChartDate("2022-02-24")!.fractionalYear, label: "Russia invades Ukraine")])
/// let svg = chart.svg()
/// ```
///
/// The time axis spans the data (polls' fieldwork, the averages, the survey's points) with a
/// little room at each end; spans up to about three years are ticked by month and labelled
/// with abbreviated month names (in the chart's language) and the year beneath, longer ones by
/// year. The value axis starts at zero and ends at a nice percentage above the data unless
/// ``valueDomain`` is given; values outside it are not drawn.
public struct PollAverageChart: Sendable {
    /// A value on a day: an estimate with its interval (proportions).
    public struct Point: Sendable, Equatable {
        /// The day.
        public var date: ChartDate
        /// The estimate and its interval, as proportions.
        public var value: ChartValue

        /// A point from a date and a value.
        public init(date: ChartDate, value: ChartValue) {
            self.date = date
            self.value = value
        }

        /// A point from its parts: `estimate` with the interval `lower`…`upper` (NaN: none).
        public init(_ date: ChartDate, _ estimate: Double, lower: Double = .nan, upper: Double = .nan) {
            self.init(date: date, value: ChartValue(estimate, lower: lower, upper: upper))
        }
    }

    /// One published poll: who, when, how many, and the shares of the answers drawn.
    public struct Poll: Sendable, Equatable {
        /// Who asked; names the dot's colour in the legend.
        public var pollster: String
        /// The first day of fieldwork.
        public var fieldStart: ChartDate
        /// The last day of fieldwork.
        public var fieldEnd: ChartDate
        /// Respondents; the dot's area is in proportion to it.
        public var sampleSize: Int
        /// The published share of each answer drawn, as a proportion (0–1), keyed by the
        /// answer's label (the label of its average in ``PollAverageChart/averages``).
        public var shares: [String: Double]

        /// A poll from its parts; `shares` are proportions keyed by answer.
        public init(pollster: String, fieldStart: ChartDate, fieldEnd: ChartDate, sampleSize: Int, shares: [String: Double]) {
            self.pollster = pollster
            self.fieldStart = fieldStart
            self.fieldEnd = fieldEnd
            self.sampleSize = sampleSize
            self.shares = shares
        }

        /// The fieldwork midpoint, where the dot sits (the day the average places the poll on).
        public var midpoint: ChartDate { ChartDate(dayNumber: fieldStart.dayNumber + (fieldEnd.dayNumber - fieldStart.dayNumber) / 2) }
    }

    /// A line of points in time: an answer's average (a point a day) or a survey's waves.
    public struct Series: Sendable, Equatable {
        /// The answer ("Russia") or the survey ("Central Asia Barometer").
        public var label: String
        /// The points in any order; a missing estimate breaks the line.
        public var points: [Point]
        /// An explicit colour (`#rrggbb`); nil: near-black for averages, the palette's next
        /// categorical colour after the pollsters' for surveys.
        public var color: String?

        /// A series named `label` through `points`.
        public init(label: String, points: [Point], color: String? = nil) {
            self.label = label
            self.points = points
            self.color = color
        }
    }

    /// Title, subtitle, source, notes and the language of the legend, axis and description.
    public var text: ChartText
    /// The published polls; a dot for every share.
    public var polls: [Poll]
    /// The average of each answer, drawn as a line with its confidence band.
    public var averages: [Series]
    /// A survey's own estimates, drawn as points with whiskers joined by a line.
    public var studies: [Series]
    /// Events marked by dashed lines; those outside the time axis are left out.
    public var events: [ChartEvent]
    /// The confidence level of the averages' bands, for the legend (0.95: "95%").
    public var confidenceLevel: Double
    /// The value axis as proportions (e.g. `0...0.6`); nil: from zero to a nice end above the data.
    public var valueDomain: ClosedRange<Double>?
    /// Size, palette and font; the pollsters take the palette's categorical colours in the
    /// alphabetical order of their names.
    public var style: ChartStyle

    /// A chart of `polls` with `averages`, `studies` and `events`; see the properties.
    public init(
        text: ChartText, polls: [Poll], averages: [Series] = [], studies: [Series] = [], events: [ChartEvent] = [],
        confidenceLevel: Double = 0.95, valueDomain: ClosedRange<Double>? = nil, style: ChartStyle = ChartStyle()
    ) {
        self.text = text
        self.polls = polls
        self.averages = averages
        self.studies = studies
        self.events = events
        self.confidenceLevel = confidenceLevel
        self.valueDomain = valueDomain
        self.style = style
    }

    /// The pollsters in the order of their colours (alphabetical).
    public var pollsters: [String] { Array(Set(polls.map(\.pollster))).sorted() }

    /// A dot: one share of one poll.
    private struct Dot {
        var poll: Int
        var answer: String
        var x: Double
        var share: Double
    }

    private var dots: [Dot] {
        polls.indices.flatMap { i in
            polls[i].shares.keys.sorted().compactMap { answer -> Dot? in
                guard let share = polls[i].shares[answer], share.isFinite else { return nil }
                return Dot(poll: i, answer: answer, x: polls[i].midpoint.fractionalYear, share: share)
            }
        }
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let frame = ChartFrame(style: style, text: text)
        let fs = frame.fontSize
        let metrics = frame.metrics
        let ink = frame.ink
        let width = frame.width
        let pad = frame.padding
        let words = text.words
        let format = ChartValueFormat.percentage
        let dots = self.dots
        let pollsters = self.pollsters
        let pollsterColor = Dictionary(uniqueKeysWithValues: pollsters.enumerated().map { ($1, style.palette.categoricalColor($0)) })
        let studyColors = studies.enumerated().map { $1.color ?? style.palette.categoricalColor(pollsters.count + $0) }
        let averageColors = averages.map { $0.color ?? ink.text }

        // Domains.
        let xDomain = timeDomain(dots: dots)
        var low = Double.infinity, high = -Double.infinity
        func extend(_ v: Double) { if v.isFinite { low = min(low, v); high = max(high, v) } }
        for d in dots { extend(d.share) }
        for s in averages + studies {
            for p in s.points where p.value.isPresent {
                extend(p.value.estimate)
                // Shares lie in 0…1 whatever a normal interval says (a wide band between sparse
                // polls can reach below zero): the axis stops at 0 and the band is cut there.
                if let ci = p.value.interval { extend(max(0, ci.lowerBound)); extend(min(1, ci.upperBound)) }
            }
        }
        var (yDomain, yStep) = ValueExtent.domain(explicit: valueDomain, data: low <= high ? (low: low, high: high) : nil, format: format,
                                                  includeZero: true)
        if valueDomain == nil, abs(yStep * 100 - (yStep * 100).rounded()) > 1e-9, yStep > 0.01 {
            // Whole percentages on the axis: 0, 5, 10, 15% rather than 0.0, 2.5, 5.0%.
            yStep = 0.05
            yDomain = ((yDomain.lowerBound / yStep + 1e-9).rounded(.down) * yStep)...min(1, (yDomain.upperBound / yStep - 1e-9).rounded(.up) * yStep)
        }
        let tickFont = fs - 1
        let yTicks = LinearScale(domain: yDomain, range: 0, 1).ticks(step: yStep)
        let yLabelWidth = yTicks.map { metrics.width(of: format.tick($0, step: yStep), fontSize: tickFont) }.max() ?? 0
        let magnitude = max(abs(yDomain.lowerBound), abs(yDomain.upperBound))

        // Horizontal layout: y labels | plot | end labels of the averages.
        let plotLeft = pad + yLabelWidth + 8
        let ends = averages.indices.compactMap { s in lastPoint(averages[s], yDomain: yDomain, xDomain: xDomain).map { (s, $0) } }
        let valueWidth = ends.map { metrics.width(of: format.label($0.1.value.estimate, magnitude: magnitude), fontSize: fs, bold: true) }.max() ?? 0
        let (labelWidth, _) = LabelColumn.fit(ends.map { averages[$0.0].label }, metrics: metrics, fontSize: fs,
                                              contentWidth: frame.contentWidth, preferred: 0.18, widest: 0.28)
        let rightMargin = ends.isEmpty ? 8 : 10 + valueWidth + 5 + labelWidth
        let plotRight = width - pad - rightMargin
        let xScale = LinearScale(domain: xDomain, range: plotLeft, plotRight)

        // The legend under the title: pollsters, surveys, the average, the key to dot sizes.
        var items = pollsters.map { ChartLegend.Item(label: $0, color: pollsterColor[$0] ?? ink.text, marker: .dot) }
        items += studies.indices.map { ChartLegend.Item(label: studies[$0].label, color: studyColors[$0], marker: .lineWithPoint) }
        if !averages.isEmpty {
            items.append(ChartLegend.Item(label: words(.chartAverageLegend, Self.levelText(confidenceLevel)),
                                          color: averages.count == 1 ? averageColors[0] : ink.text, marker: .lineWithBand))
        }
        let sizes = polls.map(\.sampleSize).filter { $0 > 0 }
        let maxRadius = min(9, max(4.5, frame.contentWidth / 95))
        func radius(_ n: Int) -> Double {
            guard let largest = sizes.max(), n > 0 else { return 2 }
            return max(2, maxRadius * (Double(n) / Double(largest)).squareRoot())
        }
        if let smallest = sizes.min(), let largest = sizes.max(), !dots.isEmpty {
            let range = smallest == largest ? Self.grouped(largest, text.language)
                : Self.grouped(smallest, text.language) + "–" + Self.grouped(largest, text.language)
            let radii = smallest == largest ? [min(radius(largest), fs * 0.6)] : [radius(smallest), radius(largest)].map { min($0, fs * 0.6) }
            items.append(ChartLegend.Item(label: words(.chartDotAreaLegend, range), color: ink.secondary, marker: .sizes(radii)))
        }
        let legend = ChartLegend(items: items, left: pad, right: width - pad, fontSize: fs - 0.5, metrics: metrics)
        let legendTop = frame.headerHeight - 4
        let legendHeight = legend.isEmpty ? 0 : legend.height + 10

        // Event labels above the plot.
        let eventFont = fs - 1
        let eventLine = eventFont * 1.35
        let (placement, shown) = EventLabelPlacement.laying(out: events, xScale: xScale, metrics: metrics, fontSize: eventFont,
                                                            maxWidth: min(max((plotRight - plotLeft) * 0.4, 150), 260), minX: pad, maxX: width - pad)

        // Vertical layout.
        let bandTop = legendTop + legendHeight
        let band = placement.rowCount == 0 ? 0 : Double(placement.rowCount) * eventLine + 4
        let plotTop = bandTop + band + fs * 0.6
        let axis = TimeAxis(domain: xDomain, scale: xScale, months: words(.monthAbbreviations).split(separator: " ").map(String.init),
                            metrics: metrics, fontSize: tickFont)
        let axisHeight = axis.height
        var plotHeight = min(max(frame.contentWidth * 0.5, 180), 440)
        if let h = style.height, h.isFinite {
            plotHeight = max(120, h - plotTop - axisHeight - frame.footerHeight)
        }
        let plotBottom = plotTop + plotHeight
        let height = plotBottom + axisHeight + frame.footerHeight
        let yScale = LinearScale(domain: yDomain, range: plotBottom, plotTop)

        var svg = SVGWriter()
        frame.drawHeader(&svg)
        legend.draw(&svg, top: legendTop, ink: ink, metrics: metrics)

        // Grid and axes.
        svg.open("g", [("class", "y-axis")])
        for t in yTicks {
            let y = yScale(t)
            svg.element("line", [("class", "gridline"), ("data-value", n(t)), ("x1", n(plotLeft)), ("y1", n(y)), ("x2", n(plotRight)),
                                 ("y2", n(y)), ("stroke", ink.grid), ("stroke-width", "1")])
            svg.element("text", [("class", "y-tick-label"), ("x", n(plotLeft - 8)), ("y", n(y + tickFont * 0.35)), ("text-anchor", "end"),
                                 ("font-size", n(tickFont)), ("fill", ink.secondary)], text: format.tick(t, step: yStep))
        }
        svg.close("g")
        axis.draw(&svg, bottom: plotBottom, ink: ink)

        // Events: dashed lines from under their labels, the labels in rows above the plot.
        placement.draw(&svg, events: events, shown: shown, xScale: xScale, plotTop: plotTop, plotBottom: plotBottom, bandTop: bandTop,
                       rowHeight: eventLine, fontSize: eventFont, ink: ink)

        let averageRuns = averages.map { runs($0, xScale: xScale, yScale: yScale) }
        let studyRuns = studies.map { runs($0, xScale: xScale, yScale: yScale) }
        let drawnDots = dots.filter { xScale.contains($0.x) && yScale.contains($0.share) }
        let hasData = !drawnDots.isEmpty || averageRuns.contains { !$0.isEmpty } || studyRuns.contains { !$0.isEmpty }
        if hasData {
            // Bands first, then dots (the largest first, so that small ones stay visible), then lines.
            svg.open("g", [("class", "average-bands")])
            for (s, runs) in averageRuns.enumerated() {
                for run in runs {
                    for part in Self.banded(run) where part.count > 1 {
                        var d = ""
                        for (i, p) in part.enumerated() { d += (i == 0 ? "M" : "L") + n(p.x) + " " + n(p.top!) }
                        for p in part.reversed() { d += "L" + n(p.x) + " " + n(p.bottom!) }
                        svg.element("path", [("class", "average-band"), ("data-series", averages[s].label), ("d", d + "Z"),
                                             ("fill", averageColors[s]), ("fill-opacity", "0.13"), ("stroke", "none")])
                    }
                }
            }
            svg.close("g")
            svg.open("g", [("class", "poll-dots")])
            let order = drawnDots.indices.sorted { a, b in
                let ra = polls[drawnDots[a].poll].sampleSize, rb = polls[drawnDots[b].poll].sampleSize
                return ra != rb ? ra > rb : drawnDots[a].x < drawnDots[b].x
            }
            for k in order {
                let dot = drawnDots[k]
                let poll = polls[dot.poll]
                let tip = "\(poll.pollster), \(poll.fieldStart)–\(poll.fieldEnd), n = \(Self.grouped(poll.sampleSize, text.language)): "
                    + "\(dot.answer) \(Self.percent(dot.share))"
                svg.element("circle", [("class", "poll-dot"), ("data-pollster", poll.pollster), ("data-answer", dot.answer),
                                       ("data-n", String(poll.sampleSize)), ("data-value", n(dot.share)), ("cx", n(xScale(dot.x))),
                                       ("cy", n(yScale(dot.share))), ("r", n(radius(poll.sampleSize))),
                                       ("fill", pollsterColor[poll.pollster] ?? ink.text), ("fill-opacity", "0.72"),
                                       ("stroke", ink.background), ("stroke-width", "0.8")], tooltip: tip)
            }
            svg.close("g")
            svg.open("g", [("class", "average-lines")])
            for (s, runs) in averageRuns.enumerated() {
                for run in runs where run.count > 1 {
                    var d = ""
                    for (i, p) in run.enumerated() { d += (i == 0 ? "M" : "L") + n(p.x) + " " + n(p.y) }
                    svg.element("path", [("class", "average-line"), ("data-series", averages[s].label), ("d", d), ("fill", "none"),
                                         ("stroke", averageColors[s]), ("stroke-width", "2.5"), ("stroke-linejoin", "round"),
                                         ("stroke-linecap", "round")])
                }
                for run in runs where run.count == 1 {
                    svg.element("circle", [("class", "average-point"), ("data-series", averages[s].label), ("cx", n(run[0].x)),
                                           ("cy", n(run[0].y)), ("r", "3"), ("fill", averageColors[s])])
                }
            }
            svg.close("g")
            drawStudies(&svg, runs: studyRuns, colors: studyColors, ink: ink, fontSize: fs, magnitude: magnitude)
            drawEndLabels(&svg, ends: ends, colors: averageColors, frame: frame, xScale: xScale, yScale: yScale, labelX: plotRight + 10,
                          valueWidth: valueWidth, labelWidth: labelWidth, plotTop: plotTop, plotBottom: plotBottom, magnitude: magnitude)
        } else {
            let noData = words(.chartNoValue)
            frame.drawNoData(&svg, x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2,
                             label: noData.prefix(1).uppercased() + noData.dropFirst())
        }
        frame.drawFooter(&svg, height: height)
        return frame.document(height: height, description: describe(dots: dots, magnitude: magnitude), body: svg)
    }

    // MARK: Drawing

    /// A point in pixels with its band.
    private struct Pixel {
        var x: Double
        var y: Double
        var top: Double?
        var bottom: Double?
        var point: Point
    }

    /// Runs of consecutive drawable points in time order; a missing value or one outside the
    /// domains ends a run.
    private func runs(_ series: Series, xScale: LinearScale, yScale: LinearScale) -> [[Pixel]] {
        var out: [[Pixel]] = []
        var current: [Pixel] = []
        for p in series.points.sorted(by: { $0.date < $1.date }) {
            let x = p.date.fractionalYear
            guard p.value.isPresent, yScale.contains(p.value.estimate), xScale.contains(x) else {
                if !current.isEmpty { out.append(current); current = [] }
                continue
            }
            let ci = p.value.interval
            current.append(Pixel(x: xScale(x), y: yScale(p.value.estimate), top: ci.map { yScale(yScale.clamp($0.upperBound)) },
                                 bottom: ci.map { yScale(yScale.clamp($0.lowerBound)) }, point: p))
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The last drawable point of `series`.
    private func lastPoint(_ series: Series, yDomain: ClosedRange<Double>, xDomain: ClosedRange<Double>) -> Point? {
        series.points.filter { $0.value.isPresent && yDomain.contains($0.value.estimate) && xDomain.contains($0.date.fractionalYear) }
            .max { $0.date < $1.date }
    }

    /// A run split where a point has no interval.
    private static func banded(_ run: [Pixel]) -> [[Pixel]] {
        var parts: [[Pixel]] = []
        var current: [Pixel] = []
        for p in run {
            if p.top == nil || p.bottom == nil {
                if !current.isEmpty { parts.append(current); current = [] }
            } else {
                current.append(p)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// A survey's waves: whiskers with caps, the joining line, then the points.
    private func drawStudies(_ svg: inout SVGWriter, runs: [[[Pixel]]], colors: [String], ink: Ink, fontSize: Double, magnitude: Double) {
        guard !studies.isEmpty else { return }
        svg.open("g", [("class", "studies")])
        for (s, studyRuns) in runs.enumerated() {
            let color = colors[s]
            for run in studyRuns {
                for p in run {
                    guard let top = p.top, let bottom = p.bottom else { continue }
                    svg.element("path", [("class", "study-whisker"), ("data-series", studies[s].label),
                                         ("d", "M\(n(p.x)) \(n(top))L\(n(p.x)) \(n(bottom))M\(n(p.x - 3)) \(n(top))L\(n(p.x + 3)) \(n(top))M\(n(p.x - 3)) \(n(bottom))L\(n(p.x + 3)) \(n(bottom))"),
                                         ("fill", "none"), ("stroke", color), ("stroke-width", "1.5")])
                }
                if run.count > 1 {
                    var d = ""
                    for (i, p) in run.enumerated() { d += (i == 0 ? "M" : "L") + n(p.x) + " " + n(p.y) }
                    svg.element("path", [("class", "study-line"), ("data-series", studies[s].label), ("d", d), ("fill", "none"),
                                         ("stroke", color), ("stroke-width", "2"), ("stroke-linejoin", "round")])
                }
                for p in run {
                    var tip = "\(studies[s].label), \(p.point.date): \(Self.percent(p.point.value.estimate))"
                    if let ci = p.point.value.interval { tip += " (\(ChartValueFormat.percentage.interval(ci, magnitude: magnitude)))" }
                    // A diamond, so that a survey's waves never read as polls whatever the colours.
                    let r = 4.5
                    svg.element("path", [("class", "study-point"), ("data-series", studies[s].label), ("data-value", n(p.point.value.estimate)),
                                         ("d", "M\(n(p.x)) \(n(p.y - r))L\(n(p.x + r)) \(n(p.y))L\(n(p.x)) \(n(p.y + r))L\(n(p.x - r)) \(n(p.y))Z"),
                                         ("fill", ink.background), ("stroke", color), ("stroke-width", "2")], tooltip: tip)
                }
            }
        }
        svg.close("g")
    }

    /// The latest value in bold and the answer at the end of each average, spread apart when
    /// they end close together.
    private func drawEndLabels(_ svg: inout SVGWriter, ends: [(Int, Point)], colors: [String], frame: ChartFrame, xScale: LinearScale,
                               yScale: LinearScale, labelX: Double, valueWidth: Double, labelWidth: Double, plotTop: Double,
                               plotBottom: Double, magnitude: Double) {
        guard !ends.isEmpty else { return }
        let fs = frame.fontSize
        let lineHeight = fs * 1.2
        let format = ChartValueFormat.percentage
        let lines = ends.map { frame.metrics.wrap(averages[$0.0].label, maxWidth: max(labelWidth, 20), fontSize: fs, maxLines: 2) }
        let heights = lines.map { Double($0.count) * lineHeight }
        let ys = ends.map { yScale($0.1.value.estimate) }
        let tops = LabelSpreader.spread(centres: ys, heights: heights, minY: plotTop - fs * 0.5, maxY: plotBottom + fs, gap: 2)
        svg.open("g", [("class", "end-labels")])
        for (k, (s, point)) in ends.enumerated() {
            let color = frame.ink.readable(colors[s])
            let centre = tops[k] + lineHeight / 2
            let x = xScale(point.date.fractionalYear)
            if abs(centre - ys[k]) > 3 || x < xScale.end - 1 {
                svg.element("path", [("class", "leader"), ("d", "M\(n(x + 4)) \(n(ys[k]))L\(n(labelX - 3)) \(n(centre))"),
                                     ("fill", "none"), ("stroke", colors[s]), ("stroke-width", "1"), ("stroke-opacity", "0.6")])
            }
            let baseline = centre + fs * 0.35
            svg.element("text", [("class", "end-value"), ("data-series", averages[s].label), ("x", n(labelX + valueWidth)), ("y", n(baseline)),
                                 ("text-anchor", "end"), ("font-weight", "700"), ("font-size", n(fs)), ("fill", color)],
                        text: format.label(point.value.estimate, magnitude: magnitude))
            for (i, line) in lines[k].enumerated() {
                svg.element("text", [("class", "end-label"), ("data-series", averages[s].label), ("x", n(labelX + valueWidth + 5)),
                                     ("y", n(baseline + Double(i) * lineHeight)), ("font-size", n(fs)), ("fill", color)], text: line)
            }
        }
        svg.close("g")
    }

    // MARK: Scales and words

    /// From a little before the first date to a little after the last (at least a month in
    /// all); 2000–2001 without data (there is no clock to guess from).
    private func timeDomain(dots: [Dot]) -> ClosedRange<Double> {
        var days: [Int] = []
        for p in polls { days += [p.fieldStart.dayNumber, p.fieldEnd.dayNumber] }
        for s in averages + studies { days += s.points.filter { $0.value.isPresent }.map(\.date.dayNumber) }
        days = days.filter { abs($0) < 3_000_000 }
        guard let first = days.min(), let last = days.max() else { return 2000...2001 }
        let pad = max(10, (last - first) / 30)
        let lo = ChartDate(dayNumber: first - pad).fractionalYear
        let hi = ChartDate(dayNumber: last + pad).fractionalYear
        return lo...max(hi, lo + 0.05)
    }

    /// A sentence or two for `<desc>`.
    private func describe(dots: [Dot], magnitude: Double) -> String {
        let words = text.words
        let dates = polls.flatMap { [$0.fieldStart, $0.fieldEnd] } + (averages + studies).flatMap { $0.points.map(\.date) }
        guard let first = dates.min(), let last = dates.max(), !(dots.isEmpty && averages.isEmpty && studies.isEmpty) else {
            return words(.chartNoData, words(.chartKindPolls))
        }
        let answers = averages.isEmpty ? Array(Set(dots.map(\.answer))).sorted() : averages.map(\.label)
        var sentence = words(.chartPollsDescription, answers.joined(separator: ", "), String(polls.count), String(pollsters.count),
                             first.description, last.description)
        let latest = averages.compactMap { s -> (ChartDate, String)? in
            guard let p = s.points.filter({ $0.value.isPresent }).max(by: { $0.date < $1.date }) else { return nil }
            var t = "\(s.label) \(ChartValueFormat.percentage.label(p.value.estimate, magnitude: magnitude))"
            if let ci = p.value.interval { t += " (\(ChartValueFormat.percentage.interval(ci, magnitude: magnitude)))" }
            return (p.date, t)
        }
        if let day = latest.map(\.0).max() {
            sentence += " " + words(.chartPollsLatest, day.description, latest.map(\.1).joined(separator: ", "))
        }
        if !studies.isEmpty { sentence += " " + words(.chartAlsoShown, studies.map(\.label).joined(separator: ", ")) }
        if !events.isEmpty { sentence += " " + words(.chartEventsMarked, events.map(\.label).joined(separator: "; ")) }
        return sentence
    }

    /// "95%" for 0.95, "99.5%" for 0.995.
    static func levelText(_ level: Double) -> String {
        let p = level * 100
        return NumberText.fixed(p, decimals: abs(p - p.rounded()) < 1e-9 ? 0 : 1) + "%"
    }

    /// A share as a whole percentage when it is one, else with a decimal ("39%", "12.8%").
    static func percent(_ share: Double) -> String {
        let p = share * 100
        return NumberText.fixed(p, decimals: abs(p - p.rounded()) < 0.05 ? 0 : 1) + "%"
    }

    /// 24112 → "24,112" in English, "24 112" (a narrow no-break space) in Russian and Kazakh.
    static func grouped(_ n: Int, _ language: String) -> String {
        let separator = Translator(tag: language).language == .en ? "," : "\u{202F}"
        let digits = Array(String(abs(n)))
        var out = n < 0 ? "−" : ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(d)
        }
        return out
    }
}
