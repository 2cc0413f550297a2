import SurveyCore

/// The variables of a study an unauthenticated client may use, resolved against its data:
/// what ``DisclosurePolicy`` lets through. Made by ``DisclosurePolicy/variables(of:datasets:)``.
public struct PublicVariables: Sendable, Equatable {
    /// Categorical questions whose shares may be published: the concepts' variables and the
    /// declared categorical estimates.
    public let questions: Set<String>
    /// Declared continuous variables whose means and totals (never their distribution) may be
    /// published.
    public let numeric: Set<String>
    /// Categorical variables estimates may be broken down by, in the study's order. Their own
    /// shares may be published too, as a group variable of the request (its cells checked).
    public let breakdowns: [String]
    /// Categorical variables a filter may read.
    public let filters: Set<String>

    public init(questions: Set<String>, numeric: Set<String>, breakdowns: [String], filters: Set<String>) {
        self.questions = questions
        self.numeric = numeric
        self.breakdowns = breakdowns
        self.filters = filters
    }

    /// Every variable a client may name.
    public var all: Set<String> { questions.union(numeric).union(breakdowns).union(filters) }
}
