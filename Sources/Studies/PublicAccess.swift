/// What a study lets the public explorer and API use (study.yaml `public:`): the variables the
/// public may estimate besides the concepts' own, and the variables it may break estimates
/// down by and filter on. Everything else — identifiers, weights, design variables, free text,
/// other continuous variables — never reaches an unauthenticated client (``DisclosurePolicy``).
///
/// ```yaml
/// public:
///   breakdowns: [agegroup, sex, language, region]   # also what filters may use, unless `filters:` says otherwise
///   estimate: [russian_media]                       # besides every concept's variable
///   coded: [russia_reason]                          # coded open-ended questions (their codes, never the answers)
/// ```
public struct PublicAccess: Sendable, Equatable {
    /// Variables the public may estimate besides every concept's variable.
    public var estimate: [String]
    /// Variables the public may break estimates down by; nil: the study's labelled categorical
    /// variables with at most ``DisclosurePolicy/maximumLevels`` levels that are neither design
    /// variables nor concepts.
    public var breakdowns: [String]?
    /// Variables the public may filter on; nil: the breakdowns.
    public var filters: [String]?
    /// Coded open-ended questions whose shares of mentions the public may see: names of the
    /// multiple-response sets of their coded columns (`russia_reason` or `$russia_reason`, as
    /// `barometer code apply` writes them). The typed answers themselves are never public.
    public var coded: [String]

    public init(estimate: [String] = [], breakdowns: [String]? = nil, filters: [String]? = nil, coded: [String] = []) {
        self.estimate = estimate
        self.breakdowns = breakdowns
        self.filters = filters
        self.coded = coded
    }

    /// The multiple-response set names of ``coded``, each with its `$`.
    public var codedSets: [String] { coded.map { $0.hasPrefix("$") ? $0 : "$" + $0 } }
}
