/// Places the labels of event markers in rows above a plot so that no two labels overlap and no
/// marker line (which runs from under its label down to the plot) crosses another label.
///
/// Rows are numbered from the top; a label of several lines takes as many rows. A label starts
/// just right of its line, or ends inside the right edge when it would overflow. If label j
/// covers the line of event i, j must sit wholly above i's label (so i's line starts below j).
/// Events are placed in order of x, each in the highest rows that satisfy these constraints;
/// when none do, all rows move down to make room at the top, and as a last resort the label
/// takes new rows at the bottom.
struct EventLabelPlacement {
    struct Label {
        var index: Int
        var lineX: Double
        var textX: Double
        var width: Double
        var row: Int
        var lines: [String]

        var bottomRow: Int { row + max(1, lines.count) - 1 }
    }

    let labels: [Label]
    let rowCount: Int

    /// - Parameters:
    ///   - events: line positions (pixels), label lines and their widest line's width.
    ///   - minX, maxX: the horizontal extent labels may take.
    init(events: [(x: Double, lines: [String], width: Double)], minX: Double, maxX: Double, gap: Double = 8) {
        let order = events.indices.sorted { events[$0].x < events[$1].x }
        var placed: [Label] = []
        for j in order {
            let e = events[j]
            let count = max(1, e.lines.count)
            var start = e.x + 3
            if start + e.width > maxX { start = maxX - e.width }
            if start < minX { start = minX }
            let end = start + e.width

            func covers(_ s: Double, _ w: Double, _ x: Double) -> Bool { x >= s - 2 && x <= s + w + 2 }
            var lower = 0  // the top row must be at least this
            var upper = Int.max  // and at most this
            for p in placed {
                if covers(p.textX, p.width, e.x) { lower = max(lower, p.bottomRow + 1) }
                if covers(start, e.width, p.lineX) { upper = min(upper, p.row - count) }
            }
            func free(_ row: Int) -> Bool {
                !placed.contains { p in
                    p.row <= row + count - 1 && row <= p.bottomRow && p.textX < end + gap && start < p.textX + p.width + gap
                }
            }
            var row: Int? = nil
            if upper >= lower {
                var r = lower
                while r <= upper, r <= placed.reduce(0, { $0 + $1.lines.count }) + 1 {
                    if free(r) { row = r; break }
                    r += 1
                }
            }
            if row == nil, upper < 0, lower == 0 {
                // New rows at the top, above everything placed.
                for k in placed.indices { placed[k].row += count }
                row = 0
            }
            let label = Label(index: j, lineX: e.x, textX: start, width: e.width,
                              row: row ?? ((placed.map(\.bottomRow).max() ?? -1) + 1), lines: e.lines)
            placed.append(label)
        }
        labels = placed.sorted { $0.index < $1.index }
        rowCount = (placed.map(\.bottomRow).max() ?? -1) + 1
    }
}

/// Spreads labels vertically so they do not overlap: each keeps its wanted centre when it can,
/// otherwise moves the least needed, within `minY…maxY` when they fit there.
enum LabelSpreader {
    /// - Returns: the top of each label, in the order given.
    static func spread(centres: [Double], heights: [Double], minY: Double, maxY: Double, gap: Double = 2) -> [Double] {
        let order = centres.indices.sorted { centres[$0] < centres[$1] }
        var tops = Array(repeating: 0.0, count: centres.count)
        // Downward pass: no overlap with the label above.
        var floor = minY
        for i in order {
            let wanted = centres[i] - heights[i] / 2
            tops[i] = max(wanted, floor)
            floor = tops[i] + heights[i] + gap
        }
        // Upward pass: pull back inside the bottom edge.
        var ceiling = maxY
        for i in order.reversed() {
            if tops[i] + heights[i] > ceiling { tops[i] = ceiling - heights[i] }
            ceiling = tops[i] - gap
        }
        // If the stack no longer fits at the top, let it overflow downward rather than upward.
        var floor2 = minY
        for i in order {
            if tops[i] < floor2 { tops[i] = floor2 }
            floor2 = tops[i] + heights[i] + gap
        }
        return tops
    }
}
