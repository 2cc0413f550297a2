import ArgumentParser
import Foundation
import Reports
import SurveyCore
import SurveyIO
import TextCoding

/// `barometer code transcripts FILE... --frame F`: focus-group transcripts coded with a survey's
/// code frame, counted by group and language, with quotations.
struct CodeTranscripts: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "Code focus-group transcripts with a code frame: coded segments by group and language, with quotations (counts, not estimates).",
        discussion: """
            A FILE is a CSV with columns group, language, speaker and turn (one row per turn), or \
            a plain-text transcript (one turn per line, `Speaker: text`; lines starting with # \
            are notes) whose group is --group or the file's name and language --language. Each \
            turn of a participant is a segment, coded by the frame's rules (--moderators names the speakers \
            whose turns are left out). The counts are of what was said in \
            these groups: no weights, no intervals, and never mixed with survey estimates.

            Example:
              barometer code transcripts groups.csv --frame examples/code-frames/russia-reasons.yaml --lang ru
            """)

    @Argument(help: ArgumentHelp("The transcripts (CSV or plain text).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The code frame (YAML).", valueName: "file"))
    var frame: String

    @Option(help: ArgumentHelp("For a plain-text transcript: its group (default: the file's name).", valueName: "name"))
    var group: String?

    @Option(help: ArgumentHelp("For a plain-text transcript: its language (kk, ru, en).", valueName: "tag"))
    var language: String?

    @Option(help: ArgumentHelp("Speakers whose turns are not coded, comma-separated.", valueName: "names"))
    var moderators: String = "Moderator,Модератор"

    @Option(help: ArgumentHelp("Quotations shown per code.", valueName: "n"))
    var quotations: Int = 2

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of the code labels: en, ru or kk.", valueName: "language"))
    var labelLanguage: String = "en"

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one transcript, e.g. barometer code transcripts groups.csv --frame frame.yaml.") }
        guard quotations >= 0 else { throw ValidationError("--quotations \(quotations) is negative; write 0 for none or e.g. --quotations 2.") }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let frame = try CodeFrameYAML.read(path: frame)
        var turns: [TranscriptTurn] = []
        for file in files {
            // --language names the language of plain text; a CSV names its own.
            let plainLanguage = TranscriptReader.isCSV(file) ? nil : language
            turns += try TranscriptReader.turns(inFile: file, group: group, language: { _ in plainLanguage })
        }
        guard !turns.isEmpty else { throw ValidationError("The transcripts \(files.joined(separator: ", ")) hold no turns; give one turn per line or per CSV row.") }
        let coding = try TranscriptCoding(turns, frame: frame, quotations: quotations, moderators: CodeExport.list(moderators))
        sink.write(Self.render(coding, language: labelLanguage))
    }

    /// The counts as an aligned table, then the quotations.
    static func render(_ coding: TranscriptCoding, language: String) -> String {
        let frame = coding.frame
        let coded = coding.turns.count - coding.uncoded
        var out = "Focus groups: \(coding.groups.count) group\(coding.groups.count == 1 ? "" : "s") (\(coding.groups.joined(separator: ", ")))"
        if !coding.languages.isEmpty { out += ", languages \(coding.languages.joined(separator: ", "))" }
        out += "; \(coding.turns.count) participants' turns, \(coded) coded by the frame's rules, \(coding.uncoded) not coded.\n"
        out += "Counts of coded segments in these groups, not estimates of a population: no weights, no intervals.\n\n"
        let header = ["code"] + coding.groups + coding.languages + ["all"]
        let rows = coding.counts.map { count in
            [frame.code(count.code)?.label(in: language) ?? count.code] + coding.groups.map { String(count.byGroup[$0] ?? 0) }
                + coding.languages.map { String(count.byLanguage[$0] ?? 0) } + [String(count.total)]
        }
        out += PlainTable.render(headers: header, rows: rows, rightAligned: Set(1..<header.count))
        let quoted = coding.counts.filter { !$0.quotations.isEmpty }
        if !quoted.isEmpty {
            out += "\nQuotations\n"
            for count in quoted {
                out += "\(frame.code(count.code)?.label(in: language) ?? count.code)\n"
                for turn in count.quotations {
                    let who = [turn.group, turn.language.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") + (turn.speaker.map { ", \($0)" } ?? "")
                    out += "  \(who): «\(turn.text)»\n"
                }
            }
        }
        return out
    }
}
