import ArgumentParser
import Foundation
import Reports
import SurveyCore
import SurveyIO
import TextCoding

/// `barometer code export FILE --text C1,C2 --id ID --coders A,B --out DIR`: the answers of
/// open-ended columns on one sheet per coder, with a blind double-coded subsample on request,
/// and the plan that `code import` checks the sheets against.
struct CodeExport: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the answers of open-ended columns to coder sheets (CSV or XLSX), one per coder, with a blind double-coded subsample.",
        discussion: """
            Every non-empty answer is one unit (RESPONDENT:COLUMN). Units are shuffled (--seed) and \
            dealt to the coders in turn; --double P gives that share of them to a second coder as \
            well, who does not see the first coder's codes. DIR receives CODER.csv per coder and \
            plan.csv (who codes what), which `barometer code import` checks the sheets against.

            --format xlsx writes CODER.xlsx instead: the same columns with a frozen header and \
            wrapped answers; with --frame, a second sheet `codes` lists the frame's codes with \
            their labels (--lang) and the codes column offers them in a drop-down list.

            Example:
              barometer code export wave.sav --text russia_reason1,russia_reason2 --id respid \\
                --language-column language --coders anna,bolat --double 0.2 --out coding
              barometer code export wave.sav --text russia_reason1 --id respid --coders anna,bolat \\
                --format xlsx --frame examples/code-frames/russia-reasons.yaml --lang ru --out coding
            """)

    @Argument(help: ArgumentHelp("The survey file (.sav, .dta, .csv).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The open-ended columns to code, comma-separated.", valueName: "c1,c2"))
    var text: String

    @Option(help: ArgumentHelp("The column that identifies respondents.", valueName: "column"))
    var id: String

    @Option(name: .customLong("language-column"), help: ArgumentHelp("The column with the language of the interview, shown on the sheets.", valueName: "column"))
    var languageColumn: String?

    @Option(help: ArgumentHelp("The coders, comma-separated (one sheet each).", valueName: "a,b"))
    var coders: String

    @Option(help: ArgumentHelp("Share of the answers coded twice, blind, for reliability (0 to 1).", valueName: "share"))
    var double: Double = 0

    @Option(help: ArgumentHelp("Seed of the shuffle, so the same plan can be made again.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The folder to write the sheets and plan.csv into (must not hold them already).", valueName: "folder"))
    var out: String

    @Option(help: ArgumentHelp("The sheets' format: csv, or xlsx (a workbook per coder).", valueName: "format"))
    var format: CoderSheetFormat = .csv

    @Option(help: ArgumentHelp("With --format xlsx: the code frame (YAML) whose codes a sheet lists and the codes column offers.", valueName: "file"))
    var frame: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp("With --frame: the language of the code labels and of the codes sheet's headings (en, ru, kk).", valueName: "language"))
    var language: String = "en"

    func validate() throws {
        let names = Self.list(coders)
        guard !names.isEmpty else { throw ValidationError("--coders '\(coders)' names no coder; write e.g. --coders anna,bolat.") }
        if let twice = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            throw ValidationError("--coders names '\(twice)' twice; name each coder once.")
        }
        if let bad = names.first(where: { $0.contains("/") || $0 == "plan" || $0.hasPrefix(".") }) {
            throw ValidationError("--coders '\(bad)' cannot name a sheet file; use letters, digits, '-' or '_'.")
        }
        guard double >= 0, double <= 1 else {
            throw ValidationError("--double \(double) is not a share between 0 and 1; write e.g. --double 0.2 for a fifth of the answers.")
        }
        if double > 0, names.count < 2 {
            throw ValidationError("--double \(double) needs two coders to code an answer twice; name a second coder in --coders.")
        }
        guard !Self.list(text).isEmpty else { throw ValidationError("--text '\(text)' names no column; write e.g. --text russia_reason1,russia_reason2.") }
        if let frame, format == .csv {
            throw ValidationError("--frame \(frame) lists the codes on a sheet of an XLSX workbook, which a CSV sheet cannot hold; add --format xlsx, or leave --frame out.")
        }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let names = Self.list(coders)
        let destination = URL(fileURLWithPath: out)
        for name in names.map({ "\($0).\(format.fileExtension)" }) + ["plan.csv"] where FileManager.default.fileExists(atPath: destination.appendingPathComponent(name).path) {
            throw ValidationError("--out \(out) already holds \(name); choose another folder or move the earlier sheets away.")
        }
        let codeFrame = try frame.map { try CodeFrameYAML.read(path: $0) }
        let dataset = try DatasetLoader.load(path: file, progress: progress.handler(reading: file))
        progress.finish()
        let units = try Self.units(of: dataset, columns: Self.list(text), id: id, languageColumn: languageColumn)
        guard !units.isEmpty else {
            throw ValidationError("--text \(text) has no answers in \(file); name the open-ended columns that hold them.")
        }
        let plan = CodingPlan(units: units, coders: names, doubleShare: double, seed: seed)
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        let workbooks = CoderWorkbookBuilder(language: language)
        for sheet in plan.sheets {
            let path = destination.appendingPathComponent("\(sheet.coder).\(format.fileExtension)").path
            switch format {
            case .csv: try AtomicFile.write(Data(CSVWriter.string(CoderSheet.table(sheet.units)).utf8), to: path)
            case .xlsx: try XLSXWriter.write(workbooks.workbook(coder: sheet.coder, units: sheet.units, frame: codeFrame), to: path)
            }
        }
        var codersOf: [String: [String]] = [:]
        for sheet in plan.sheets { for unit in sheet.units { codersOf[unit.id, default: []].append(sheet.coder) } }
        let planTable = try Dataset(columns: CoderSheet.table(units).columns.filter { $0.name != "codes" && $0.name != "note" }
            + [Column(name: "coders", values: .text(units.map { codersOf[$0.id]?.joined(separator: ";") }))])
        try AtomicFile.write(Data(CSVWriter.string(planTable).utf8), to: destination.appendingPathComponent("plan.csv").path)
        sink.write("Wrote \(units.count) answer\(units.count == 1 ? "" : "s") to \(names.count) coder sheet\(names.count == 1 ? "" : "s") in \(out): "
            + plan.sheets.map { "\($0.coder) \($0.units.count)" }.joined(separator: ", ")
            + "; \(plan.doubleCoded.count) coded twice, blind.\n")
    }

    /// `a, b,,c` as [a, b, c].
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Every non-empty answer of `columns`, respondent by respondent.
    /// - Throws: `ValidationError` naming an unknown column (with the closest names).
    static func units(of dataset: Dataset, columns: [String], id: String, languageColumn: String?) throws -> [CodingUnit] {
        func column(_ name: String, flag: String) throws -> Column {
            guard dataset.hasVariable(name) else {
                let close = NameSuggester.closest(to: name, among: dataset.variableNames, limit: 3)
                throw ValidationError("\(flag) '\(name)' is not a column of the file\(close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?")")
            }
            return try dataset.column(name)
        }
        let ids = try column(id, flag: "--id")
        if let languageColumn { _ = try column(languageColumn, flag: "--language-column") }
        // Tags ("kk", "ru") whatever the file holds: tags, names, or labelled codes.
        let languages = try languageColumn.map { try CodeSuggestCommand.languages(dataset, $0, file: "the file") }
        let texts = try columns.map { try column($0, flag: "--text") }
        var units: [CodingUnit] = []
        var seen: [String: Int] = [:]
        for row in 0..<dataset.rowCount {
            if let respondent = ids.text(at: row), let earlier = seen.updateValue(row, forKey: respondent) {
                throw ValidationError("--id \(id) has '\(respondent)' in rows \(earlier + 1) and \(row + 1); name a column that identifies each respondent once.")
            }
            for answers in texts {
                guard let answer = answers.text(at: row) else { continue }
                guard let respondent = ids.text(at: row) else {
                    throw ValidationError("--id \(id) is empty in row \(row + 1), which has an answer in '\(answers.name)'; every respondent with an answer needs an identifier.")
                }
                units.append(CodingUnit(respondent: respondent, question: answers.name, language: languages?[row] ?? nil, answer: answer))
            }
        }
        return units
    }
}
