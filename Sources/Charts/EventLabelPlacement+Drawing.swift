extension EventLabelPlacement {
    /// The placement of the labels of the `events` inside `xScale` (those with a label), each
    /// wrapped to at most three lines of `maxWidth`, and `shown`: the events' indices in label
    /// order, for ``draw(_:events:shown:xScale:plotTop:plotBottom:bandTop:rowHeight:fontSize:ink:)``.
    static func laying(
        out events: [ChartEvent], xScale: LinearScale, metrics: TextMetrics, fontSize: Double, maxWidth: Double, minX: Double, maxX: Double
    ) -> (placement: EventLabelPlacement, shown: [Int]) {
        let shown = events.indices.filter { xScale.contains(events[$0].x) && !events[$0].label.isEmpty }
        let texts = shown.map { i -> (x: Double, lines: [String], width: Double) in
            let lines = metrics.wrap(events[i].label, maxWidth: maxWidth, fontSize: fontSize, maxLines: 3)
            return (xScale(events[i].x), lines, lines.map { metrics.width(of: $0, fontSize: fontSize) }.max() ?? 0)
        }
        return (EventLabelPlacement(events: texts, minX: minX, maxX: maxX), shown)
    }

    /// Draws the events of a time axis: a dashed line per event inside `xScale`, from under its
    /// label (or the plot's top) to the plot's bottom, and the labels in their rows above the
    /// plot. `shown` maps the placement's label indices to indices of `events`.
    func draw(
        _ svg: inout SVGWriter, events: [ChartEvent], shown: [Int], xScale: LinearScale, plotTop: Double, plotBottom: Double,
        bandTop: Double, rowHeight: Double, fontSize: Double, ink: Ink
    ) {
        var tops = [Double?](repeating: nil, count: events.count)
        for label in labels { tops[shown[label.index]] = bandTop + Double(label.bottomRow + 1) * rowHeight + 2 }
        Self.drawLines(&svg, events: events, tops: tops, xScale: xScale, plotTop: plotTop, plotBottom: plotBottom, ink: ink)
        guard !labels.isEmpty else { return }
        svg.open("g", [("class", "event-labels")])
        for label in labels {
            let e = events[shown[label.index]]
            for (i, line) in label.lines.enumerated() {
                svg.element("text", [("class", "event-label"), ("data-x", n(e.x)), ("x", n(label.textX)),
                                     ("y", n(bandTop + Double(label.row + i + 1) * rowHeight - fontSize * 0.3)),
                                     ("font-size", n(fontSize)), ("fill", ink.secondary)], text: line)
            }
        }
        svg.close("g")
    }

    /// The dashed line of each event inside `xScale`, from `tops[i]` (or the plot's top) to the
    /// plot's bottom, with the event as its tooltip.
    static func drawLines(
        _ svg: inout SVGWriter, events: [ChartEvent], tops: [Double?], xScale: LinearScale, plotTop: Double, plotBottom: Double, ink: Ink
    ) {
        svg.open("g", [("class", "events")])
        for (i, e) in events.enumerated() where xScale.contains(e.x) {
            let x = xScale(e.x)
            let y1 = (i < tops.count ? tops[i] : nil) ?? plotTop
            svg.element("line", [("class", "event-line"), ("data-x", n(e.x)), ("x1", n(x)), ("y1", n(y1)), ("x2", n(x)),
                                 ("y2", n(plotBottom)), ("stroke", ink.axis), ("stroke-width", "1"), ("stroke-dasharray", "4 3")],
                        tooltip: e.label)
        }
        svg.close("g")
    }
}
