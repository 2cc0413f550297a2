import SurveyCore

/// A code frame: the codes that open-ended answers are coded into, with labels in the study's
/// languages, nets (a code inside a broader one), notes for coders, and rules that code an
/// answer by its words.
///
/// Invariants checked by ``validate()``: ids are unique and not empty; every parent is a code;
/// parents form no cycle; every code has a label in every language the frame declares; every
/// rule is written for a declared language (or `any`), every stem has a word, and every pattern
/// compiles. A frame read from a file or built in code should be validated before use.
public struct CodeFrame: Sendable, Equatable, Codable {
    /// The name of the frame, for listings and provenance.
    public var name: String
    /// The languages the frame is written in (BCP 47 tags); every code has a label in each.
    public var languages: [String]
    /// The codes, in the order coders see them.
    public var codes: [FrameCode]

    public init(name: String, languages: [String], codes: [FrameCode]) {
        self.name = name
        self.languages = languages
        self.codes = codes
    }

    /// The code with id `id`.
    public func code(_ id: String) -> FrameCode? {
        codes.first { $0.id == id }
    }

    /// The ids of the codes, in frame order.
    public var ids: [String] { codes.map(\.id) }

    /// The ids of the codes that enter the base of categorizable answers (not ``FrameCode/uncodable``).
    public var categorizableIDs: [String] { codes.filter { !$0.uncodable }.map(\.id) }

    /// The codes whose parent is `parent` (`nil`: the top level), in frame order.
    public func children(of parent: String?) -> [FrameCode] {
        codes.filter { $0.parent == parent }
    }

    /// The nets above `id`, nearest first. Stops at a cycle, so it is safe on unvalidated frames.
    public func nets(above id: String) -> [String] {
        var chain: [String] = []
        var current = code(id)?.parent
        while let net = current, net != id, !chain.contains(net) {
            chain.append(net)
            current = code(net)?.parent
        }
        return chain
    }

    /// The codes of one answer with the nets they imply: each code and every net above it, once
    /// each, in frame order. An answer coded `economy` under the net `domestic` counts for both.
    public func withNets(_ ids: [String]) -> [String] {
        var all = Set(ids)
        for id in ids { all.formUnion(nets(above: id)) }
        return self.ids.filter { all.contains($0) } + ids.filter { code($0) == nil }.uniqued()
    }

    /// The number of answers (or respondents) that mention each code, counting an answer once for
    /// a code however many of its codes fall under it: the counts of a net include its children's.
    /// Codes that no answer mentions count zero; ids that are not codes of the frame are counted too.
    public func mentionCounts(_ answers: [[String]]) -> [String: Int] {
        var counts = Dictionary(ids.map { ($0, 0) }, uniquingKeysWith: { first, _ in first })
        for answer in answers {
            for id in withNets(answer) { counts[id, default: 0] += 1 }
        }
        return counts
    }

    /// Every problem of the frame, one sentence each, in the order of the codes.
    public func problems() -> [CodeFrameError] {
        var found: [CodeFrameError] = []
        if codes.isEmpty {
            found.append(CodeFrameError(code: nil, "the code frame '\(name)' has no codes; add at least two codes under `codes:`"))
        }
        if languages.isEmpty {
            found.append(CodeFrameError(code: nil, "the code frame '\(name)' declares no languages; list the languages of its labels, e.g. `languages: [kk, ru, en]`"))
        }
        var seen: Set<String> = []
        for code in codes {
            if code.id.trimmingSpaces.isEmpty {
                found.append(CodeFrameError(code: nil, "a code of the frame '\(name)' has an empty id; give every code an id such as `economy`"))
                continue
            }
            if !seen.insert(code.id).inserted {
                found.append(CodeFrameError(code: code.id, "code '\(code.id)' appears more than once; give each code its own id"))
            }
        }
        for code in codes where !code.id.isEmpty {
            found.append(contentsOf: problems(of: code))
        }
        return found
    }

    /// Checks the frame.
    /// - Throws: ``CodeFrameError`` with the first of ``problems()``.
    public func validate() throws(CodeFrameError) {
        if let first = problems().first { throw first }
    }

    /// The rules of the frame that match `answer`, in frame order; `language` picks the rules
    /// written for that language and for `any` (nil: every language's rules). Compiles the rules
    /// on every call: to code many answers, make one ``RuleMatcher``.
    /// - Throws: ``CodeFrameError`` when a pattern does not compile.
    public func match(_ answer: String, language: String? = nil) throws(CodeFrameError) -> [RuleMatch] {
        try RuleMatcher(self).match(answer, language: language)
    }

    private func problems(of code: FrameCode) -> [CodeFrameError] {
        var found: [CodeFrameError] = []
        let id = code.id
        if let parent = code.parent {
            if self.code(parent) == nil {
                let near = Self.suggestion(parent, among: ids.filter { $0 != id })
                found.append(CodeFrameError(code: id, "code '\(id)' has the parent '\(parent)', which is not a code of the frame; \(near ?? "add that code or remove `parent:`")"))
            } else if parent == id || cycle(from: id) {
                let chain = ([id] + nets(above: id)).joined(separator: " → ")
                found.append(CodeFrameError(code: id, "code '\(id)' is inside itself (\(chain) → \(id)); a net cannot contain its own code, so change one of these `parent:` keys"))
            }
        }
        let labelled = code.labels.filter { !$0.value.trimmingSpaces.isEmpty }
        if labelled.isEmpty {
            found.append(CodeFrameError(code: id, "code '\(id)' has no label; give it one per language, e.g. `label: {en: Economy, ru: Экономика, kk: Экономика}`"))
        } else {
            for language in languages where labelled[language] == nil {
                found.append(CodeFrameError(code: id, "code '\(id)' has no \(language) label, though the frame is in \(languages.joined(separator: ", ")); add `\(language):` to its label"))
            }
        }
        for language in code.ruleLanguages {
            let rules = code.rules[language]!
            if language != CodeRules.anyLanguage && !languages.contains(language) {
                found.append(CodeFrameError(code: id, "code '\(id)' has rules for '\(language)', which is not a language of the frame (\(languages.joined(separator: ", "))); write them under one of these or under `any`"))
            }
            for stem in rules.stems + rules.exclude where TextNormalizer.words(stem).isEmpty {
                found.append(CodeFrameError(code: id, "code '\(id)' has an empty \(language) stem '\(stem)'; a stem needs at least one letter or digit"))
            }
            for pattern in rules.patterns {
                if let problem = Self.patternProblem(pattern) {
                    found.append(CodeFrameError(code: id, "the \(language) pattern '\(pattern)' of code '\(id)' \(problem)"))
                }
            }
        }
        return found
    }

    /// Whether following parents from `id` comes back to `id`.
    private func cycle(from id: String) -> Bool {
        var visited: Set<String> = []
        var current = code(id)?.parent
        while let net = current {
            if net == id { return true }
            if !visited.insert(net).inserted { return false }
            current = code(net)?.parent
        }
        return false
    }

    /// Why `pattern` cannot serve as a rule, as a clause ("is not a regular expression (…);
    /// correct it…"), or nil when it can: it must compile as a Swift `Regex`, and hold no letter
    /// that folded answers never contain (capital Cyrillic, ё, Kazakh letters).
    public static func patternProblem(_ pattern: String) -> String? {
        do {
            _ = try Regex(pattern)
        } catch {
            return "is not a regular expression (\(error)); correct it, or write a stem instead"
        }
        if pattern.trimmingSpaces.isEmpty { return "is empty; remove it or write an expression" }
        let unfolded = pattern.filter { c in
            guard c.isLetter, let scalar = c.unicodeScalars.first, (0x0400...0x04FF).contains(scalar.value) else { return false }
            return TextNormalizer.fold(String(c)) != String(c)
        }
        if let letter = unfolded.first {
            return "holds '\(letter)', which folded answers never contain; write the folded letter '\(TextNormalizer.fold(String(letter)))' (answers are lowercased, ё read as е and Kazakh letters as Russian ones)"
        }
        return nil
    }

    static func suggestion(_ name: String, among names: [String]) -> String? {
        NameSuggester.closest(to: name, among: names, limit: 1).first.map { "did you mean '\($0)'?" }
    }
}

extension String {
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
