/// A calendar time axis under a plot whose x is a fractional year (``ChartDate/fractionalYear``):
/// for spans up to about four years a tick at the start of every month, labelled every 1, 2, 3
/// or 6 months (whichever is the smallest that keeps labels apart) with the month's
/// abbreviation and, beneath, the year at its first label; longer spans a tick at each 1
/// January and the year's number in the middle of the year, every so many years.
struct TimeAxis {
    enum Mode: Equatable {
        /// Month ticks, labelled every `step` months.
        case months(step: Int)
        /// Year ticks, labelled every `step` years.
        case years(step: Int)
    }

    let scale: LinearScale
    let months: [String]
    let metrics: TextMetrics
    let fontSize: Double
    let mode: Mode

    /// - Parameters:
    ///   - domain: the axis in fractional years.
    ///   - months: the twelve months' abbreviations in the reader's language, January first.
    init(domain: ClosedRange<Double>, scale: LinearScale, months: [String], metrics: TextMetrics, fontSize: Double) {
        self.scale = scale
        self.months = months.count == 12 ? months : (1...12).map { String($0) }
        self.metrics = metrics
        self.fontSize = fontSize
        let perMonth = abs(scale(1.0 / 12) - scale(0))
        let monthWidth = self.months.map { metrics.width(of: $0, fontSize: fontSize) }.max() ?? 20
        let span = domain.upperBound - domain.lowerBound
        if span <= 4, let step = [1, 2, 3, 6].first(where: { Double($0) * perMonth >= monthWidth + 10 }) {
            mode = .months(step: step)
        } else {
            let perYear = abs(scale(1) - scale(0))
            let yearWidth = metrics.width(of: "2024", fontSize: fontSize)
            mode = .years(step: [1, 2, 5, 10, 20, 50, 100].first { Double($0) * perYear >= yearWidth + 8 } ?? 100)
        }
    }

    /// The height under the plot's bottom that the labels take.
    var height: Double {
        switch mode {
        case .months: return fontSize * 2.3 + 12
        case .years: return fontSize + 12
        }
    }

    /// The start of each month inside the axis, as (year, month, x in fractional years).
    private var monthStarts: [(year: Int, month: Int, x: Double)] {
        let domain = scale.domain
        guard domain.lowerBound.isFinite, domain.upperBound.isFinite, domain.upperBound - domain.lowerBound < 50 else { return [] }
        var out: [(Int, Int, Double)] = []
        var year = Int(domain.lowerBound.rounded(.down))
        var month = 1
        while true {
            let x = ChartDate(year: year, month: month, day: 1).fractionalYear
            if x > domain.upperBound { break }
            if scale.contains(x) { out.append((year, month, x)) }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return out
    }

    func draw(_ svg: inout SVGWriter, bottom: Double, ink: Ink) {
        svg.open("g", [("class", "x-axis")])
        svg.element("line", [("x1", n(scale.start)), ("y1", n(bottom)), ("x2", n(scale.end)), ("y2", n(bottom)),
                             ("stroke", ink.axis), ("stroke-width", "1")])
        let firstRow = bottom + 6 + fontSize
        switch mode {
        case .months(let step):
            let starts = monthStarts
            let labelled = starts.filter { ($0.month - 1) % step == 0 }
            for s in starts {
                let long = labelled.contains { $0.year == s.year && $0.month == s.month }
                svg.element("line", [("class", "x-tick"), ("data-date", ChartDate(year: s.year, month: s.month, day: 1).description),
                                     ("x1", n(scale(s.x))), ("y1", n(bottom)), ("x2", n(scale(s.x))), ("y2", n(bottom + (long ? 5 : 3))),
                                     ("stroke", ink.axis), ("stroke-width", "1")])
            }
            var lastYear: Int? = nil
            var drawn = 0
            for s in labelled {
                let x = scale(s.x) + 3
                let name = months[s.month - 1]
                guard x + metrics.width(of: name, fontSize: fontSize) <= scale.end + 6 else { continue }
                svg.element("text", [("class", "x-tick-label"), ("x", n(x)), ("y", n(firstRow)), ("font-size", n(fontSize)),
                                     ("fill", ink.secondary)], text: name)
                if s.year != lastYear, x + metrics.width(of: "2024", fontSize: fontSize) <= scale.end + 6 {
                    svg.element("text", [("class", "x-year-label"), ("x", n(x)), ("y", n(firstRow + fontSize * 1.3)),
                                         ("font-size", n(fontSize)), ("font-weight", "600"), ("fill", ink.secondary)], text: String(s.year))
                    lastYear = s.year
                }
                drawn += 1
            }
            if drawn == 0 {
                // Less than a month in view: name the month in the middle.
                let middle = ChartDate.from(fractionalYear: (scale.domain.lowerBound + scale.domain.upperBound) / 2).components
                let x = (scale.start + scale.end) / 2
                svg.element("text", [("class", "x-tick-label"), ("x", n(x)), ("y", n(firstRow)), ("text-anchor", "middle"),
                                     ("font-size", n(fontSize)), ("fill", ink.secondary)], text: months[middle.month - 1])
                svg.element("text", [("class", "x-year-label"), ("x", n(x)), ("y", n(firstRow + fontSize * 1.3)), ("text-anchor", "middle"),
                                     ("font-size", n(fontSize)), ("font-weight", "600"), ("fill", ink.secondary)], text: String(middle.year))
            }
        case .years(let step):
            let years = TrendPlot.years(in: scale.domain)
            for year in years {
                let x = scale(Double(year))
                svg.element("line", [("class", "x-tick"), ("data-date", "\(year)-01-01"), ("x1", n(x)), ("y1", n(bottom)), ("x2", n(x)),
                                     ("y2", n(bottom + 5)), ("stroke", ink.axis), ("stroke-width", "1")])
            }
            let yearWidth = metrics.width(of: "2024", fontSize: fontSize)
            let first = Int(scale.domain.lowerBound.rounded(.down))
            let last = Int(scale.domain.upperBound.rounded(.down))
            guard last - first < 400 else { break }
            for year in first...last where (year - first) % step == 0 {
                // The middle of the part of the year in view, when the label fits there.
                let lo = max(Double(year), scale.domain.lowerBound), hi = min(Double(year + 1), scale.domain.upperBound)
                guard abs(scale(hi) - scale(lo)) >= yearWidth + 4 else { continue }
                svg.element("text", [("class", "x-tick-label"), ("x", n(scale((lo + hi) / 2))), ("y", n(firstRow)), ("text-anchor", "middle"),
                                     ("font-size", n(fontSize)), ("fill", ink.secondary)], text: String(year))
            }
        }
        svg.close("g")
    }
}

extension ChartDate {
    /// The day a fractional year falls on.
    static func from(fractionalYear x: Double) -> ChartDate {
        guard x.isFinite, abs(x) < 100_000 else { return ChartDate(dayNumber: 0) }
        let year = Int(x.rounded(.down))
        let start = ChartDate(year: year, month: 1, day: 1).dayNumber
        let length = ChartDate(year: year + 1, month: 1, day: 1).dayNumber - start
        return ChartDate(dayNumber: start + Int((x - Double(year)) * Double(length)))
    }
}
