import ArgumentParser
import Foundation
import SurveyCore
import SurveyIO
import TextCoding

/// `barometer code apply FILE --frame F --text C1,C2 --id ID --out CODED.sav`: the coded
/// answers back in the survey file as labelled variables and multiple-response sets.
struct CodeApply: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write the coded answers into the survey file: a code column per open-ended column, a 0/1 column per code, SPSS multiple-response sets.",
        discussion: """
            The codes come from --codings (the final codes that `barometer code import` wrote) or, \
            without it, from the frame's rules and then the classifier trained on what the rules \
            coded (codes taken at --threshold or above; the rest stay uncoded). Each open-ended \
            column C gains C_code (its first code, labelled from the frame in every language, \
            uncodable codes as user-missing values); each code K a 0/1 column PREFIX_K (PREFIX: \
            the columns' common stem); and the file the sets $PREFIX and $PREFIX_d. An SPSS or Stata \
            file keeps one language of labels; OUT.codebook.yaml beside it keeps them all. Then \
            `barometer estimate OUT --mentions C1_code,C2_code` estimates them with the design.

            Example:
              barometer code apply wave.sav --frame examples/code-frames/russia-reasons.yaml \\
                --text russia_reason1,russia_reason2 --id respid --codings coding/codings.csv --out wave-coded.sav
            """)

    @Argument(help: ArgumentHelp("The survey file (.sav, .dta, .csv).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The code frame (YAML).", valueName: "file"))
    var frame: String

    @Option(help: ArgumentHelp("The open-ended columns, comma-separated.", valueName: "c1,c2"))
    var text: String

    @Option(help: ArgumentHelp("The column that identifies respondents (the units' RESPONDENT).", valueName: "column"))
    var id: String

    @Option(help: ArgumentHelp("The codings file of `barometer code import`; without it the rules and the classifier code.", valueName: "file"))
    var codings: String?

    @Option(help: ArgumentHelp("Without --codings: the least probability at which the classifier's code is taken.", valueName: "p"))
    var threshold: Double = 0.8

    @Option(help: ArgumentHelp("The file to write (.sav, .zsav, .dta or .csv with its codebook).", valueName: "file"))
    var out: String

    func validate() throws {
        guard threshold > 0, threshold < 1 else {
            throw ValidationError("--threshold \(threshold) is not a probability between 0 and 1; write e.g. --threshold 0.8.")
        }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        try DatasetWriter.check(output: out, input: file)
        let frame = try CodeFrameYAML.read(path: frame)
        let dataset = try DatasetLoader.load(path: file, progress: progress.handler(reading: file))
        progress.finish()
        let columns = CodeExport.list(text)
        let units = try CodeExport.units(of: dataset, columns: columns, id: id, languageColumn: nil)
        var codes: [String: [String]] = [:]
        if let codings {
            codes = try Self.finalCodes(codings, frame: frame)
        } else {
            let coded = try AnswerCoder(frame: frame, threshold: threshold).code(units.map { OpenAnswer($0.answer, language: $0.language) })
            for (unit, result) in zip(units, coded) { if let result { codes[unit.id] = result.codes } }
        }
        let ids = try dataset.column(id)
        let perColumn = columns.map { column in
            (0..<dataset.rowCount).map { row in ids.text(at: row).flatMap { codes["\($0):\(column)"] } }
        }
        let stem = MultipleResponseSet.stem(of: columns) ?? "coded"
        let coded = try CodedColumns(questions: columns, codes: perColumn, frame: frame, prefix: stem,
                                     label: LocalizedText(["en": frame.name])).adding(to: dataset)
        var written = try DatasetWriter.write(coded, to: out, input: file)
        // An SPSS or Stata file holds labels in one language; the codebook beside it keeps all
        // the frame's languages (`--codebook` reads it back, as the demo's waves do).
        if written.count == 1, (out as NSString).pathExtension.lowercased() != "csv" {
            let codebook = (out as NSString).deletingPathExtension + ".codebook.yaml"
            try AtomicFile.write(Data(try CodebookYAML.string(for: coded.codebook).utf8), to: codebook)
            written.append(codebook)
        }
        let answered = units.count, withCodes = units.filter { codes[$0.id]?.isEmpty == false }.count
        sink.write("Wrote \(written.map { "'\($0)'" }.joined(separator: " and ")): \(withCodes) of \(answered) answers coded, "
            + "\(columns.count) code column\(columns.count == 1 ? "" : "s"), \(frame.codes.count) 0/1 columns, sets $\(stem) and $\(stem)_d.\n")
    }

    /// The final codes of each unit in a codings file, checked against the frame.
    static func finalCodes(_ path: String, frame: CodeFrame) throws -> [String: [String]] {
        let table = try DatasetLoader.load(path: path)
        for column in ["unit", "codes", "source"] where !table.hasVariable(column) {
            throw ValidationError("--codings \(path) has no column '\(column)'; pass the file that `barometer code import --out` wrote.")
        }
        let units = try table.column("unit"), codes = try table.column("codes"), sources = try table.column("source")
        var final: [String: [String]] = [:]
        for row in 0..<table.rowCount where sources.text(at: row) == "final" {
            guard let unit = units.text(at: row) else { continue }
            let list = codes.text(at: row).map(CodeRecord.codes(in:)) ?? []
            if let unknown = list.first(where: { frame.code($0) == nil }) {
                throw SurveyError(.invalidData, "--codings \(path) codes \(unit) as '\(unknown)', which the frame '\(frame.name)' does not have; correct the code or add it to the frame.")
            }
            final[unit] = list
        }
        return final
    }
}
