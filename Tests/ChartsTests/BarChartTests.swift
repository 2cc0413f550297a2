import Testing
@testable import Charts

@Suite struct BarChartTests {
    @Test func barsStartAtZeroAndWhiskersSpanTheInterval() throws {
        let chart = SampleCharts.groupedKazakh
        let tree = SVGTree(chart.svg())
        #expect(tree.parseError == nil)
        let zero = try #require(tree.elements(class: "gridline").first { $0.attributes["data-value"] == "0" }).number("x1")
        let quarter = try #require(tree.elements(class: "gridline").first { $0.attributes["data-value"] == "0.2" }).number("x1")
        let bars = tree.elements(class: "bar")
        #expect(bars.count == 2)
        for (bar, value) in zip(bars, chart.series[0].values) {
            #expect(abs(bar.number("x") - zero) < 0.02)
            #expect(abs(bar.number("width") - value.estimate / 0.2 * (quarter - zero)) < 0.05)
        }
        #expect(tree.elements(class: "whisker").count == 2)
        #expect(tree.elements(class: "value-label").map(\.text) == ["35%", "12%"])
        #expect(tree.elements(class: "legend").isEmpty)  // one series needs no legend
    }

    @Test func groupsFollowTheLegendOrderAndLongLabelsWrap() throws {
        let chart = SampleCharts.grouped
        let tree = SVGTree(chart.svg())
        #expect(tree.elements(class: "legend-label").map(\.text) == chart.series.map(\.label))
        let firstGroup = tree.elements(class: "bar").filter { $0.attributes["data-group"] == "18–29" }
        #expect(firstGroup.map { $0.attributes["data-series"]! } == chart.series.map(\.label))
        #expect(zip(firstGroup, firstGroup.dropFirst()).allSatisfy { $0.number("y") < $1.number("y") })
        let long = tree.elements(class: "group-label").filter { "60 and older, including respondents over 80".contains($0.text) }
        #expect(long.count == 2)
    }

    @Test func negativeValuesGoLeftOfZero() throws {
        let chart = GroupedBarChart(text: ChartText(title: "Net favourability"), groups: ["Russia", "China"],
                                    series: [ChartSeries(label: "Net", values: [0.3, -0.2])])
        let tree = SVGTree(chart.svg())
        let bars = tree.elements(class: "bar")
        #expect(abs(bars[1].number("x") + bars[1].number("width") - bars[0].number("x")) < 0.02)
        #expect(tree.elements(class: "value-label").map(\.text) == ["30%", "−20%"])
    }

    @Test func smallMultiplesShareTheirScales() throws {
        let tree = SVGTree(SampleCharts.smallTrend.svg())
        #expect(tree.parseError == nil)
        #expect(tree.elements(class: "panel").count == 4)
        #expect(tree.elements(class: "panel-title").map(\.text) == ["18–29", "30–44", "45–59", "60+"])
        // Two columns of two: the same gridline values in every panel, labels only in the first column.
        let gridValues = Set(tree.elements(class: "gridline").compactMap { $0.attributes["data-value"] })
        #expect(gridValues.count >= 3)
        #expect(tree.elements(class: "y-tick-label").count == 2 * gridValues.count)
        #expect(tree.elements(class: "event-line").count == 4 * SampleCharts.events.count)
        #expect(tree.texts.contains("Russia invades Ukraine"))  // in the key
        #expect(tree.elements(class: "event-number").count == 4 * SampleCharts.events.count)
    }

    @Test func smallMultipleBarsAlignAcrossPanels() throws {
        let tree = SVGTree(SampleCharts.smallBars.svg())
        #expect(tree.elements(class: "panel").count == 3)
        let bars = tree.elements(class: "bar")
        let zeroXs = Set(bars.map { $0.number("x") })
        #expect(zeroXs.count == 3)  // one baseline per panel
        let ys = Dictionary(grouping: bars, by: { $0.attributes["data-group"]! }).mapValues { Set($0.map { $0.number("y") }) }
        #expect(ys.values.allSatisfy { $0.count == 1 })  // a category sits at the same height in each panel
        #expect(tree.elements(class: "group-label").count == 3)  // labels once, at the left
    }
}
