/// One phrase of the catalog in every language it is written in.
///
/// A text may hold numbered placeholders `{1}`, `{2}`, ... that ``Translator`` fills with its
/// arguments; each language may put them in its own order, and every language has the same
/// placeholders.
public struct PhraseTexts: Sendable, Hashable {
    /// English.
    public var en: String
    /// Russian.
    public var ru: String
    /// Kazakh (Cyrillic).
    public var kk: String

    /// A phrase's English, Russian and Kazakh texts, with the same placeholders in each.
    public init(en: String, ru: String, kk: String) {
        self.en = en
        self.ru = ru
        self.kk = kk
    }

    /// The text in `language`.
    public subscript(_ language: Language) -> String {
        switch language {
        case .en: en
        case .ru: ru
        case .kk: kk
        }
    }
}
