/// A language the catalog is written in: English, Russian or Kazakh (Cyrillic, as used in
/// Kazakhstan).
///
/// Built from a BCP 47 tag by its primary subtag: `kk`, `kk-KZ` and `KK_kz` are Kazakh,
/// `ru-RU` and `ru-KZ` Russian; any other tag (or an empty one) is English.
public enum Language: String, CaseIterable, Sendable, Hashable {
    case en, ru, kk

    /// The language of a BCP 47 tag (case-insensitive, `-` or `_` between subtags), English
    /// when the catalog does not have it.
    public init(tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        self = Language(rawValue: primary) ?? .en
    }

    /// The BCP 47 tag of the language (`en`, `ru`, `kk`).
    public var tag: String { rawValue }

    /// The language's name in itself, for a language switcher: "English", "Русский", "Қазақша".
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .ru: "Русский"
        case .kk: "Қазақша"
        }
    }
}
