import Testing
@testable import Charts

/// What every chart must be: a well-formed, accessible SVG document whose text is escaped and
/// stays inside the drawing without overlapping other text.
@Suite struct ChartDocumentTests {
    @Test(arguments: SampleCharts.all.map(\.name))
    func parsesAsXMLWithAnAccessibleSVGRoot(name: String) throws {
        let svg = try #require(SampleCharts.all.first { $0.name == name }).svg
        let tree = SVGTree(svg)
        #expect(tree.parseError == nil, "\(name): \(tree.parseError ?? "")")
        let root = try #require(tree.root)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        let viewBox = try #require(root.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox.count == 4 && viewBox[2] > 0 && viewBox[3] > 0)
        #expect(root.attributes["font-family"]?.contains("sans-serif") == true)
        // <title> and <desc> come first and are what aria-labelledby names.
        let ids = try #require(root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(tree.elements[1].name == "title" && tree.elements[1].attributes["id"] == ids.first)
        #expect(tree.elements[2].name == "desc" && tree.elements[2].attributes["id"] == ids.last)
        #expect(!tree.elements[1].text.isEmpty && !tree.elements[2].text.isEmpty)
        // Numbers are always finite.
        for bad in ["nan", "inf"] { #expect(!svg.lowercased().contains("=\"\(bad)") && !svg.contains("\(bad) ")) }
    }

    @Test func titlesLevelsAndEventsAppearEscaped() throws {
        let chart = SampleCharts.trend
        let svg = chart.svg()
        let tree = SVGTree(svg)
        #expect(tree.parseError == nil)
        #expect(tree.elements(named: "title").first?.text == "Opinion of Russia in Kazakhstan, 2017–2024")
        #expect(tree.texts.contains("Opinion of Russia in Kazakhstan, 2017–2024"))
        #expect(tree.texts.contains("Don't know & refused"))
        #expect(tree.texts.contains("Қаңтар: protests & unrest <January>"))
        #expect(svg.contains("Қаңтар: protests &amp; unrest &lt;January&gt;"))
        #expect(svg.contains("Don&apos;t know &amp; refused"))
        #expect(!svg.contains("& ") && !svg.contains("<January"))
    }

    @Test func everyChartShowsItsTitleALevelAndItsEvents() throws {
        let expectations: [(String, [String])] = [
            ("diverging", ["Very favourable", "Don't know & refused", "Spring 2017"]),
            ("diverging-ru", ["Очень благоприятное", "Нейтральное", "60 лет и старше"]),
            ("trend", ["Very unfavourable", "Russia invades Ukraine", "Mobilisation in Russia"]),
            ("trend-kk", ["Өте жағымды", "Жауап беруге қиналамын", "Қаңтар: protests & unrest <January>"]),
            ("grouped", ["Somewhat favourable", "18–29"]),
            ("grouped-kk", ["Қазақ тілінде", "Орыс тілінде"]),
            ("small-trend", ["18–29", "60+", "Very favourable", "Russia invades Ukraine"]),
            ("small-bars", ["Kazakh", "Unfavourable"]),
        ]
        for (name, needles) in expectations {
            let tree = SVGTree(try #require(SampleCharts.all.first { $0.name == name }).svg)
            #expect(tree.parseError == nil)
            let title = try #require(tree.elements(named: "title").first).text
            #expect(tree.elements(class: "chart-title").map(\.text).joined(separator: " ") == title, "\(name)")
            for needle in needles {
                #expect(tree.texts.contains { $0.contains(needle) }, "\(name) lacks \(needle)")
            }
        }
    }

    @Test(arguments: SampleCharts.all.map(\.name))
    func textStaysInsideTheViewBoxAndDoesNotOverlap(name: String) throws {
        let tree = SVGTree(try #require(SampleCharts.all.first { $0.name == name }).svg)
        let root = try #require(tree.root)
        let width = root.number("width"), height = root.number("height")
        let boxes = TextBox.boxes(tree)
        for b in boxes {
            #expect(b.left >= 0 && b.right <= width + 0.5, "\(name): “\(b.text)” spans \(b.left)…\(b.right) of \(width)")
            #expect(b.top >= 0 && b.bottom <= height + 0.5, "\(name): “\(b.text)” spans \(b.top)…\(b.bottom) of \(height)")
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j]) {
                Issue.record("\(name): “\(boxes[i].text)” overlaps “\(boxes[j].text)”")
            }
        }
    }

    @Test func chartTitlesWrapToTheWidth() throws {
        let long = String(repeating: "Доля казахстанцев, которые относятся к России благоприятно, по волнам опроса ", count: 2)
        var style = ChartStyle()
        style.width = 420
        let chart = TrendChart(text: ChartText(title: long), waves: SampleCharts.waves, series: SampleCharts.levels(), style: style)
        let tree = SVGTree(chart.svg())
        let lines = tree.elements(class: "chart-title")
        #expect(lines.count > 2)
        for line in lines {
            #expect(style.metrics.width(of: line.text, fontSize: line.number("font-size"), bold: true) <= 420 - 32)
        }
    }

    @Test func textContrastIsAtLeastFourAndAHalf() throws {
        for (name, svg) in SampleCharts.all {
            let tree = SVGTree(svg)
            let background = RGBColor(hex: tree.elements(class: "background").first?.attributes["fill"] ?? "#ffffff")!
            // Labels on segments against their segment, every other text against the background.
            var segmentFills: [String] = []
            for e in tree.elements where e.classes.contains("segment") { segmentFills.append(e.attributes["fill"] ?? "") }
            for e in tree.elements(named: "text") {
                let fill = try #require(RGBColor(hex: e.attributes["fill"] ?? ""), "\(name): text without a colour")
                if e.classes.contains("segment-label"), fill == .white || fill == RGBColor(hex: "#1a1a1a") {
                    continue  // checked below against the segment it sits on
                }
                #expect(fill.contrast(with: background) >= 4.5, "\(name): “\(e.text)” \(fill.hex)")
            }
            for hex in Set(segmentFills) {
                let c = try #require(RGBColor(hex: hex))
                #expect(c.textColor.contrast(with: c) >= 4.5, "\(name): segment \(hex)")
            }
        }
    }

    @Test func chartsCanBeHeldAsAnySVGChart() {
        let charts: [any SVGChart] = [SampleCharts.diverging, SampleCharts.trend, SampleCharts.grouped, SampleCharts.smallBars]
        for chart in charts {
            let tree = SVGTree(chart.svg())
            #expect(tree.parseError == nil)
            #expect(tree.elements(named: "title").first?.text == chart.text.title)
        }
    }

    @Test func theREADMEExampleDraws() {
        let waves = [ChartWave(label: "Spring 2021", x: 2021.3), ChartWave(label: "Autumn 2022", x: 2022.79)]
        let chart = TrendChart(
            text: ChartText(title: "Opinion of Russia", source: "Source: Central Asia Barometer (simulated data)"),
            waves: waves,
            series: [ChartSeries(label: "Very favourable", values: [ChartValue(0.29, lower: 0.27, upper: 0.31),
                                                                   ChartValue(0.19, lower: 0.17, upper: 0.21)])],
            events: [ChartEvent(x: 2022.15, label: "Russia invades Ukraine")])
        let tree = SVGTree(chart.svg())
        #expect(tree.parseError == nil)
        #expect(tree.elements(class: "point").count == 2)
        #expect(tree.elements(class: "end-value").first?.text == "19%")
    }

    @Test func idsFollowThePrefixAndAreXMLNames() {
        var style = ChartStyle()
        style.idPrefix = "2 charts & more"
        let svg = TrendChart(text: ChartText(title: "T"), waves: [], series: [], style: style).svg()
        #expect(svg.contains("aria-labelledby=\"chart2chartsmore-title chart2chartsmore-desc\""))
    }
}
