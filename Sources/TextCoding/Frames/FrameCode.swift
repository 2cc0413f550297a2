/// One code of a ``CodeFrame``: what coders assign to an answer, or a net that groups codes.
public struct FrameCode: Sendable, Equatable, Codable {
    /// The identifier coders and files use (`economy`, `dk`).
    public var id: String
    /// The label by language tag (`en`, `ru`, `kk`).
    public var labels: [String: String]
    /// The net this code belongs to: an answer with this code also counts for its parent.
    public var parent: String?
    /// What belongs under the code, for coders.
    public var description: String?
    /// Answers that belong under the code, for coders.
    public var examples: [String]
    /// Whether the code holds answers that name no reason (don't know, other, refusals):
    /// such codes are left out of the base of categorizable answers.
    public var uncodable: Bool
    /// Rules by language tag, or ``CodeRules/anyLanguage`` for rules of every language.
    public var rules: [String: CodeRules]

    public init(
        id: String, labels: [String: String], parent: String? = nil, description: String? = nil, examples: [String] = [],
        uncodable: Bool = false, rules: [String: CodeRules] = [:]
    ) {
        self.id = id
        self.labels = labels
        self.parent = parent
        self.description = description
        self.examples = examples
        self.uncodable = uncodable
        self.rules = rules
    }

    /// The label in `language`, else in English, else the first language in tag order, else the id.
    public func label(in language: String) -> String {
        if let text = labels[language] ?? labels["en"] { return text }
        return labels.keys.sorted().first.flatMap { labels[$0] } ?? id
    }

    /// The number of stems and patterns over all languages.
    public var ruleCount: Int { rules.values.reduce(0) { $0 + $1.count } }

    /// The rule languages in a fixed order: `any` last, others by tag.
    var ruleLanguages: [String] {
        rules.keys.filter { $0 != CodeRules.anyLanguage }.sorted() + (rules[CodeRules.anyLanguage] == nil ? [] : [CodeRules.anyLanguage])
    }
}
