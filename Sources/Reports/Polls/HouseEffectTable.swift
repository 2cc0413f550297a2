import SurveyCore
import Translations

/// The house effects of an average across pollsters as a small table: each pollster, how far
/// its published shares sit above (+) or below (−) the average in percentage points, the
/// standard error in points, and its respondents. For reports and the explorer.
///
/// ```swift
/// let table = HouseEffectTable(result: result, answer: "Russia", language: "ru")
/// let html = table.html()
/// ```
public struct HouseEffectTable: Sendable, Equatable {
    /// One pollster's house effect.
    public struct Row: Sendable, Equatable {
        /// The pollster's name.
        public var pollster: String
        /// The effect as a proportion (0.02: two points above the average).
        public var effect: Double
        /// The effect's standard error as a proportion.
        public var standardError: Double
        /// Respondents of the pollster's polls reporting the answer.
        public var respondents: Int
    }

    /// The caption ("House effects: Russia").
    public var title: String
    /// The pollsters' effects.
    public var rows: [Row]
    let language: String

    /// The `house-effect` rows of `result` for `answer` (the first averaged answer when nil),
    /// in the result's order.
    /// - Parameter label: the answer as the reader should see it (default: as published).
    public init(result: AnalysisResult, answer: String? = nil, label: String? = nil, language: String = "en") {
        let effects = result.rows.filter { $0.statistic == .houseEffect }
        let chosen = answer ?? effects.first?.level
        rows = effects.filter { $0.level == chosen }.map { row in
            Row(pollster: row.domain["pollster"] ?? "", effect: row.estimate ?? .nan, standardError: row.standardError ?? .nan,
                respondents: row.unweightedCount)
        }
        title = Translator(tag: language)(.houseEffectsOf, label ?? chosen ?? "")
        self.language = language
    }

    var table: ReportTable {
        let words = Translator(tag: language)
        return ReportTable(
            title: title,
            columns: [.init(header: words(.pollster), alignment: .left), .init(header: words(.houseEffectPoints), alignment: .right),
                      .init(header: words(.standardError), alignment: .right), .init(header: words(.unweightedCount), alignment: .right)],
            rows: rows.map { r in
                [r.pollster, NumberText.points(r.effect), NumberText.fixed(r.standardError * 100, decimals: 1),
                 StudyChartMaker.grouped(r.respondents, in: Translator(tag: language).language)]
            })
    }

    /// An HTML `<table>` with its caption, numbers right-aligned (inside a scrolling wrapper).
    public func html() -> String { StudyReportBuilder.htmlTable(table) }

    /// A Markdown table under its caption in bold.
    public func markdown() -> String { "**\(MarkdownRenderer.escape(title))**\n\n" + MarkdownRenderer.draw(table) + "\n" }
}
