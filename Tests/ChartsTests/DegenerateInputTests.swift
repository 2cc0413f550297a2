import Testing
@testable import Charts

/// Empty, missing and odd input gives a valid drawing that says what is missing, never a crash.
@Suite struct DegenerateInputTests {
    private func expectValid(_ svg: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) -> SVGTree {
        let tree = SVGTree(svg)
        #expect(tree.parseError == nil, "\(context): \(tree.parseError ?? "")", sourceLocation: sourceLocation)
        #expect(tree.root?.name == "svg", sourceLocation: sourceLocation)
        let lower = svg.lowercased()
        #expect(!lower.contains("nan") && !lower.contains("\"inf") && !lower.contains(" inf"), "\(context)", sourceLocation: sourceLocation)
        let root = tree.root!
        #expect(root.number("width") > 0 && root.number("height") > 0, sourceLocation: sourceLocation)
        return tree
    }

    private let text = ChartText(title: "Empty")
    private let nanSeries = ChartSeries(label: "A", values: [ChartValue(.nan, lower: .nan, upper: .nan), ChartValue(.infinity), ChartValue(-.infinity)])

    @Test func trendsWithoutWavesSeriesOrValues() {
        let three = [ChartWave(label: "a", x: 2020.3), ChartWave(label: "b", x: .nan), ChartWave(label: "c", x: 2021.8)]
        let cases: [(String, TrendChart)] = [
            ("nothing", TrendChart(text: text, waves: [], series: [])),
            ("no waves", TrendChart(text: text, waves: [], series: [ChartSeries(label: "A", values: [0.2])], events: SampleCharts.events)),
            ("no series", TrendChart(text: text, waves: SampleCharts.waves, series: [], events: SampleCharts.events)),
            ("NaN everywhere", TrendChart(text: text, waves: three, series: [nanSeries])),
            ("NaN x", TrendChart(text: text, waves: three, series: [ChartSeries(label: "A", values: [0.2, 0.3, 0.4])])),
            ("empty values", TrendChart(text: text, waves: three, series: [ChartSeries(label: "A", values: [])])),
            ("bad domains", TrendChart(text: text, waves: three, series: [ChartSeries(label: "A", values: [0.2, 0.3, 0.4])],
                                       valueDomain: 0.5...0.5, timeDomain: .infinity ... .infinity)),
            ("empty title", TrendChart(text: ChartText(title: ""), waves: three, series: [ChartSeries(label: "", values: [0.2])])),
        ]
        for (name, chart) in cases {
            let tree = expectValid(chart.svg(), name)
            if name != "NaN x" && name != "bad domains" && name != "empty title" {
                #expect(tree.texts.contains("No data"), "\(name)")
            }
        }
    }

    @Test func aSingleWaveIsAPointNamedOnTheAxis() {
        let chart = TrendChart(text: text, waves: [ChartWave(label: "Autumn 2022", x: 2022.79)],
                               series: [ChartSeries(label: "A", values: [ChartValue(0.4, lower: 0.4, upper: 0.4)])],
                               events: [ChartEvent(x: 2022.72, label: "Mobilisation")])
        let tree = expectValid(chart.svg(), "one wave")
        #expect(tree.elements(class: "point").count == 1)
        #expect(tree.elements(class: "series-line").isEmpty)
        #expect(tree.elements(class: "whisker").count == 1)  // a zero-width interval is still drawn
        #expect(tree.texts.contains("Autumn 2022"))
        #expect(tree.texts.contains("Mobilisation"))
    }

    @Test func divergingBarsWithoutRowsLevelsOrValues() {
        let cases: [(String, DivergingBarChart)] = [
            ("nothing", DivergingBarChart(text: text, rows: [], levels: [])),
            ("no levels", DivergingBarChart(text: text, rows: ["a", "b"], levels: [])),
            ("NaN", DivergingBarChart(text: text, rows: ["a"], levels: [ChartSeries(label: "x", values: [.missing], role: .negative)])),
            ("only missing answers", DivergingBarChart(text: text, rows: ["a"], levels: [ChartSeries(label: "DK", values: [1], role: .missing)])),
            ("negative shares", DivergingBarChart(text: text, rows: ["a"], levels: [ChartSeries(label: "x", values: [-0.3], role: .positive)])),
            ("one row of many", DivergingBarChart(text: text, rows: ["a", "b"], levels: SampleCharts.levels().map {
                ChartSeries(label: $0.label, values: [$0.values[0]], role: $0.role) })),
        ]
        for (name, chart) in cases {
            let tree = expectValid(chart.svg(), name)
            if name == "NaN" || name == "one row of many" || name == "no levels" { #expect(tree.texts.contains("No data"), "\(name)") }
        }
    }

    @Test func barsAndPanelsWithoutData() {
        _ = expectValid(GroupedBarChart(text: text, groups: [], series: []).svg(), "bars: nothing")
        _ = expectValid(GroupedBarChart(text: text, groups: ["a"], series: [nanSeries]).svg(), "bars: NaN")
        _ = expectValid(GroupedBarChart(text: text, groups: ["a", "b"], series: [ChartSeries(label: "z", values: [0, 0])]).svg(), "bars: zeros")
        _ = expectValid(SmallMultiplesChart(text: text, panels: [], kind: .bars(groups: [])).svg(), "panels: none")
        let panels = [ChartPanel(title: "Full", series: [ChartSeries(label: "A", values: [0.2, 0.3])]),
                      ChartPanel(title: "Empty", series: [nanSeries]), ChartPanel(title: "No series", series: [])]
        let trend = expectValid(SmallMultiplesChart(text: text, panels: panels,
                                                    kind: .trend(waves: Array(SampleCharts.waves.prefix(2)))).svg(), "panels: trend")
        #expect(trend.elements(class: "no-data").count == 2)
        let bars = expectValid(SmallMultiplesChart(text: text, panels: panels, kind: .bars(groups: ["x", "y"]), columns: 5).svg(), "panels: bars")
        #expect(bars.elements(class: "no-data").count == 2)
    }

    @Test func tinyAndHugeStyles() {
        var style = ChartStyle(width: .nan, height: -5, fontSize: 400)
        style.palette = ChartPalette(categorical: [], negative: [], positive: [], neutral: "not a colour", missing: [])
        _ = expectValid(SampleCharts.trend.with(style: style).svg(), "odd style")
        _ = expectValid(DivergingBarChart(text: SampleCharts.text, rows: ["a"], levels: SampleCharts.levels(), style: style).svg(), "odd palette")
        style = ChartStyle(width: 10, height: 10)
        _ = expectValid(SampleCharts.smallTrend.with(style: style).svg(), "tiny")
    }

    @Test func controlCharactersInLabelsAreDropped() {
        let chart = GroupedBarChart(text: ChartText(title: "Bell\u{07} and\u{0} null"), groups: ["a\u{1B}b"],
                                    series: [ChartSeries(label: "s", values: [0.5])])
        let tree = expectValid(chart.svg(), "controls")
        #expect(tree.elements(named: "title").first?.text == "Bell and null")
    }
}

extension TrendChart {
    func with(style: ChartStyle) -> TrendChart { var c = self; c.style = style; return c }
}

extension SmallMultiplesChart {
    func with(style: ChartStyle) -> SmallMultiplesChart { var c = self; c.style = style; return c }
}
