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
    /// Coded open-ended questions whose shares of mentions may be published: each declared
    /// multiple-response set (`$russia_reason`) with its coded columns in any wave, in the
    /// study's order. Never the typed answers, and never a group variable.
    public let coded: [(set: String, columns: [String])]

    public init(questions: Set<String>, numeric: Set<String>, breakdowns: [String], filters: Set<String>, coded: [(set: String, columns: [String])] = []) {
        self.questions = questions
        self.numeric = numeric
        self.breakdowns = breakdowns
        self.filters = filters
        self.coded = coded
    }

    /// The coded columns the public may count mentions of.
    public var codedColumns: Set<String> { Set(coded.flatMap(\.columns)) }

    /// Every variable a client may name.
    public var all: Set<String> { questions.union(numeric).union(breakdowns).union(filters).union(codedColumns) }

    public static func == (a: PublicVariables, b: PublicVariables) -> Bool {
        a.questions == b.questions && a.numeric == b.numeric && a.breakdowns == b.breakdowns && a.filters == b.filters
            && a.coded.map(\.set) == b.coded.map(\.set) && a.coded.map(\.columns) == b.coded.map(\.columns)
    }
}
