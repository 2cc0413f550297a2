/// An answer to an open-ended question as typed, with the language of the interview when known.
public struct OpenAnswer: Sendable, Equatable, Codable {
    public var text: String
    /// A BCP 47 tag (`ru`, `kk`), or nil when unknown; picks the frame rules that apply.
    public var language: String?

    public init(_ text: String, language: String? = nil) {
        self.text = text
        self.language = language
    }
}

/// An answer with the code a person gave it: what the classifier learns from.
public struct CodedAnswer: Sendable, Equatable, Codable {
    public var answer: OpenAnswer
    public var code: String

    public init(_ text: String, language: String? = nil, code: String) {
        self.answer = OpenAnswer(text, language: language)
        self.code = code
    }
}
