import Charts
import Foundation
import Testing

/// The accessible description (`<desc>`) of every chart is in the chart's language.
@Suite("Chart descriptions in the reader's language")
struct ChartDescriptionTests {
    /// The `<desc>` element's text.
    static func description(_ svg: String) -> String {
        guard let start = svg.range(of: "<desc"), let open = svg[start.upperBound...].range(of: ">"),
              let end = svg[open.upperBound...].range(of: "</desc>") else { return "" }
        return String(svg[open.upperBound..<end.lowerBound])
    }

    static func latinWords(_ text: String) -> [String] {
        text.split { !$0.isLetter }.map(String.init).filter { $0.unicodeScalars.allSatisfy { $0.isASCII } }
    }

    @Test("Kazakh and Russian charts describe themselves without English words", arguments: ["kk", "ru"])
    func translated(_ language: String) {
        var trend = SampleCharts.trend
        trend.text.language = language
        trend.events = []
        var grouped = SampleCharts.groupedKazakh
        grouped.text.language = language
        var diverging = SampleCharts.divergingRussian
        diverging.text.language = language
        var small = SampleCharts.smallBars
        small.text.language = language
        for svg in [trend.svg(), grouped.svg(), diverging.svg(), small.svg()] {
            let text = Self.description(svg)
            #expect(!text.isEmpty)
            // Labels of the sample data are English in some samples; the sentence around them is not.
            for english in ["Trend chart", "Bar chart", "Diverging", "panels", "across", "with confidence", "negative answers"] {
                #expect(!text.contains(english), "\(language): \(text)")
            }
        }
        #expect(Self.description(trend.svg()).hasPrefix("Динамика:"))
    }

    @Test("English stays as it was")
    func english() {
        #expect(Self.description(SampleCharts.trend.svg()).hasPrefix("Trend chart of "))
        #expect(Self.description(SampleCharts.grouped.svg()).hasPrefix("Bar chart of "))
    }
}
