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

    /// A difference between two groups of one sample, not worded as a change between waves.
    @Test func differenceBetweenGroupsOfOneSample() {
        func row(_ statistic: Statistic, _ a: Double, _ b: Double, se: Double, p: Double) -> ResultRow {
            var row = ResultRow(variable: "q", statistic: .difference, domain: Domain([.init(variable: "language", value: "kk − ru")]),
                                estimate: a - b, standardError: se,
                                ci: ConfidenceInterval(lower: a - b - 2 * se, upper: a - b + 2 * se, level: 0.95, method: .wald),
                                degreesOfFreedom: 30, unweightedCount: 400, weightedCount: 400)
            row.difference = GroupDifference(of: statistic, group: Domain([.init(variable: "language", value: "kk")]),
                                             reference: Domain([.init(variable: "language", value: "ru")]),
                                             groupEstimate: a, referenceEstimate: b, pValue: p, groupRespondents: 200, referenceRespondents: 200)
            return row
        }
        let large = row(.proportion, 0.39, 0.24, se: 0.03, p: 0.00001)
        let within = row(.mean, 2.47, 2.38, se: 0.11, p: 0.41)
        #expect(VerdictWriter(language: "en").groupDifference(large, subject: "Very favourable", groups: ("Kazakh", "Russian"))
            == "Very favourable: Kazakh (39%) and Russian (24%) differ by +15.0, more than sampling error in the one sample (p < 0.001, the covariance of the two groups counted).")
        #expect(VerdictWriter(language: "en").groupDifference(within, subject: "Mean score", groups: ("Kazakh", "Russian"))
            == "Mean score: Kazakh (2.47) and Russian (2.38) differ by 0.09, within sampling error in the one sample (p = 0.41, the covariance of the two groups counted).")
        #expect(VerdictWriter(language: "ru").groupDifference(within, subject: "Среднее", groups: ("казахский", "русский"))
            == "Среднее: «казахский» (2,47) и «русский» (2,38) различаются на 0,09, в пределах выборочной ошибки в одной выборке (p = 0,41, с учётом ковариации двух групп).")
        #expect(VerdictWriter(language: "kk").groupDifference(large, subject: "Өте жақсы", groups: ("қазақ", "орыс"))
            .contains("бір іріктеменің қателігінен үлкен (p < 0,001, екі топтың ковариациясы ескерілді)"))
        // A withheld difference gets no sentence.
        #expect(VerdictWriter(language: "en").groupDifference(large.withheld(), subject: "Very favourable", groups: ("Kazakh", "Russian")) == "")
    }
}
