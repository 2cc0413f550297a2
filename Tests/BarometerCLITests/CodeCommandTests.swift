import BarometerCLI
import Foundation
import SurveyCore
import SurveyIO
import Testing
import TextCoding

private let russiaReasons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/code-frames/russia-reasons.yaml").standardized.path

/// Coded answers in Russian and Kazakh for the codes of the example frame.
private let codedRows: [(answer: String, language: String, code: String)] = [
    ("Развитая страна", "ru", "domestic"), ("Сильная экономика", "ru", "domestic"), ("Хорошие зарплаты", "ru", "domestic"),
    ("Экономика развита", "ru", "domestic"), ("Дамыған ел", "kk", "domestic"), ("Экономикасы күшті", "kk", "domestic"),
    ("Жалақысы жоғары", "kk", "domestic"), ("Дружественная страна", "ru", "relationship"), ("Добрые соседи", "ru", "relationship"),
    ("Наш союзник", "ru", "relationship"), ("Дос ел", "kk", "relationship"), ("Жақсы көрші", "kk", "relationship"),
    ("Общая история", "ru", "bonds"), ("Близкая культура", "ru", "bonds"), ("Тарихымыз ортақ", "kk", "bonds"),
    ("Мәдениетіміз жақын", "kk", "bonds"), ("Сильная армия", "ru", "strong"), ("Великая держава", "ru", "strong"),
    ("Әскері күшті", "kk", "strong"), ("Ұлы держава", "kk", "strong"), ("Не знаю", "ru", "other"), ("Білмеймін", "kk", "other"),
]

private let newRows: [(id: String, answer: String, language: String)] = [
    ("r1", "Экономика сильная", "ru"), ("r2", "Дамыған мемлекет", "kk"), ("r3", "Дружба народов", "ru"),
    ("r4", "Тарихы ортақ", "kk"), ("r5", "Армия сильная", "ru"), ("r6", "", "ru"), ("r7", "Затрудняюсь", "ru"),
]

/// The values of a CSV column (a text column arrives categorical) as text.
private func texts(_ data: Dataset, _ name: String) throws -> [String?] {
    switch try data.column(name).values {
    case .categorical(let codes, let levels): codes.map { $0 < 0 ? nil : levels[Int($0)] }
    case .text(let values): values
    case .numeric(let values): values.map { $0.isNaN ? nil : String($0) }
    }
}

@Suite("barometer code")
struct CodeCommandTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("code-\(UUID())")

    private func write(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let path = scratch.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func trainingFile(_ rows: [(answer: String, language: String, code: String)] = codedRows) throws -> String {
        try write("coded.csv", "answer,language,code\n" + rows.map { "\($0.answer),\($0.language),\($0.code)\n" }.joined())
    }

    private func newFile() throws -> String {
        try write("new.csv", "id,answer,language\n" + newRows.map { "\($0.id),\($0.answer),\($0.language)\n" }.joined())
    }

    @Test("code frame: the codes with labels in the chosen language, the rules, the uncodable code")
    func frameTable() {
        let run = BarometerCLI.run(["code", "frame", russiaReasons, "--lang", "ru"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Reasons for a favourable opinion of Russia: 7 codes in kk, ru, en, "))
        #expect(run.stdout.contains("domestic      Внутренние качества России"), "\(run.stdout)")
        let other = run.stdout.split(separator: "\n").first { $0.hasPrefix("other ") }
        #expect(other?.contains("Другое, затрудняюсь ответить") == true && other?.contains(" uncodable ") == true, "\(run.stdout)")
        #expect(other?.hasSuffix(" 12  en, kk, ru") == true, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("1 uncodable code (left out of the base of categorizable answers).\n"))
    }

    @Test("code frame: nets above their codes, indented")
    func frameNets() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = try write("nets.yaml", """
            frame: {name: Nets, languages: [en]}
            codes:
              - code: country
                label: The country
              - code: economy
                parent: country
                label: Economy
                rules: {en: {stems: [econom, wage]}}
              - code: peace
                label: Peace
            """)
        let run = BarometerCLI.run(["code", "frame", path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("country    The country") }, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("  economy  Economy") && $0.hasSuffix("2  en") }, "\(run.stdout)")
    }

    @Test("code frame --format json is the frame as data")
    func frameJSON() throws {
        let run = BarometerCLI.run(["code", "frame", russiaReasons, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let frame = try JSONDecoder().decode(CodeFrame.self, from: Data(run.stdout.utf8))
        #expect(frame == (try CodeFrameYAML.read(path: russiaReasons)))
    }

    @Test("code frame: a bad frame or language is one sentence and exit 1")
    func badFrame() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = try write("bad.yaml", "frame: {name: Bad, languages: [en]}\ncodes:\n  - code: a\n    label: A\n  - code: b\n    label: B\n    parent: a\n  - code: a\n    label: C\n")
        let run = BarometerCLI.run(["code", "frame", path])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "error: Cannot read code frame '\(path)', line 8: code 'a' appears more than once; give each code its own id.\n")
        let language = BarometerCLI.run(["code", "frame", russiaReasons, "--lang", "de"])
        #expect(language.status == 1 && language.stderr.contains("--lang de is not a language of the frame"), "\(language.stderr)")
    }

    @Test("code suggest --out: a CSV of suggestions written whole, the held-out table on standard output")
    func suggestToFile() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let coded = try trainingFile(), new = try newFile()
        let out = scratch.appendingPathComponent("suggested.csv").path
        let run = BarometerCLI.run(["code", "suggest", new, "--train", coded, "--text", "answer", "--code", "code", "--id", "id",
                                    "--frame", russiaReasons, "--language-column", "language", "--threshold", "0.5", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Held-out check (5-fold cross-validation of 22 coded answers, seed 1)"), "\(run.stdout)")
        #expect(run.stdout.contains("probability  coded automatically  answers  accuracy of those"), "\(run.stdout)")
        #expect(run.stdout.contains("Coded ") && run.stdout.contains("of 6 answers automatically (probability at least 0.5)"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("Wrote 7 rows to \(out).\n"))
        let table = try CSVReader.read(path: out)
        #expect(table.variableNames == ["id", "code", "probability", "answer", "suggestion", "auto", "rules", "model"])
        let suggested = try texts(table, "suggestion"), rules = try texts(table, "rules"), models = try texts(table, "model")
        #expect(Array(suggested.prefix(5)) == ["domestic", "domestic", "relationship", "bonds", "strong"])
        #expect(suggested[5] == nil)
        #expect(rules[0] == #"domestic: ru stem "экономик""#)
        #expect(models[0]?.contains("rules of 'Reasons for a favourable opinion of Russia'; 22 coded answers") == true, "\(models[0] ?? "")")
    }

    @Test("code suggest without --out: the CSV on standard output, the table on standard error; the seed repeats")
    func suggestToStandardOutput() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let coded = try trainingFile(), new = try newFile()
        let arguments = ["code", "suggest", new, "--train", coded, "--text", "answer", "--code", "code", "--id", "id", "--seed", "7"]
        let run = BarometerCLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("id,code,probability,answer,rules,model\r\n"), "\(run.stdout)")
        #expect(run.stderr.contains("seed 7") && run.stderr.contains("give --threshold to code only the sure ones"), "\(run.stderr)")
        #expect(BarometerCLI.run(arguments) == run)
    }

    @Test("code suggest: bad input is one sentence, a non-zero exit, and nothing written")
    func suggestRefusals() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let new = try newFile()
        let out = scratch.appendingPathComponent("never.csv").path
        func run(_ coded: String, _ extra: [String] = [], text: String = "answer") -> (status: Int32, stdout: String, stderr: String) {
            BarometerCLI.run(["code", "suggest", new, "--train", coded, "--text", text, "--code", "code", "--id", "id", "--out", out] + extra)
        }
        let one = run(try trainingFile(codedRows.filter { $0.code == "domestic" }))
        #expect(one.status != 0 && one.stderr.contains("has the code 'domestic', but the classifier needs at least two codes"), "\(one.stderr)")
        let column = run(try trainingFile(), text: "answr")
        #expect(column.status != 0 && column.stderr.contains("--text answr: '") && column.stderr.contains("has no column 'answr'; did you mean 'answer'?"), "\(column.stderr)")
        let threshold = run(try trainingFile(), ["--threshold", "1.5"])
        #expect(threshold.status != 0 && threshold.stderr.contains("--threshold 1.5 is not between 0 and 1"), "\(threshold.stderr)")
        let empty = run(try write("empty.csv", "answer,language,code\n,ru,domestic\nЭкономика,ru,\n"))
        #expect(empty.status != 0 && empty.stderr.contains("has no coded answers"), "\(empty.stderr)")
        let unknown = run(try trainingFile(codedRows + [("Богатство", "ru", "wealth")]), ["--frame", russiaReasons])
        #expect(unknown.status != 0 && unknown.stderr.contains("The code 'wealth' in column 'code'"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
