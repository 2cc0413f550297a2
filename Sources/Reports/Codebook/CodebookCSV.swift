import SurveyCore

/// The codebook listing as CSV for a spreadsheet: one line per category of each variable (a
/// variable without categories takes one line with empty category fields). Labels are in the
/// requested language.
///
/// Columns: `variable, type, label, measurement, valid, missing, code, value_label, count,
/// user_missing`.
struct CodebookCSV {
    let language: String

    static let columns = ["variable", "type", "label", "measurement", "valid", "missing", "code", "value_label", "count",
                          "user_missing"]

    func render(_ summary: CodebookSummary) -> String {
        var lines = [CSVRenderer.line(Self.columns)]
        for v in summary.variables {
            let head = [v.name, CodebookText(language: "en").type(v), v.metadata.label.text(in: language) ?? "",
                        v.metadata.measurement?.rawValue ?? "", String(v.valid), String(v.missing)]
            let categories = v.categories ?? []
            if categories.isEmpty { lines.append(CSVRenderer.line(head + ["", "", "", ""])) }
            for c in categories {
                lines.append(CSVRenderer.line(head + [c.code, c.label?.text(in: language) ?? "", String(c.count),
                                                      c.isMissing ? "true" : "false"]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
