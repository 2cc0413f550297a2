/// The rules that assign a code to an answer in one language: stems, regular expressions, and
/// stems that veto the code.
///
/// All rules see the answer folded by ``TextNormalizer`` (lowercase, ё as е, the Kazakh letters
/// as the Russian letters typed in their place, Latin look-alikes in Cyrillic words as Cyrillic).
/// - A **stem** is one word or a phrase of words; it is folded the same way, so a coder may
///   write "Экономик" or "мүмкін". One word matches any word of the answer that starts with it
///   ("экономик" matches "экономика" and "экономикасы"); a phrase matches consecutive words,
///   each starting with its stem ("уровен жизн" matches "уровень жизни").
/// - A **pattern** is a regular expression (Swift `Regex` syntax) searched for in the folded
///   text, words separated by one space; write it in folded letters (`казакстан\S* комек`).
/// - An **exclude** stem, when it matches, stops this language's rules from assigning the code.
public struct CodeRules: Sendable, Equatable, Codable {
    /// Stems and phrases of stems, as written.
    public var stems: [String]
    /// Regular expressions over the folded text, as written.
    public var patterns: [String]
    /// Stems and phrases that veto the code.
    public var exclude: [String]

    public init(stems: [String] = [], patterns: [String] = [], exclude: [String] = []) {
        self.stems = stems
        self.patterns = patterns
        self.exclude = exclude
    }

    /// The number of stems and patterns (exclusions are not counted).
    public var count: Int { stems.count + patterns.count }

    /// The key under which rules apply whatever the answer's language.
    public static let anyLanguage = "any"
}
