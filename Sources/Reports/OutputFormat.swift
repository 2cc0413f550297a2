/// The text formats a result can be rendered in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// An aligned plain-text report for a terminal.
    case table
    /// The stable JSON result object of DESIGN.md §5.
    case json
    /// One line per estimate, for spreadsheets and R's `read.csv`.
    case csv
    /// GitHub-flavoured Markdown tables.
    case markdown
}
