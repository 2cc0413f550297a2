import SurveyCore

/// The report as GitHub-flavoured Markdown: the design in bold, a `###` heading and a pipe
/// table per variable and statistic (crosstab cells as "39.4% [35.1, 43.9]"), the tests as
/// paragraphs and the warnings as block quotes. Cells are padded so the source reads well.
struct MarkdownRenderer {
    let language: String

    func render(_ result: AnalysisResult) -> String {
        let document = ReportBuilder(language: language, cellStyle: .inline).build(result)
        var blocks = ["**\(document.designLabel):** \(document.design)"]
        if let note = document.emptyNote { blocks.append(note) }
        for table in document.tables {
            blocks.append("### " + table.title)
            blocks.append(Self.draw(table))
        }
        blocks += document.tests
        blocks += document.warnings.map { "> **\(document.warningLabel):** \($0)" }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A pipe table; `|` inside a cell is escaped, line breaks become spaces.
    static func draw(_ table: ReportTable) -> String {
        let escaped = ReportTable(
            title: table.title,
            columns: table.columns.map { .init(header: escape($0.header), alignment: $0.alignment) },
            rows: table.rows.map { $0.map(escape) }
        )
        let widths = escaped.widths.map { max($0, 3) }
        func line(_ cells: [String]) -> String {
            "| " + cells.indices.map { escaped.padded(cells[$0], column: $0, widths: widths) }.joined(separator: " | ") + " |"
        }
        let rule = "| " + escaped.columns.indices.map { i in
            let dashes = String(repeating: "-", count: widths[i] - 1)
            return escaped.columns[i].alignment == .right ? dashes + ":" : ":" + dashes
        }.joined(separator: " | ") + " |"
        return ([line(escaped.columns.map(\.header)), rule] + escaped.rows.map(line)).joined(separator: "\n")
    }

    /// A cell on one line with its pipes escaped.
    static func escape(_ cell: String) -> String {
        var out = ""
        for c in cell {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
