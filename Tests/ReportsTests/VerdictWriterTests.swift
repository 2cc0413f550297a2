import Reports
import SurveyCore
import Testing

@Suite("Plain-language verdicts")
struct VerdictWriterTests {
    let fell = Comparison(variable: "q", statistic: .proportion, level: "Very favourable", domain: .whole, from: "a", to: "b",
                          fromEstimate: 0.39, fromStandardError: 0.012, toEstimate: 0.24, toStandardError: 0.011, confidenceLevel: 0.95)
    let drift = Comparison(variable: "q", statistic: .proportion, level: "Very favourable", domain: .whole, from: "a", to: "b",
                           fromEstimate: 0.39, fromStandardError: 0.02, toEstimate: 0.41, toStandardError: 0.02, confidenceLevel: 0.95)

    @Test func changesInThreeLanguages() {
        #expect(VerdictWriter(language: "en").change(fell, subject: "Very favourable", from: "spring 2017", to: "autumn 2022")
            == "Very favourable fell from 39% in spring 2017 to 24% in autumn 2022, a change larger than sampling error (p < 0.001).")
        #expect(VerdictWriter(language: "en").change(drift, subject: "Very favourable", from: "A", to: "B")
            == "Very favourable rose from 39% in A to 41% in B, a change within sampling error (p = 0.48).")
        #expect(VerdictWriter(language: "ru").change(fell, subject: "Очень хорошее", from: "весна 2017", to: "осень 2022")
            == "Очень хорошее: 39% (весна 2017) → 24% (осень 2022); снижение больше выборочной ошибки (p < 0,001).")
        #expect(VerdictWriter(language: "kk").change(drift, subject: "Өте жақсы", from: "A", to: "B").contains("іріктеу қателігі шегінде (p = 0,48)"))
    }

    @Test func differencesBetweenGroups() {
        let none = TestResult(name: "rao-scott-f", statistic: 0.7, df: [1, 30], pValue: 0.41)
        let strong = TestResult(name: "rao-scott-f", statistic: 12, df: [3.2, 90], pValue: 0.00002)
        let en = VerdictWriter(language: "en")
        #expect(en.difference(none, variable: "language", groups: ["Kazakh", "Russian"], wave: "autumn 2022")
            == "In autumn 2022, no significant difference between Kazakh and Russian (Rao–Scott F, p = 0.41).")
        #expect(en.difference(strong, variable: "age group", groups: ["18–29", "30–39", "40–49"], wave: "autumn 2022")
            == "In autumn 2022, answers differ by age group (Rao–Scott F, p < 0.001).")
        #expect(VerdictWriter(language: "ru").difference(none, variable: "язык", groups: ["казахский", "русский"], wave: "осень 2022")
            .contains("значимой разницы между группами «казахский» и «русский» нет"))
    }
}
