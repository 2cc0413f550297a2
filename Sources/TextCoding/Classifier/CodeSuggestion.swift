/// The classifier's code for one answer, with its probability and provenance.
public struct CodeSuggestion: Sendable, Equatable, Codable {
    /// A code and its probability.
    public struct Ranked: Sendable, Equatable, Codable {
        public let code: String
        public let probability: Double
    }

    /// The most probable code, or nil when the answer has no words (nothing to code).
    public let code: String?
    /// Its probability under the model.
    public let probability: Double?
    /// Every code by probability, highest first (ties in the model's code order).
    public let ranking: [Ranked]
    /// The frame rules that matched the answer (they entered the model as features).
    public let rules: [RuleMatch]
    /// The model that made the suggestion.
    public let model: ClassifierModel

    /// Whether the suggestion is sure enough to code the answer without a person:
    /// its probability is at least `threshold`.
    public func isAutomatic(at threshold: Double) -> Bool {
        guard let probability else { return false }
        return probability >= threshold
    }
}
