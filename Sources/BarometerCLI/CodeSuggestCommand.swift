import ArgumentParser
import Foundation
import Reports
import SurveyCore
import SurveyIO
import TextCoding

/// `barometer code suggest NEW --train CODED --text COL --code COL --id COL [--frame F]
/// [--language-column COL] [--threshold P] [--out FILE] [--seed N]`: learns from coded answers,
/// suggests a code with a probability for each new answer, and prints a held-out check.
struct CodeSuggestCommand: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest a code for each open-ended answer, with its probability, from answers people coded.",
        discussion: """
            The classifier is a multinomial logistic regression with an L2 penalty over character \
            2–5-grams and words of the folded text (case, ё and Kazakh letters do not matter), and, \
            with --frame, the frame's rules. It writes a CSV with id, code, probability and answer, \
            the rules that matched and the model; with --threshold, answers whose best code is less \
            probable than P get no code (they are left for coders) and `auto` says which were coded. \
            The held-out check (5-fold cross-validation of the coded answers, shuffled by --seed) \
            gives, for each threshold, the share of answers that would be coded automatically and \
            the accuracy of those (Schonlau & Couper 2016).

            Example:
              barometer code suggest new.csv --train coded.csv --text answer \\
                --code code --id id --threshold 0.9 --out suggested.csv \\
                --frame examples/code-frames/russia-reasons.yaml
            """)

    @Argument(help: ArgumentHelp("The answers to code (CSV, SPSS or Stata).", valueName: "new"))
    var file: String

    @Option(help: ArgumentHelp("The coded answers to learn from (CSV, SPSS or Stata).", valueName: "coded"))
    var train: String

    @Option(help: ArgumentHelp("The column of the answers' text (in both files).", valueName: "column"))
    var text: String

    @Option(help: ArgumentHelp("The column of the codes in the coded file.", valueName: "column"))
    var code: String

    @Option(help: ArgumentHelp("The column that identifies an answer in the new file.", valueName: "column"))
    var id: String

    @Option(help: ArgumentHelp("A code frame (YAML): its rules are evidence, and every code must be one of its codes.", valueName: "frame"))
    var frame: String?

    @Option(help: ArgumentHelp("The column of the language of the interview (kk, ru, en, or their names; in both files), to apply that language's rules.", valueName: "column"))
    var languageColumn: String?

    @Option(help: ArgumentHelp("Code automatically only answers whose best code has at least this probability (between 0 and 1).", valueName: "p"))
    var threshold: Double?

    @Option(help: ArgumentHelp("Write the suggestions to this CSV file (written whole or not at all) instead of standard output.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("The seed of the held-out check's shuffle.", valueName: "n"))
    var seed: UInt64 = 1

    func validate() throws {
        if let threshold, !(threshold > 0 && threshold < 1) {
            throw ValidationError("--threshold \(threshold) is not between 0 and 1; give a probability such as 0.9.")
        }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let frame = try self.frame.map { path throws(ReadError) in try CodeFrameYAML.read(path: path) }
        let coded = try DatasetLoader.load(path: train)
        let new = try DatasetLoader.load(path: file)
        let trainingTexts = try Self.strings(coded, text, flag: "--text", file: train)
        let trainingCodes = try Self.strings(coded, code, flag: "--code", file: train)
        let trainingLanguages = try languageColumn.map { c throws in try Self.languages(coded, c, file: train) }
        let newTexts = try Self.strings(new, text, flag: "--text", file: file)
        let ids = try Self.strings(new, id, flag: "--id", file: file)
        let newLanguages = try languageColumn.map { c throws in try Self.languages(new, c, file: file) }

        var examples: [CodedAnswer] = []
        for row in 0..<coded.rowCount {
            guard let answer = trainingTexts[row], let code = trainingCodes[row]?.trimmingCharacters(in: .whitespaces), !code.isEmpty else { continue }
            examples.append(CodedAnswer(answer, language: trainingLanguages?[row], code: code))
        }
        let (classifier, check) = try learn(examples, frame: frame)
        let answers = (0..<new.rowCount).map { OpenAnswer(newTexts[$0] ?? "", language: newLanguages?[$0]) }
        let suggestions = classifier.suggest(answers)
        let csv = try Self.csv(ids: ids, answers: newTexts, suggestions: suggestions, threshold: threshold)

        var summary = Self.summary(check, model: classifier.model)
        let answered = suggestions.filter { $0.code != nil }.count
        if let threshold {
            let automatic = suggestions.filter { $0.isAutomatic(at: threshold) }.count
            summary += "Coded \(automatic) of \(answered) answers automatically (probability at least \(Self.number(threshold))); \(answered - automatic) left for coders.\n"
        } else {
            summary += "Suggested a code for \(answered) answers; give --threshold to code only the sure ones.\n"
        }
        if let out {
            try AtomicFile.write(Data(csv.utf8), to: out)
            sink.write(summary + "Wrote \(new.rowCount) rows to \(out).\n")
        } else {
            sink.write(csv)
            sink.writeError(summary)
        }
    }

    /// The classifier fitted to all coded answers and its held-out check.
    /// - Throws: ``SurveyError`` with the classifier's complaint in the terms of this command.
    private func learn(_ examples: [CodedAnswer], frame: CodeFrame?) throws(SurveyError) -> (CodeClassifier, HeldOutCheck) {
        let result = Result { () throws(CodeClassifierError) in
            (try CodeClassifier.train(examples, frame: frame), try HeldOutCheck.run(examples, frame: frame, seed: seed))
        }
        switch result {
        case .success(let fitted): return fitted
        case .failure(let error): throw SurveyError(.invalidData, "\(message(for: error))")
        }
    }

    /// The classifier's complaint in the terms of this command's flags.
    private func message(for error: CodeClassifierError) -> String {
        switch error.kind {
        case .emptyTrainingSet:
            "The training file '\(train)' has no coded answers: no row has both a text in '\(text)' and a code in '\(code)'; code some answers first, or check --text and --code."
        case .singleCode(let only):
            "Every coded answer in '\(train)' has the code '\(only)', but the classifier needs at least two codes to tell apart; code answers of other codes too."
        case .unknownCode(let unknown, let answer):
            "The code '\(unknown)' in column '\(code)' of '\(train)' (answer \"\(answer)\") is not a code of the frame '\(self.frame ?? "")'; correct the code or add it to the frame."
        case .frame(let problem):
            "The code frame '\(self.frame ?? "")' cannot be used: \(problem.problem)."
        }
    }

    /// The values of a column as text (``SurveyCore/Column/text(at:)``: numbers without a
    /// trailing `.0`, categories as their level), nil when missing or blank.
    static func strings(_ data: Dataset, _ name: String, flag: String, file: String) throws -> [String?] {
        guard data.hasVariable(name) else {
            let near = NameSuggester.closest(to: name, among: data.variableNames)
            let fix = near.isEmpty ? "its columns are \(data.variableNames.prefix(12).joined(separator: ", "))" : "did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"
            throw SurveyError(.unknownVariable, "\(flag) \(name): '\(file)' has no column '\(name)'; \(fix)", value: name)
        }
        let column = try data.column(name)
        return (0..<data.rowCount).map { column.text(at: $0) }
    }

    /// The language of each row as a tag: a tag as written, a language's name (in English,
    /// Russian or Kazakh), or a number whose value label is such a name.
    static func languages(_ data: Dataset, _ name: String, file: String) throws -> [String?] {
        let values = try strings(data, name, flag: "--language-column", file: file)
        let metadata = data.metadata(name)
        return values.map { value in
            guard let value else { return nil }
            let label = Double(value).flatMap { metadata.label(ofCode: $0) } ?? value
            return languageTag(label)
        }
    }

    static func languageTag(_ value: String) -> String {
        let folded = value.lowercased().trimmingCharacters(in: .whitespaces)
        let names: [(String, [String])] = [
            ("kk", ["kazakh", "казахский", "казахском", "қазақ", "қазақша", "қазақ тілі"]),
            ("ru", ["russian", "русский", "русском", "орыс", "орысша", "орыс тілі"]),
            ("en", ["english", "английский", "ағылшын"]),
        ]
        return names.first { $0.1.contains(folded) }?.0 ?? folded
    }

    /// The suggestions as CSV: id, code, probability, answer, (suggestion, auto with a threshold), rules, model.
    static func csv(ids: [String?], answers: [String?], suggestions: [CodeSuggestion], threshold: Double?) throws -> String {
        var columns: [String: [String?]] = [:]
        let names = ["id", "code", "probability", "answer"] + (threshold == nil ? [] : ["suggestion", "auto"]) + ["rules", "model"]
        for name in names { columns[name] = [] }
        for (row, suggestion) in suggestions.enumerated() {
            let automatic = threshold.map { suggestion.isAutomatic(at: $0) } ?? true
            columns["id"]!.append(ids[row])
            columns["code"]!.append(automatic ? suggestion.code : nil)
            columns["probability"]!.append(suggestion.probability.map { String(format: "%.3f", $0) })
            columns["answer"]!.append(answers[row])
            if threshold != nil {
                columns["suggestion"]!.append(suggestion.code)
                columns["auto"]!.append(suggestion.code == nil ? nil : automatic ? "true" : "false")
            }
            let rules = suggestion.rules.map(\.description).joined(separator: "; ")
            columns["rules"]!.append(rules.isEmpty ? nil : rules)
            columns["model"]!.append(suggestion.model.description)
        }
        let dataset = try Dataset(columns: names.map { Column(name: $0, values: .text(columns[$0]!)) })
        return CSVWriter.string(dataset)
    }

    /// The held-out table and the model, for people.
    static func summary(_ check: HeldOutCheck, model: ClassifierModel) -> String {
        var text = "Model: \(model.description); \(model.codes.count) codes, \(model.featureCount) features.\n"
        text += "Held-out check (\(check.folds)-fold cross-validation of \(check.answers) coded answers, seed \(check.seed)): accuracy \(percent(check.accuracy)) of all answers.\n"
        let rows = check.rows.map { row in
            ["≥ " + number(row.threshold), percent(row.share), String(row.automatic), row.accuracy.map(percent) ?? "-"]
        }
        text += PlainTable.render(headers: ["probability", "coded automatically", "answers", "accuracy of those"], rows: rows, rightAligned: [0, 1, 2, 3])
        return text
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }

    static func number(_ x: Double) -> String { String(format: "%g", x) }
}
