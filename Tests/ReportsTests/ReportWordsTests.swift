import SurveyCore
import Testing
@testable import Reports

/// The words of study reports and verdicts come from the catalog in all three languages.
@Suite("Report words and verdicts in three languages")
struct ReportWordsTests {
    @Test func methodNotesCountWavesInEachLanguage() {
        #expect(ReportWords(language: "en").methodNote(waves: 1, respondents: 2400, level: 0.95)
            .hasPrefix("1 wave, n = 2,400 respondents. Weighted estimates with design-based 95% confidence intervals"))
        #expect(ReportWords(language: "ru").methodNote(waves: 16, respondents: 24153, level: 0.95)
            .hasPrefix("Волн: 16, n = 24\u{202F}153 респондентов. Взвешенные оценки с 95%-ными"))
        #expect(ReportWords(language: "kk-KZ").methodNote(waves: 16, respondents: 24153, level: 0.9)
            .hasPrefix("Толқын саны: 16, n = 24\u{202F}153 респондент. Іріктеу жоспары ескерілген 90% сенім аралықтары"))
    }

    @Test func breakdownsInEachLanguage() {
        #expect(ReportWords(language: "en").by("Age group") == "By age group")
        #expect(ReportWords(language: "en").by("Language spoken at home daily") == "Breakdown: Language spoken at home daily")
        #expect(ReportWords(language: "ru").by("Возраст") == "По признаку «Возраст»")
        #expect(ReportWords(language: "kk").by("Жас тобы") == "«Жас тобы» бойынша")
        #expect(ReportWords(language: "kk").footer.contains("арқылы жасалды"))
    }

    @Test func kazakhAndRussianVerdicts() {
        let none = TestResult(name: "rao-scott-f", statistic: 0.7, df: [1, 30], pValue: 0.41)
        let strong = TestResult(name: "rao-scott-f", statistic: 12, df: [3.2, 90], pValue: 0.00002)
        let kk = VerdictWriter(language: "kk")
        #expect(kk.difference(none, variable: "Тіл", groups: ["қазақ", "орыс"], wave: "Күз 2022")
            == "Күз 2022: «қазақ» және «орыс» топтарының арасында елеулі айырмашылық жоқ (Рао–Скотт F, p = 0,41).")
        #expect(kk.difference(strong, variable: "Жас тобы", groups: ["18–29", "30–39", "40–49"], wave: "Күз 2022")
            == "Күз 2022: жауаптар «Жас тобы» бойынша ерекшеленеді (Рао–Скотт F, p < 0,001).")
        let waves = [("A", strong), ("B", strong), ("C", none)].map { (wave: $0.0, test: $0.1) }
        #expect(kk.differences(waves, variable: "Жас тобы")
            == "Жауаптар «Жас тобы» бойынша 3 толқынның 2 толқынында ерекшеленеді (Рао–Скотт F, p < 0,05); ерекшеленбейтіндері: C (p = 0,41).")
        #expect(VerdictWriter(language: "ru-RU").differences(waves, variable: "возраст")
            == "Ответы различаются по признаку «возраст» в 2 волнах из 3 (F Рао–Скотта, p < 0,05); кроме: C (p = 0,41).")
        #expect(VerdictWriter(language: "en").differences(waves, variable: "Age group")
            == "Answers differ by age group in 2 of 3 waves (Rao–Scott F, p < 0.05); not in C (p = 0.41).")
    }

    @Test func kazakhChangeSentences() {
        let fell = Comparison(variable: "q", statistic: .proportion, level: "Өте жақсы", domain: .whole, from: "a", to: "b",
                              fromEstimate: 0.39, fromStandardError: 0.012, toEstimate: 0.24, toStandardError: 0.011, confidenceLevel: 0.95)
        #expect(VerdictWriter(language: "kk").change(fell, subject: "Өте жақсы", from: "Көктем 2017", to: "Күз 2022")
            == "Өте жақсы: Көктем 2017 — 39%, Күз 2022 — 24%; үлес төмендеді, өзгеріс іріктеу қателігінен үлкен (p < 0,001).")
        #expect(VerdictWriter.Language(tag: "kk-KZ") == .kk)
    }
}
