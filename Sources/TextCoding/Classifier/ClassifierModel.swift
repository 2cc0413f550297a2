/// What a classifier's suggestions came from: the model, its features and parameters, and what
/// it learnt from. Every ``CodeSuggestion`` carries it.
public struct ClassifierModel: Sendable, Equatable, Codable, CustomStringConvertible {
    /// `multinomial logistic regression, L2`.
    public let name: String
    /// The features, in words.
    public let features: String
    /// λ, the L2 penalty per unit of average log-likelihood.
    public let l2: Double
    /// The shortest and longest character n-grams.
    public let ngrams: ClosedRange<Int>
    /// Whether the frame's rules were features.
    public let usesRules: Bool
    /// The name of the frame whose rules were features.
    public let frame: String?
    /// L-BFGS iterations run, and whether the fit converged before the limit.
    public let iterations: Int
    public let converged: Bool
    /// The coded answers learnt from, and how many distinct answers (with their codes) they hold.
    public let trainingSize: Int
    public let distinctAnswers: Int
    /// The codes it can suggest, in order.
    public let codes: [String]
    /// The number of features learnt.
    public let featureCount: Int

    /// One line: `logistic regression (L2 λ=0.001; char 2–5-grams, words, rules of 'frame'; 812 coded answers)`.
    public var description: String {
        let rules = usesRules ? ", rules of '\(frame ?? "")'" : ""
        return "logistic regression (L2 λ=\(l2); char \(ngrams.lowerBound)-\(ngrams.upperBound)-grams, words\(rules); \(trainingSize) coded answers)"
    }
}
