import SurveyCore
import Testing
import TextCoding

/// Probabilities are compared to within 1e-9: they are sums of a few thousand terms, so
/// rounding stays far below that.
private func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Answers of three codes in Russian and Kazakh, made of words of the code in several endings and
/// words that say nothing about the code, drawn from a seeded generator. With `typos`, Kazakh
/// letters are typed as Russian ones and some Cyrillic "о" and "а" as Latin look-alikes.
enum SyntheticAnswers {
    static let words: [String: (ru: [[String]], kk: [[String]])] = [
        "economy": (ru: [["экономика", "экономики", "экономикой"], ["развитая", "развитие", "развитой"], ["зарплаты", "зарплата", "зарплатой"]],
                    kk: [["экономика", "экономикасы", "экономикасын"], ["дамыған", "дамуы", "дамыған"], ["жалақы", "жалақысы", "жалақыны"]]),
        "friendship": (ru: [["дружба", "дружбы", "дружественная"], ["соседи", "соседство", "соседей"], ["союзник", "союзники", "союзником"]],
                       kk: [["дос", "достық", "достығы"], ["көрші", "көршілер", "көршіміз"], ["одақтас", "одақтасымыз", "одақтастар"]]),
        "history": (ru: [["история", "истории", "историей"], ["культура", "культуры", "культурой"], ["язык", "языка", "языком"]],
                    kk: [["тарих", "тарихы", "тарихымыз"], ["мәдениет", "мәдениеті", "мәдениетіміз"], ["тіл", "тілі", "тіліміз"]]),
    ]
    static let filler = (ru: ["очень", "хорошая", "там", "у них", "всегда", "наша", "страна"], kk: ["жақсы", "өте", "бар", "біздің", "ел", "әрқашан"])
    static let codes = ["economy", "friendship", "history"]

    /// `count` answers; `endings` limits the endings used (0..<3).
    static func make(_ count: Int, seed: UInt64, endings: Range<Int> = 0..<3, typos: Bool = false) -> [CodedAnswer] {
        var rng = SplitMix64(seed: seed)
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var answers: [CodedAnswer] = []
        for _ in 0..<count {
            let code = codes[pick(codes.count)]
            let kazakh = pick(2) == 0
            let groups = kazakh ? words[code]!.kk : words[code]!.ru
            let fill = kazakh ? filler.kk : filler.ru
            var parts = [groups[pick(groups.count)][endings.lowerBound + pick(endings.count)]]
            if pick(3) == 0 { parts.append(groups[pick(groups.count)][endings.lowerBound + pick(endings.count)]) }
            for _ in 0..<pick(3) { parts.insert(fill[pick(fill.count)], at: pick(parts.count + 1)) }
            var text = parts.joined(separator: " ")
            if typos {
                text = String(text.map { c in
                    switch c {
                    case "ә": "а"
                    case "қ": "к"
                    case "ү", "ұ": "у"
                    case "і": "и"
                    case "о": pick(3) == 0 ? "o" : c
                    default: c
                    }
                })
            }
            answers.append(CodedAnswer(pick(4) == 0 ? text.uppercased() : text, language: kazakh ? "kk" : "ru", code: code))
        }
        return answers
    }

    /// The share of `answers` whose suggestion is their code.
    static func accuracy(_ classifier: CodeClassifier, _ answers: [CodedAnswer]) -> Double {
        let suggestions = classifier.suggest(answers.map(\.answer))
        return Double(zip(suggestions, answers).filter { $0.code == $1.code }.count) / Double(answers.count)
    }
}

@Suite("The classifier that suggests codes")
struct CodeClassifierTests {
    @Test("it learns Russian and Kazakh answers and codes unseen endings and typing accurately")
    func accuracy() throws {
        let training = SyntheticAnswers.make(300, seed: 1, endings: 0..<2)
        let classifier = try CodeClassifier.train(training)
        #expect(classifier.model.codes == ["economy", "friendship", "history"])
        #expect(classifier.model.trainingSize == 300 && classifier.model.distinctAnswers < 300)
        #expect(classifier.model.iterations > 0)
        // The third endings were never seen; Kazakh letters typed as Russian ones, Latin look-alikes.
        let unseen = SyntheticAnswers.make(200, seed: 2, endings: 2..<3, typos: true)
        let accuracy = SyntheticAnswers.accuracy(classifier, unseen)
        #expect(accuracy >= 0.9, "accuracy \(accuracy)")
        let sure = classifier.suggest(OpenAnswer("Экономикасы дамыған", language: "kk"))
        #expect(sure.code == "economy" && (sure.probability ?? 0) > 0.8)
        #expect(isClose(sure.ranking.map(\.probability).reduce(0, +), 1))
        #expect(sure.ranking.map(\.code).count == 3 && sure.ranking[0].probability >= sure.ranking[1].probability)
    }

    @Test("the same answers give the same model and the same probabilities, bit for bit")
    func determinism() throws {
        let training = SyntheticAnswers.make(200, seed: 3)
        let probe = SyntheticAnswers.make(50, seed: 4, typos: true).map(\.answer)
        let first = try CodeClassifier.train(training).suggest(probe)
        let second = try CodeClassifier.train(training).suggest(probe)
        #expect(first == second)
        let check = try HeldOutCheck.run(training, seed: 9)
        #expect(check == (try HeldOutCheck.run(training, seed: 9)))
    }

    @Test("an answer without words gets no code; the suggestion records the model")
    func emptyAnswer() throws {
        let classifier = try CodeClassifier.train(SyntheticAnswers.make(60, seed: 5))
        let none = classifier.suggest(OpenAnswer(" – ", language: "ru"))
        #expect(none.code == nil && none.probability == nil && none.ranking.isEmpty)
        #expect(!none.isAutomatic(at: 0.5))
        #expect(none.model.name == "multinomial logistic regression, L2" && none.model.l2 == 1e-3 && none.model.ngrams == 2...5)
        #expect(none.model.description.contains("60 coded answers"))
    }

    @Test("the frame's rules are evidence: a rule decides an answer whose words the model never saw")
    func rulesAsEvidence() throws {
        var frame = sampleFrame
        frame.codes[1].rules["ru"]?.stems.append("благосостоян")
        let training = [
            CodedAnswer("экономика", language: "ru", code: "economy"), CodedAnswer("сильная экономика", language: "ru", code: "economy"),
            CodedAnswer("порядок", language: "ru", code: "order"), CodedAnswer("порядок в стране", language: "ru", code: "order"),
            CodedAnswer("дружба", language: "ru", code: "friend"), CodedAnswer("дружим", language: "ru", code: "friend"),
        ]
        let withRules = try CodeClassifier.train(training, frame: frame)
        let suggestion = withRules.suggest(OpenAnswer("Благосостояние", language: "ru"))
        #expect(suggestion.code == "economy")
        #expect(suggestion.rules == [RuleMatch(code: "economy", language: "ru", kind: .stem, rule: "благосостоян")])
        #expect(withRules.model.usesRules && withRules.model.frame == "Reasons")
        // Codes follow the frame's order.
        #expect(withRules.model.codes == ["economy", "order", "friend"])
    }

    @Test("coded answers it cannot learn from are refused with one sentence")
    func refusals() {
        #expect(throws: CodeClassifierError(.emptyTrainingSet)) { try CodeClassifier.train([CodedAnswer("  ", code: "economy")]) }
        #expect(throws: CodeClassifierError(.singleCode("economy"))) {
            try CodeClassifier.train([CodedAnswer("экономика", code: "economy"), CodedAnswer("зарплаты", code: "economy")])
        }
        #expect(throws: CodeClassifierError(.unknownCode("wealth", answer: "богатство"))) {
            try CodeClassifier.train([CodedAnswer("экономика", code: "economy"), CodedAnswer("богатство", code: "wealth")], frame: sampleFrame)
        }
        #expect(CodeClassifierError(.singleCode("economy")).message.contains("needs at least two codes"))
    }

    @Test("held-out table: fewer answers coded at higher thresholds, and those more accurately")
    func heldOutTable() throws {
        // Noisy answers: a fifth have a code unrelated to their words, so the model cannot be sure of all.
        var answers = SyntheticAnswers.make(400, seed: 6)
        var rng = SplitMix64(seed: 7)
        for i in answers.indices where rng.next() % 5 == 0 {
            answers[i].code = SyntheticAnswers.codes[Int(rng.next() % 3)]
        }
        let check = try HeldOutCheck.run(answers, folds: 5, seed: 11)
        #expect(check.folds == 5 && check.answers == 400 && check.seed == 11)
        #expect(check.rows.map(\.threshold) == HeldOutCheck.standardThresholds)
        for (lower, higher) in zip(check.rows, check.rows.dropFirst()) {
            #expect(higher.automatic <= lower.automatic)
            #expect(isClose(higher.share, Double(higher.automatic) / 400))
        }
        #expect(check.rows[0].automatic > check.rows.last!.automatic, "\(check.rows)")
        let top = try #require(check.rows.last { $0.accuracy != nil }?.accuracy)
        #expect(top > check.accuracy, "\(check.rows) vs \(check.accuracy)")
        #expect(check.accuracy > 0.7 && check.accuracy < 0.95)
        // Another seed deals other folds: the same size, not the same outcomes in general.
        #expect(try HeldOutCheck.run(answers, folds: 5, seed: 12).answers == 400)
        // Fewer answers than folds: as many folds as answers.
        let tiny = try HeldOutCheck.run(Array(SyntheticAnswers.make(40, seed: 8).prefix(3)) + [CodedAnswer("история", code: "history"), CodedAnswer("дружба", code: "friendship")])
        #expect(tiny.folds == 5 && tiny.answers == 5)
    }
}
