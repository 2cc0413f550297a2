import ArgumentParser
import Reports

/// What `--format` asks for: one of the text formats of Reports, printed or written to `--out`,
/// or an XLSX workbook, which is binary and so always goes to `--out`.
enum ResultFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json, csv, markdown, xlsx

    /// The text format, or `nil` for the workbook.
    var text: OutputFormat? {
        switch self {
        case .table: .table
        case .json: .json
        case .csv: .csv
        case .markdown: .markdown
        case .xlsx: nil
        }
    }
}
