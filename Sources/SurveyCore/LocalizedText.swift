/// Text in several languages, keyed by BCP 47 tag (`en`, `ru`, `kk`, ...).
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    public var texts: [String: String]

    public init(_ texts: [String: String] = [:]) { self.texts = texts }

    /// Text in one language only.
    public init(_ text: String, language: String = "en") { self.texts = [language: text] }

    public var isEmpty: Bool { texts.isEmpty }

    /// The text in `language`, else in its base language (`kk` for `kk-Cyrl`), else English,
    /// else any language in a stable (sorted) order.
    public func text(in language: String = "en") -> String? {
        if let t = texts[language] { return t }
        if let base = language.split(separator: "-").first, let t = texts[String(base)] { return t }
        if let t = texts["en"] { return t }
        return texts.keys.sorted().first.flatMap { texts[$0] }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(texts)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { texts = ["en": s] } else { texts = try c.decode([String: String].self) }
    }
}
