import Foundation
import Studies
import SurveyCore
import SurveyIO
import Testing
import TextCoding

private let exampleFramePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/code-frames/russia-reasons.yaml").standardized.path

@Suite("Code frames in YAML")
struct CodeFrameYAMLTests {
    @Test("the example frame is the demo's embedded frame, and reads to the seven PONARS categories")
    func exampleFrame() throws {
        let text = try String(contentsOfFile: exampleFramePath, encoding: .utf8)
        #expect(text == DemoCodeFrames.russiaReasons)
        let frame = try CodeFrameYAML.read(path: exampleFramePath)
        #expect(frame.name == "Reasons for a favourable opinion of Russia")
        #expect(frame.languages == ["kk", "ru", "en"])
        #expect(frame.ids == ["domestic", "relationship", "bonds", "practical", "benign", "strong", "other"])
        #expect(frame.codes.filter(\.uncodable).map(\.id) == ["other"])
        #expect(frame.code("domestic")?.labels["kk"] == "Ресейдің ішкі қасиеттері")
        #expect(frame.codes.allSatisfy { $0.rules["ru"] != nil && $0.rules["kk"] != nil && $0.description != nil && !$0.examples.isEmpty })
        #expect(frame.code("relationship")?.rules["kk"]?.patterns == [#"казакстан\S* (\S+ )?комек"#])
    }

    @Test("every key of a code is read: parent, description, examples, uncodable, rules by language")
    func keys() throws {
        let frame = try CodeFrameYAML.read(string: """
            frame: {name: Test, languages: [en, ru]}
            codes:
              - code: country
                label: {en: The country, ru: Страна}
              - code: economy
                parent: country
                label: {en: Economy, ru: Экономика}
                description: The economy.
                examples: [Strong economy]
                rules:
                  ru: {stems: [экономик], patterns: ['зарплат\\S* выше'], exclude: [не развит]}
                  any: {stems: [econom]}
              - code: dk
                uncodable: yes
                label: {en: Don't know, ru: Не знаю}
            """, name: "test.yaml")
        #expect(frame.codes[1] == FrameCode(
            id: "economy", labels: ["en": "Economy", "ru": "Экономика"], parent: "country", description: "The economy.",
            examples: ["Strong economy"], uncodable: false,
            rules: ["ru": CodeRules(stems: ["экономик"], patterns: [#"зарплат\S* выше"#], exclude: ["не развит"]), "any": CodeRules(stems: ["econom"])]))
        #expect(frame.codes[2].uncodable)
    }

    @Test("a bad frame: one sentence naming the file, the line and the fix", arguments: [
        ("frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n    label: A\n  - code: b\n    lable: B\n", "line 6: unknown key 'lable' in a code; did you mean 'label'?"),
        ("frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n    label: A\n  - code: a\n    label: B\n", "line 5: code 'a' appears more than once"),
        ("frame: {name: T, languages: [en, kk]}\ncodes:\n  - code: a\n    label: {en: A, kk: А}\n  - code: b\n    label: {en: B}\n", "line 5: code 'b' has no kk label"),
        ("frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n    label: A\n    parent: c\n", "line 3: code 'a' has the parent 'c', which is not a code"),
        ("frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n    label: A\n    parent: b\n  - code: b\n    label: B\n    parent: a\n", "line 3: code 'a' is inside itself (a → b → a)"),
        ("frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n    label: A\n    rules:\n      en:\n        patterns:\n          - ok\n          - '(bad'\n", "line 9: the en pattern '(bad' of code 'a' is not a regular expression"),
        ("frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n    label: A\n    uncodable: perhaps\n", "line 5: `uncodable: perhaps` of code 'a' is not true or false"),
        ("frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n\tlabel: A\n", "line 4"),
        ("codes:\n  - code: a\n    label: A\n", "the file has no `frame:` mapping"),
        ("frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n    label: A\n    rules:\n      english: {stems: [a]}\n", "line 6: 'english' in the rules of code 'a' is not a language"),
    ])
    func badFrames(_ yaml: String, _ expected: String) {
        do {
            _ = try CodeFrameYAML.read(string: yaml, name: "frame.yaml")
            Issue.record("read a bad frame: \(yaml)")
        } catch {
            #expect(error.message.hasPrefix("Cannot read code frame 'frame.yaml'"), "\(error.message)")
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(error.message.hasSuffix(".") || error.message.hasSuffix("?"), "\(error.message)")
        }
    }

    @Test("the demo's answers: the frame's rules code nearly all, and a classifier trained on half agrees with them")
    func demoAnswers() throws {
        let frame = try CodeFrameYAML.read(string: DemoCodeFrames.russiaReasons, name: "demo")
        let demo = try DemoStudyGenerator().generate()
        var answers: [OpenAnswer] = []
        for wave in ["2018-spring", "2023-autumn"] {
            let data = try #require(demo.dataset(wave: wave))
            guard case .numeric(let language) = try data.column("language").values else { Issue.record("language"); return }
            for variable in ["russia_reason1", "russia_reason2"] {
                guard case .text(let texts) = try data.column(variable).values else { Issue.record("\(variable) is not text"); return }
                for (row, text) in texts.enumerated() {
                    guard let text, !text.isEmpty else { continue }
                    answers.append(OpenAnswer(text, language: language[row] == 1 ? "kk" : "ru"))
                }
            }
        }
        #expect(answers.count > 500)
        let matcher = try RuleMatcher(frame)
        let ruleCodes = answers.map { matcher.codes($0.text, language: $0.language) }
        let coded = ruleCodes.filter { !$0.isEmpty }.count
        #expect(Double(coded) >= 0.9 * Double(answers.count), "\(coded) of \(answers.count)")
        // One code each: the categories do not overlap.
        let single = ruleCodes.filter { $0.count == 1 }.count
        #expect(single == coded, "\(zip(answers, ruleCodes).filter { $1.count > 1 }.prefix(5))")
        // The categories come out in the memo's order of size: domestic first.
        let counts = frame.mentionCounts(ruleCodes)
        #expect(counts["domestic"]! > counts["benign"]! && counts["benign"]! > counts["practical"]!)
        // A classifier trained on the rule codes of every other answer (without the rules as
        // features) agrees with the rules on the rest.
        let labelled = zip(answers, ruleCodes).filter { $1.count == 1 }.map { CodedAnswer($0.text, language: $0.language, code: $1[0]) }
        let training = labelled.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let held = labelled.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let classifier = try CodeClassifier.train(training)
        let suggestions = classifier.suggest(held.map(\.answer))
        let agree = zip(suggestions, held).filter { $0.code == $1.code }.count
        #expect(Double(agree) >= 0.95 * Double(held.count), "\(agree) of \(held.count)")
        // With the frame the rules are features too, and agreement is at least as high.
        let withFrame = try CodeClassifier.train(training, frame: frame).suggest(held.map(\.answer))
        #expect(zip(withFrame, held).filter { $0.code == $1.code }.count >= agree)
    }
}
