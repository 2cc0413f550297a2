import ArgumentParser
import Foundation
import Reports
import SurveyCore
import SurveyIO
import TextCoding

/// `barometer code import SHEET... --out codings.csv`: reads the coders' sheets back, keeps who
/// coded what and when, and shows the disagreements to resolve.
struct CodeImport: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read coder sheets back: who coded what and when, agreement on the double-coded answers, and the disagreements to resolve.",
        discussion: """
            Each SHEET is a CSV or XLSX file that `barometer code export` wrote, filled in by a \
            coder (codes in the `codes` column, several separated by ';'); of a workbook, the \
            first sheet is read. The coder is the sheet's `coder` column or \
            its file name; the time its `coded_at` column or the file's modification time. With \
            --plan, every sheet must hold exactly the units the plan gave its coder.

            --out receives every record (unit, coder, codes, coded_at, source, note) and, per \
            unit, the final codes. --disagreements receives the answers the coders coded \
            differently, with a `resolution` column (a workbook when it ends in .xlsx): fill it in \
            and pass the file back with --resolutions to settle them.

            Example:
              barometer code import coding/anna.csv coding/bolat.csv --plan coding/plan.csv \\
                --out coding/codings.csv --disagreements coding/disagreements.csv
            """)

    @Argument(help: ArgumentHelp("The coders' sheets (CSV or XLSX).", valueName: "sheet"))
    var sheets: [String]

    @Option(help: ArgumentHelp("The plan.csv of the export, to check every sheet's units.", valueName: "file"))
    var plan: String?

    @Option(help: ArgumentHelp("A disagreements sheet (CSV or XLSX) with its `resolution` column filled in.", valueName: "file"))
    var resolutions: String?

    @Option(help: ArgumentHelp("Where to write the records and final codes (CSV).", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("Where to write the unresolved disagreements (CSV, or XLSX when it ends in .xlsx).", valueName: "file"))
    var disagreements: String?

    func validate() throws {
        guard !sheets.isEmpty else { throw ValidationError("Name at least one coder sheet, e.g. barometer code import coding/anna.csv --out codings.csv.") }
        if OutputOptions.namesWorkbook(out) {
            throw ValidationError("--out \(out) names a workbook, but the records are written as CSV for `barometer code apply --codings`; name a .csv file.")
        }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        // The plan: each unit's answer and coders.
        var answers: [String: CodingUnit] = [:]
        var planned: [String: Set<String>] = [:]
        if let plan {
            let table = try DatasetLoader.load(path: plan)
            for column in ["unit", "respondent", "question", "answer", "coders"] where !table.hasVariable(column) {
                throw ValidationError("--plan \(plan) has no column '\(column)'; pass the plan.csv that `barometer code export` wrote.")
            }
            let c = try ["respondent", "question", "language", "answer", "coders"].map { try table.column($0) }
            for row in 0..<table.rowCount {
                guard let respondent = c[0].text(at: row), let question = c[1].text(at: row) else { continue }
                let unit = CodingUnit(respondent: respondent, question: question, language: c[2].text(at: row), answer: c[3].text(at: row) ?? "")
                answers[unit.id] = unit
                for coder in CodeRecord.codes(in: c[4].text(at: row) ?? "") { planned[coder, default: []].insert(unit.id) }
            }
        }
        var records: [CodeRecord] = []
        var coders: [String] = []
        for sheet in sheets {
            let table = try Self.sheetTable(sheet)
            let coder = URL(fileURLWithPath: sheet).deletingPathExtension().lastPathComponent
            let modified = (try? FileManager.default.attributesOfItem(atPath: sheet)[.modificationDate] as? Date) ?? nil
            let time = modified.map { ISO8601DateFormatter().string(from: $0) }
            if plan != nil, planned[coder] == nil {
                throw ValidationError("The sheet \(sheet) is \(coder)'s, but the plan \(plan!) has no coder \(coder); import the sheets exported with this plan, under their own names.")
            }
            let read = try CoderSheet.records(from: table, name: sheet, coder: coder, codedAt: time, expected: plan == nil ? nil : planned[coder])
            if let unit = read.first?.unit, answers[unit] == nil, plan == nil, table.hasVariable("answer") {
                // Without a plan, the sheets themselves say what the answers were.
                let units = try table.column("unit"), text = try table.column("answer")
                for row in 0..<table.rowCount {
                    guard let id = units.text(at: row), answers[id] == nil else { continue }
                    let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
                    answers[id] = CodingUnit(respondent: parts[0], question: parts.count > 1 ? parts[1] : "", answer: text.text(at: row) ?? "")
                }
            }
            records += read
            coders.append(read.first?.coder ?? coder)
        }
        if let resolutions {
            let table = try Self.sheetTable(resolutions)
            for column in ["unit", "resolution"] where !table.hasVariable(column) {
                throw ValidationError("--resolutions \(resolutions) has no column '\(column)'; fill in the disagreements sheet that --disagreements wrote.")
            }
            let units = try table.column("unit"), chosen = try table.column("resolution")
            for row in 0..<table.rowCount {
                guard let unit = units.text(at: row), let codes = chosen.text(at: row) else { continue }
                records.append(CodeRecord(unit: unit, coder: "resolution", codes: CodeRecord.codes(in: codes), source: .resolution))
            }
        }
        let reconciliation = CodingReconciliation(records)
        try AtomicFile.write(Data(CSVWriter.string(Self.recordTable(records, final: reconciliation.final)).utf8), to: out)
        if let disagreements {
            let table = try Self.disagreementTable(reconciliation.unresolved, answers: answers)
            if OutputOptions.namesWorkbook(disagreements) {
                try XLSXWriter.write(CoderWorkbookBuilder.workbook(table, sheet: "disagreements", wrapping: ["answer", "codes"]), to: disagreements)
            } else {
                try AtomicFile.write(Data(CSVWriter.string(table).utf8), to: disagreements)
            }
        }
        let units = Set(records.filter { $0.source != .resolution }.map(\.unit))
        let agreeing = reconciliation.multiplyCoded - reconciliation.disagreements.count
        var report = "Imported \(records.filter { $0.source == .coder }.count) codings of \(units.count) answers by \(coders.joined(separator: ", ")) into \(out).\n"
        if reconciliation.multiplyCoded > 0 {
            let share = Double(agreeing) / Double(reconciliation.multiplyCoded) * 100
            report += "Coded twice: \(reconciliation.multiplyCoded); the coders gave the same codes to \(agreeing) (\(String(format: "%.1f", share))%).\n"
        }
        let resolved = reconciliation.disagreements.count - reconciliation.unresolved.count
        if !reconciliation.disagreements.isEmpty {
            report += "Disagreements: \(reconciliation.disagreements.count), \(resolved) resolved.\n"
        }
        for d in reconciliation.unresolved.prefix(20) {
            let answer = answers[d.unit].map { " \"\($0.answer)\"" } ?? ""
            report += "  \(d.unit)\(answer): " + d.codes.map { "\($0.coder) \($0.codes.isEmpty ? "—" : $0.codes.joined(separator: ";"))" }.joined(separator: " | ") + "\n"
        }
        if reconciliation.unresolved.count > 20 { report += "  … and \(reconciliation.unresolved.count - 20) more\(disagreements.map { " in \($0)" } ?? "").\n" }
        if !reconciliation.unresolved.isEmpty {
            report += disagreements == nil
                ? "Resolve them: add --disagreements FILE, fill in its resolution column, and import again with --resolutions FILE.\n"
                : "Resolve them in \(disagreements!) (resolution column) and import again with --resolutions \(disagreements!).\n"
        }
        sink.write(report)
    }

    /// A coder's sheet or a disagreements sheet: the first sheet of an XLSX workbook (by the
    /// extension), else a CSV file.
    /// - Throws: ``ReadError`` naming the file when it cannot be read.
    static func sheetTable(_ path: String) throws -> Dataset {
        OutputOptions.namesWorkbook(path) ? try XLSXReader.table(path: path) : try DatasetLoader.load(path: path)
    }

    /// Every record, then per unit its final codes (source `final`).
    static func recordTable(_ records: [CodeRecord], final: [String: [String]]) throws -> Dataset {
        let finals = final.keys.sorted().map { CodeRecord(unit: $0, coder: "", codes: final[$0]!, source: .resolution) }
        let all = records + finals
        let sources = records.map(\.source.rawValue) + finals.map { _ in "final" }
        return try Dataset(columns: [
            Column(name: "unit", values: .text(all.map(\.unit))),
            Column(name: "coder", values: .text(all.map { $0.coder.isEmpty ? nil : $0.coder })),
            Column(name: "codes", values: .text(all.map { $0.codes.isEmpty ? nil : $0.codes.joined(separator: ";") })),
            Column(name: "coded_at", values: .text(all.map(\.codedAt))),
            Column(name: "source", values: .text(sources)),
            Column(name: "note", values: .text(all.map(\.note))),
        ])
    }

    /// The unresolved disagreements with each coder's codes and an empty `resolution` column.
    static func disagreementTable(_ disagreements: [CodingReconciliation.Disagreement], answers: [String: CodingUnit]) throws -> Dataset {
        try Dataset(columns: [
            Column(name: "unit", values: .text(disagreements.map(\.unit))),
            Column(name: "answer", values: .text(disagreements.map { answers[$0.unit]?.answer })),
            Column(name: "codes", values: .text(disagreements.map { d in
                d.codes.map { "\($0.coder): \($0.codes.isEmpty ? "—" : $0.codes.joined(separator: ";"))" }.joined(separator: " | ")
            })),
            Column(name: "resolution", values: .text(disagreements.map { _ in nil })),
        ])
    }
}
