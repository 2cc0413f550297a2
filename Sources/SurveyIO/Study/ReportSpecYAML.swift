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

    /// The keys an analysis of report.yaml takes: `chart`, `title` and the request parameters of
    /// the one table (``SurveyCore/RequestParameter``) that report.yaml accepts.
    public static var analysisKeys: [String] { ReportSpecYAMLParser.analysisKeys }

    public static func read(string: String, name: String) throws(ReadError) -> ReportSpec {
        var parser = ReportSpecYAMLParser(name: name)
        return try parser.parse(string)
    }
}

/// The parser behind ``ReportSpecYAML``.
struct ReportSpecYAMLParser: YAMLDocumentParsing {
    static let documentKind = "report"
    /// `chart`, `title`, every parameter of the one table that report.yaml takes, and the older
    /// spelling `exclude-missing`.
    static let analysisKeys = ownKeys
        + RequestParameter.allCases.filter { $0.surfaces.contains(.reportSpec) }.map(\.name) + ["exclude-missing"]

    /// The keys of an analysis that are not request parameters.
    static let ownKeys = ["chart", "title", "question", "answer", "published"]

    static func lowercasedFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
    let name: String
    private(set) var language = "en"

    init(name: String) { self.name = name }

    mutating func parse(_ text: String) throws(ReadError) -> ReportSpec {
        guard let root = try compose(text), !isNull(root), case .mapping(let top) = root else {
            throw failure(nil, "the file describes no report; write `title:`, `study:` and `sections:`")
        }
        let m = try keys(of: top, in: "the top level of the report", allowed: ["language", "title", "subtitle", "study", "intro", "sections", "polls"])
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
        if let n = m["polls"] { spec.polls = try scalar(n, what: "`polls`") }
        guard let sectionsNode = m["sections"], case .sequence(let sections) = sectionsNode, !sections.isEmpty else {
            throw failure(m["sections"].flatMap(line) ?? line(root), "the report has no `sections:`; add at least one with a `title:` and `analyses:`")
        }
        for s in sections {
            guard case .mapping(let sm) = s else {
                throw failure(line(s), "a section is \(describe(s)); write `- title: {en: …}` with `text:` and `analyses:` under it")
            }
            let f = try keys(of: sm, in: "a section", allowed: ["title", "text", "analyses", "focus-groups"])
            var section = ReportSection(title: try f["title"].flatMap { n throws(ReadError) in try localized(n, what: "a section title") } ?? LocalizedText())
            if let n = f["text"] { section.text = try localized(n, what: "a section's text") ?? LocalizedText() }
            if let n = f["analyses"], !isNull(n) {
                guard case .sequence(let analyses) = n else {
                    throw failure(line(n), "`analyses:` is \(describe(n)); write a list such as `- {concept: opinion_russia, chart: trend}`")
                }
                for a in analyses { section.analyses.append(try analysis(a)) }
            }
            if let n = f["focus-groups"] { section.focusGroups = try focusGroups(n) }
            spec.sections.append(section)
        }
        return spec
    }

    /// The keys of a `focus-groups:` entry.
    static let focusGroupsKeys = ["transcripts", "frame", "quotations", "moderators", "language", "languages", "title"]

    /// A section's `focus-groups:` entry (the format is described on ``Studies/ReportFocusGroups``).
    private func focusGroups(_ node: Node) throws(ReadError) -> ReportFocusGroups {
        let example = "`focus-groups: {transcripts: [groups.csv], frame: code-frames/reasons.yaml}`"
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "`focus-groups:` is \(describe(node)); write a mapping such as \(example)")
        }
        let m = try keys(of: mapping, in: "`focus-groups`", allowed: Self.focusGroupsKeys)
        let transcripts = try m["transcripts"].map { n throws(ReadError) in try strings(n, what: "`transcripts`") } ?? []
        guard !transcripts.isEmpty, !transcripts.contains(where: \.isEmpty) else {
            throw failure(m["transcripts"].flatMap(line) ?? line(node),
                          "the focus groups name no `transcripts:`; list the transcript files (CSV or plain text) relative to the report, e.g. \(example)")
        }
        guard let frameNode = m["frame"], !isNull(frameNode) else {
            throw failure(line(node), "the focus groups name no `frame:`; give the code frame (YAML) that codes the transcripts, e.g. \(example)")
        }
        var spec = ReportFocusGroups(transcripts: transcripts, frame: try scalar(frameNode, what: "`frame`"), line: line(node))
        if let n = m["quotations"] {
            let text = try scalar(n, what: "`quotations`")
            guard let count = Int(text), count >= 0 else {
                throw failure(line(n), "`quotations: \(text)` is not a number of quotations per code; write 0 for none or e.g. `quotations: 2`")
            }
            spec.quotations = count
        }
        if let n = m["moderators"] { spec.moderators = try strings(n, what: "`moderators`") }
        func tag(_ node: Node, what: String) throws(ReadError) -> String {
            let text = try scalar(node, what: what)
            guard YAMLScalars.isLanguageTag(text) else {
                throw failure(line(node), "\(what) '\(text)' is not a language tag; write a BCP 47 tag such as en, ru or kk")
            }
            return text
        }
        if let n = m["language"] { spec.language = try tag(n, what: "the focus groups' `language`") }
        if let n = m["languages"] {
            guard case .mapping(let groups) = n else {
                throw failure(line(n), "`languages:` is \(describe(n)); write the language of each plain-text transcript by its file name without the extension, e.g. `languages: {taraz: kk, kostanay: ru}`")
            }
            for (key, value) in groups {
                spec.languages[try scalar(key, what: "a group of `languages`")] = try tag(value, what: "the language of a group")
            }
        }
        spec.title = try m["title"].flatMap { n throws(ReadError) in try localized(n, what: "the focus groups' title") }
        return spec
    }

    private func analysis(_ node: Node) throws(ReadError) -> ReportAnalysis {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "an analysis is \(describe(node)); write `{concept: opinion_russia, chart: trend}`")
        }
        let m = try keys(of: mapping, in: "an analysis", allowed: Self.analysisKeys)
        let isMentions = m["chart"].flatMap { n -> String? in if case .scalar(let c) = n { return c.string } else { return nil } } == ReportAnalysis.ChartKind.mentions.rawValue
        // Without a concept, a chart follows a coded question's shares of mentions across waves.
        let followsMentions = m["concept"] == nil && !isMentions && (m["mentions"] != nil || m["mentioned"] != nil)
        // Without a concept, a table gives the quantiles of a numeric variable, or a regression, in one wave.
        let quantiles = m["concept"] == nil && m["quantile"] != nil
        let isModel = m["model"] != nil
        guard m["concept"] != nil || isMentions || followsMentions || quantiles || isModel else { throw failure(line(node), "an analysis names no `concept:`") }
        var chart = isModel ? ReportAnalysis.ChartKind.table : .trend
        if let n = m["chart"] {
            let text = try scalar(n, what: "the chart")
            guard let kind = ReportAnalysis.ChartKind(rawValue: text) else {
                throw failure(line(n), "the chart '\(text)' is not one of \(ReportAnalysis.ChartKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            chart = kind
        }
        // Every other key is a request parameter, decoded through the one table of names.
        var parameters = RequestParameters([], surface: .reportSpec)
        var lines: [String: Int] = [:]
        for (key, _) in mapping {
            guard case .scalar(let k) = key, !Self.ownKeys.contains(k.string) else { continue }
            let name = k.string
            guard let n = m[name] else { continue }
            if let at = line(n) { lines[name] = at }
            let listed: [String]
            if case .sequence = n { listed = try strings(n, what: "`\(name)`") } else { listed = [try scalar(n, what: "`\(name)`")] }
            // A list of mention columns is one multiple-response question, not one per column.
            if [RequestParameter.mentions, .mentioned].contains(RequestParameter(name: name)) {
                parameters.append(name, listed.joined(separator: ","))
            } else {
                for value in listed { parameters.append(name, value) }
            }
        }
        let request: AnalysisRequest
        do throws(SurveyError) {
            var start = AnalysisRequest()
            if followsMentions { start.trend = TrendSpec(concept: nil) }
            request = try parameters.request(startingFrom: start)
        } catch {
            let at = error.field.flatMap { f in lines.first { RequestParameter(name: $0.key) == f }?.value } ?? line(node)
            var problem = Self.lowercasedFirst(error.message(for: .reportSpec))
            if problem.hasSuffix(".") { problem.removeLast() }
            throw failure(at, problem)
        }
        if isModel {
            // A regression is a table of one wave's coefficients.
            guard request.wave != nil, request.trend == nil, request.measures.isEmpty, chart == .table else {
                throw failure(line(node), "a `model:` analysis tables the coefficients of one wave: write `{chart: table, wave: 2022-autumn, model: \"q ~ age + sex\", family: binomial}` without `concept:` or measures")
            }
        }
        let title = try m["title"].flatMap { n throws(ReadError) in try localized(n, what: "an analysis title") }
        var polls: ReportAnalysis.PollQuestion?
        if chart == .polls {
            guard let q = m["question"], let a = m["answer"] else {
                throw failure(line(node), "a `chart: polls` analysis names the published `question:` and `answer:` that the concept's level joins, e.g. `{chart: polls, question: war_side, answer: Russia, concept: war_side, levels: [russia]}`")
            }
            guard request.trend?.levels.isEmpty == false || request.trend?.collapse.isEmpty == false else {
                throw failure(line(node), "a `chart: polls` analysis needs `levels:`, the concept's level that matches the answer '\(try scalar(a, what: "`answer`"))'")
            }
            polls = ReportAnalysis.PollQuestion(question: try scalar(q, what: "`question`"), answer: try scalar(a, what: "`answer`"))
        } else if let extra = m["question"] ?? m["answer"] {
            throw failure(line(extra), "`question:` and `answer:` belong to a `chart: polls` analysis; add `chart: polls`, or leave them out")
        }
        if quantiles {
            guard chart == .table, request.wave != nil, request.trend == nil, m["chart"] != nil else {
                throw failure(line(node), "quantiles of a numeric variable are a table of one wave: write `{chart: table, wave: 2022-autumn, quantile: age, probabilities: [0.25, 0.5, 0.75]}` (with `by:` for groups)")
            }
        }
        var published: ReportAnalysis.PublishedShares?
        if chart == .mentions {
            guard request.wave != nil, request.trend == nil,
                  request.measures.count == 1, [.mentions, .mentioned].contains(request.measures[0].statistic) else {
                throw failure(line(node), "a `chart: mentions` analysis tables one coded question of one wave: write `{chart: mentions, wave: 2019-autumn, mentions: [reason1_code, reason2_code]}` (or `mentioned:` with `by:`)")
            }
            if let n = m["published"] {
                guard case .mapping(let mapping) = n else {
                    throw failure(line(n), "`published:` is \(describe(n)); write `{all: [47, 8, 7], categorizable: [57, 10, 9], source: {en: ...}}`, the published percentages in the order of the codes")
                }
                let p = try keys(of: mapping, in: "`published`", allowed: ["all", "categorizable", "source"])
                guard let allNode = p["all"], let sourceNode = p["source"], let source = try localized(sourceNode, what: "the source") else {
                    throw failure(line(n), "`published:` needs `all:` (the published percentages of all mentions, in the order of the codes) and `source:`")
                }
                func percentages(_ node: Node) throws(ReadError) -> [Double] {
                    var values: [Double] = []
                    for text in try strings(node, what: "published percentages") {
                        guard let v = Double(text), v >= 0, v <= 100 else {
                            throw failure(line(node), "the published value '\(text)' is not a percentage between 0 and 100")
                        }
                        values.append(v)
                    }
                    return values
                }
                published = ReportAnalysis.PublishedShares(
                    all: try percentages(allNode), categorizable: try p["categorizable"].map { n throws(ReadError) in try percentages(n) } ?? [],
                    source: source)
            }
        } else if let extra = m["published"] {
            throw failure(line(extra), "`published:` belongs to a `chart: mentions` analysis; add `chart: mentions`, or leave it out")
        }
        return ReportAnalysis(request: request, chart: chart, title: title, polls: polls, published: published)
    }
}
