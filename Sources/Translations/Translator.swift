/// Looks phrases of the catalog (``Phrase``) up in one language and fills their placeholders.
///
/// ```swift
/// let t = Translator(tag: "kk-KZ")
/// t(.estimate)                       // "Бағалау"
/// t(.proportionsOf, "Opinion")       // "Үлестер: Opinion"
/// t.counted(3, one: .waveCountOne, other: .waveCount)  // "толқын саны: 3"
/// ```
public struct Translator: Sendable, Hashable {
    /// The language every phrase is looked up in.
    public let language: Language

    /// A translator into `language`.
    public init(_ language: Language) {
        self.language = language
    }

    /// A translator into the language of a BCP 47 tag (`kk`, `kk-KZ`, `ru-RU`, ...; English
    /// for a tag the catalog does not have).
    public init(tag: String) {
        self.language = Language(tag: tag)
    }

    /// The phrase in the translator's language, its placeholders `{1}`, `{2}`, ... replaced by
    /// `arguments` in order (a placeholder without an argument is left as it is).
    public func callAsFunction(_ phrase: Phrase, _ arguments: String...) -> String {
        Self.fill(phrase.texts[language], arguments)
    }

    /// The phrase in the translator's language with arguments given as an array.
    public func text(_ phrase: Phrase, arguments: [String]) -> String {
        Self.fill(phrase.texts[language], arguments)
    }

    /// A count with its noun: `one` when `count` is 1, else `other`, with `{1}` replaced by
    /// `shown` (the count as formatted for people) or else by the count's digits.
    ///
    /// Only English changes the noun with the number; the Russian and Kazakh texts of `one`
    /// and `other` are the same and avoid agreement ("респондентов: 1", "1 респондент").
    public func counted(_ count: Int, one: Phrase, other: Phrase, shown: String? = nil) -> String {
        Self.fill((count == 1 ? one : other).texts[language], [shown ?? String(count)])
    }

    /// `template` with every `{n}` (n from 1) replaced by `arguments[n - 1]`, in one pass, so
    /// that braces inside an argument are never read as placeholders.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               let number = Int(rest[afterOpen..<close]), number >= 1, number <= arguments.count {
                out += arguments[number - 1]
                rest = rest[rest.index(after: close)...]
            } else {
                out.append("{")
                rest = rest[afterOpen...]
            }
        }
        return out + rest
    }

    /// The placeholder numbers of `template` ({1} and {3} in "{1} of {3}").
    static func placeholders(in template: String) -> [Int] {
        var numbers: [Int] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let number = Int(rest[afterOpen..<close]) {
                numbers.append(number)
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[afterOpen...]
            }
        }
        return numbers
    }
}
