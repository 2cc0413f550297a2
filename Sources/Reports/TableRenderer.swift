import SurveyCore

/// A plain-text report for a terminal: the design on top, then one aligned table per
/// variable and statistic (crosstabs as two-way grids, each interval under its percentage),
/// the tests and the warnings. Numbers are right-aligned; widths count terminal columns, so
/// Cyrillic labels line up.
///
/// ```
/// Design: weights pw, strata stype, fpc fpc; 200 respondents, 200 PSUs in 3 strata, 197 df
///
/// Mean of api00
/// stype  Estimate     SE            95% CI    n  Weighted N
/// ─────  ────────  ─────  ────────────────  ───  ──────────
/// E        674.43  12.49  [649.80, 699.07]  100        4421
/// ```
struct TableRenderer {
    let language: String

    static let columnGap = "  "
    static let rule: Character = "─"

    func render(_ result: AnalysisResult) -> String {
        let document = ReportBuilder(language: language, cellStyle: .stacked).build(result)
        var blocks = ["\(document.designLabel): \(document.design)"]
        if let note = document.emptyNote { blocks.append(note) }
        blocks += document.tables.map(Self.draw)
        if !document.tests.isEmpty { blocks.append(document.tests.joined(separator: "\n")) }
        if !document.warnings.isEmpty {
            blocks.append(document.warnings.map { "\(document.warningLabel): \($0)" }.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The title, the header, a rule under it and the rows, columns two spaces apart.
    static func draw(_ table: ReportTable) -> String {
        let widths = table.widths
        func line(_ cells: [String]) -> String {
            let text = cells.indices.map { table.padded(cells[$0], column: $0, widths: widths) }
                .joined(separator: columnGap)
            return String(text.reversed().drop(while: { $0 == " " }).reversed())
        }
        var lines = [table.title, line(table.columns.map(\.header))]
        lines.append(widths.map { String(repeating: rule, count: $0) }.joined(separator: columnGap))
        lines += table.rows.map(line)
        return lines.joined(separator: "\n")
    }
}
