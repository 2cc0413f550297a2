/// The content of a human-readable report, independent of how it is drawn.
struct ReportDocument: Sendable, Equatable {
    /// "Design", in the report's language.
    var designLabel: String
    /// "weights pw, strata stype, ...; 200 respondents, ...".
    var design: String
    var tables: [ReportTable]
    /// Shown instead of tables when the result has no rows.
    var emptyNote: String?
    /// One line per test.
    var tests: [String]
    /// "Warning", in the report's language.
    var warningLabel: String
    var warnings: [String]
}
