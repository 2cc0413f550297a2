/// Codes open-ended answers without a person: the code frame's rules first; the answers the
/// rules give exactly one code then train the classifier (``CodeClassifier``), which codes the
/// answers the rules leave uncoded when its most probable code is at least `threshold` likely
/// (Schonlau & Couper 2016: automatic coding of the easy answers, people for the rest). An
/// answer neither codes stays uncoded, for coders.
public struct AnswerCoder: Sendable {
    /// The codes of one answer and what gave them.
    public struct Coded: Sendable, Equatable {
        public var codes: [String]
        /// `.rules` or `.classifier`.
        public var source: CodeRecord.Source
        /// The classifier's probability of its code (nil for rules).
        public var probability: Double?
        /// The rules that matched, as "code: language stem \"…\"".
        public var rules: [String]
    }

    public let frame: CodeFrame
    /// The least probability at which the classifier's code is taken.
    public let threshold: Double

    public init(frame: CodeFrame, threshold: Double = 0.8) {
        self.frame = frame
        self.threshold = threshold
    }

    /// The codes of each answer (nil: not answered, or left for coders), in order.
    /// - Throws: ``CodeFrameError`` when a rule does not compile.
    public func code(_ answers: [OpenAnswer?]) throws(CodeFrameError) -> [Coded?] {
        var coded = [Coded?](repeating: nil, count: answers.count)
        var training: [CodedAnswer] = []
        for (i, answer) in answers.enumerated() {
            guard let answer else { continue }
            let matches = try frame.match(answer.text, language: answer.language)
            var codes: [String] = []
            for m in matches where !codes.contains(m.code) { codes.append(m.code) }
            // Frame order, so that the same answer always lists its codes alike.
            codes.sort { frame.ids.firstIndex(of: $0)! < frame.ids.firstIndex(of: $1)! }
            guard !codes.isEmpty else { continue }
            coded[i] = Coded(codes: codes, source: .rules, probability: nil, rules: matches.map(\.description))
            if codes.count == 1 { training.append(CodedAnswer(answer.text, language: answer.language, code: codes[0])) }
        }
        let left = answers.indices.filter { answers[$0] != nil && coded[$0] == nil }
        guard !left.isEmpty, let classifier = try? CodeClassifier.train(training, frame: frame) else { return coded }
        for i in left {
            let suggestion = classifier.suggest(answers[i]!)
            if let code = suggestion.code, suggestion.isAutomatic(at: threshold) {
                coded[i] = Coded(codes: [code], source: .classifier, probability: suggestion.probability, rules: [])
            }
        }
        return coded
    }
}
