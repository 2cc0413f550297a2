/// Horizontal bars grouped by category, with confidence whiskers and value labels, shared by
/// ``GroupedBarChart`` and the bar panels of ``SmallMultiplesChart``. Within a group the bars
/// follow the series' order from top to bottom; bars start at zero.
struct BarPlot {
    let groups: [String]
    let series: [ChartSeries]
    let colors: [String]
    let scale: LinearScale
    let step: Double
    let format: ChartValueFormat
    let showsIntervals: Bool
    let showsValues: Bool
    let barHeight: Double
    let barGap: Double
    let groupGap: Double

    var magnitude: Double { scale.magnitude }

    /// Height of a group's block: its bars, or its label when that is taller.
    func blockHeight(labelHeight: Double) -> Double {
        let bars = Double(series.count) * barHeight + Double(max(0, series.count - 1)) * barGap
        return max(bars, labelHeight)
    }

    /// Tops of the groups from `top`, and the bottom of the last.
    func groupTops(top: Double, labelHeights: [Double]) -> (tops: [Double], bottom: Double) {
        var tops: [Double] = []
        var y = top
        for g in groups.indices {
            tops.append(y)
            y += blockHeight(labelHeight: g < labelHeights.count ? labelHeights[g] : 0) + groupGap
        }
        return (tops, groups.isEmpty ? top : y - groupGap)
    }

    /// Width of the widest value label (to reserve beside the bars).
    func valueLabelWidth(metrics: TextMetrics, fontSize: Double) -> Double {
        guard showsValues else { return 0 }
        var widest = 0.0
        for s in series {
            for g in groups.indices where s.value(at: g).isPresent {
                widest = max(widest, metrics.width(of: format.label(s.value(at: g).estimate, magnitude: magnitude), fontSize: fontSize))
            }
        }
        return widest
    }

    var hasData: Bool { series.contains { s in groups.indices.contains { s.value(at: $0).isPresent } } }

    /// Vertical gridlines from `top` to `bottom` and tick labels under `bottom` when asked.
    func drawAxis(_ svg: inout SVGWriter, top: Double, bottom: Double, ink: Ink, fontSize: Double, labels: Bool) {
        svg.open("g", [("class", "x-axis")])
        for t in scale.ticks(step: step) {
            let x = scale(t)
            svg.element("line", [("class", "gridline"), ("data-value", n(t)), ("x1", n(x)), ("y1", n(top)), ("x2", n(x)),
                                 ("y2", n(bottom)), ("stroke", t == 0 ? ink.axis : ink.grid), ("stroke-width", "1")])
            if labels {
                svg.element("text", [("class", "x-tick-label"), ("x", n(x)), ("y", n(bottom + 6 + fontSize)), ("text-anchor", "middle"),
                                     ("font-size", n(fontSize)), ("fill", ink.secondary)], text: format.tick(t, step: step))
            }
        }
        svg.close("g")
    }

    /// The bars of every group, their whiskers and value labels.
    func drawBars(_ svg: inout SVGWriter, tops: [Double], labelHeights: [Double], ink: Ink, metrics: TextMetrics,
                  fontSize: Double, panel: String? = nil) {
        svg.open("g", [("class", "bars")])
        let zero = scale(scale.clamp(0))
        for (g, group) in groups.enumerated() {
            let block = blockHeight(labelHeight: g < labelHeights.count ? labelHeights[g] : 0)
            let barsHeight = blockHeight(labelHeight: 0)
            var y = tops[g] + (block - barsHeight) / 2
            if !series.contains(where: { $0.value(at: g).isPresent }) {
                svg.element("text", [("class", "no-data"), ("x", n(zero + 6)), ("y", n(tops[g] + block / 2 + fontSize * 0.35)),
                                     ("font-size", n(fontSize)), ("fill", ink.secondary)], text: "No data")
                continue
            }
            for (s, serie) in series.enumerated() {
                defer { y += barHeight + barGap }
                let v = serie.value(at: g)
                guard v.isPresent else { continue }
                let end = scale(scale.clamp(v.estimate))
                let valueText = format.label(v.estimate, magnitude: magnitude)
                var tip = (panel.map { "\($0), " } ?? "") + "\(group), \(serie.label): \(valueText)"
                if let ci = v.interval { tip += " (\(format.interval(ci, magnitude: magnitude)))" }
                svg.element("rect", [("class", "bar"), ("data-group", group), ("data-series", serie.label), ("data-value", n(v.estimate)),
                                     ("x", n(min(zero, end))), ("y", n(y)), ("width", n(abs(end - zero))), ("height", n(barHeight)),
                                     ("fill", colors[s])], tooltip: tip)
                var outer = end
                let centre = y + barHeight / 2
                if showsIntervals, let ci = v.interval {
                    let lo = scale(scale.clamp(ci.lowerBound)), hi = scale(scale.clamp(ci.upperBound))
                    let cap = min(barHeight * 0.6, 8) / 2
                    let d = "M\(n(lo)) \(n(centre))L\(n(hi)) \(n(centre))M\(n(lo)) \(n(centre - cap))L\(n(lo)) \(n(centre + cap))"
                        + "M\(n(hi)) \(n(centre - cap))L\(n(hi)) \(n(centre + cap))"
                    svg.element("path", [("class", "whisker"), ("d", d), ("fill", "none"), ("stroke", ink.text), ("stroke-width", "1.25")])
                    outer = v.estimate < 0 ? min(end, lo) : max(end, hi)
                }
                if showsValues {
                    let negative = v.estimate < 0
                    svg.element("text", [("class", "value-label"), ("x", n(outer + (negative ? -4 : 4))), ("y", n(centre + fontSize * 0.35)),
                                         ("text-anchor", negative ? "end" : "start"), ("font-size", n(fontSize)), ("fill", ink.text)],
                                text: valueText)
                }
            }
        }
        svg.close("g")
    }
}
