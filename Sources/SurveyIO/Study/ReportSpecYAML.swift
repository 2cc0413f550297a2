import Foundation
import Studies
import SurveyCore
import Yams

/// Reads a `report.yaml` (the format is described on ``ReportSpec``).
public enum ReportSpecYAML {
    /// - Throws: ``ReadError`` naming the file, the line and the fix.
    public static func read(path: String) throws(ReadError) -> ReportSpec {
        let data = try FileContents.read(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(.invalidEncoding, "Cannot read report '\(path)': the file is not valid UTF-8; save it with UTF-8 encoding.")
        }
        return try read(string: text, name: path)
    }

    public static func read(string: String, name: String) throws(ReadError) -> ReportSpec {
        var parser = ReportSpecYAMLParser(name: name)
        return try parser.parse(string)
    }
}

/// The parser behind ``ReportSpecYAML``.
struct ReportSpecYAMLParser: YAMLDocumentParsing {
    static let documentKind = "report"
    static let analysisKeys = ["concept", "chart", "title", "by", "filter", "levels", "collapse", "waves", "compare",
                               "exclude-missing", "net", "level"]
    let name: String
    private(set) var language = "en"

    init(name: String) { self.name = name }

    mutating func parse(_ text: String) throws(ReadError) -> ReportSpec {
        guard let root = try compose(text), !isNull(root), case .mapping(let top) = root else {
            throw failure(nil, "the file describes no report; write `title:`, `study:` and `sections:`")
        }
        let m = try keys(of: top, in: "the top level of the report", allowed: ["language", "title", "subtitle", "study", "intro", "sections"])
        if let n = m["language"] { language = try scalar(n, what: "`language`") }
        guard let titleNode = m["title"], let title = try localized(titleNode, what: "the title") else {
            throw failure(line(root), "the report has no `title:`")
        }
        guard let studyNode = m["study"] else {
            throw failure(line(root), "the report names no `study:`; give the study folder relative to the report, e.g. `study: study`")
        }
        var spec = ReportSpec(title: title, study: try scalar(studyNode, what: "`study`"), sections: [])
        if let n = m["subtitle"] { spec.subtitle = try localized(n, what: "the subtitle") ?? LocalizedText() }
        if let n = m["intro"] { spec.intro = try localized(n, what: "the introduction") ?? LocalizedText() }
        guard let sectionsNode = m["sections"], case .sequence(let sections) = sectionsNode, !sections.isEmpty else {
            throw failure(m["sections"].flatMap(line) ?? line(root), "the report has no `sections:`; add at least one with a `title:` and `analyses:`")
        }
        for s in sections {
            guard case .mapping(let sm) = s else {
                throw failure(line(s), "a section is \(describe(s)); write `- title: {en: …}` with `text:` and `analyses:` under it")
            }
            let f = try keys(of: sm, in: "a section", allowed: ["title", "text", "analyses"])
            var section = ReportSection(title: try f["title"].flatMap { n throws(ReadError) in try localized(n, what: "a section title") } ?? LocalizedText())
            if let n = f["text"] { section.text = try localized(n, what: "a section's text") ?? LocalizedText() }
            if let n = f["analyses"], !isNull(n) {
                guard case .sequence(let analyses) = n else {
                    throw failure(line(n), "`analyses:` is \(describe(n)); write a list such as `- {concept: opinion_russia, chart: trend}`")
                }
                for a in analyses { section.analyses.append(try analysis(a)) }
            }
            spec.sections.append(section)
        }
        return spec
    }

    private func analysis(_ node: Node) throws(ReadError) -> ReportAnalysis {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "an analysis is \(describe(node)); write `{concept: opinion_russia, chart: trend}`")
        }
        let m = try keys(of: mapping, in: "an analysis", allowed: Self.analysisKeys)
        guard let conceptNode = m["concept"] else { throw failure(line(node), "an analysis names no `concept:`") }
        var request = TrendRequest(concept: try scalar(conceptNode, what: "the concept"))
        var chart = ReportAnalysis.ChartKind.trend
        if let n = m["chart"] {
            let text = try scalar(n, what: "the chart")
            guard let kind = ReportAnalysis.ChartKind(rawValue: text) else {
                throw failure(line(n), "the chart '\(text)' is not one of \(ReportAnalysis.ChartKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            chart = kind
        }
        if let n = m["by"] { request.by = try strings(n, what: "`by`") }
        if let n = m["filter"] { request.filter = try scalar(n, what: "`filter`") }
        if let n = m["levels"] { request.levels = try strings(n, what: "`levels`") }
        if let n = m["waves"] { request.waves = try strings(n, what: "`waves`") }
        if let n = m["collapse"] {
            for text in try strings(n, what: "`collapse`") {
                guard let group = TrendRequest.LevelGroup(parsing: text) else {
                    throw failure(line(n), "the group \"\(text)\" is not NAME=LEVEL+LEVEL, e.g. \"favourable=very_favourable+somewhat_favourable\"")
                }
                request.collapse.append(group)
            }
        }
        if let n = m["compare"] {
            let (changes, invalid) = TrendRequest.Changes.parse(try strings(n, what: "`compare`"))
            if let invalid {
                throw failure(line(n), "the change '\(invalid)' is not FROM:TO (e.g. 2021-spring:2022-autumn), consecutive, first-last or none")
            }
            request.changes = changes
        }
        if let n = m["exclude-missing"] {
            let text = try scalar(n, what: "`exclude-missing`")
            guard let flag = YAMLScalars.bool(text) else { throw failure(line(n), "`exclude-missing: \(text)` is not true or false") }
            request.options.missing = flag ? .exclude : .include
        }
        if let n = m["net"] {
            let text = try scalar(n, what: "`net`")
            guard let flag = YAMLScalars.bool(text) else { throw failure(line(n), "`net: \(text)` is not true or false") }
            request.netScore = flag
        }
        if let n = m["level"] {
            let text = try scalar(n, what: "the confidence `level`")
            guard let x = YAMLScalars.number(text), x > 0, x < 1 else {
                throw failure(line(n), "the confidence level \(text) is not between 0 and 1; write 0.95 for 95%")
            }
            request.options.confidenceLevel = x
        }
        let title = try m["title"].flatMap { n throws(ReadError) in try localized(n, what: "an analysis title") }
        return ReportAnalysis(request: request, chart: chart, title: title)
    }
}
