import Testing
@testable import Charts

@Suite struct TrendChartTests {
    private let waves = [ChartWave(label: "2018", x: 2018.5), ChartWave(label: "2019", x: 2019.5), ChartWave(label: "2020", x: 2020.5)]

    @Test func fiftyPercentIsHalfwayBetweenZeroAndAHundred() throws {
        let chart = TrendChart(text: ChartText(title: "Scale"), waves: waves,
                               series: [ChartSeries(label: "A", values: [0, 0.5, 1])], valueDomain: 0...1)
        let tree = SVGTree(chart.svg())
        #expect(tree.parseError == nil)
        let ticks = Dictionary(uniqueKeysWithValues: tree.elements(class: "y-tick-label").map { ($0.text, $0.number("y")) })
        #expect(ticks.keys.sorted() == ["0%", "100%", "25%", "50%", "75%"])
        let y0 = try #require(ticks["0%"]), y50 = try #require(ticks["50%"]), y100 = try #require(ticks["100%"])
        #expect(abs(y50 - (y0 + y100) / 2) < 0.02)
        let points = tree.elements(class: "point").map { $0.number("cy") }
        #expect(points.count == 3)
        #expect(abs(points[1] - (points[0] + points[2]) / 2) < 0.02)
        #expect(points[0] > points[2])  // up is more
    }

    @Test func pointsOutsideTheDomainAreNotDrawnAndBreakTheLine() throws {
        let values: [ChartValue] = [0.2, 0.3, 0.8, 0.4]
        let four = waves + [ChartWave(label: "2021", x: 2021.5)]
        let chart = TrendChart(text: ChartText(title: "Clip"), waves: four,
                               series: [ChartSeries(label: "A", values: values)], valueDomain: 0...0.6)
        let tree = SVGTree(chart.svg())
        let points = tree.elements(class: "point")
        #expect(points.map { $0.attributes["data-wave"] } == ["2018", "2019", "2021"])
        #expect(tree.elements(class: "series-line").count == 1)  // 2018–2019; 2021 stands alone
        let plotTop = tree.elements(class: "gridline").map { $0.number("y1") }.min()!
        #expect(points.allSatisfy { $0.number("cy") >= plotTop })
    }

    @Test func missingValuesBreakTheLineAndItsRibbon() throws {
        let values = [ChartValue(0.2, lower: 0.18, upper: 0.22), .missing, ChartValue(0.3, lower: 0.27, upper: 0.33),
                      ChartValue(.nan, lower: 0.1, upper: 0.2), ChartValue(0.35, lower: 0.31, upper: 0.39),
                      ChartValue(0.36, lower: 0.32, upper: 0.4)]
        let six = (0..<6).map { ChartWave(label: "W\($0)", x: 2017.5 + Double($0)) }
        let tree = SVGTree(TrendChart(text: ChartText(title: "Gaps"), waves: six, series: [ChartSeries(label: "A", values: values)]).svg())
        #expect(tree.parseError == nil)
        #expect(tree.elements(class: "point").count == 4)
        #expect(tree.elements(class: "series-line").count == 1)  // only W4–W5 are adjacent
        #expect(tree.elements(class: "ribbon").count == 1)
        #expect(tree.elements(class: "whisker").count == 2)  // W0 and W2 stand alone
    }

    @Test func eventMarkersAreAtTheirDates() throws {
        let tree = SVGTree(SampleCharts.trend.svg())
        var yearX: [Int: Double] = [:]
        for t in tree.elements(class: "x-tick") { yearX[Int(t.attributes["data-year"]!)!] = t.number("x1") }
        let x2022 = try #require(yearX[2022]), x2023 = try #require(yearX[2023])
        let lines = tree.elements(class: "event-line")
        #expect(lines.count == SampleCharts.events.count)
        for (line, event) in zip(lines, SampleCharts.events) {
            #expect(line.number("data-x") == event.x)
            let expected = x2022 + (event.x - 2022) * (x2023 - x2022)
            #expect(abs(line.number("x1") - expected) < 0.02)
            #expect(line.number("x1") == line.number("x2"))
            #expect(line.attributes["stroke-dasharray"] != nil)
        }
    }

    @Test func eventsOutsideTheTimeAxisAreLeftOut() {
        let chart = TrendChart(text: ChartText(title: "E"), waves: waves, series: [ChartSeries(label: "A", values: [0.1, 0.2, 0.3])],
                               events: [ChartEvent(x: 2014.2, label: "Crimea"), ChartEvent(x: 2019.9, label: "Inside")])
        let tree = SVGTree(chart.svg())
        #expect(tree.elements(class: "event-line").count == 1)
        #expect(!tree.texts.contains("Crimea") && tree.texts.contains("Inside"))
    }

    @Test func closeEventsAreStaggeredAndNotCrossedByOtherLines() throws {
        let tree = SVGTree(SampleCharts.trend.svg())
        let labels = tree.elements(class: "event-label")
        let boxes = TextBox.boxes(tree).filter { b in labels.contains { $0.text == b.text } }
        #expect(boxes.count == 4)
        for i in boxes.indices { for j in boxes.indices where j > i { #expect(!boxes[i].overlaps(boxes[j])) } }
        // No event line passes through another event's label.
        for line in tree.elements(class: "event-line") {
            let x = line.number("x1"), top = min(line.number("y1"), line.number("y2"))
            for b in boxes where b.left < x && x < b.right {
                #expect(b.bottom <= top + 0.5, "line at \(x) crosses “\(b.text)”")
            }
        }
    }

    @Test func linesAreLabelledAtTheirEndsWithTheLatestValue() throws {
        let chart = SampleCharts.trend
        let tree = SVGTree(chart.svg())
        let values = tree.elements(class: "end-value")
        #expect(values.count == chart.series.count)
        let latest = chart.series[3].values[15].estimate
        #expect(values[3].text == "\(Int((latest * 100).rounded()))%")
        let labels = Set(tree.elements(class: "end-label").map { $0.attributes["data-series"]! })
        #expect(labels == Set(chart.series.map(\.label)))
        let plotRight = tree.elements(class: "gridline").map { $0.number("x2") }.max()!
        #expect(values.allSatisfy { $0.number("x") > plotRight })
    }

    @Test func yearsAreTickedAndLabelledWithoutCrowding() {
        let tree = SVGTree(SampleCharts.trend.svg())
        #expect(tree.elements(class: "x-tick-label").map(\.text) == (2017...2024).map(String.init))
        var narrow = SampleCharts.trend
        narrow.style.width = 300
        let labels = SVGTree(narrow.svg()).elements(class: "x-tick-label").map(\.text)
        #expect(labels.count < 8 && labels.count >= 2)
    }

    @Test func meansUseNumbersWithDecimals() {
        let chart = TrendChart(text: ChartText(title: "Mean trust, 1–5"), waves: waves,
                               series: [ChartSeries(label: "Trust", values: [ChartValue(3.42, lower: 3.3, upper: 3.55), 3.1, 2.86])],
                               format: .number())
        let tree = SVGTree(chart.svg())
        #expect(tree.elements(class: "end-value").first?.text == "2.9")
        #expect(tree.elements(class: "y-tick-label").allSatisfy { !$0.text.hasSuffix("%") })
    }
}
