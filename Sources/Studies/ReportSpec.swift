import SurveyCore

/// What a study report contains (`report.yaml`): a title, the study, and sections of text
/// (Markdown, in several languages), each with analyses drawn as charts and tables.
///
/// ```yaml
/// title: {en: What Kazakhstanis think of Russia, ru: Что казахстанцы думают о России}
/// study: study                      # the study folder, relative to report.yaml
/// intro: {en: "Sixteen waves of ..."}
/// sections:
///   - title: {en: Opinion of Russia}
///     text: {en: "The share of ..."}
///     analyses:
///       - {concept: opinion_russia, chart: diverging}
///       - {concept: opinion_russia, chart: trend, collapse: ["favourable=very_favourable+somewhat_favourable"]}
///       - {concept: opinion_russia, chart: bars, by: agegroup, waves: [2022-autumn]}
///       - {concept: military_base, chart: bars, compare: ["2021-spring:2022-autumn"]}
///       - {chart: polls, question: war_side, answer: Russia, concept: war_side, levels: [russia]}
///   - title: {en: In their own words}
///     focus-groups: {transcripts: [groups.csv], frame: code-frames/russia-reasons.yaml}
/// polls: polls.csv                  # published polls (CSV or YAML), relative to report.yaml
/// ```
public struct ReportSpec: Sendable, Equatable {
    public var title: LocalizedText
    public var subtitle: LocalizedText
    /// The study folder, relative to the report file.
    public var study: String
    public var intro: LocalizedText
    public var sections: [ReportSection]
    /// The file of published polls that `chart: polls` analyses average with the study's own
    /// waves, relative to the report file.
    public var polls: String?

    public init(title: LocalizedText, subtitle: LocalizedText = LocalizedText(), study: String, intro: LocalizedText = LocalizedText(),
                sections: [ReportSection], polls: String? = nil) {
        self.polls = polls
        self.title = title
        self.subtitle = subtitle
        self.study = study
        self.intro = intro
        self.sections = sections
    }
}

/// A section of a report: a heading, Markdown text, analyses, and optionally focus groups
/// shown after the analyses and apart from them.
public struct ReportSection: Sendable, Equatable {
    public var title: LocalizedText
    public var text: LocalizedText
    public var analyses: [ReportAnalysis]
    /// Focus-group transcripts coded with a frame: counts, not estimates.
    public var focusGroups: ReportFocusGroups?

    public init(title: LocalizedText, text: LocalizedText = LocalizedText(), analyses: [ReportAnalysis] = [],
                focusGroups: ReportFocusGroups? = nil) {
        self.title = title
        self.text = text
        self.analyses = analyses
        self.focusGroups = focusGroups
    }
}

/// One analysis of a report section: a trend request and how to draw it.
public struct ReportAnalysis: Sendable, Equatable {
    /// How an analysis is drawn.
    public enum ChartKind: String, Sendable, CaseIterable {
        /// Diverging stacked bars of a Likert scale, one bar per wave (or per group with `by`).
        case diverging
        /// Lines per level across waves with intervals and events.
        case trend
        /// Grouped bars with interval whiskers, per group of `by` (or per wave).
        case bars
        /// One small trend panel per group of `by`.
        case smallMultiples = "small-multiples"
        /// The table only.
        case table
        /// The published polls of a question (dots sized by sample size, coloured by
        /// pollster), their average across pollsters with its band, and the study's own waves
        /// of the requested concept level entering that average as one more pollster; with the
        /// house-effect table.
        case polls
        /// A coded open-ended question in one wave (`wave:`): with `mentions:`, each code's share
        /// of all mentions and of the categorizable ones (uncodable codes left out), beside the
        /// shares a source published (`published:`); with `mentioned:` and `by:`, the share of
        /// respondents mentioning each code per group, with a test per code.
        case mentions
    }

    /// Shares a source published for the codes of a `mentions` table, in percent, in the
    /// order of the codes: of all mentions and of the categorizable ones (shorter when the
    /// uncodable codes come last), and the source.
    public struct PublishedShares: Sendable, Equatable {
        public var all: [Double]
        public var categorizable: [Double]
        public var source: LocalizedText

        public init(all: [Double], categorizable: [Double] = [], source: LocalizedText) {
            self.all = all
            self.categorizable = categorizable
            self.source = source
        }
    }

    /// The published question and answer a `polls` chart averages.
    public struct PollQuestion: Sendable, Equatable {
        public var question: String
        public var answer: String

        public init(question: String, answer: String) {
            self.question = question
            self.answer = answer
        }
    }

    public var request: AnalysisRequest
    public var chart: ChartKind
    /// A title replacing the concept's.
    public var title: LocalizedText?
    /// For `chart: polls`, the published question and answer the study's level joins.
    public var polls: PollQuestion?
    /// For `chart: mentions`, the shares a source published beside the survey's.
    public var published: PublishedShares?

    public init(request: AnalysisRequest, chart: ChartKind, title: LocalizedText? = nil, polls: PollQuestion? = nil,
                published: PublishedShares? = nil) {
        self.polls = polls
        self.published = published
        self.request = request
        self.chart = chart
        self.title = title
    }
}
