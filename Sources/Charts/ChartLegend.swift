/// A legend of swatches and labels that flows across the width and wraps to new rows.
struct ChartLegend {
    enum Marker {
        case square, line, number(String)
        /// A filled circle (a poll's dot).
        case dot
        /// A line on a pale band (an average with its interval).
        case lineWithBand
        /// A line through a diamond with a whisker (a survey's waves with intervals).
        case lineWithPoint
        /// Grey circles of these radii side by side (a key to dot sizes).
        case sizes([Double])
    }

    struct Item {
        var label: String
        var color: String
        var marker: Marker
    }

    private struct Placed {
        var item: Item
        var lines: [String]
        var x: Double
        var row: Int
    }

    private let placed: [Placed]
    private let rowHeights: [Double]
    private let fontSize: Double
    private let lineHeight: Double

    /// Lays out `items` between `left` and `right`; labels longer than half the width wrap to
    /// two lines.
    init(items: [Item], left: Double, right: Double, fontSize: Double, metrics: TextMetrics) {
        self.fontSize = fontSize
        self.lineHeight = fontSize * 1.3
        let available = max(40, right - left)
        var placed: [Placed] = []
        var heights: [Double] = []
        var x = left
        var row = 0
        for item in items {
            let markerWidth = Self.markerWidth(item.marker, fontSize: fontSize, metrics: metrics)
            let labelMax = max(30, min(available * 0.5, available - markerWidth - 6))
            let lines = metrics.wrap(item.label, maxWidth: labelMax, fontSize: fontSize, maxLines: 2)
            let textWidth = lines.map { metrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
            let itemWidth = markerWidth + 6 + textWidth
            if x > left, x + itemWidth > left + available {
                row += 1
                x = left
            }
            if heights.count <= row { heights.append(0) }
            heights[row] = max(heights[row], Double(lines.count) * lineHeight)
            placed.append(Placed(item: item, lines: lines, x: x, row: row))
            x += itemWidth + 16
        }
        self.placed = placed
        self.rowHeights = heights
    }

    private static func markerWidth(_ marker: Marker, fontSize: Double, metrics: TextMetrics) -> Double {
        switch marker {
        case .square: return fontSize
        case .line: return fontSize * 1.8
        case .number(let text): return max(fontSize * 1.3, metrics.width(of: text, fontSize: fontSize, bold: true) + 6)
        case .dot: return fontSize * 0.8
        case .lineWithBand, .lineWithPoint: return fontSize * 2
        case .sizes(let radii): return radii.reduce(0) { $0 + 2 * $1 } + Double(max(0, radii.count - 1)) * 3
        }
    }

    var isEmpty: Bool { placed.isEmpty }

    /// Height of all rows with the gaps between them.
    var height: Double {
        rowHeights.isEmpty ? 0 : rowHeights.reduce(0, +) + Double(rowHeights.count - 1) * 4
    }

    func draw(_ svg: inout SVGWriter, top: Double, ink: Ink, metrics: TextMetrics) {
        guard !placed.isEmpty else { return }
        svg.open("g", [("class", "legend")])
        var rowTops: [Double] = []
        var y = top
        for h in rowHeights {
            rowTops.append(y)
            y += h + 4
        }
        for p in placed {
            let rowTop = rowTops[p.row]
            let firstCentre = rowTop + lineHeight / 2
            let markerWidth = Self.markerWidth(p.item.marker, fontSize: fontSize, metrics: metrics)
            switch p.item.marker {
            case .square:
                svg.element("rect", [("x", n(p.x)), ("y", n(firstCentre - fontSize / 2)), ("width", n(fontSize)),
                                     ("height", n(fontSize)), ("fill", p.item.color)])
            case .line:
                svg.element("line", [("x1", n(p.x)), ("y1", n(firstCentre)), ("x2", n(p.x + markerWidth)), ("y2", n(firstCentre)),
                                     ("stroke", p.item.color), ("stroke-width", "2.5")])
            case .number(let text):
                svg.element("text", [("x", n(p.x + markerWidth / 2)), ("y", n(firstCentre + fontSize * 0.35)),
                                     ("text-anchor", "middle"), ("font-weight", "700"), ("font-size", n(fontSize)),
                                     ("fill", ink.text)], text: text)
            case .dot:
                svg.element("circle", [("cx", n(p.x + markerWidth / 2)), ("cy", n(firstCentre)), ("r", n(markerWidth / 2)),
                                       ("fill", p.item.color), ("fill-opacity", "0.8")])
            case .lineWithBand:
                svg.element("rect", [("x", n(p.x)), ("y", n(firstCentre - fontSize * 0.45)), ("width", n(markerWidth)),
                                     ("height", n(fontSize * 0.9)), ("fill", p.item.color), ("fill-opacity", "0.15")])
                svg.element("line", [("x1", n(p.x)), ("y1", n(firstCentre)), ("x2", n(p.x + markerWidth)), ("y2", n(firstCentre)),
                                     ("stroke", p.item.color), ("stroke-width", "2.5")])
            case .lineWithPoint:
                svg.element("line", [("x1", n(p.x)), ("y1", n(firstCentre)), ("x2", n(p.x + markerWidth)), ("y2", n(firstCentre)),
                                     ("stroke", p.item.color), ("stroke-width", "2")])
                svg.element("line", [("x1", n(p.x + markerWidth / 2)), ("y1", n(firstCentre - fontSize * 0.45)),
                                     ("x2", n(p.x + markerWidth / 2)), ("y2", n(firstCentre + fontSize * 0.45)),
                                     ("stroke", p.item.color), ("stroke-width", "1.5")])
                let cx = p.x + markerWidth / 2, r = fontSize * 0.35
                svg.element("path", [("d", "M\(n(cx)) \(n(firstCentre - r))L\(n(cx + r)) \(n(firstCentre))L\(n(cx)) \(n(firstCentre + r))L\(n(cx - r)) \(n(firstCentre))Z"),
                                     ("fill", ink.background), ("stroke", p.item.color), ("stroke-width", "1.5")])
            case .sizes(let radii):
                var x = p.x
                for r in radii {
                    svg.element("circle", [("cx", n(x + r)), ("cy", n(firstCentre)), ("r", n(r)), ("fill", "none"),
                                           ("stroke", ink.secondary), ("stroke-width", "1")])
                    x += 2 * r + 3
                }
            }
            for (i, line) in p.lines.enumerated() {
                svg.element("text", [("class", "legend-label"), ("x", n(p.x + markerWidth + 6)),
                                     ("y", n(firstCentre + Double(i) * lineHeight + fontSize * 0.35)),
                                     ("font-size", n(fontSize)), ("fill", ink.text)], text: line)
            }
        }
        svg.close("g")
    }
}
