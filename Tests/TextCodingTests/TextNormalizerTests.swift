import Testing
import TextCoding

@Suite("Folding typed answers for matching")
struct TextNormalizerTests {
    @Test("Case, ё and punctuation do not matter")
    func caseAndPunctuation() {
        #expect(TextNormalizer.fold("  Всё ХОРОШО, спасибо!  ") == "все хорошо спасибо")
        #expect(TextNormalizer.words("Ёлки-палки") == ["елки", "палки"])
    }

    @Test("Kazakh letters fold to the Russian letters typed in their place")
    func kazakhLetters() {
        #expect(TextNormalizer.fold("Қазақстанмен қарым-қатынасы") == TextNormalizer.fold("Казакстанмен карым катынасы"))
        #expect(TextNormalizer.fold("Өмір сүру деңгейі") == "омир суру денгейи")
        #expect(TextNormalizer.fold("Әскері күшті һәм ұлы") == "аскери кушти хам улы")
    }

    @Test("Latin look-alikes in a Cyrillic word read as Cyrillic; Latin words stay Latin")
    func lookAlikes() {
        // "Pоссия" with a Latin P and "Mедицина" with a Latin M; "iшкi" with Latin i for і.
        #expect(TextNormalizer.fold("Pоссия") == "россия")
        #expect(TextNormalizer.fold("Mедицина") == "медицина")
        #expect(TextNormalizer.fold("iшкi") == TextNormalizer.fold("ішкі"))
        #expect(TextNormalizer.fold("Strong ECONOMY") == "strong economy")
    }

    @Test("Digits are kept as words; an empty answer has no words")
    func digitsAndEmpty() {
        #expect(TextNormalizer.words("в 2022 году") == ["в", "2022", "году"])
        #expect(TextNormalizer.words(" -- ").isEmpty)
    }
}
