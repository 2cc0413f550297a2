/// A rule of a code frame that matched an answer: the provenance of a rule-based code.
public struct RuleMatch: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The kind of rule.
    public enum Kind: String, Sendable, Codable {
        case stem, pattern
    }

    /// The code the rule assigns.
    public let code: String
    /// The language the rule was written for (`ru`, `kk`, `en` or `any`).
    public let language: String
    public let kind: Kind
    /// The stem, phrase or pattern as written in the frame.
    public let rule: String

    public init(code: String, language: String, kind: Kind, rule: String) {
        self.code = code
        self.language = language
        self.kind = kind
        self.rule = rule
    }

    /// `domestic: ru stem "экономик"`.
    public var description: String { "\(code): \(language) \(kind.rawValue) \"\(rule)\"" }
}
