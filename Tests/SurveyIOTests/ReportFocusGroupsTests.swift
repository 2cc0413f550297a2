import Foundation
import Studies
import SurveyCore
import SurveyIO
import Testing
import TextCoding

private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples").standardized

@Suite("Focus groups in report.yaml, and their transcripts read")
struct ReportFocusGroupsTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("focus-\(UUID())")

    /// A report whose second section holds `entry` under `focus-groups:` (on line 7).
    static func report(_ entry: String) -> String {
        """
        title: {en: Focus}
        study: study
        sections:
          - title: {en: Survey}
            analyses: [{concept: opinion, chart: trend}]
          - title: {en: In their own words}
            focus-groups: \(entry)
        """
    }

    @Test("every key of a focus-groups entry is read, with the entry's line; the defaults when left out")
    func parses() throws {
        let spec = try ReportSpecYAML.read(string: Self.report("""

                  transcripts: [groups.csv, more/*.txt]
                  frame: code-frames/russia-reasons.yaml
                  quotations: 3
                  moderators: [Interviewer, Сұхбаттасушы]
                  language: ru
                  languages: {taraz: kk}
                  title: {en: Focus groups in 2024, ru: Фокус-группы 2024 года, kk: 2024 жылғы фокус-топтар}
            """), name: "report.yaml")
        #expect(spec.sections[0].focusGroups == nil)
        let groups = try #require(spec.sections[1].focusGroups)
        #expect(groups == ReportFocusGroups(
            transcripts: ["groups.csv", "more/*.txt"], frame: "code-frames/russia-reasons.yaml", quotations: 3,
            moderators: ["Interviewer", "Сұхбаттасушы"], language: "ru", languages: ["taraz": "kk"],
            title: LocalizedText(["en": "Focus groups in 2024", "ru": "Фокус-группы 2024 года", "kk": "2024 жылғы фокус-топтар"]), line: 8))
        #expect(groups.language(ofGroup: "taraz") == "kk" && groups.language(ofGroup: "almaty") == "ru")
        let plain = try #require(try ReportSpecYAML.read(string: Self.report("{transcripts: groups.csv, frame: f.yaml}"), name: "r.yaml").sections[1].focusGroups)
        #expect(plain == ReportFocusGroups(transcripts: ["groups.csv"], frame: "f.yaml", line: 7))
        #expect(plain.quotations == 2 && plain.moderators == ["Moderator", "Модератор"] && plain.language(ofGroup: "x") == nil)
    }

    @Test("a bad focus-groups entry: one sentence naming report.yaml, the line and the fix", arguments: [
        ("{transcripts: [a.csv], frame: f.yaml, quotation: 2}", "line 7: unknown key 'quotation' in `focus-groups`; did you mean 'quotations'?"),
        ("{frame: f.yaml}", "line 7: the focus groups name no `transcripts:`; list the transcript files"),
        ("{transcripts: [], frame: f.yaml}", "line 7: the focus groups name no `transcripts:`"),
        ("{transcripts: [a.csv]}", "line 7: the focus groups name no `frame:`; give the code frame (YAML)"),
        ("{transcripts: [a.csv], frame: f.yaml, quotations: -1}", "line 7: `quotations: -1` is not a number of quotations per code; write 0 for none"),
        ("{transcripts: [a.csv], frame: f.yaml, language: Russian}", "line 7: the focus groups' `language` 'Russian' is not a language tag"),
        ("{transcripts: [a.csv], frame: f.yaml, languages: [kk]}", "line 7: `languages:` is a list; write the language of each plain-text transcript"),
        ("[a.csv, f.yaml]", "line 7: `focus-groups:` is a list; write a mapping such as"),
    ])
    func badEntries(_ entry: String, _ expected: String) {
        do {
            _ = try ReportSpecYAML.read(string: Self.report(entry), name: "report.yaml")
            Issue.record("read a bad entry: \(entry)")
        } catch {
            #expect(error.message.hasPrefix("Cannot read report 'report.yaml', "), "\(error.message)")
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(error.message.hasSuffix(".") || error.message.hasSuffix("?"), "\(error.message)")
        }
    }

    @Test("a section key misspelt next to focus-groups is refused with the closest key")
    func misspeltSectionKey() {
        #expect(throws: ReadError.self) { try ReportSpecYAML.read(string: Self.report("{}").replacingOccurrences(of: "focus-groups:", with: "focus-group:"), name: "r.yaml") }
        do {
            _ = try ReportSpecYAML.read(string: Self.report("{}").replacingOccurrences(of: "focus-groups:", with: "focus-group:"), name: "r.yaml")
        } catch {
            #expect(error.message.contains("unknown key 'focus-group' in a section; did you mean 'focus-groups'?"), "\(error.message)")
        }
    }

    /// A report folder holding the example transcripts and frame, and plain-text transcripts.
    func folder() throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(at: scratch.appendingPathComponent("more"), withIntermediateDirectories: true)
        try fm.copyItem(at: examples.appendingPathComponent("focus-groups-example.csv"), to: scratch.appendingPathComponent("groups.csv"))
        try fm.copyItem(at: examples.appendingPathComponent("code-frames/russia-reasons.yaml"), to: scratch.appendingPathComponent("frame.yaml"))
        try "# Тараз, 2024\nМодератор: Неге?\nАсқар: Экономикасы күшті.\nБолат: Білмеймін.\n"
            .write(to: scratch.appendingPathComponent("more/taraz.txt"), atomically: true, encoding: .utf8)
        try "Moderator: Why?\nAnna: Strong army.\n".write(to: scratch.appendingPathComponent("more/aktau.txt"), atomically: true, encoding: .utf8)
        try "not a transcript".write(to: scratch.appendingPathComponent("more/notes.md"), atomically: true, encoding: .utf8)
        return scratch.path
    }

    @Test("the transcripts of an entry: a CSV and a wildcard of plain-text files, each named by its file, languages by group, the moderators left out")
    func loads() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let base = try folder()
        let spec = ReportFocusGroups(transcripts: ["groups.csv", "more/*.txt"], frame: "frame.yaml", quotations: 1, language: "en",
                                     languages: ["taraz": "kk"], line: 7)
        let coding = try FocusGroupsLoader.coding(spec, base: base, report: "report.yaml")
        // Plain-text files in name order after the CSV; notes.md is not matched.
        #expect(coding.groups == ["Almaty-ru", "Shymkent-kk", "Kostanay-ru", "aktau", "taraz"])
        #expect(coding.languages == ["ru", "kk", "en"])
        #expect(coding.turns.count == 11 + 1 + 2)
        #expect(coding.turns.allSatisfy { $0.turn.speaker != "Модератор" && $0.turn.speaker != "Moderator" })
        #expect(coding.turns.first { $0.turn.group == "taraz" }?.turn.language == "kk")
        #expect(coding.turns.first { $0.turn.group == "aktau" }?.turn.language == "en")
        let domestic = try #require(coding.counts.first { $0.code == "domestic" })
        #expect(domestic.byGroup["taraz"] == 1 && domestic.quotations.count == 1)
        #expect(coding.frame.name == "Reasons for a favourable opinion of Russia")
    }

    @Test("a transcript or frame that is missing or broken, or a wildcard that matches nothing: one sentence with report.yaml's line")
    func badFiles() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let base = try folder()
        try "frame: {name: T, languages: [en]}\ncodes:\n  - code: a\n    lable: A\n".write(toFile: base + "/broken.yaml", atomically: true, encoding: .utf8)
        try Data([0x41, 0xff, 0xfe]).write(to: scratch.appendingPathComponent("latin.txt"))
        let cases: [(ReportFocusGroups, String)] = [
            (ReportFocusGroups(transcripts: ["groups.csv", "gone.csv"], frame: "frame.yaml", line: 12),
             "Cannot read report 'report.yaml', line 12: the focus groups' transcript '\(base)/gone.csv' does not exist; check the path, which is relative to the report file."),
            (ReportFocusGroups(transcripts: ["more/*.text"], frame: "frame.yaml", line: 12),
             "Cannot read report 'report.yaml', line 12: the focus groups' transcripts 'more/*.text' match no file in '\(base)/more'; check the folder and the name, which are relative to the report file."),
            (ReportFocusGroups(transcripts: ["groups.csv"], frame: "frames/none.yaml", line: 12),
             "Cannot read report 'report.yaml', line 12: the focus groups' frame '\(base)/frames/none.yaml' does not exist; check the path, which is relative to the report file."),
            (ReportFocusGroups(transcripts: ["groups.csv"], frame: "broken.yaml", line: 12),
             "Cannot read report 'report.yaml', line 12: the focus groups' frame '\(base)/broken.yaml' cannot be used (cannot read code frame '\(base)/broken.yaml', line 4: unknown key 'lable' in a code; did you mean 'label'?)."),
            (ReportFocusGroups(transcripts: ["latin.txt"], frame: "frame.yaml", line: 12),
             "Cannot read report 'report.yaml', line 12: the focus groups' transcript '\(base)/latin.txt' cannot be read (cannot read the transcript '\(base)/latin.txt': it is not UTF-8 text; save it as UTF-8)."),
        ]
        for (spec, message) in cases {
            do {
                _ = try FocusGroupsLoader.coding(spec, base: base, report: "report.yaml")
                Issue.record("read \(spec.transcripts) with \(spec.frame)")
            } catch {
                #expect(error.message == message)
            }
        }
        try "# only a note\n\n".write(toFile: base + "/empty.txt", atomically: true, encoding: .utf8)
        #expect(throws: ReadError.self) { try FocusGroupsLoader.coding(ReportFocusGroups(transcripts: ["empty.txt"], frame: "frame.yaml"), base: base, report: "r.yaml") }
    }

    @Test("a CSV transcript without a turn column, read directly, is refused naming the column")
    func csvWithoutTurns() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let csv = scratch.appendingPathComponent("bad.csv").path
        try "group,speaker,words\nA,B,c\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(throws: ReadError(.malformed, "The transcript '\(csv)' has no column 'turn'; its columns are group, language, speaker and turn.")) {
            try TranscriptReader.turns(inFile: csv)
        }
        #expect(TranscriptReader.group(ofPlainText: "/x/more/taraz.txt") == "taraz" && TranscriptReader.isCSV("A.CSV") && !TranscriptReader.isCSV("a.txt"))
    }
}
