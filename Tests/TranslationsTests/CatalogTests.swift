import Testing
@testable import Translations

/// The catalog is complete: every phrase is written in English, Russian and Kazakh, no Russian
/// or Kazakh text is left in English, and every language has the same placeholders.
@Suite("Translation catalog")
struct CatalogTests {
    /// Phrases that are the same in every language: symbols, not words.
    static let sameInEveryLanguage: Set<Phrase> = [
        .unweightedCount,  // "n", the number of respondents
        .pValue,  // "p"
        .columnTValue,  // "t", a regression coefficient's t statistic
        .api,  // "API", a name
    ]

    /// Latin tokens a Kazakh text may hold: statistical symbols and names that are not
    /// translated ("n = 2 400", "Рао–Скотт F", "PSU саны", "R тіліндегі survey пакеті", the file
    /// format in "Кесте (XLSX)").
    static let latinInKazakh: Set<String> = ["n", "N", "p", "t", "F", "PSU", "fpc", "R", "survey", "Barometer", "API", "XLSX"]

    @Test("every phrase has an English, a Russian and a Kazakh text", arguments: Phrase.allCases)
    func everyLanguageIsWritten(_ phrase: Phrase) {
        for language in Language.allCases {
            let text = phrase.texts[language]
            #expect(text.contains { !$0.isWhitespace }, "\(phrase) has no \(language) text")
        }
    }

    @Test("Russian and Kazakh texts are translations, not the English one", arguments: Phrase.allCases)
    func russianAndKazakhAreNotEnglish(_ phrase: Phrase) {
        guard !Self.sameInEveryLanguage.contains(phrase) else { return }
        let texts = phrase.texts
        #expect(texts.ru != texts.en, "\(phrase): the Russian text is the English one: \(texts.en)")
        #expect(texts.kk != texts.en, "\(phrase): the Kazakh text is the English one: \(texts.en)")
    }

    @Test("Kazakh has no Latin words but shared symbols", arguments: Phrase.allCases)
    func kazakhIsCyrillic(_ phrase: Phrase) {
        let words = Self.latinWords(in: phrase.texts.kk)
        let foreign = words.filter { !Self.latinInKazakh.contains($0) }
        #expect(foreign.isEmpty, "\(phrase): Latin in Kazakh: \(foreign) in “\(phrase.texts.kk)”")
    }

    @Test("Russian has no English words but shared symbols", arguments: Phrase.allCases)
    func russianIsCyrillic(_ phrase: Phrase) {
        let foreign = Self.latinWords(in: phrase.texts.ru).filter { !Self.latinInKazakh.contains($0) }
        #expect(foreign.isEmpty, "\(phrase): Latin in Russian: \(foreign) in “\(phrase.texts.ru)”")
    }

    @Test("every language has the placeholders of the English text", arguments: Phrase.allCases)
    func placeholdersAgree(_ phrase: Phrase) {
        let english = Translator.placeholders(in: phrase.texts.en)
        #expect(Set(english).count == english.count, "\(phrase): a placeholder twice in English")
        for language in [Language.ru, .kk] {
            let other = Translator.placeholders(in: phrase.texts[language])
            #expect(other.sorted() == english.sorted(), "\(phrase): \(language) has placeholders \(other), English \(english)")
        }
    }

    @Test func placeholdersAreNumberedFromOneWithoutGaps() {
        for phrase in Phrase.allCases {
            let numbers = Translator.placeholders(in: phrase.texts.en).sorted()
            #expect(numbers == (0..<numbers.count).map { $0 + 1 }, "\(phrase): \(numbers)")
        }
    }

    @Test func languageTagsFallToTheirBase() {
        #expect(Language(tag: "kk") == .kk)
        #expect(Language(tag: "kk-KZ") == .kk)
        #expect(Language(tag: "KK_kz") == .kk)
        #expect(Language(tag: "ru-RU") == .ru)
        #expect(Language(tag: "ru-Cyrl-KZ") == .ru)
        #expect(Language(tag: "en-GB") == .en)
        #expect(Language(tag: "de") == .en)
        #expect(Language(tag: "kaz") == .en)
        #expect(Language(tag: "") == .en)
        #expect(Translator(tag: "kk-KZ")(.estimate) == "Бағалау")
    }

    @Test func argumentsFillPlaceholdersInTheLanguagesOrder() {
        #expect(Translator(.en)(.proportionsOf, "Opinion of Russia") == "Proportions of Opinion of Russia")
        #expect(Translator(.kk)(.proportionsOf, "Ресей туралы пікір") == "Үлестер: Ресей туралы пікір")
        #expect(Translator(.ru)(.questionsFound, "3", "доверие") == "Найдено вопросов по запросу «доверие»: 3.")
        // Braces inside an argument are not placeholders.
        #expect(Translator(.en)(.meanOf, "{2}") == "Mean of {2}")
        #expect(Translator.fill("{1} and {3}", ["a"]) == "a and {3}")
    }

    @Test func countsAgreeInEnglish() {
        let en = Translator(.en), ru = Translator(.ru), kk = Translator(.kk)
        #expect(en.counted(1, one: .waveCountOne, other: .waveCount) == "1 wave")
        #expect(en.counted(16, one: .waveCountOne, other: .waveCount) == "16 waves")
        #expect(ru.counted(1, one: .waveCountOne, other: .waveCount) == "волн: 1")
        #expect(kk.counted(16, one: .respondentCountOne, other: .respondentCount, shown: "2 400") == "2 400 респондент")
    }

    /// Runs of Latin letters in `text`, placeholders left out.
    static func latinWords(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inPlaceholder = false
        for scalar in text.unicodeScalars {
            if scalar == "{" { inPlaceholder = true }
            if inPlaceholder {
                if scalar == "}" { inPlaceholder = false }
                continue
            }
            if (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
