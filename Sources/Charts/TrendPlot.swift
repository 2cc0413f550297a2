/// The drawing of trend lines inside one rectangle, shared by ``TrendChart`` and the trend
/// panels of ``SmallMultiplesChart``: gridlines, year ticks, event lines, confidence ribbons,
/// lines that break at missing values, and points.
struct TrendPlot {
    struct Point {
        var wave: Int
        var x: Double
        var y: Double
        var value: ChartValue
        /// The interval in pixels, clamped to the plot; nil without one.
        var band: (top: Double, bottom: Double)?
    }

    let waves: [ChartWave]
    let series: [ChartSeries]
    let colors: [String]
    let xScale: LinearScale
    let yScale: LinearScale
    let yStep: Double
    let format: ChartValueFormat
    let showsIntervals: Bool
    let showsPoints: Bool
    let lineWidth: Double
    let pointRadius: Double

    var left: Double { xScale.start }
    var right: Double { xScale.end }
    var top: Double { yScale.end }
    var bottom: Double { yScale.start }

    /// Waves in time order (indices into `waves`), those with a finite x only.
    var waveOrder: [Int] {
        waves.indices.filter { waves[$0].x.isFinite }.sorted { waves[$0].x < waves[$1].x }
    }

    /// Runs of consecutive drawable points of series `s`: a missing value, a value outside the
    /// value domain or a wave outside the time domain ends a run.
    func runs(_ s: Int) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for w in waveOrder {
            let v = series[s].value(at: w)
            guard v.isPresent, yScale.contains(v.estimate), xScale.contains(waves[w].x) else {
                if !current.isEmpty { runs.append(current); current = [] }
                continue
            }
            var band: (Double, Double)? = nil
            if showsIntervals, let ci = v.interval {
                band = (yScale(yScale.clamp(ci.upperBound)), yScale(yScale.clamp(ci.lowerBound)))
            }
            current.append(Point(wave: w, x: xScale(waves[w].x), y: yScale(v.estimate), value: v, band: band))
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The last drawable point of series `s`.
    func lastPoint(_ s: Int) -> Point? { runs(s).last?.last }

    var hasData: Bool { series.indices.contains { !runs($0).isEmpty } }

    /// Horizontal gridlines and, when `labelX` is given, tick labels right-aligned there.
    func drawGrid(_ svg: inout SVGWriter, ink: Ink, fontSize: Double, labelX: Double?) {
        svg.open("g", [("class", "y-axis")])
        for t in yScale.ticks(step: yStep) {
            let y = yScale(t)
            svg.element("line", [("class", "gridline"), ("data-value", n(t)), ("x1", n(left)), ("y1", n(y)), ("x2", n(right)),
                                 ("y2", n(y)), ("stroke", ink.grid), ("stroke-width", "1")])
            if let labelX {
                svg.element("text", [("class", "y-tick-label"), ("x", n(labelX)), ("y", n(y + fontSize * 0.35)),
                                     ("text-anchor", "end"), ("font-size", n(fontSize)), ("fill", ink.secondary)],
                            text: format.tick(t, step: yStep))
            }
        }
        svg.close("g")
    }

    /// The baseline, a tick at the start of each year and, every `labelStep` years, the year's
    /// number centred under it (every `labelStep` years from the first); when fewer than two
    /// years can be named, the waves' labels.
    func drawTimeAxis(_ svg: inout SVGWriter, ink: Ink, fontSize: Double, metrics: TextMetrics, labelStep: Int, showLabels: Bool) {
        svg.open("g", [("class", "x-axis")])
        svg.element("line", [("x1", n(left)), ("y1", n(bottom)), ("x2", n(right)), ("y2", n(bottom)),
                             ("stroke", ink.axis), ("stroke-width", "1")])
        let years = Self.years(in: xScale.domain)
        let yearWidth = metrics.width(of: "2024", fontSize: fontSize)
        let labelled = years.map { $0 - 1 }.filter { year in
            let centre = xScale(Double(year) + 0.5)
            return xScale.contains(Double(year) + 0.5) && centre - yearWidth / 2 >= left - 4 && centre + yearWidth / 2 <= right + 4
        } + (years.last.map { [$0] } ?? []).filter { year in
            let centre = xScale(Double(year) + 0.5)
            return xScale.contains(Double(year) + 0.5) && centre + yearWidth / 2 <= right + 4
        }
        if showLabels, labelled.count < 2 {
            // Less than two years in view: name the waves instead.
            let shown = waveOrder.filter { xScale.contains(waves[$0].x) }
            var room = right - left
            for (a, b) in zip(shown, shown.dropFirst()) { room = min(room, xScale(waves[b].x) - xScale(waves[a].x)) }
            for w in shown {
                svg.element("text", [("class", "x-tick-label"), ("x", n(xScale(waves[w].x))), ("y", n(bottom + 6 + fontSize)),
                                     ("text-anchor", "middle"), ("font-size", n(fontSize)), ("fill", ink.secondary)],
                            text: metrics.truncate(waves[w].label, maxWidth: max(24, room - 6), fontSize: fontSize))
            }
        }
        for year in years {
            let x = xScale(Double(year))
            svg.element("line", [("class", "x-tick"), ("data-year", String(year)), ("x1", n(x)), ("y1", n(bottom)),
                                 ("x2", n(x)), ("y2", n(bottom + 4)), ("stroke", ink.axis), ("stroke-width", "1")])
        }
        if showLabels, labelled.count >= 2 {
            let first = labelled.first ?? 0
            for year in labelled where (year - first) % max(1, labelStep) == 0 {
                svg.element("text", [("class", "x-tick-label"), ("x", n(xScale(Double(year) + 0.5))), ("y", n(bottom + 6 + fontSize)),
                                     ("text-anchor", "middle"), ("font-size", n(fontSize)), ("fill", ink.secondary)],
                            text: String(year))
            }
        }
        svg.close("g")
    }

    /// Whole years inside a time domain (at most 400).
    static func years(in domain: ClosedRange<Double>) -> [Int] {
        guard domain.lowerBound.isFinite, domain.upperBound.isFinite,
              abs(domain.lowerBound) < 1e6, abs(domain.upperBound) < 1e6 else { return [] }
        let first = Int(domain.lowerBound.rounded(.up))
        let last = Int(domain.upperBound.rounded(.down))
        guard first <= last, last - first < 400 else { return [] }
        return Array(first...last)
    }

    /// The smallest step of 1, 2, 3, 4, 5, 10, … years at which labels `labelWidth` wide do not
    /// touch; labels count from the first year shown.
    func yearLabelStep(labelWidth: Double) -> Int {
        let perYear = abs(xScale(1) - xScale(0))
        for step in [1, 2, 3, 4, 5, 10, 20, 50, 100] where Double(step) * perYear >= labelWidth + 6 { return step }
        return 100
    }

    /// Ribbons, lines and points of every series, in that order so that no ribbon hides a line.
    func drawSeries(_ svg: inout SVGWriter, ink: Ink, tooltips: Bool) {
        let allRuns = series.indices.map { runs($0) }
        if showsIntervals {
            svg.open("g", [("class", "ribbons")])
            for (s, runs) in allRuns.enumerated() {
                for run in runs {
                    let banded = Self.bandedRuns(run)
                    for part in banded {
                        if part.count == 1, let b = part[0].band {
                            svg.element("line", [("class", "whisker"), ("data-series", series[s].label), ("x1", n(part[0].x)),
                                                 ("y1", n(b.top)), ("x2", n(part[0].x)), ("y2", n(b.bottom)),
                                                 ("stroke", colors[s]), ("stroke-opacity", "0.5"), ("stroke-width", "2")])
                        } else if part.count > 1 {
                            var d = ""
                            for (i, p) in part.enumerated() { d += (i == 0 ? "M" : "L") + n(p.x) + " " + n(p.band!.top) }
                            for p in part.reversed() { d += "L" + n(p.x) + " " + n(p.band!.bottom) }
                            d += "Z"
                            svg.element("path", [("class", "ribbon"), ("data-series", series[s].label), ("d", d),
                                                 ("fill", colors[s]), ("fill-opacity", "0.16"), ("stroke", "none")])
                        }
                    }
                }
            }
            svg.close("g")
        }
        svg.open("g", [("class", "lines")])
        for (s, runs) in allRuns.enumerated() {
            for run in runs where run.count > 1 {
                var d = ""
                for (i, p) in run.enumerated() { d += (i == 0 ? "M" : "L") + n(p.x) + " " + n(p.y) }
                svg.element("path", [("class", "series-line"), ("data-series", series[s].label), ("d", d), ("fill", "none"),
                                     ("stroke", colors[s]), ("stroke-width", n(lineWidth)), ("stroke-linejoin", "round"),
                                     ("stroke-linecap", "round")])
            }
        }
        svg.close("g")
        svg.open("g", [("class", "points")])
        for (s, runs) in allRuns.enumerated() {
            for run in runs {
                for p in run where showsPoints || run.count == 1 {
                    var tip: String? = nil
                    if tooltips {
                        var t = "\(series[s].label), \(waves[p.wave].label): \(format.label(p.value.estimate, magnitude: yScale.magnitude))"
                        if let ci = p.value.interval { t += " (\(format.interval(ci, magnitude: yScale.magnitude)))" }
                        tip = t
                    }
                    svg.element("circle", [("class", "point"), ("data-series", series[s].label), ("data-wave", waves[p.wave].label),
                                           ("data-value", n(p.value.estimate)), ("cx", n(p.x)), ("cy", n(p.y)),
                                           ("r", n(pointRadius)), ("fill", colors[s]), ("stroke", ink.background),
                                           ("stroke-width", "1")], tooltip: tip)
                }
            }
        }
        svg.close("g")
    }

    /// A run split where a point has no interval.
    static func bandedRuns(_ run: [Point]) -> [[Point]] {
        var parts: [[Point]] = []
        var current: [Point] = []
        for p in run {
            if p.band == nil {
                if !current.isEmpty { parts.append(current); current = [] }
            } else {
                current.append(p)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// Dashed vertical lines at the events inside the time domain, from `tops[i]` (nil: the top
    /// of the plot) down to the baseline.
    func drawEventLines(_ svg: inout SVGWriter, events: [ChartEvent], tops: [Double?], ink: Ink) {
        EventLabelPlacement.drawLines(&svg, events: events, tops: tops, xScale: xScale, plotTop: top, plotBottom: bottom, ink: ink)
    }
}
