/// Suggests a code for an open-ended answer, with a probability, after learning from answers
/// that people coded: semi-automatic coding in the sense of Schonlau & Couper (2016,
/// "Semi-automated categorization of open-ended questions", Survey Research Methods 10(2)),
/// where answers the model is sure of are coded automatically and the rest go to coders.
///
/// The model is a multinomial logistic regression with an L2 penalty (``SoftmaxRegression``)
/// over character 2–5-grams and words of the folded text (``TextNormalizer``), so "экономика",
/// "экономикасы" and "Экономикa" typed with a Latin a share most features; when a frame is
/// given, each code whose rules match the answer is one more feature, so the frame's rules are
/// evidence the model weighs against the words. Training is deterministic: the same answers in
/// the same order give the same model and the same probabilities.
public struct CodeClassifier: Sendable {
    /// Settings of the model.
    public struct Options: Sendable, Equatable, Codable {
        /// λ, the L2 penalty per unit of average log-likelihood.
        public var l2: Double
        /// The shortest and longest character n-grams.
        public var ngrams: ClosedRange<Int>
        /// The most L-BFGS iterations.
        public var maximumIterations: Int

        public init(l2: Double = 1e-3, ngrams: ClosedRange<Int> = 2...5, maximumIterations: Int = 300) {
            self.l2 = l2
            self.ngrams = ngrams
            self.maximumIterations = maximumIterations
        }
    }

    /// The model's description, carried by every suggestion.
    public let model: ClassifierModel
    private let frame: CodeFrame?
    private let vocabulary: [String: Int]
    private let regression: SoftmaxRegression
    private let features: AnswerFeatures

    /// Learns from coded answers. Answers without words are left out.
    /// - Parameters:
    ///   - answers: answers with the code a person gave each.
    ///   - frame: a validated code frame: its rules become features, and every code must be one of its codes.
    /// - Throws: ``CodeClassifierError``: no coded answer with words, a single code, a code not in
    ///   the frame, or a frame whose rules do not compile.
    public static func train(_ answers: [CodedAnswer], frame: CodeFrame? = nil, options: Options = Options()) throws(CodeClassifierError) -> CodeClassifier {
        let (usable, codes) = try checked(answers, frame: frame)
        return try fit(usable, codes: codes, frame: frame, options: options)
    }

    /// The answers with words and their codes, after the checks of ``train(_:frame:options:)``.
    static func checked(_ answers: [CodedAnswer], frame: CodeFrame?) throws(CodeClassifierError) -> (answers: [CodedAnswer], codes: [String]) {
        let usable = answers.filter { !TextNormalizer.words($0.answer.text).isEmpty }
        guard !usable.isEmpty else { throw CodeClassifierError(.emptyTrainingSet) }
        if let frame {
            if let unknown = usable.first(where: { frame.code($0.code) == nil }) {
                throw CodeClassifierError(.unknownCode(unknown.code, answer: unknown.answer.text))
            }
            do throws(CodeFrameError) { try frame.validate() } catch { throw CodeClassifierError(.frame(error)) }
        }
        let codes = Self.codes(of: usable, frame: frame)
        guard codes.count >= 2 else { throw CodeClassifierError(.singleCode(codes[0])) }
        return (usable, codes)
    }

    /// Suggests a code for each answer, in order.
    public func suggest(_ answers: [OpenAnswer]) -> [CodeSuggestion] {
        let matcher = frame.flatMap { try? RuleMatcher($0) }
        return answers.map { answer in
            let words = TextNormalizer.words(answer.text)
            let rules = matcher?.match(answer.text, language: answer.language) ?? []
            guard !words.isEmpty else {
                return CodeSuggestion(code: nil, probability: nil, ranking: [], rules: rules, model: model)
            }
            let x = features.vector(words: words, ruleCodes: rules.map(\.code).uniqued(), vocabulary: vocabulary)
            let p = regression.probabilities(x)
            let ranking = zip(model.codes, p).map { CodeSuggestion.Ranked(code: $0, probability: $1) }
                .enumerated().sorted { a, b in a.element.probability != b.element.probability ? a.element.probability > b.element.probability : a.offset < b.offset }
                .map(\.element)
            return CodeSuggestion(code: ranking[0].code, probability: ranking[0].probability, ranking: ranking, rules: rules, model: model)
        }
    }

    /// Suggests a code for one answer.
    public func suggest(_ answer: OpenAnswer) -> CodeSuggestion {
        suggest([answer])[0]
    }

    /// The codes of the answers: in frame order with a frame, else sorted.
    static func codes(of answers: [CodedAnswer], frame: CodeFrame?) -> [String] {
        let present = Set(answers.map(\.code))
        if let frame { return frame.ids.filter { present.contains($0) } }
        return present.sorted()
    }

    /// Fits the model to answers that have words; `codes` are the classes (one is allowed, for a
    /// fold of a held-out check that happens to hold a single code).
    static func fit(_ answers: [CodedAnswer], codes: [String], frame: CodeFrame?, options: Options) throws(CodeClassifierError) -> CodeClassifier {
        let matcher: RuleMatcher?
        do throws(CodeFrameError) { matcher = try frame.map { f throws(CodeFrameError) in try RuleMatcher(f) } } catch { throw CodeClassifierError(.frame(error)) }
        let extractor = AnswerFeatures(minimumN: options.ngrams.lowerBound, maximumN: options.ngrams.upperBound)
        let classOf = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        // Identical answers (folded words, matching rules, code) are one row with a weight.
        var rowOf: [String: Int] = [:]
        var distinct: [(words: [String], rules: [String], label: Int)] = []
        var weights: [Double] = []
        for answer in answers {
            let words = TextNormalizer.words(answer.answer.text)
            let rules = matcher?.codes(answer.answer.text, language: answer.answer.language) ?? []
            let label = classOf[answer.code]!
            let key = words.joined(separator: " ") + "\u{1}" + rules.joined(separator: " ") + "\u{1}" + String(label)
            if let row = rowOf[key] {
                weights[row] += 1
            } else {
                rowOf[key] = distinct.count
                distinct.append((words: words, rules: rules, label: label))
                weights.append(1)
            }
        }
        var vocabulary: [String: Int] = [:]
        for row in distinct {
            for name in extractor.textFeatures(row.words) + row.rules.map({ "r:" + $0 }) where vocabulary[name] == nil {
                vocabulary[name] = vocabulary.count
            }
        }
        let rows = distinct.map { extractor.vector(words: $0.words, ruleCodes: $0.rules, vocabulary: vocabulary) }
        let regression = SoftmaxRegression.fit(
            rows: rows, labels: distinct.map(\.label), weights: weights, classes: codes.count, features: vocabulary.count,
            l2: options.l2, maximumIterations: options.maximumIterations)
        let model = ClassifierModel(
            name: "multinomial logistic regression, L2", features: "character \(options.ngrams.lowerBound)–\(options.ngrams.upperBound)-grams and words of the folded text" + (frame == nil ? "" : ", one per code whose frame rules match"),
            l2: options.l2, ngrams: options.ngrams, usesRules: frame != nil, frame: frame?.name,
            iterations: regression.iterations, converged: regression.converged, trainingSize: answers.count,
            distinctAnswers: distinct.count, codes: codes, featureCount: vocabulary.count)
        return CodeClassifier(model: model, frame: frame, vocabulary: vocabulary, regression: regression, features: extractor)
    }
}
