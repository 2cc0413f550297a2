import Foundation
import Polls
import Studies
import SurveyCore
import TextCoding

/// A study report: one self-contained HTML page (inline CSS and SVG, readable on a phone,
/// printable), the same in Markdown, every table as CSV and every chart as SVG.
public struct StudyReport: Sendable {
    public struct File: Sendable, Equatable {
        /// A file name, e.g. `tables/01-opinion_russia.csv`.
        public var name: String
        public var contents: String
    }

    public var html: String
    public var markdown: String
    public var tables: [File]
    public var charts: [File]
    /// One line per analysis: its title and headline numbers, for the terminal.
    public var summary: [String]

    /// The summary as an aligned table (chart, last wave, finding).
    public var summaryTable: String {
        let rows = summary.map { line -> [String] in
            var cells = line.components(separatedBy: " | ")
            while cells.count < 3 { cells.append("") }
            return Array(cells.prefix(3))
        }
        let table = ReportTable(title: "", columns: [
            .init(header: "chart", alignment: .left), .init(header: "wave", alignment: .left), .init(header: "finding", alignment: .left),
        ], rows: rows)
        return String(TableRenderer.draw(table).drop(while: { $0 != "\n" }).dropFirst()) + "\n"
    }
}

/// Builds a ``StudyReport`` from a ``ReportSpec``: runs every analysis (through `run`, which
/// loads the waves), draws its chart, writes its table, and adds plain-language verdicts of
/// the changes and differences it found.
public struct StudyReportBuilder: Sendable {
    public let study: Study
    public let language: String

    public init(study: Study, language: String) {
        self.study = study
        self.language = language
    }

    /// - Parameters:
    ///   - polls: the published polls that `chart: polls` analyses average with the study's
    ///     waves (the file `spec.polls` names).
    ///   - focusGroups: the transcripts of each section's `focusGroups`, read and coded (the
    ///     I/O layer reads them; the report only shows the counts).
    /// - Throws: what `run` throws, or ``SurveyCore/SurveyError`` when a section's focus groups
    ///   are missing from `focusGroups`.
    public func build(_ spec: ReportSpec, polls: [Poll] = [], focusGroups: [ReportFocusGroups: TranscriptCoding] = [:],
                      run: (AnalysisRequest) throws -> AnalysisResult) throws -> StudyReport {
        let words = ReportWords(language: language)
        let charts = StudyChartMaker(study: study, language: language)
        let verdicts = VerdictWriter(language: language)
        let title = spec.title.text(in: language) ?? ""
        var body: [String] = []
        var markdown: [String] = ["# " + title]
        var tables: [StudyReport.File] = []
        var svgs: [StudyReport.File] = []
        var summary: [String] = []
        var toc: [String] = []
        if let subtitle = spec.subtitle.text(in: language) { markdown.append("_\(subtitle)_") }
        if study.simulated { markdown.append("> **\(words.simulatedBanner)**") }
        if let intro = spec.intro.text(in: language) {
            body.append("<section class=\"intro\">\(MarkdownHTML.render(intro))</section>")
            markdown.append(intro)
        }
        var number = 0
        for (s, section) in spec.sections.enumerated() {
            let heading = section.title.text(in: language) ?? ""
            let anchor = "section-\(s + 1)"
            toc.append("<li><a href=\"#\(anchor)\">\(MarkdownHTML.escape(heading))</a></li>")
            var parts = ["<section id=\"\(anchor)\">", "<h2>\(MarkdownHTML.escape(heading))</h2>"]
            markdown.append("## " + heading)
            if let text = section.text.text(in: language) {
                parts.append(MarkdownHTML.render(text))
                markdown.append(text)
            }
            for analysis in section.analyses {
                number += 1
                var request = analysis.request
                request.options.language = language
                let result = try run(request)
                let quantile = request.measures.first { $0.statistic == .quantile }
                if request.regression != nil || (quantile != nil && request.wave != nil) {
                    let label = quantile.flatMap { q in result.variableLabels[q.variable] ?? q.variable }
                    let figure = oneWaveFigure(result, title: analysis.title?.text(in: language) ?? request.regression?.model ?? label ?? "",
                                               name: String(format: "%02d-%@", number, request.regression == nil ? quantile?.variable ?? "quantiles" : "regression"))
                    parts += figure.html
                    markdown += figure.markdown
                    tables.append(figure.table)
                    summary.append(figure.summary)
                    continue
                }
                // A concept, or (a trend without one) the shares of mentions of a coded question.
                let mentions = request.measures.first { $0.statistic == .mentions || $0.statistic == .mentioned }
                let conceptID = request.trend?.concept
                    ?? MultipleResponseSet.stem(of: mentions?.columns.map { $0.hasPrefix("$") ? String($0.dropFirst()) : $0 } ?? []) ?? ""
                let concept = study.concept(conceptID)
                let name = String(format: "%02d-%@", number, conceptID)
                let chartTitle = analysis.title?.text(in: language) ?? concept?.title.text(in: language)
                    ?? mentions.flatMap { result.variableLabels[$0.variable] } ?? conceptID
                if analysis.chart == .mentions {
                    let mentionName = String(format: "%02d-%@", number, MultipleResponseSet.stem(of: request.measures.first?.columns ?? []) ?? "mentions")
                    let figure = try mentionsFigure(analysis, result: result, title: chartTitle, name: mentionName, run: run)
                    parts += figure.html
                    markdown += figure.markdown
                    tables += figure.tables
                    summary.append(figure.summary)
                    continue
                }
                if analysis.chart == .polls, let question = analysis.polls {
                    let figure = try pollsFigure(analysis, question: question, trend: result, polls: polls, title: chartTitle, name: name,
                                                 number: number)
                    parts += figure.html
                    markdown += ["### " + chartTitle] + figure.markdown
                    tables.append(figure.table)
                    svgs += figure.charts
                    summary.append(figure.summary)
                    continue
                }
                var figure = ["<figure>"]
                var downloads = "<a href=\"tables/\(name).csv\">CSV</a>"
                if let svg = charts.svg(analysis.chart, result: result, request: request, title: chartTitle, id: "chart\(number)"),
                   let narrow = charts.svg(analysis.chart, result: result, request: request, title: chartTitle, width: 420, id: "chart\(number)n") {
                    // A page-wide chart and one laid out for phones; CSS shows one of them.
                    figure.append("<div class=\"chart chart-wide\">" + Self.inlineSVG(svg) + "</div>")
                    figure.append("<div class=\"chart chart-narrow\">" + Self.inlineSVG(narrow) + "</div>")
                    svgs.append(.init(name: "charts/\(name).svg", contents: svg))
                    downloads += " · <a href=\"charts/\(name).svg\">SVG</a>"
                    markdown.append("![\(chartTitle)](charts/\(name).svg)")
                } else {
                    figure.append("<h3>\(MarkdownHTML.escape(chartTitle))</h3>")
                    markdown.append("### " + chartTitle)
                }
                let lines = sentences(result, request: request, verdicts: verdicts)
                if !lines.isEmpty {
                    figure.append("<ul class=\"verdicts\">" + lines.map { "<li>\(MarkdownHTML.escape($0))</li>" }.joined() + "</ul>")
                    markdown += lines.map { "- " + $0 }
                }
                figure.append("<figcaption>\(MarkdownHTML.escape(methodNote(result, words: words)))</figcaption>")
                let document = ReportBuilder(language: language, cellStyle: .inline).build(result)
                let tableHTML = document.tables.map(Self.htmlTable).joined(separator: "\n")
                figure.append("<details><summary>\(words.tableSummary)</summary>\(tableHTML)<p class=\"download\">\(downloads)</p></details>")
                figure.append("</figure>")
                parts += figure
                markdown.append(MarkdownRenderer(language: language).render(result))
                tables.append(.init(name: "tables/\(name).csv", contents: CSVRenderer().render(result)))
                summary.append(headline(result, title: chartTitle, request: request))
            }
            if let groups = section.focusGroups {
                guard let coding = focusGroups[groups] else {
                    throw SurveyError(.invalidRequest, "The focus groups of the section '\(heading)' were not read; read their transcripts (\(groups.transcripts.joined(separator: ", "))) before building the report.")
                }
                let figure = focusGroupsFigure(groups, coding: coding, name: String(format: "focus-groups-%02d", s + 1))
                parts += figure.html
                markdown += figure.markdown
                tables.append(figure.table)
                summary.append(figure.summary)
            }
            parts.append("</section>")
            body += parts
        }
        let html = page(title: title, subtitle: spec.subtitle.text(in: language), toc: toc, body: body, words: words)
        return StudyReport(html: html, markdown: markdown.joined(separator: "\n\n") + "\n", tables: tables, charts: svgs, summary: summary)
    }

    /// Verdicts: every change the analysis estimated (changes of "don't know" only when
    /// significant), and every test of a difference between groups.
    /// - Parameter request: the request the result answers; by default the one it carries.
    public func sentences(_ result: AnalysisResult, request: AnalysisRequest? = nil) -> [String] {
        guard let request = request ?? result.request else { return [] }
        return sentences(result, request: request, verdicts: VerdictWriter(language: language))
    }

    func sentences(_ result: AnalysisResult, request: AnalysisRequest, verdicts: VerdictWriter) -> [String] {
        let label = Dictionary(result.waves.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        var out: [String] = []
        let words = ReportWords(language: language)
        let concept = request.trend?.concept.flatMap { study.concept($0) }
        for c in result.comparisons {
            let isMissing = concept?.levels.first { $0.label.texts.values.contains(c.level ?? "") }?.valence == .missing
            if isMissing && !c.isSignificant { continue }
            let domain = c.domain.entries.map(\.value).joined(separator: ", ")
            var subject = c.statistic == .netScore ? words.netScore : (c.level ?? "")
            if !domain.isEmpty { subject += " (\(domain))" }
            out.append(verdicts.change(c, subject: subject.prefix(1).uppercased() + subject.dropFirst(), from: label[c.from] ?? c.from, to: label[c.to] ?? c.to))
        }
        let perCode = request.measures.contains { $0.statistic == .mentioned }
        if request.by.count == 1, !result.tests.isEmpty, perCode {
            // A coded question: one test per code and wave, summed up per wave.
            let variable = result.variableLabels[request.by[0]] ?? request.by[0]
            var waves: [String] = []
            var byWave: [String: [TestResult]] = [:]
            for test in result.tests {
                let wave = request.trend == nil ? "" : test.description?.components(separatedBy: ": ").first ?? ""
                if byWave[wave] == nil { waves.append(wave) }
                byWave[wave, default: []].append(test)
            }
            if waves.count > 3 {
                out.append(verdicts.codeDifferences(inWaves: waves.map { byWave[$0]! }, variable: variable, level: request.options.confidenceLevel))
            } else {
                for wave in waves {
                    let name = label[wave] ?? result.waves.first.map(\.label) ?? wave
                    out.append(verdicts.codeDifferences(byWave[wave]!, variable: variable, wave: name, level: request.options.confidenceLevel))
                }
            }
        } else if request.by.count == 1, !result.tests.isEmpty {
            let variable = result.variableLabels[request.by[0]] ?? request.by[0]
            let groups = Array(Set(result.rows.filter { $0.statistic != .difference }.compactMap { $0.domain[request.by[0]] })).sorted()
            let tests = result.tests.map { test -> (wave: String, test: TestResult) in
                let wave = test.description?.split(separator: ":").first.map(String.init) ?? ""
                return (label[wave] ?? wave, test)
            }
            if tests.count <= 3 {
                for (wave, test) in tests {
                    out.append(verdicts.difference(test, variable: variable, groups: groups, wave: wave, level: request.options.confidenceLevel))
                }
            } else {
                out.append(verdicts.differences(tests, variable: variable, level: request.options.confidenceLevel))
            }
        }
        // Differences between two groups of one wave (`differences`), in the last wave: every one
        // when there are few; else the largest of those beyond sampling error, and how many there are.
        let lastWave = result.waves.last?.id
        let differences = result.rows.filter { $0.statistic == .difference && $0.domain.entries.first?.value == lastWave && $0.difference?.pValue != nil }
        let level = request.options.confidenceLevel
        let significant = differences.filter { $0.difference!.isSignificant(at: level) }
        let shown = differences.count <= Self.differenceSentences ? differences
            : Array(significant.sorted { abs($0.estimate ?? 0) > abs($1.estimate ?? 0) }.prefix(Self.differenceSentences))
        for row in shown {
            guard let d = row.difference, let by = request.by.first, let a = d.group[by], let b = d.reference[by] else { continue }
            var subject = d.of == .netScore ? words.netScore : (row.level ?? "")
            if let wave = lastWave { subject += " (\(label[wave] ?? wave))" }
            let sentence = verdicts.groupDifference(row, subject: subject.prefix(1).uppercased() + subject.dropFirst(), groups: (a, b))
            if !sentence.isEmpty { out.append(sentence) }
        }
        if differences.count > Self.differenceSentences {
            out.append(verdicts.groupDifferences(significant: significant.count, of: differences.count))
        }
        return out
    }

    /// Differences between groups beyond which verdicts name only the largest significant ones.
    static let differenceSentences = 6

    func methodNote(_ result: AnalysisResult, words: ReportWords) -> String {
        let n = result.waves.map(\.design.respondents)
        let total = n.reduce(0, +)
        let designs = Set(result.waves.map { ReportText(language: language).designDescription($0.design).components(separatedBy: ";").first ?? "" })
        var note = words.methodNote(waves: result.waves.count, respondents: total, level: result.rows.lazy.compactMap(\.ci?.level).first ?? 0.95)
        if designs.count == 1, let d = designs.first { note += " " + words.design + ": " + d + "." }
        if study.simulated { note += " " + words.simulatedBanner }
        return note
    }

    /// One line for the terminal: the chart's title (and breakdown), the last wave, and the
    /// most common answer there — or, with a breakdown, the range of the first level across
    /// the groups.
    func headline(_ result: AnalysisResult, title: String, request: AnalysisRequest) -> String {
        guard let last = result.waves.last else { return title }
        let rows = result.rows.filter { $0.domain.entries.first?.value == last.id && [.proportion, .mentions, .mentioned].contains($0.statistic) }
        var name = title
        var finding = ""
        if let by = request.by.first {
            let label = result.variableLabels[by] ?? by
            name += " × " + label
            let first = rows.first?.code
            let levelRows = rows.filter { $0.code == first }
            if let low = levelRows.min(by: { ($0.estimate ?? 0) < ($1.estimate ?? 0) }),
               let high = levelRows.max(by: { ($0.estimate ?? 0) < ($1.estimate ?? 0) }) {
                finding = "\(high.level ?? ""): \(NumberText.percent(low.estimate ?? 0)) (\(low.domain[by] ?? "")) to \(NumberText.percent(high.estimate ?? 0)) (\(high.domain[by] ?? ""))"
            }
        } else if let top = rows.max(by: { ($0.estimate ?? 0) < ($1.estimate ?? 0) }) {
            finding = "\(top.level ?? ""): \(NumberText.percent(top.estimate ?? 0))"
        }
        return [name, last.label, finding].filter { !$0.isEmpty }.joined(separator: " | ")
    }

    /// An SVG document as an element inside HTML (without its XML declaration).
    public static func inlineSVG(_ svg: String) -> String {
        var text = svg
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text = String(text[end.upperBound...]) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func htmlTable(_ table: ReportTable) -> String {
        let head = "<tr>" + table.columns.map { "<th scope=\"col\" class=\"\($0.alignment == .right ? "num" : "")\">\(MarkdownHTML.escape($0.header))</th>" }.joined() + "</tr>"
        let rows = table.rows.map { row in
            "<tr>" + zip(row, table.columns).map { "<td class=\"\($1.alignment == .right ? "num" : "")\">\(MarkdownHTML.escape($0))</td>" }.joined() + "</tr>"
        }.joined()
        let caption = table.title.isEmpty ? "" : "<caption>\(MarkdownHTML.escape(table.title))</caption>"
        return "<div class=\"table-wrap\"><table>\(caption)<thead>\(head)</thead><tbody>\(rows)</tbody></table></div>"
    }

    func page(title: String, subtitle: String?, toc: [String], body: [String], words: ReportWords) -> String {
        let banner = study.simulated ? "<p class=\"banner\" role=\"note\">\(MarkdownHTML.escape(words.simulatedBanner))</p>" : ""
        return """
        <!DOCTYPE html>
        <html lang="\(MarkdownHTML.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Barometer \(BarometerVersion.description)">
        <title>\(MarkdownHTML.escape(title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <header>
        <h1>\(MarkdownHTML.escape(title))</h1>
        \(subtitle.map { "<p class=\"subtitle\">\(MarkdownHTML.escape($0))</p>" } ?? "")
        \(banner)
        <nav aria-label="\(words.contents)"><h2>\(words.contents)</h2><ol>\(toc.joined())</ol></nav>
        </header>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        <footer><p>\(MarkdownHTML.escape(words.footer))</p></footer>
        </body>
        </html>

        """
    }

    static let css = """
    :root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--rule:#d6d6d6;--accent:#0b5394;--bg:#fff}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
    header,main,footer{max-width:58rem;margin:0 auto;padding:0 1rem}
    header{padding-top:1.5rem}
    h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0}
    h2{font-size:1.4rem;margin:2.2rem 0 .6rem;border-top:1px solid var(--rule);padding-top:1rem}
    h3{font-size:1.1rem}
    .subtitle{color:var(--muted);font-size:1.1rem;margin-top:0}
    .banner{background:#fff4ce;border-left:4px solid #b7791f;padding:.6rem .8rem;font-weight:600}
    nav h2{font-size:1rem;border:0;margin:1rem 0 .3rem;padding:0}
    nav ol{margin:0;padding-left:1.4rem}
    a{color:var(--accent)}
    figure{margin:1.2rem 0 2rem}
    figure svg{width:100%;height:auto;display:block}
    .chart-narrow{display:none}
    @media (max-width:600px){.chart-wide{display:none}.chart-narrow{display:block}}
    @media print{.chart-wide{display:block}.chart-narrow{display:none}}
    figcaption{color:var(--muted);font-size:.9rem;margin-top:.5rem}
    .verdicts{margin:.6rem 0;padding-left:1.2rem}
    .verdicts li{margin:.25rem 0}
    details{margin-top:.6rem}
    summary{cursor:pointer;color:var(--accent)}
    .table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
    table{border-collapse:collapse;font-size:.88rem;margin:.6rem 0;min-width:100%}
    caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{padding:.3rem .55rem;border-bottom:1px solid var(--rule);text-align:left;white-space:nowrap}
    .mentions th{white-space:normal;vertical-align:bottom}
    th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
    blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule);color:var(--muted)}
    .focus-groups{margin:1.6rem 0 2rem;padding:.2rem 0 .2rem 1rem;border-left:4px solid #8a6d3b}
    .not-estimates{background:#f6f1e7;padding:.5rem .7rem;font-size:.92rem}
    .quotations dt{font-weight:600;margin-top:.8rem}
    .quotations dd{margin:0 0 .4rem 0}
    .quotations blockquote{margin:.3rem 0 0;color:var(--ink)}
    .attribution{margin:.1rem 0 0 1rem;color:var(--muted);font-size:.88rem}
    footer{color:var(--muted);font-size:.85rem;padding:2rem 1rem}
    @media (max-width:600px){body{font-size:15px}h1{font-size:1.5rem}}
    @media print{nav,.download,summary{display:none}details>*{display:block}figure{break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}body{font-size:11pt}}
    """
}
