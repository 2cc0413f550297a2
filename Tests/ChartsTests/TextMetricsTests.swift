import Testing
@testable import Charts

@Suite struct TextMetricsTests {
    let metrics = TextMetrics()

    @Test func widthsFollowTheFont() {
        let plain = TextMetrics(scale: 1, boldScale: 1)
        #expect(abs(plain.width(of: "0", fontSize: 10) - 5.56) < 1e-9)  // Arial digits are 0.556 em
        #expect(plain.width(of: "iiii", fontSize: 10) < plain.width(of: "MMMM", fontSize: 10))
        #expect(plain.width(of: "Ab", fontSize: 10, bold: true) > plain.width(of: "Ab", fontSize: 10))
        #expect(abs(metrics.width(of: "abc", fontSize: 10) - 1.06 * plain.width(of: "abc", fontSize: 10)) < 1e-9)
        #expect(abs(metrics.width(of: "abc", fontSize: 10, bold: true) - 1.06 * 1.05 * TextMetrics(scale: 1, boldScale: 1).width(of: "abc", fontSize: 10, bold: true)) < 1e-9)
        // Cyrillic and the Kazakh letters have their own widths, not a default.
        for letter in "әғқңөұүһіЖЩ" { #expect(plain.width(of: String(letter), fontSize: 1000) != 600, "\(letter)") }
        #expect(plain.width(of: "ш", fontSize: 1000) > plain.width(of: "г", fontSize: 1000))
        #expect(plain.width(of: "中", fontSize: 10) == 10)
        #expect(plain.width(of: "e\u{301}", fontSize: 10) == plain.width(of: "e", fontSize: 10))
    }

    @Test func longTextWrapsIntoLinesThatFit() {
        let title = "Доля жителей Казахстана, которые относятся к России очень благоприятно или скорее благоприятно, по возрастным группам и языку интервью, весна 2017 — осень 2024"
        let lines = metrics.wrap(title, maxWidth: 300, fontSize: 18, bold: true)
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { metrics.width(of: $0, fontSize: 18, bold: true) <= 300 })
        #expect(lines.joined(separator: " ") == title)
    }

    @Test func aWordLongerThanALineIsBrokenBetweenLetters() {
        let lines = metrics.wrap("Қазақстандағыларыңыздыкілердікі", maxWidth: 60, fontSize: 12)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { metrics.width(of: $0, fontSize: 12) <= 60 })
        #expect(lines.joined() == "Қазақстандағыларыңыздыкілердікі")
    }

    @Test func tooManyLinesEndWithAnEllipsis() {
        let lines = metrics.wrap("one two three four five six seven eight nine ten", maxWidth: 50, fontSize: 12, maxLines: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { metrics.width(of: $0, fontSize: 12) <= 50 })
    }

    @Test func explicitLineBreaksAreKept() {
        #expect(metrics.wrap("first\nsecond", maxWidth: 500, fontSize: 12) == ["first", "second"])
        #expect(metrics.wrap("", maxWidth: 100, fontSize: 12) == [""])
    }

    @Test func truncationKeepsWhatFits() {
        #expect(metrics.truncate("short", maxWidth: 200, fontSize: 12) == "short")
        let cut = metrics.truncate("Russia invades Ukraine, 24 February 2022", maxWidth: 100, fontSize: 12)
        #expect(cut.hasSuffix("…") && metrics.width(of: cut, fontSize: 12) <= 100)
    }

    @Test func numbersAreLocaleIndependent() {
        #expect(NumberText.fixed(39.4, decimals: 0) == "39")
        #expect(NumberText.fixed(0.385 * 100, decimals: 0) == "39")
        #expect(NumberText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-2.5, decimals: 1) == "−2.5")
        #expect(NumberText.fixed(.nan, decimals: 1) == "–")
        #expect(NumberText.coordinate(12.3456) == "12.35")
        #expect(NumberText.coordinate(-0.001) == "0")
        #expect(NumberText.coordinate(.infinity) == "0")
        #expect(ChartValueFormat.percentage.label(0.394, magnitude: 1) == "39%")
        #expect(ChartValueFormat.percentage.tick(0.25, step: 0.25) == "25%")
        #expect(ChartValueFormat.percentage.tick(0.125, step: 0.025) == "12.5%")
        #expect(ChartValueFormat.number().label(3.4567, magnitude: 4) == "3.5")
        #expect(ChartValueFormat.number(decimals: 2).label(648.871, magnitude: 700) == "648.87")
    }

    @Test func niceTicks() {
        #expect(LinearScale.niceStep(span: 1, target: 5) == 0.25)
        #expect(LinearScale.niceStep(span: 0.6, target: 5) == 0.1)
        #expect(LinearScale.niceStep(span: 0.8, target: 5) == 0.2)
        #expect(LinearScale.niceStep(span: 4, target: 5) == 1)
        let (domain, step) = LinearScale.niceDomain(low: 0.03, high: 0.57, includeZero: true)
        #expect(domain.lowerBound == 0 && domain.upperBound >= 0.57 && domain.upperBound <= 0.7)
        #expect(step == 0.1)
        let scale = LinearScale(domain: 0...1, range: 300, 100)
        #expect(scale(0.5) == 200)
        #expect(scale.ticks(step: 0.25) == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test func contrastOfThePalettes() {
        let white = RGBColor.white
        #expect(abs(RGBColor.black.contrast(with: white) - 21) < 1e-9)
        for hex in ChartPalette.standard.categorical {
            let c = RGBColor(hex: hex)!
            #expect(c.darkened(toContrast: 4.5, against: white).contrast(with: white) >= 4.5)
        }
        #expect(RGBColor(hex: "#2166ac")!.textColor == .white)
        #expect(RGBColor(hex: "#fdb863")!.textColor != .white)
    }
}
