import SurveyCore

/// Turns an ``AnalysisResult`` into text: the one entry point of the Reports module.
///
/// Rendering is pure: it produces a `String` and never touches files or streams. Every
/// format ends with a newline, so the text can be written to a terminal or file as is.
///
/// ```swift
/// let text = ResultRenderer(language: "ru").render(result, as: .table)
/// ```
public struct ResultRenderer: Sendable {
    /// Language (BCP 47) of headings and captions in `table`, `markdown` and HTML output:
    /// `en`, `ru` and `kk` (a region such as `kk-KZ` falls to its language; other languages
    /// get English), from the catalog of the Translations module. Value and variable labels
    /// come from the result as they are. `json` and `csv` are not localized; the headers of
    /// ``workbook(_:)`` are.
    public var language: String

    public init(language: String = "en") {
        self.language = language
    }

    /// The result's tables as HTML (`<table>` elements with captions, numbers right-aligned),
    /// for pages that embed them.
    public func htmlTables(_ result: AnalysisResult) -> String {
        ReportBuilder(language: language, cellStyle: .inline).build(result).tables.map(StudyReportBuilder.htmlTable).joined(separator: "\n")
    }

    /// The result as a spreadsheet: a sheet of estimates with the CSV's columns, the changes
    /// between waves and the tests when there are any, and a sheet on the design, warnings and
    /// provenance; headers and sheet names in ``language`` (see ``ResultWorkbookBuilder``).
    /// SurveyIO's `XLSXWriter` writes it as an .xlsx file.
    public func workbook(_ result: AnalysisResult) -> Workbook {
        ResultWorkbookBuilder(language: language).build(result)
    }

    /// The result in `format`.
    public func render(_ result: AnalysisResult, as format: OutputFormat) -> String {
        switch format {
        case .table: TableRenderer(language: language).render(result)
        case .json: JSONRenderer().render(result)
        case .csv: CSVRenderer().render(result)
        case .markdown: MarkdownRenderer(language: language).render(result)
        }
    }
}
