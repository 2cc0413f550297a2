/// The rules of a ``CodeFrame`` compiled once (stems folded, patterns compiled) to code many
/// answers. Not `Sendable`, because Swift's `Regex` is not: make one where the answers are.
public struct RuleMatcher {
    /// One language's rules of one code, ready to match.
    private struct Compiled {
        let code: String
        let language: String
        let stems: [(rule: String, words: [String])]
        let patterns: [(rule: String, regex: Regex<AnyRegexOutput>)]
        let exclude: [[String]]
    }

    private let compiled: [Compiled]
    /// The languages rules are written for (without `any`).
    public let languages: Set<String>

    /// Compiles the rules of `frame`.
    /// - Throws: ``CodeFrameError`` for a pattern that does not compile.
    public init(_ frame: CodeFrame) throws(CodeFrameError) {
        var compiled: [Compiled] = []
        var languages: Set<String> = []
        for code in frame.codes {
            for language in code.ruleLanguages {
                let rules = code.rules[language]!
                if language != CodeRules.anyLanguage { languages.insert(language) }
                var patterns: [(String, Regex<AnyRegexOutput>)] = []
                for pattern in rules.patterns {
                    if let problem = CodeFrame.patternProblem(pattern) {
                        throw CodeFrameError(code: code.id, "the \(language) pattern '\(pattern)' of code '\(code.id)' \(problem)")
                    }
                    do { patterns.append((pattern, try Regex(pattern))) } catch { continue }
                }
                compiled.append(Compiled(
                    code: code.id, language: language,
                    stems: rules.stems.map { ($0, TextNormalizer.words($0)) }.filter { !$0.1.isEmpty },
                    patterns: patterns,
                    exclude: rules.exclude.map(TextNormalizer.words).filter { !$0.isEmpty }))
            }
        }
        self.compiled = compiled
        self.languages = languages
    }

    /// The rules that match `answer`, in frame order (within a code: its languages by tag, then
    /// `any`; stems before patterns). `language` (a BCP 47 tag; only its first subtag counts)
    /// picks the rules written for it and for `any`; nil, or a language no rule is written for,
    /// uses every language's rules.
    public func match(_ answer: String, language: String? = nil) -> [RuleMatch] {
        let words = TextNormalizer.words(answer)
        guard !words.isEmpty else { return [] }
        let folded = words.joined(separator: " ")
        let primary = language.map(Self.primaryTag).flatMap { languages.contains($0) ? $0 : nil }
        var matches: [RuleMatch] = []
        for rules in compiled {
            if let primary, rules.language != primary && rules.language != CodeRules.anyLanguage { continue }
            if rules.exclude.contains(where: { Self.phrase($0, occursIn: words) }) { continue }
            for stem in rules.stems where Self.phrase(stem.words, occursIn: words) {
                matches.append(RuleMatch(code: rules.code, language: rules.language, kind: .stem, rule: stem.rule))
            }
            for pattern in rules.patterns where folded.contains(pattern.regex) {
                matches.append(RuleMatch(code: rules.code, language: rules.language, kind: .pattern, rule: pattern.rule))
            }
        }
        return matches
    }

    /// The codes whose rules match `answer`, each once, in frame order.
    public func codes(_ answer: String, language: String? = nil) -> [String] {
        match(answer, language: language).map(\.code).uniqued()
    }

    /// `ru` for `ru-KZ`, lowercased.
    static func primaryTag(_ tag: String) -> String {
        String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    /// Whether consecutive words of `words` start with the stems of `phrase`, one each.
    static func phrase(_ phrase: [String], occursIn words: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) {
            var all = true
            for (offset, stem) in phrase.enumerated() where !words[start + offset].hasPrefix(stem) {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }
}
