/// Focus-group transcripts coded with a survey's code frame: each turn is a segment, coded by
/// the frame's rules; counted by group and by language, with quotations. These are counts of
/// what was said in a handful of groups, not estimates of a population: no weights, no
/// intervals, and reports say so.
public struct TranscriptCoding: Sendable {
    /// The codes of one turn and the rules that matched.
    public struct CodedTurn: Sendable, Equatable {
        public var turn: TranscriptTurn
        public var codes: [String]
    }

    /// Counts of coded segments of one code.
    public struct CodeCount: Sendable, Equatable {
        public var code: String
        /// Segments with the code, per group (in the order groups first appear).
        public var byGroup: [String: Int]
        /// Segments with the code, per language.
        public var byLanguage: [String: Int]
        public var total: Int
        /// Up to `quotations` turns with the code, the first of each group first.
        public var quotations: [TranscriptTurn]
    }

    /// The frame the turns were coded with (its labels name the codes of ``counts``).
    public let frame: CodeFrame
    /// The participants' turns (the moderators' left out), coded.
    public let turns: [CodedTurn]
    /// Groups and languages in the order they first appear.
    public let groups: [String]
    public let languages: [String]
    /// One count per code of the frame, in the frame's order.
    public let counts: [CodeCount]
    /// Turns no rule coded.
    public let uncoded: Int

    /// - Parameter moderators: speakers whose turns are not segments (the moderator's questions
    ///   would otherwise be coded as if a participant had said them); compared folded.
    /// - Throws: ``CodeFrameError`` when a rule does not compile.
    public init(_ turns: [TranscriptTurn], frame: CodeFrame, quotations: Int = 2, moderators: [String] = ["moderator", "модератор"]) throws(CodeFrameError) {
        let skipped = Set(moderators.map(TextNormalizer.fold))
        let turns = turns.filter { turn in turn.speaker.map { !skipped.contains(TextNormalizer.fold($0)) } ?? true }
        var coded: [CodedTurn] = []
        for turn in turns {
            var codes: [String] = []
            for match in try frame.match(turn.text, language: turn.language) where !codes.contains(match.code) { codes.append(match.code) }
            coded.append(CodedTurn(turn: turn, codes: codes))
        }
        func ordered(_ values: [String]) -> [String] {
            var seen = Set<String>()
            return values.filter { seen.insert($0).inserted }
        }
        let groups = ordered(turns.map(\.group)), languages = ordered(turns.compactMap(\.language))
        self.frame = frame
        self.turns = coded
        self.groups = groups
        self.languages = languages
        self.uncoded = coded.filter { $0.codes.isEmpty }.count
        self.counts = frame.ids.map { id in
            let with = coded.filter { $0.codes.contains(id) }.map(\.turn)
            var byGroup: [String: Int] = [:], byLanguage: [String: Int] = [:]
            for turn in with {
                byGroup[turn.group, default: 0] += 1
                if let language = turn.language { byLanguage[language, default: 0] += 1 }
            }
            // Quotations from as many groups as possible.
            var picked: [TranscriptTurn] = []
            for group in groups where picked.count < quotations {
                if let turn = with.first(where: { $0.group == group }) { picked.append(turn) }
            }
            for turn in with where picked.count < quotations && !picked.contains(turn) { picked.append(turn) }
            return CodeCount(code: id, byGroup: byGroup, byLanguage: byLanguage, total: with.count, quotations: picked)
        }
    }
}
