import Foundation
import Polls
import SurveyCore
import Yams

/// Polls in YAML, one mapping per poll with its answers as a mapping of shares (in percent, as
/// published) — the form the shipped poll database is written in, and easier to read and
/// review than one CSV row per answer:
///
/// ```yaml
/// polls:
///   - pollster: Demoscope
///     field_start: 2022-11-04
///     field_end: 2022-11-24
///     sample_size: 1110            # or `unpublished`
///     question: war_side
///     wording: {en: "Which side of the conflict do you support?", ru: "…"}
///     answers: {Ukraine: 22, Russia: 13, Neutral: 59}
///     source: Demoscope press release, demos.kz, December 2022
/// ```
///
/// The keys are the CSV's column names (``Polls/PollTable``): `pollster, field_start,
/// field_end, sample_size, question, answers` and optionally `title` (a short title by language,
/// not the pollster's words), `sponsor, paid_by, mode, population,
/// margin_of_error, weighting, design_effect, exhaustive, wording, source, url, notes`. Every
/// poll is checked by ``Polls/PollValidator``; a problem names the file, the line and the key.
public enum PollsYAML {
    /// Reads and checks the polls of a YAML file.
    /// - Throws: ``ReadError`` for a file that cannot be read or is not such YAML;
    ///   ``SurveyCore/SurveyError`` (`.invalidData`) for a poll that fails its checks.
    public static func read(path: String) throws -> [Poll] {
        let data = try FileContents.read(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(.invalidEncoding, "Cannot read polls file '\(path)': the file is not valid UTF-8; save it with UTF-8 encoding.")
        }
        return try read(string: text, name: path)
    }

    /// Reads and checks the polls held in a string; `name` identifies it in messages.
    public static func read(string: String, name: String) throws -> [Poll] {
        let parsed = try PollsYAMLParser(name: name).parse(string)
        for (poll, line) in parsed {
            try PollValidator.check(poll, what: "The poll of \(poll.pollster) on '\(poll.question)' (line \(line) of '\(name)')")
        }
        return parsed.map(\.poll)
    }
}

/// The parser behind ``PollsYAML``.
struct PollsYAMLParser: YAMLDocumentParsing {
    static let documentKind = "polls file"
    static let pollKeys = PollTable.requiredColumns.filter { $0 != "answer" && $0 != "share" } + ["answers", "wording", "title"]
        + PollTable.optionalColumns.filter { !$0.hasPrefix("wording_") && !$0.hasPrefix("title_") }
    let name: String
    let language = "en"

    /// The polls with the line each starts on.
    func parse(_ text: String) throws(ReadError) -> [(poll: Poll, line: Int)] {
        guard let root = try compose(text), !isNull(root) else {
            throw failure(nil, "the file holds no polls; write a `polls:` list with one mapping per poll")
        }
        var list = root
        if case .mapping(let top) = root {
            let members = try keys(of: top, in: "the top level of the polls file", allowed: ["polls"])
            guard let polls = members["polls"] else { throw failure(line(root), "the file has no `polls:` list") }
            list = polls
        }
        guard case .sequence(let items) = list else {
            throw failure(line(list), "the polls are \(describe(list)), but they must be a list with one mapping per poll (`- pollster: …`)")
        }
        var out: [(Poll, Int)] = []
        for item in items { out.append((try poll(item), line(item) ?? 0)) }
        return out
    }

    private func poll(_ node: Node) throws(ReadError) -> Poll {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "a poll is \(describe(node)); write a mapping with pollster, field_start, field_end, sample_size, question and answers")
        }
        let m = try keys(of: mapping, in: "a poll", allowed: Self.pollKeys)
        func text(_ key: String) throws(ReadError) -> String? {
            guard let n = m[key], !isNull(n) else { return nil }
            let s = try scalar(n, what: "`\(key)`").trimmingCharacters(in: .whitespaces)
            return s.isEmpty ? nil : s
        }
        func required(_ key: String, _ example: String) throws(ReadError) -> String {
            guard let s = try text(key) else { throw failure(line(node), "the poll has no `\(key)`; add it, e.g. `\(key): \(example)`") }
            return s
        }
        func day(_ key: String) throws(ReadError) -> CivilDay {
            let s = try required(key, "2022-11-04")
            guard let d = CivilDay(s) else { throw failure(m[key].flatMap(line), "`\(key)` '\(s)' is not a date; write it as YYYY-MM-DD") }
            return d
        }
        func number(_ key: String) throws(ReadError) -> Double? {
            guard let s = try text(key) else { return nil }
            guard let x = Double(s.replacingOccurrences(of: "%", with: "")) else {
                throw failure(m[key].flatMap(line), "`\(key)` '\(s)' is not a number")
            }
            return x
        }
        let size: Int?
        let sizeText = try required("sample_size", "1100` (or `unpublished` when the source does not give it")
        if sizeText.lowercased() == PollTable.unpublished {
            size = nil
        } else {
            guard let n = Int(sizeText.replacingOccurrences(of: ",", with: "")) else {
                throw failure(m["sample_size"].flatMap(line), "`sample_size` '\(sizeText)' is not a whole number of respondents; write it as published, or `unpublished`")
            }
            size = n
        }
        guard let answersNode = m["answers"], case .mapping(let answerMap) = answersNode else {
            throw failure(m["answers"].flatMap(line) ?? line(node), "the poll's `answers` must map each answer to its share in percent, e.g. `answers: {Ukraine: 22, Russia: 13}`")
        }
        var answers: [Poll.Answer] = []
        for (key, value) in answerMap {
            let answer = try scalar(key, what: "an answer")
            let s = try scalar(value, what: "the share of '\(answer)'")
            guard let share = Double(s.replacingOccurrences(of: "%", with: "")) else {
                throw failure(line(value), "the share of '\(answer)' is '\(s)', not a number; write the percentage as published")
            }
            answers.append(Poll.Answer(answer, share: share))
        }
        var wording: [String: String] = [:]
        if let w = m["wording"], let texts = try localized(w, what: "`wording`") { wording = texts.texts }
        let title = try m["title"].flatMap { n throws(ReadError) in try localized(n, what: "`title`") }?.texts
        var exhaustive = false
        if let s = try text("exhaustive") {
            guard let b = YAMLScalars.bool(s) else { throw failure(m["exhaustive"].flatMap(line), "`exhaustive` '\(s)' is not true or false") }
            exhaustive = b
        }
        return Poll(
            pollster: try required("pollster", "Demoscope"), sponsor: try text("sponsor"), paidBy: try text("paid_by"), fieldStart: try day("field_start"),
            fieldEnd: try day("field_end"), mode: try text("mode"), population: try text("population"), sampleSize: size,
            marginOfError: try number("margin_of_error"), weighting: try text("weighting"), question: try required("question", "war_side"),
            wording: wording, title: title, answers: answers, exhaustive: exhaustive, designEffect: try number("design_effect"),
            source: try text("source"), url: try text("url"), notes: try text("notes"))
    }
}
