import Testing
import TextCoding

/// A small frame in three languages with a net (`country` over `economy` and `order`), an
/// uncodable code, rules in Russian and Kazakh, a pattern and an exclusion.
let sampleFrame = CodeFrame(name: "Reasons", languages: ["kk", "ru", "en"], codes: [
    FrameCode(id: "country", labels: ["en": "The country", "ru": "Страна", "kk": "Ел"]),
    FrameCode(id: "economy", labels: ["en": "Economy", "ru": "Экономика", "kk": "Экономика"], parent: "country",
              rules: ["ru": CodeRules(stems: ["экономик", "уровень жизни"], exclude: ["не развит"]),
                      "kk": CodeRules(stems: ["экономика", "мүмкін"])]),
    FrameCode(id: "order", labels: ["en": "Order", "ru": "Порядок", "kk": "Тәртіп"], parent: "country",
              rules: ["ru": CodeRules(stems: ["поряд"]), "kk": CodeRules(stems: ["тәртіп"])]),
    FrameCode(id: "friend", labels: ["en": "Friendship", "ru": "Дружба", "kk": "Достық"],
              rules: ["ru": CodeRules(stems: ["друж"]), "kk": CodeRules(stems: ["дос"], patterns: [#"казакстан\S* (\S+ )?комек"#])]),
    FrameCode(id: "dk", labels: ["en": "Don't know", "ru": "Не знаю", "kk": "Білмеймін"], uncodable: true,
              rules: ["any": CodeRules(stems: ["не знаю", "білмей"])]),
])

@Suite("Code frames: checks, rules, nets")
struct CodeFrameTests {
    @Test("a sound frame has no problems; its ids, nets and categorizable codes")
    func soundFrame() throws {
        try sampleFrame.validate()
        #expect(sampleFrame.problems().isEmpty)
        #expect(sampleFrame.categorizableIDs == ["country", "economy", "order", "friend"])
        #expect(sampleFrame.children(of: "country").map(\.id) == ["economy", "order"])
        #expect(sampleFrame.nets(above: "economy") == ["country"])
        #expect(sampleFrame.code("order")?.label(in: "kk") == "Тәртіп")
        #expect(sampleFrame.code("economy")?.ruleCount == 4)
    }

    /// The one problem of `frame`, which must contain every fragment.
    private func onlyProblem(_ frame: CodeFrame, _ fragments: String...) {
        let problems = frame.problems()
        #expect(problems.count == 1, "\(problems)")
        for fragment in fragments {
            #expect(problems.first?.problem.contains(fragment) == true, "\(problems.first?.message ?? "none") lacks \(fragment)")
        }
        #expect(throws: CodeFrameError.self) { try frame.validate() }
    }

    @Test("each problem of a frame is one sentence that names the code and the fix")
    func problems() {
        var frame = sampleFrame
        frame.codes.append(FrameCode(id: "order", labels: ["en": "Order", "ru": "Порядок", "kk": "Тәртіп"]))
        onlyProblem(frame, "code 'order' appears more than once", "own id")

        frame = sampleFrame
        frame.codes[1].parent = "contry"
        onlyProblem(frame, "code 'economy' has the parent 'contry', which is not a code", "did you mean 'country'?")

        frame = sampleFrame
        frame.codes[0].parent = "order"
        let cycle = frame.problems()
        #expect(cycle.count == 2 && cycle.allSatisfy { $0.problem.contains("inside itself") }, "\(cycle)")
        #expect(cycle.first?.problem.contains("country → order → country") == true, "\(cycle)")

        frame = sampleFrame
        frame.codes[3].labels = ["en": " "]
        onlyProblem(frame, "code 'friend' has no label")

        frame = sampleFrame
        frame.codes[3].labels["kk"] = nil
        onlyProblem(frame, "code 'friend' has no kk label", "add `kk:`")

        frame = sampleFrame
        frame.codes[3].rules["ru"]?.patterns = ["(друж"]
        onlyProblem(frame, "the ru pattern '(друж' of code 'friend' is not a regular expression")

        frame = sampleFrame
        frame.codes[3].rules["kk"]?.patterns = ["қазақстан"]
        onlyProblem(frame, "holds 'қ'", "write the folded letter 'к'")

        frame = sampleFrame
        frame.codes[3].rules["de"] = CodeRules(stems: ["freund"])
        onlyProblem(frame, "rules for 'de', which is not a language of the frame")

        frame = sampleFrame
        frame.codes[3].rules["ru"]?.stems.append(" - ")
        onlyProblem(frame, "empty ru stem")

        #expect(CodeFrame(name: "Empty", languages: ["en"], codes: []).problems().map(\.message) == [
            "The code frame 'Empty' has no codes; add at least two codes under `codes:`.",
        ])
    }

    @Test("a stem matches any word that starts with it, whatever the ending, case, ё or Kazakh letters")
    func stemsAndEndings() throws {
        let matcher = try RuleMatcher(sampleFrame)
        #expect(matcher.codes("Сильная ЭКОНОМИКА") == ["economy"])
        #expect(matcher.codes("Экономикасы күшті", language: "kk") == ["economy"])
        // Written without the Kazakh letters, as on a Russian keyboard: the stem "мүмкін" still matches.
        #expect(matcher.codes("Жастарга мумкиндик коп", language: "kk") == ["economy"])
        // A Latin "o" and "P" inside Cyrillic words.
        #expect(matcher.codes("Пopядок в стране") == ["order"])
        // A stem matches the start of a word only, never its middle.
        #expect(matcher.codes("Макроэкономика") == [])
        #expect(matcher.codes("Ёлки, дружим!") == ["friend"])
    }

    @Test("a phrase matches consecutive words only; an exclusion vetoes its code")
    func phrasesAndExclusions() throws {
        let matcher = try RuleMatcher(sampleFrame)
        #expect(matcher.codes("Высокий уровень жизни") == ["economy"])
        #expect(matcher.codes("уровень там жизни") == [])
        #expect(matcher.codes("Экономика не развита", language: "ru") == [])
        #expect(matcher.codes("Экономика развита", language: "ru") == ["economy"])
    }

    @Test("the language picks its rules and `any`; an unknown language or none uses them all")
    func languages() throws {
        let matcher = try RuleMatcher(sampleFrame)
        #expect(matcher.codes("Дос ел", language: "kk") == ["friend"])
        #expect(matcher.codes("Дос ел", language: "ru") == [])
        #expect(matcher.codes("Дос ел", language: "ru-KZ") == [])
        #expect(matcher.codes("Дос ел") == ["friend"])
        #expect(matcher.codes("Дос ел", language: "2") == ["friend"])
        #expect(matcher.codes("Не знаю", language: "ru") == ["dk"])
        #expect(matcher.codes("Білмеймін", language: "ru") == ["dk"])
    }

    @Test("a match names the rule, its language and kind; patterns see the folded text")
    func provenance() throws {
        let matches = try sampleFrame.match("Қазақстанға әрқашан көмектеседі, дос", language: "kk")
        #expect(matches == [
            RuleMatch(code: "friend", language: "kk", kind: .stem, rule: "дос"),
            RuleMatch(code: "friend", language: "kk", kind: .pattern, rule: #"казакстан\S* (\S+ )?комек"#),
        ])
        #expect(matches[0].description == #"friend: kk stem "дос""#)
        #expect(try RuleMatcher(sampleFrame).codes("Порядок и экономика") == ["economy", "order"])
        #expect(try sampleFrame.match("  ").isEmpty)
    }

    @Test("a code implies its nets: counts of a net include each answer of its codes once")
    func nets() {
        #expect(sampleFrame.withNets(["order"]) == ["country", "order"])
        #expect(sampleFrame.withNets(["friend", "economy", "order"]) == ["country", "economy", "order", "friend"])
        let counts = sampleFrame.mentionCounts([["economy", "order"], ["economy"], ["friend"], ["dk"], []])
        #expect(counts == ["country": 2, "economy": 2, "order": 1, "friend": 1, "dk": 1])
        var deep = sampleFrame
        deep.codes.append(FrameCode(id: "wages", labels: ["en": "Wages", "ru": "Зарплаты", "kk": "Жалақы"], parent: "economy"))
        #expect(deep.nets(above: "wages") == ["economy", "country"])
        #expect(deep.mentionCounts([["wages"]])["country"] == 1)
    }
}
