import SurveyCore

/// Turns a ``CodebookSummary`` into text: the listing of `barometer codebook`.
///
/// - `table`: the file's label, size, encoding and stored design (as the equivalent flags),
///   its documents and multiple-response sets, an overview of the variables (name, type, label,
///   valid and missing counts), then each variable with its measurement, missing codes and its
///   categories (code, label, count, percentage of respondents, user-missing mark) or the
///   minimum, mean and maximum of its values.
/// - `markdown`: the same with headings and pipe tables.
/// - `json`: everything, labels in every language (see ``CodebookJSON``).
/// - `csv`: one line per category, or per variable without categories.
///
/// Pure: it produces a `String` ending in a newline.
public struct CodebookRenderer: Sendable {
    /// Language (BCP 47) of labels and headings in `table`, `markdown` and `csv`; headings
    /// exist in `en` and `ru`, labels in whatever languages the codebook has.
    public var language: String

    public init(language: String = "en") {
        self.language = language
    }

    /// The `csv` listing as a one-sheet workbook (numbers as numbers), its headers and sheet
    /// name in ``language`` (en, ru, kk); SurveyIO's `XLSXWriter` writes it as an .xlsx file.
    public func workbook(_ summary: CodebookSummary) -> Workbook {
        CodebookCSV(language: language).workbook(summary)
    }

    public func render(_ summary: CodebookSummary, as format: OutputFormat) -> String {
        switch format {
        case .table: table(summary)
        case .markdown: markdown(summary)
        case .json: CodebookJSON().render(summary)
        case .csv: CodebookCSV(language: language).render(summary)
        }
    }

    private func table(_ summary: CodebookSummary) -> String {
        let blocks = CodebookLayout(language: language).sections(summary).map { section in
            var lines = [section.heading]
            if section.level == 1 { lines.append(String(repeating: "═", count: DisplayWidth.of(section.heading))) }
            lines += section.lines
            if let table = section.table {
                if !section.lines.isEmpty { lines.append("") }
                lines.append(String(TableRenderer.draw(table).drop(while: { $0 != "\n" }).dropFirst()))
            }
            return lines.joined(separator: "\n")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func markdown(_ summary: CodebookSummary) -> String {
        let blocks = CodebookLayout(language: language).sections(summary).map { section in
            var parts = [String(repeating: "#", count: section.level) + " " + MarkdownRenderer.escape(section.heading)]
            if !section.lines.isEmpty { parts.append(section.lines.map(MarkdownRenderer.escape).joined(separator: "  \n")) }
            if let table = section.table { parts.append(MarkdownRenderer.draw(table)) }
            return parts.joined(separator: "\n\n")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
