import Foundation
import Testing
@testable import Charts

@Suite struct PollAverageChartTests {
    static func day(_ iso: String) -> ChartDate { ChartDate(iso)! }

    /// Four pollsters over two years: Russia's share falling, Ukraine's rising, with daily
    /// averages (a smooth curve ± 3 points), a survey's three waves and two events.
    static func sample(language: String = "en", width: Double = 760) -> PollAverageChart {
        let fields: [(String, String, Int, Int, Double, Double)] = [
            ("Demoscope", "2022-03-01", 30, 1_100, 0.39, 0.10), ("PaperLab", "2022-04-10", 12, 1_200, 0.30, 0.14),
            ("Demoscope", "2022-06-01", 14, 1_100, 0.27, 0.16), ("Ipsos", "2022-08-15", 20, 2_400, 0.22, 0.18),
            ("PaperLab", "2022-10-01", 10, 1_000, 0.20, 0.21), ("Demoscope", "2022-11-04", 20, 1_110, 0.13, 0.22),
            ("Gallup", "2023-01-20", 25, 600, 0.18, 0.19), ("Ipsos", "2023-03-01", 15, 2_000, 0.15, 0.20),
            ("Demoscope", "2023-05-03", 9, 1_100, 0.128, 0.211), ("PaperLab", "2023-09-01", 10, 1_200, 0.16, 0.23),
            ("Gallup", "2023-12-01", 20, 800, 0.14, 0.25), ("Ipsos", "2024-03-10", 14, 2_200, 0.12, 0.24),
        ]
        let polls = fields.map { f in
            PollAverageChart.Poll(pollster: f.0, fieldStart: day(f.1), fieldEnd: ChartDate(dayNumber: day(f.1).dayNumber + f.2),
                                  sampleSize: f.3, shares: ["Russia": f.4, "Ukraine": f.5])
        }
        let first = polls.map(\.midpoint.dayNumber).min()!, last = polls.map(\.midpoint.dayNumber).max()!
        func curve(_ t: Double, from a: Double, to b: Double) -> Double { b + (a - b) * exp(-3 * t) }
        func daily(_ a: Double, _ b: Double) -> [PollAverageChart.Point] {
            (first...last).map { d in
                let t = Double(d - first) / Double(last - first)
                let y = curve(t, from: a, to: b)
                return PollAverageChart.Point(ChartDate(dayNumber: d), y, lower: y - 0.03 + 0.01 * t, upper: y + 0.03 - 0.01 * t)
            }
        }
        let study = PollAverageChart.Series(label: "Central Asia Barometer", points: [
            .init(day("2022-06-15"), 0.24, lower: 0.21, upper: 0.27), .init(day("2022-12-01"), 0.19, lower: 0.165, upper: 0.215),
            .init(day("2023-06-01"), 0.16, lower: 0.14, upper: 0.18),
        ])
        return PollAverageChart(
            text: ChartText(title: language == "en" ? "Which side of the war do Kazakhstanis support?" : "Какую сторону поддерживают казахстанцы?",
                            subtitle: "Share of adults, published polls", source: "Source: published polls (Demoscope, PaperLab, Ipsos, Gallup)",
                            language: language),
            polls: polls, averages: [.init(label: "Russia", points: daily(0.36, 0.13)), .init(label: "Ukraine", points: daily(0.11, 0.24))],
            studies: [study],
            events: [ChartEvent(x: day("2022-09-21").fractionalYear, label: "Mobilisation in Russia"),
                     ChartEvent(x: day("2023-06-24").fractionalYear, label: "Wagner mutiny"),
                     ChartEvent(x: day("2021-01-01").fractionalYear, label: "Before the polls")],
            style: ChartStyle(width: width))
    }

    @Test func aDotPerShareWithAreaInProportionToTheSampleSize() throws {
        let chart = Self.sample()
        let tree = SVGTree(chart.svg())
        #expect(tree.parseError == nil)
        let dots = tree.elements(class: "poll-dot")
        #expect(dots.count == chart.polls.count * 2)
        // Radius ∝ √n: larger polls have larger dots, in the ratio of the square roots.
        let byN = Dictionary(grouping: dots, by: { Int($0.attributes["data-n"]!)! }).mapValues { $0.map { $0.number("r") } }
        for radii in byN.values { #expect(Set(radii).count == 1) }
        let sizes = byN.keys.sorted()
        for (a, b) in zip(sizes, sizes.dropFirst()) { #expect(byN[a]![0] < byN[b]![0], "n \(a) vs \(b)") }
        let small = try #require(byN[600]?.first), large = try #require(byN[2_400]?.first)
        #expect(abs(large / small - (2_400.0 / 600).squareRoot()) < 0.01)
        // Dots sit at the fieldwork midpoint, coloured by pollster.
        let demoscope = dots.filter { $0.attributes["data-pollster"] == "Demoscope" }
        #expect(Set(demoscope.map { $0.attributes["fill"] }).count == 1)
        #expect(Set(dots.map { $0.attributes["fill"] }).count == 4)
        // Largest dots drawn first, so that small ones are not hidden.
        let drawnRadii = dots.map { $0.number("r") }
        #expect(drawnRadii == drawnRadii.sorted(by: >))
    }

    @Test func averagesAreLinesInTheirBandsLabelledAtTheEnd() throws {
        let tree = SVGTree(Self.sample().svg())
        let bands = tree.elements(class: "average-band")
        let lines = tree.elements(class: "average-line")
        #expect(bands.map { $0.attributes["data-series"] } == ["Russia", "Ukraine"])
        #expect(lines.map { $0.attributes["data-series"] } == ["Russia", "Ukraine"])
        #expect(tree.elements(class: "end-label").map(\.text) == ["Russia", "Ukraine"])
        #expect(tree.elements(class: "end-value").map(\.text) == ["14%", "23%"])
        // Band around the line: the band's y range contains the line's.
        func ys(_ d: String) -> [Double] {
            d.split(whereSeparator: { "MLZ".contains($0) }).compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        }
        let bandY = ys(bands[0].attributes["d"]!), lineY = ys(lines[0].attributes["d"]!)
        #expect(bandY.min()! < lineY.min()! && bandY.max()! > lineY.max()!)
    }

    @Test func legendNamesPollstersSurveyAverageAndSizes() {
        let tree = SVGTree(Self.sample().svg())
        let labels = tree.elements(class: "legend-label").map(\.text)
        #expect(Array(labels.prefix(4)) == ["Demoscope", "Gallup", "Ipsos", "PaperLab"])
        #expect(labels.contains("Central Asia Barometer"))
        #expect(labels.contains("Average of the polls, 95% interval"))
        #expect(labels.contains { $0.hasPrefix("Dot area: sample size (600–2,400)") })
    }

    @Test func surveyWavesArePointsWithWhiskersJoined() {
        let tree = SVGTree(Self.sample().svg())
        #expect(tree.elements(class: "study-point").count == 3)
        #expect(tree.elements(class: "study-whisker").count == 3)
        #expect(tree.elements(class: "study-line").count == 1)
        let pollsterColors = Set(tree.elements(class: "poll-dot").compactMap { $0.attributes["fill"] })
        let study = tree.elements(class: "study-point")[0]
        #expect(study.name == "path" && study.attributes["fill"] == "#ffffff")  // diamonds, not dots
        #expect(!pollsterColors.contains(study.attributes["stroke"] ?? ""))
    }

    @Test func percentAxisFromZeroAndMonthsWithYears() {
        let tree = SVGTree(Self.sample().svg())
        let ticks = tree.elements(class: "y-tick-label").map(\.text)
        #expect(ticks.first == "0%" && ticks.allSatisfy { $0.hasSuffix("%") })
        let months = tree.elements(class: "x-tick-label").map(\.text)
        #expect(!months.isEmpty && months.allSatisfy { ["Jan", "Apr", "Jul", "Oct", "Mar", "May", "Sep", "Nov", "Feb", "Jun", "Aug", "Dec"].contains($0) })
        #expect(tree.elements(class: "x-year-label").map(\.text) == ["2022", "2023", "2024"])
        let kazakh = SVGTree(Self.sample(language: "kk").svg()).elements(class: "x-tick-label").map(\.text)
        #expect(kazakh.contains("қаң") && !kazakh.contains("Jan"))
    }

    @Test func eventsInsideTheAxisAreMarked() {
        let tree = SVGTree(Self.sample().svg())
        #expect(tree.elements(class: "event-line").count == 2)
        #expect(tree.elements(class: "event-label").map(\.text).joined(separator: " ").contains("Wagner mutiny"))
        #expect(!tree.texts.contains("Before the polls"))
    }

    @Test("Kazakh and Russian charts describe themselves in their language", arguments: ["kk", "ru"])
    func descriptionInTheLanguage(_ language: String) {
        var chart = Self.sample(language: language)
        chart.events = []
        chart.studies = []
        let text = ChartDescriptionTests.description(chart.svg())
        #expect(text.hasPrefix(language == "ru" ? "Среднее по опросам: Russia, Ukraine; опросов: 12" : "Сауалнамалар орташасы: Russia, Ukraine; сауалнама саны: 12"))
        for english in ["Poll average", "polls by", "Latest", "Also shown", "to 20"] { #expect(!text.contains(english), "\(text)") }
        let legend = SVGTree(chart.svg()).elements(class: "legend-label").map(\.text).joined(separator: " ")
        #expect(!legend.contains("Average") && !legend.contains("Dot area"))
        let english = ChartDescriptionTests.description(Self.sample().svg())
        #expect(english.hasPrefix("Poll average chart of Russia, Ukraine: 12 polls by 4 pollsters, 2022-03-01 to 2024-03-24."))
        #expect(english.contains("Latest average (2024-03-17): Russia 14% (12–16%), Ukraine 23% (21–25%)."))
        #expect(english.contains("Also shown: Central Asia Barometer."))
    }

    @Test func degenerateInputsStillDraw() throws {
        let one = Self.day("2023-05-07")
        let single = PollAverageChart(
            text: ChartText(title: "One day"),
            polls: [.init(pollster: "A", fieldStart: one, fieldEnd: one, sampleSize: 1_000, shares: ["Yes": 0.4]),
                    .init(pollster: "B", fieldStart: one, fieldEnd: one, sampleSize: 0, shares: ["Yes": .nan, "No": 0.5])],
            averages: [.init(label: "Yes", points: [.init(one, 0.4, lower: 0.37, upper: 0.43)])])
        let svg = single.svg()
        let tree = SVGTree(svg)
        #expect(tree.parseError == nil)
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
        #expect(tree.elements(class: "poll-dot").count == 2)  // the NaN share is left out
        #expect(tree.elements(class: "poll-dot").allSatisfy { $0.number("r") >= 2 })
        #expect(tree.elements(class: "average-point").count == 1)
        #expect(tree.elements(class: "x-tick-label").map(\.text) == ["May"])
        #expect(tree.elements(class: "x-year-label").map(\.text) == ["2023"])
        // Nothing at all: a chart that says so, in its language.
        let empty = PollAverageChart(text: ChartText(title: "Бос", language: "kk"), polls: []).svg()
        #expect(SVGTree(empty).parseError == nil)
        #expect(SVGTree(empty).elements(class: "no-data").map(\.text) == ["Деректер жоқ"])
        #expect(ChartDescriptionTests.description(empty) == "Сауалнамалар орташасының графигі: деректер жоқ.")
        // A band reaching below zero is cut at zero, where the axis starts.
        let wide = PollAverageChart(text: ChartText(title: "Wide"), polls: [],
                                    averages: [.init(label: "Yes", points: [.init(one, 0.05, lower: -0.04, upper: 0.14),
                                                                            .init(ChartDate(dayNumber: one.dayNumber + 30), 0.06, lower: -0.02, upper: 0.14)])])
        let wideTree = SVGTree(wide.svg())
        #expect(wideTree.elements(class: "y-tick-label").first?.text == "0%")
        let zero = try #require(wideTree.elements(class: "gridline").first { $0.number("data-value") == 0 }).number("y1")
        let bandBottom = try #require(wideTree.elements(class: "average-band").first?.attributes["d"])
            .split(whereSeparator: { "MLZ".contains($0) }).compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.max()
        #expect(bandBottom == zero)
        // Values outside an explicit value axis are not drawn.
        var clipped = Self.sample()
        clipped.valueDomain = 0...0.2
        let clippedTree = SVGTree(clipped.svg())
        #expect(clippedTree.elements(class: "poll-dot").allSatisfy { $0.number("data-value") <= 0.2 })
        #expect(clippedTree.elements(class: "poll-dot").count < 24)
    }

    @Test func narrowChartsStayInside() {
        let svg = Self.sample(width: 380).svg()
        let tree = SVGTree(svg)
        #expect(tree.parseError == nil)
        let width = tree.root!.number("width")
        for text in tree.elements(named: "text") where text.attributes["text-anchor"] == nil {
            #expect(text.number("x") >= 0 && text.number("x") < width, "\(text.text)")
        }
        #expect(tree.elements(class: "x-tick-label").count >= 3)
    }

    @Test func datesReadAndWriteISO() {
        #expect(ChartDate("2022-02-24")?.description == "2022-02-24")
        #expect(ChartDate("1970-01-01")?.dayNumber == 0)
        #expect(ChartDate("2023-02-29") == nil && ChartDate("24.02.2022") == nil)
        #expect(ChartDate(year: 2022, month: 13, day: 1) == ChartDate("2023-01-01"))
        #expect(abs(ChartDate("2022-02-24")!.fractionalYear - (2022 + 54.0 / 365)) < 1e-12)
        #expect(ChartDate.from(fractionalYear: ChartDate("2024-12-31")!.fractionalYear) == ChartDate("2024-12-31"))
    }
}
