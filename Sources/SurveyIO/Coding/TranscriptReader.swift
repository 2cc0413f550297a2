import Foundation
import SurveyCore
import TextCoding

/// Reads focus-group transcripts into turns, for `barometer code transcripts` and for the
/// focus groups of a report.
///
/// A file whose extension is `.csv` is a table with one row per turn: columns `group` and
/// `turn` (or `text`), and optionally `language` and `speaker`; rows without text are skipped.
/// Any other file is a plain-text transcript of one group (see
/// ``TextCoding/TranscriptTurn/turns(inPlainText:group:language:)``), by default named by the
/// file's name without its extension.
public enum TranscriptReader {
    /// Whether `path` is read as a CSV transcript.
    public static func isCSV(_ path: String) -> Bool {
        (path as NSString).pathExtension.lowercased() == "csv"
    }

    /// The group of a plain-text transcript named by its file: `transcripts/taraz.txt` is `taraz`.
    public static func group(ofPlainText path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// The turns of the transcript at `path`.
    /// - Parameters:
    ///   - group: the group of a plain-text transcript (default: ``group(ofPlainText:)``);
    ///     a CSV names its groups itself.
    ///   - language: the language of a turn that names none, by its group (a plain-text
    ///     transcript's turns, a CSV row without a language).
    /// - Throws: ``ReadError`` for a file that does not exist or cannot be read, plain text that
    ///   is not UTF-8, or a CSV without the columns `group` and `turn`.
    public static func turns(inFile path: String, group: String? = nil, language: (String) -> String? = { _ in nil }) throws(ReadError) -> [TranscriptTurn] {
        guard !isCSV(path) else {
            return try turns(inCSV: path).map { turn in
                var turn = turn
                if turn.language == nil { turn.language = language(turn.group) }
                return turn
            }
        }
        let data = try FileContents.read(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(.invalidEncoding, "Cannot read the transcript '\(path)': it is not UTF-8 text; save it as UTF-8.")
        }
        let name = group ?? Self.group(ofPlainText: path)
        return TranscriptTurn.turns(inPlainText: text, group: name, language: language(name))
    }

    /// The turns of a CSV transcript, in its rows' order.
    /// - Throws: ``ReadError`` for a file that cannot be read as CSV, or one without the columns
    ///   `group` and `turn`.
    public static func turns(inCSV path: String) throws(ReadError) -> [TranscriptTurn] {
        let table = try DatasetLoader.load(path: path)
        guard table.hasVariable("group"), let textColumn = ["turn", "text"].first(where: { table.hasVariable($0) }) else {
            let missing = table.hasVariable("group") ? "turn" : "group"
            throw ReadError(.malformed, "The transcript '\(path)' has no column '\(missing)'; its columns are group, language, speaker and turn.")
        }
        func column(_ name: String) -> Column? { try? table.column(name) }
        guard let groups = column("group"), let texts = column(textColumn) else { return [] }
        let languages = column("language"), speakers = column("speaker")
        return (0..<table.rowCount).compactMap { row in
            guard let text = texts.text(at: row) else { return nil }
            return TranscriptTurn(group: groups.text(at: row) ?? "", language: languages?.text(at: row), speaker: speakers?.text(at: row), text: text)
        }
    }
}
