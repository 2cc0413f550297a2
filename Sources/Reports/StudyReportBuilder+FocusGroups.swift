import Foundation
import Studies
import TextCoding
import Translations

extension StudyReportBuilder {
    /// What a section's focus groups add to the report: their block (apart from the survey's
    /// figures), a CSV of the counts and a line of the summary.
    struct FocusGroupsFigure {
        var html: [String]
        var markdown: [String]
        var table: StudyReport.File
        var summary: String
    }

    /// A section's focus groups: a heading; a note that these are counts of coded segments
    /// from the named groups (and languages), not estimates — no weights, no confidence
    /// intervals, the groups no sample; the codes (labels in the report's language, in the
    /// frame's order) by group and by language with totals; the participants' turns no rule
    /// coded; and each code's quotations in the language they were said in (`lang` in HTML).
    func focusGroupsFigure(_ spec: ReportFocusGroups, coding: TranscriptCoding, name: String) -> FocusGroupsFigure {
        let translate = Translator(tag: language)
        let title = spec.title?.text(in: language) ?? translate(.focusGroupsTitle)
        let groupsNote = translate.text(coding.groups.count == 1 ? .focusGroupsCountsOne : .focusGroupsCounts,
                                        arguments: [String(coding.groups.count), coding.groups.joined(separator: ", ")])
        let note = [groupsNote, coding.languages.isEmpty ? nil : translate(.focusGroupsLanguages, coding.languages.joined(separator: ", ")),
                    translate(.focusGroupsNotEstimates)].compactMap { $0 }.joined(separator: " ")
        let label = { (code: String) in coding.frame.code(code)?.label(in: language) ?? code }
        let coded = coding.turns.filter { !$0.codes.isEmpty }

        /// Codes by the columns `keys` (groups or languages) of each turn, with a total column
        /// and rows of the turns with a code, without one, and all.
        func table(_ title: String, keys: [String], key: (TranscriptTurn) -> String?, counts: (TranscriptCoding.CodeCount) -> [String: Int]) -> ReportTable {
            // Turns of no language get a column of their own, so every row adds up to its total.
            let unkeyed = coding.turns.contains { key($0.turn) == nil }
            var columns: [ReportTable.Column] = [.init(header: translate(.codeHeader), alignment: .left)]
            columns += keys.map { .init(header: $0, alignment: .right) }
            if unkeyed { columns.append(.init(header: "—", alignment: .right)) }
            columns.append(.init(header: translate(.focusGroupsTotal), alignment: .right))
            func cells(_ byKey: [String: Int], total: Int) -> [String] {
                let kept = keys.map { byKey[$0] ?? 0 }
                return kept.map(String.init) + (unkeyed ? [String(total - kept.reduce(0, +))] : []) + [String(total)]
            }
            func turns(_ turns: [TranscriptCoding.CodedTurn]) -> [String: Int] {
                turns.reduce(into: [:]) { counts, coded in if let k = key(coded.turn) { counts[k, default: 0] += 1 } }
            }
            var rows = coding.counts.map { count in [label(count.code)] + cells(counts(count), total: count.total) }
            let uncoded = coding.turns.filter { $0.codes.isEmpty }
            rows.append([translate(.focusGroupsCodedRow)] + cells(turns(coded), total: coded.count))
            rows.append([translate(.focusGroupsUncodedRow)] + cells(turns(uncoded), total: uncoded.count))
            rows.append([translate(.focusGroupsTurnsRow)] + cells(turns(coding.turns), total: coding.turns.count))
            return ReportTable(title: title, columns: columns, rows: rows)
        }
        var tables = [table(translate(.focusGroupsByGroup), keys: coding.groups, key: \.group, counts: \.byGroup)]
        if !coding.languages.isEmpty {
            tables.append(table(translate(.focusGroupsByLanguage), keys: coding.languages, key: \.language, counts: \.byLanguage))
        }
        let uncodedNote = translate(.focusGroupsUncoded, String(coding.uncoded), String(coding.turns.count))
        let quoted = coding.counts.filter { !$0.quotations.isEmpty }
        func attribution(_ turn: TranscriptTurn) -> String {
            [turn.speaker, turn.group].compactMap { $0 }.joined(separator: ", ")
        }

        var html = ["<section class=\"focus-groups\">", "<h3>\(MarkdownHTML.escape(title))</h3>",
                    "<p class=\"not-estimates\" role=\"note\">\(MarkdownHTML.escape(note))</p>"]
        html += tables.map(Self.htmlTable)
        html.append("<p>\(MarkdownHTML.escape(uncodedNote))</p>")
        var markdown = ["### " + title, "> " + note]
        for table in tables { markdown += ["**\(MarkdownRenderer.escape(table.title))**", MarkdownRenderer.draw(table)] }
        markdown.append(uncodedNote)
        if !quoted.isEmpty {
            html.append("<h4>\(MarkdownHTML.escape(translate(.quotations)))</h4>")
            html.append("<dl class=\"quotations\">")
            markdown.append("#### " + translate(.quotations))
            for count in quoted {
                html.append("<dt>\(MarkdownHTML.escape(label(count.code)))</dt>")
                var lines: [String] = []
                for turn in count.quotations {
                    let lang = turn.language.map { " lang=\"\(MarkdownHTML.escape($0))\"" } ?? ""
                    html.append("<dd><blockquote\(lang)><p>\(MarkdownHTML.escape(turn.text))</p></blockquote>"
                                + "<p class=\"attribution\">— \(MarkdownHTML.escape(attribution(turn)))</p></dd>")
                    lines.append("> «\(MarkdownRenderer.escape(turn.text))» — \(MarkdownRenderer.escape(attribution(turn)))")
                }
                markdown += ["**\(MarkdownRenderer.escape(label(count.code)))**", lines.joined(separator: "\n>\n")]
            }
            html.append("</dl>")
        }
        let file = StudyReport.File(name: "tables/\(name).csv", contents: Self.focusGroupsCSV(coding, label: label))
        html.append("<p class=\"download\"><a href=\"\(file.name)\">CSV</a></p>")
        html.append("</section>")
        let finding = translate(.focusGroupsSummary, String(coding.groups.count), String(coding.turns.count), String(coded.count))
        return FocusGroupsFigure(html: html, markdown: markdown, table: file, summary: [title, "", finding].joined(separator: " | "))
    }

    /// The counts as CSV: one row per code (id, label), a column per group, per language, and
    /// the total.
    static func focusGroupsCSV(_ coding: TranscriptCoding, label: (String) -> String) -> String {
        var lines = [CSVRenderer.line(["code", "label"] + coding.groups.map { "group:" + $0 } + coding.languages.map { "language:" + $0 } + ["total"])]
        for count in coding.counts {
            let cells = coding.groups.map { count.byGroup[$0] ?? 0 } + coding.languages.map { count.byLanguage[$0] ?? 0 } + [count.total]
            lines.append(CSVRenderer.line([count.code, label(count.code)] + cells.map(String.init)))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
