import Testing
@testable import Charts

@Suite struct DivergingBarChartTests {
    /// Segments of one row, by level label.
    private func segments(_ tree: SVGTree, row: String) -> [String: SVGTree.Element] {
        var result: [String: SVGTree.Element] = [:]
        for e in tree.elements(class: "segment") where e.attributes["data-row"] == row { result[e.attributes["data-level"]!] = e }
        return result
    }

    @Test func negativeSegmentsEndAtTheZeroLineAndPositiveOnesStartThere() throws {
        let chart = SampleCharts.diverging
        let tree = SVGTree(chart.svg())
        #expect(tree.parseError == nil)
        let zero = try #require(tree.elements(class: "zero-line").first).number("x1")
        for row in chart.rows {
            let s = segments(tree, row: row)
            let veryNeg = try #require(s["Very unfavourable"]), neg = try #require(s["Somewhat unfavourable"])
            let pos = try #require(s["Somewhat favourable"]), veryPos = try #require(s["Very favourable"])
            // Strongest outermost: very unfavourable | somewhat unfavourable | 0 | somewhat favourable | very favourable.
            #expect(abs(neg.number("x") + neg.number("width") - zero) < 0.02)
            #expect(abs(veryNeg.number("x") + veryNeg.number("width") - neg.number("x")) < 0.02)
            #expect(abs(pos.number("x") - zero) < 0.02)
            #expect(abs(veryPos.number("x") - (pos.number("x") + pos.number("width"))) < 0.02)
            // "Don't know" is apart, right of every positive segment.
            let dk = try #require(s["Don't know & refused"])
            let rightmost = tree.elements(class: "segment").filter { $0.attributes["data-level"] != "Don't know & refused" }
                .map { $0.number("x") + $0.number("width") }.max()!
            #expect(dk.number("x") > rightmost + 10)
        }
    }

    @Test func widthsAreProportionalToShares() throws {
        let chart = SampleCharts.diverging
        let tree = SVGTree(chart.svg())
        let s = segments(tree, row: chart.rows[0])
        let a = try #require(s["Very favourable"]), b = try #require(s["Somewhat unfavourable"])
        let ratio = a.number("width") / b.number("width")
        let expected = chart.levels[3].values[0].estimate / chart.levels[1].values[0].estimate
        #expect(abs(ratio - expected) < 0.01)
    }

    @Test func aCentredNeutralStraddlesTheZeroLine() throws {
        let chart = SampleCharts.divergingRussian
        let tree = SVGTree(chart.svg())
        #expect(tree.parseError == nil)
        let zero = try #require(tree.elements(class: "zero-line").first).number("x1")
        for row in chart.rows {
            let s = segments(tree, row: row)
            let neutral = try #require(s["Нейтральное"])
            #expect(abs(neutral.number("x") + neutral.number("width") / 2 - zero) < 0.02)
            let neg = try #require(s["Скорее неблагоприятное"])
            #expect(abs(neg.number("x") + neg.number("width") - neutral.number("x")) < 0.02)
        }
    }

    @Test func aNeutralApartGoesWithTheMissingAnswers() throws {
        var chart = SampleCharts.divergingRussian
        chart.neutral = .apart
        let tree = SVGTree(chart.svg())
        let zero = try #require(tree.elements(class: "zero-line").first).number("x1")
        let s = segments(tree, row: chart.rows[0])
        #expect(abs(try #require(s["Скорее благоприятное"]).number("x") - zero) < 0.02)
        let neutral = try #require(s["Нейтральное"]), dk = try #require(s["Затрудняюсь ответить"])
        #expect(neutral.number("x") > zero + 100)
        #expect(abs(neutral.number("x") + neutral.number("width") - dk.number("x")) < 0.02)
        #expect(tree.elements(class: "apart-title").map(\.text).joined(separator: " ") == "Нейтральное / Затрудняюсь ответить")
    }

    @Test func levelsListedFromPositiveToNegativeStillPutNegativesLeft() throws {
        var chart = SampleCharts.diverging
        chart.levels = Array(chart.levels[0..<4].reversed()) + [chart.levels[4]]
        let tree = SVGTree(chart.svg())
        let zero = try #require(tree.elements(class: "zero-line").first).number("x1")
        let s = segments(tree, row: chart.rows[0])
        let neg = try #require(s["Somewhat unfavourable"]), veryNeg = try #require(s["Very unfavourable"])
        #expect(abs(neg.number("x") + neg.number("width") - zero) < 0.02)
        #expect(veryNeg.number("x") < neg.number("x"))
        // The legend keeps the order given.
        let legend = tree.elements(class: "legend-label").map(\.text)
        #expect(legend == chart.levels.map(\.label))
    }

    @Test func wideSegmentsCarryTheirPercentage() throws {
        let tree = SVGTree(SampleCharts.diverging.svg())
        let labels = tree.elements(class: "segment-label").map(\.text)
        #expect(labels.contains("39%"))  // very favourable, spring 2017
        #expect(labels.allSatisfy { $0.hasSuffix("%") && !$0.contains(".") })
    }
}
