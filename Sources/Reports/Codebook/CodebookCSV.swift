import SurveyCore
import Translations

/// The codebook listing as a table for spreadsheets: one line per category of each variable (a
/// variable without categories takes one line with empty category fields). Labels are in the
/// requested language. The CSV output and the XLSX workbook share these columns.
///
/// Columns: `variable, type, label, measurement, valid, missing, code, value_label, count,
/// user_missing`.
struct CodebookCSV {
    let language: String

    static let columns = ["variable", "type", "label", "measurement", "valid", "missing", "code", "value_label", "count",
                          "user_missing"]

    /// The headers of ``columns`` for people, from the catalog.
    static let headers: [Phrase] = [
        .columnVariable, .columnType, .columnLabel, .columnMeasurement, .columnValid, .columnMissing, .columnCode,
        .columnValueLabel, .columnCount, .columnUserMissing,
    ]

    func render(_ summary: CodebookSummary) -> String {
        ([CSVRenderer.line(Self.columns)] + records(summary).map { CSVRenderer.line($0.map(\.csvField)) })
            .joined(separator: "\n") + "\n"
    }

    /// The lines under the header, one value per column.
    func records(_ summary: CodebookSummary) -> [[TableValue]] {
        var lines: [[TableValue]] = []
        for v in summary.variables {
            let head: [TableValue] = [
                .text(v.name), .text(CodebookText(language: "en").type(v)), .text(v.metadata.label.text(in: language)),
                .text(v.metadata.measurement?.rawValue), .integer(v.valid), .integer(v.missing),
            ]
            let categories = v.categories ?? []
            if categories.isEmpty { lines.append(head + [.text(nil), .text(nil), .integer(nil), .text(nil)]) }
            for c in categories {
                lines.append(head + [.text(c.code), .text(c.label?.text(in: language)), .integer(c.count),
                                     .text(c.isMissing ? "true" : "false")])
            }
        }
        return lines
    }

    /// The listing as a one-sheet workbook, headers in the language of the listing.
    func workbook(_ summary: CodebookSummary) -> Workbook {
        let translate = Translator(tag: language)
        return Workbook(sheets: [Worksheet(
            name: translate(.sheetCodebook), header: Self.headers.map { translate($0) },
            rows: records(summary).map { $0.map(\.cell) })])
    }
}
