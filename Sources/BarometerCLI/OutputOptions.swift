import ArgumentParser
import Foundation
import Reports
import SurveyCore
import SurveyIO

/// How a verb prints its result: the format, the language, and the file to write instead of
/// standard output (needed for `--format xlsx`, which is binary).
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format (default: table, or xlsx when --out ends in .xlsx). xlsx writes a workbook with one sheet per table and needs --out.",
        valueName: "format"))
    var format: ResultFormat?

    @Option(name: .customLong("lang"),
            help: ArgumentHelp("Language of value labels and headings as a BCP 47 tag (headings: en, ru, kk).", valueName: "language"))
    var language: String = "en"

    @Option(help: ArgumentHelp("Write the output to this file (whole or not at all) instead of printing it.", valueName: "file"))
    var out: String?

    /// The format asked for, or the one `--out`'s extension implies.
    var chosenFormat: ResultFormat {
        format ?? (out.map(Self.namesWorkbook) == true ? .xlsx : .table)
    }

    func validate() throws {
        try Self.check(format: format?.rawValue, out: out)
    }

    /// Checks that a binary format has a file to go to and a spreadsheet name gets a spreadsheet;
    /// `format` is the value of `--format`, if given.
    /// - Throws: `ValidationError` with one sentence naming the fix.
    static func check(format: String?, out: String?) throws {
        if format == ResultFormat.xlsx.rawValue, out == nil {
            throw ValidationError("--format xlsx writes a binary file: add --out FILE.xlsx.")
        }
        if let out, let format, format != ResultFormat.xlsx.rawValue, namesWorkbook(out) {
            throw ValidationError("--out '\(out)' names a spreadsheet but --format is \(format): pass --format xlsx, or another file name.")
        }
    }

    static func namesWorkbook(_ path: String) -> Bool {
        (path as NSString).pathExtension.lowercased() == "xlsx"
    }

    /// Writes `result`: as text to `sink` or to `--out`, or as an XLSX workbook to `--out`.
    /// - Throws: ``ReadError`` or ``WriteError`` when the file cannot be written; nothing is left
    ///   half-written.
    func emit(_ result: AnalysisResult, into sink: inout CommandOutput) throws {
        let renderer = ResultRenderer(language: language)
        try emit(text: { renderer.render(result, as: $0) }, workbook: { renderer.workbook(result) }, into: &sink)
    }

    /// Writes the text of the chosen format, or the workbook, where the flags say.
    func emit(text: (OutputFormat) -> String, workbook: () -> Workbook, into sink: inout CommandOutput) throws {
        try Self.emit(format: chosenFormat, out: out, text: text, workbook: workbook, into: &sink)
    }

    /// Writes `format` of a result to `out`, or its text to `sink` when `out` is `nil`.
    static func emit(
        format: ResultFormat, out: String?, text: (OutputFormat) -> String, workbook: () -> Workbook, into sink: inout CommandOutput
    ) throws {
        if let textFormat = format.text {
            try write(text(textFormat), to: out, into: &sink)
            return
        }
        try write(workbook(), to: out, into: &sink)
    }

    /// Writes `workbook` as an .xlsx file at `out` (whole or not at all) and says so.
    /// - Throws: `ValidationError` when `out` is `nil`; ``ReadError`` or ``WriteError`` when the
    ///   file cannot be written.
    static func write(_ workbook: @autoclosure () -> Workbook, to out: String?, into sink: inout CommandOutput) throws {
        guard let out else { throw ValidationError("--format xlsx writes a binary file: add --out FILE.xlsx.") }
        try XLSXWriter.write(workbook(), to: out)
        sink.write("Wrote '\(out)'.\n")
    }

    /// Writes `text` to `out` (whole or not at all) and says so, or to `sink` when `out` is `nil`.
    /// - Throws: ``ReadError`` (`unwritable`) when the file cannot be written.
    static func write(_ text: String, to out: String?, into sink: inout CommandOutput) throws {
        guard let out else {
            sink.write(text)
            return
        }
        try AtomicFile.write(Data(text.utf8), to: out)
        sink.write("Wrote '\(out)'.\n")
    }
}
