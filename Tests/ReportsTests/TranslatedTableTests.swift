import Studies
import SurveyCore
import Testing
import Translations
@testable import Reports

/// Tables of a trend in Kazakh and Russian have no English word left: the reported bug was a
/// Kazakh question page of the explorer headed "Proportions of", "wave", "Estimate",
/// "Weighted N".
@Suite("Tables in the page's language")
struct TranslatedTableTests {
    /// English headers that must not appear in a Russian or Kazakh table.
    static let englishHeaders = ["Proportions of", "Estimate", "Weighted N", "wave", "Wave", "CI", "Changes between waves",
                                 "Net score", "net score", ">SE<", ">Deff<", ">from<", ">to<", ">change<"]

    /// Every `<th>` of the HTML tables.
    static func headers(_ html: String) -> [String] {
        html.components(separatedBy: "<th ").dropFirst().compactMap { cell in
            guard let start = cell.firstIndex(of: ">"), let end = cell.range(of: "</th>") else { return nil }
            return String(cell[cell.index(after: start)..<end.lowerBound])
        }
    }

    @Test func kazakhTrendTablesHaveNoEnglish() {
        let html = ResultRenderer(language: "kk").htmlTables(SampleResults.trend(language: "kk"))
        for english in Self.englishHeaders {
            #expect(!html.contains(english), "“\(english)” in the Kazakh tables")
        }
        for kazakh in ["Үлестер: Ресей туралы пікір", "Таза баға: Ресей туралы пікір (оң − теріс)", "Толқындар арасындағы өзгерістер",
                       ">Толқын<", ">Жас тобы<", ">Бағалау<", ">Ст. қате<", ">95% сенім аралығы<", ">Салмақталған N<",
                       ">бастапқы<", ">соңғы<", ">өзгеріс<", "Көктем 2017 (60.0)", ">Күз 2022<"] {
            #expect(html.contains(kazakh), "no “\(kazakh)” in the Kazakh tables")
        }
        // The Kazakh tag with a region is Kazakh too.
        #expect(ResultRenderer(language: "kk-KZ").htmlTables(SampleResults.trend(language: "kk")) == html)
        #expect(Self.headers(html).allSatisfy { CatalogLatin.words(in: $0).allSatisfy { ["n", "N", "p"].contains($0) } },
                "Latin in a Kazakh header: \(Self.headers(html))")
    }

    @Test func russianTrendTablesHaveNoEnglish() {
        let html = ResultRenderer(language: "ru-RU").htmlTables(SampleResults.trend(language: "ru"))
        for english in Self.englishHeaders {
            #expect(!html.contains(english), "“\(english)” in the Russian tables")
        }
        for russian in ["Доли: Отношение к России", "Баланс оценок: Отношение к России", "Изменения между волнами",
                        ">Волна<", ">Возрастная группа<", ">Оценка<", ">Ст. ош.<", ">95% ДИ<", ">Взвеш. N<", ">изменение<",
                        "Весна 2017 (60.0)"] {
            #expect(html.contains(russian), "no “\(russian)” in the Russian tables")
        }
    }

    @Test func englishTrendTablesNameTheWaveAndLabelTheBreakdown() {
        let html = ResultRenderer(language: "en").htmlTables(SampleResults.trend(language: "en"))
        let headers = Self.headers(html)
        #expect(headers.contains("Wave") && !headers.contains("wave"))
        #expect(headers.contains("Age group") && !headers.contains("agegroup"))
        #expect(html.contains("Proportions of Opinion of Russia") && html.contains("Changes between waves"))
        #expect(html.contains(">Spring 2017<") && html.contains("Spring 2017 (60.0)"))
    }

    @Test func kazakhTextReportIsKazakh() {
        let text = ResultRenderer(language: "kk").render(SampleResults.trend(language: "kk"), as: .table)
        #expect(text.hasPrefix("Іріктеу жоспары: салмақтар pw, стратар stype, кластерлер dnum (fpc fpc), кірістірілген; 200 респондент, PSU саны: 6, страта саны: 3, еркіндік дәрежесі: 197"))
        #expect(text.contains("2017-spring: agegroup × opinion_russia: Рао–Скотт F = 3.2, еркіндік дәрежелері 1 және 40, p = 0.08"))
        let markdown = ResultRenderer(language: "kk").render(SampleResults.crosstab, as: .markdown)
        #expect(markdown.contains("stype × sch.wide, жолдар бойынша пайыздар") && markdown.contains("> **Ескерту:**"))
    }

    @Test func everyLanguageOfTheCatalogRendersItsOwnHeaders() {
        for language in Language.allCases {
            let translate = Translator(language)
            let html = ResultRenderer(language: language.tag).htmlTables(SampleResults.trend(language: language.tag))
            for phrase in [Phrase.estimate, .standardError, .weightedCount, .wave, .changesBetweenWaves] {
                #expect(html.contains(MarkdownHTML.escape(translate(phrase))), "\(language): no \(phrase)")
            }
        }
    }
}

/// Latin words of a text, for checks that a translation left none.
enum CatalogLatin {
    static func words(in text: String) -> [String] {
        text.split(whereSeparator: { c in !(c.isASCII && c.isLetter) }).map(String.init)
    }
}
