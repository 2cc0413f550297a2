/// Folds a typed answer in Kazakh, Russian or English to a form in which spellings that a coder
/// would read as the same word compare equal: the one text form that code-frame rules and the
/// classifier's features both see.
///
/// Interviewers type on whatever keyboard they have. The folding therefore
/// - lowercases (locale-independent; Kazakh and Russian have no special cases),
/// - writes ё as е (Russian print mostly omits the dots),
/// - writes the Kazakh letters as the Russian letters typed in their place on a Russian
///   keyboard: ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и,
/// - in a word with at least one Cyrillic letter, reads the Latin look-alikes as the Cyrillic
///   letters they imitate (A B C E H K M O P T X Y and a c e o p x y i h; Latin "H" is Cyrillic
///   "Н", Latin "h" is Kazakh "һ"), so "Pоссия" with a Latin P is "россия",
/// - keeps letters and digits, turns every other character into a word break, and joins words
///   with one space.
///
/// Folding is lossy on purpose (қазақ and казак fold alike); it is for matching, never for
/// display. Words in Latin script alone (English answers) are only lowercased.
public enum TextNormalizer {
    /// The folded text: words in order, one space between them.
    public static func fold(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The folded words of a text, in order.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        var word: [Character] = []
        func finish() {
            guard !word.isEmpty else { return }
            result.append(foldWord(word))
            word.removeAll(keepingCapacity: true)
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                finish()
            }
        }
        finish()
        return result
    }

    /// One word: look-alikes read as Cyrillic when the word has a Cyrillic letter, then
    /// lowercased and the Kazakh letters and ё folded.
    private static func foldWord(_ characters: [Character]) -> String {
        let cyrillic = characters.contains { c in c.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        var folded = ""
        folded.reserveCapacity(characters.count * 2)
        for character in characters {
            let read = cyrillic ? (latinLookAlikes[character] ?? character) : character
            for lower in read.lowercased() {
                folded.append(cyrillicFolds[lower] ?? lower)
            }
        }
        return folded
    }

    /// Latin letters that look like Cyrillic ones, as typed in a Cyrillic word.
    private static let latinLookAlikes: [Character: Character] = [
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
        "T": "Т", "X": "Х", "Y": "У", "I": "І",
        "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "h": "һ", "k": "к",
    ]

    /// Lowercase letters written as the letter that stands for them in matching.
    private static let cyrillicFolds: [Character: Character] = [
        "ё": "е", "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    ]
}
