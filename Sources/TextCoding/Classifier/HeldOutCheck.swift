import SurveyCore

/// How well the classifier would code answers it has not seen, at each probability threshold:
/// the share of answers it would code automatically and the accuracy of those (Schonlau &
/// Couper 2016, "Semi-automated categorization of open-ended questions", Survey Research
/// Methods 10(2): raising the threshold codes fewer answers, more accurately).
///
/// k-fold cross-validation: the coded answers are shuffled with ``SurveyCore/SplitMix64`` from
/// the seed and dealt into `folds` folds; each fold is suggested by a model fitted to the others,
/// with the same options and frame. Accuracy is agreement with the people's codes.
public struct HeldOutCheck: Sendable, Equatable, Codable {
    /// One threshold.
    public struct Row: Sendable, Equatable, Codable {
        /// Answers with a suggestion at least this probable are coded automatically.
        public let threshold: Double
        /// How many held-out answers that is, and their share of all held-out answers.
        public let automatic: Int
        public let share: Double
        /// The share of those whose suggestion equals the people's code; nil when none.
        public let accuracy: Double?
    }

    /// The number of folds, the seed, and the answers checked (those with words).
    public let folds: Int
    public let seed: UInt64
    public let answers: Int
    /// The accuracy of every held-out suggestion, whatever its probability.
    public let accuracy: Double
    /// One row per threshold, in increasing order.
    public let rows: [Row]

    /// The thresholds of the usual table.
    public static let standardThresholds = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]

    /// Cross-validates the classifier on coded answers.
    /// - Parameters:
    ///   - folds: at most this many folds (fewer when there are fewer answers), at least 2.
    /// - Throws: ``CodeClassifierError`` as ``CodeClassifier/train(_:frame:options:)``.
    public static func run(
        _ answers: [CodedAnswer], frame: CodeFrame? = nil, options: CodeClassifier.Options = .init(), folds: Int = 5, seed: UInt64 = 1,
        thresholds: [Double] = standardThresholds
    ) throws(CodeClassifierError) -> HeldOutCheck {
        let usable = try CodeClassifier.checked(answers, frame: frame).answers
        let k = max(2, min(folds, usable.count))
        var order = Array(usable.indices)
        var generator = SplitMix64(seed: SplitMix64.derive(seed, stream: 0x00C0_DE))
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        var outcomes: [(probability: Double, correct: Bool)] = []
        for fold in 0..<k {
            let held = order.enumerated().filter { $0.offset % k == fold }.map(\.element)
            let heldSet = Set(held)
            let training = usable.indices.filter { !heldSet.contains($0) }.map { usable[$0] }
            guard !training.isEmpty else { continue }
            let model = try CodeClassifier.fit(training, codes: CodeClassifier.codes(of: training, frame: frame), frame: frame, options: options)
            let suggestions = model.suggest(held.map { usable[$0].answer })
            for (index, suggestion) in zip(held, suggestions) {
                outcomes.append((suggestion.probability ?? 0, suggestion.code == usable[index].code))
            }
        }
        let n = outcomes.count
        let rows = thresholds.sorted().map { threshold in
            let sure = outcomes.filter { $0.probability >= threshold }
            return Row(threshold: threshold, automatic: sure.count, share: Double(sure.count) / Double(n),
                       accuracy: sure.isEmpty ? nil : Double(sure.filter(\.correct).count) / Double(sure.count))
        }
        return HeldOutCheck(folds: k, seed: seed, answers: n, accuracy: Double(outcomes.filter(\.correct).count) / Double(n), rows: rows)
    }
}
