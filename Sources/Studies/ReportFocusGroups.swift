import SurveyCore

/// Focus groups in a report section (`focus-groups:` under a section of `report.yaml`):
/// transcripts coded with a code frame, shown as counts of coded segments by group and by
/// language with quotations, apart from the survey's estimates (no weights, no intervals).
///
/// ```yaml
/// sections:
///   - title: {en: Why Russia?}
///     focus-groups:
///       transcripts: [groups.csv, transcripts/*.txt]   # relative to report.yaml
///       frame: code-frames/russia-reasons.yaml
///       quotations: 2                                  # per code (default 2; 0 for none)
///       moderators: [Moderator, Модератор]             # speakers whose turns are not coded
///       language: ru                                   # plain-text transcripts' language
///       languages: {taraz: kk}                         # …or per group (the file's name)
///       title: {en: Focus groups, ru: Фокус-группы, kk: Фокус-топтар}
/// ```
///
/// A transcript is a CSV (`.csv`: columns `group`, `language`, `speaker`, `turn`, one row per
/// turn) or plain text (any other extension: one turn per line, `Speaker: text`, lines starting
/// with `#` are notes). A plain-text transcript is one group, named by its file name without
/// the extension (`transcripts/taraz.txt` is the group `taraz`); its language is the one
/// `languages:` gives that group, else `language:`, else unknown (its turns are coded by the
/// frame's rules for every language and counted under no language). A CSV row without a
/// language takes its group's the same way. A transcript path may end in a wildcard name
/// (`*` any characters, `?` one), which matches the files of that folder in name order; the
/// folders themselves are written out.
public struct ReportFocusGroups: Sendable, Hashable {
    /// The transcripts, relative to the report file; the last component may hold `*` or `?`.
    public var transcripts: [String]
    /// The code frame (YAML), relative to the report file.
    public var frame: String
    /// Quotations shown per code.
    public var quotations: Int
    /// Speakers whose turns are not segments (compared folded).
    public var moderators: [String]
    /// The language of plain-text transcripts (and CSV rows) no entry of `languages` names.
    public var language: String?
    /// The language of a group, by the group's name (a plain-text transcript's file name
    /// without its extension).
    public var languages: [String: String]
    /// A heading replacing the default ("Focus groups").
    public var title: LocalizedText?
    /// The line of the report file that holds the entry, for messages (nil when built in code).
    public var line: Int?

    /// The speakers left out unless the report names others.
    public static let defaultModerators = ["Moderator", "Модератор"]

    /// Focus groups of the transcripts `transcripts` coded with `frame` (both relative to the
    /// report file); the other values as the keys of the same names.
    public init(transcripts: [String], frame: String, quotations: Int = 2, moderators: [String] = Self.defaultModerators,
                language: String? = nil, languages: [String: String] = [:], title: LocalizedText? = nil, line: Int? = nil) {
        self.transcripts = transcripts
        self.frame = frame
        self.quotations = quotations
        self.moderators = moderators
        self.language = language
        self.languages = languages
        self.title = title
        self.line = line
    }

    /// The language of the turns of `group` that carry none of their own.
    public func language(ofGroup group: String) -> String? {
        languages[group] ?? language
    }
}
