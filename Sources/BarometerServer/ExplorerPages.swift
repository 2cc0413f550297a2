import Foundation
import Reports
import Store
import Studies
import SurveyCore
import Translations

/// The explorer's HTML: server-rendered pages with inline SVG, CSS and a few lines of script
/// (submitting the view form when a choice changes); every view has a stable URL.
enum ExplorerPages {
    /// `?a=1&b=2` from pairs, leaving out empty values.
    static func query(_ pairs: [(String, String?)]) -> String {
        var components = URLComponents()
        components.queryItems = pairs.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : URLQueryItem(name: k, value: $0) } }
        let text = components.percentEncodedQuery ?? ""
        return text.isEmpty ? "" : "?" + text.replacingOccurrences(of: "+", with: "%2B")
    }

    static func escape(_ s: String) -> String { MarkdownHTML.escape(s) }

    static func chartKind(_ name: String?, request: AnalysisRequest) throws -> ReportAnalysis.ChartKind {
        if let name, name != "auto" {
            guard let kind = ReportAnalysis.ChartKind(rawValue: name), kind != .table else {
                throw APIError(.badRequest, "chart=\(name) is not diverging, trend, bars or small-multiples.")
            }
            return kind
        }
        let oneWave = request.trend?.waves.count == 1
        if request.by.isEmpty { return oneWave ? .bars : .trend }
        return oneWave ? .bars : .smallMultiples
    }

    // MARK: Layout

    static func page(title: String, language: String, path: String, query: [(String, String?)], body: String, embed: Bool = false) -> String {
        let text = ExplorerText(language: language)
        let switcher = ["en": "English", "ru": "Русский", "kk": "Қазақша"].sorted { $0.key < $1.key }.map { (code, name) -> String in
            let href = path + Self.query(query.filter { $0.0 != "lang" } + [("lang", code == "en" ? nil : code)])
            return code == language
                ? "<li><span class=\"lang current\" aria-current=\"true\" lang=\"\(code)\">\(name)</span></li>"
                : "<li><a class=\"lang\" hreflang=\"\(code)\" lang=\"\(code)\" href=\"\(escape(href))\">\(name)</a></li>"
        }.joined()
        // The explorer's parts: studies (the home page) and the poll database.
        let inPolls = path == "/polls" || path.hasPrefix("/polls/")
        let inStaff = path == "/sign-in" || path == "/saved" || path.hasPrefix("/saved/")
        let sections = [("/", text.studies, !inPolls && !inStaff), ("/polls", text.polls, inPolls)].map { (href, name, current) -> String in
            let link = href + Self.query([("lang", language == "en" ? nil : language)])
            return "<a class=\"section\" href=\"\(escape(link))\"\(current ? " aria-current=\"page\"" : "")>\(name)</a>"
        }.joined(separator: " ")
        let header = embed ? "" : """
            <a class="skip" href="#main">\(text.skip)</a>
            <header class="site"><a class="brand" href="/\(language == "en" ? "" : "?lang=\(language)")">\(text.siteName)</a>
            <nav class="sections" aria-label="\(text.siteName)">\(sections)</nav>
            <nav aria-label="\(text.languageName)"><ul class="langs">\(switcher)</ul></nav>\(staffHeader(language: language))</header>
            """
        let footer = embed ? "" : "<footer class=\"site\"><p>\(escape(text.footer))</p><p><a href=\"/api/v1/openapi.json\">\(text.api)</a></p></footer>"
        return """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        \(header)
        <main id="main">
        \(body)
        </main>
        \(footer)
        <script>\(script)</script>
        </body>
        </html>

        """
    }

    static let css = """
    :root{--ink:#1a1a1a;--muted:#555;--rule:#d0d0d0;--accent:#0b5394;--bg:#fff;--soft:#f4f6f8}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
    a{color:var(--accent)} a:focus,button:focus,select:focus,input:focus,summary:focus,textarea:focus{outline:3px solid #f2a900;outline-offset:2px}
    .skip{position:absolute;left:-999px} .skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem;z-index:2}
    header.site{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding:.7rem 1rem;border-bottom:1px solid var(--rule);max-width:64rem;margin:0 auto}
    .brand{font-weight:700;text-decoration:none;color:var(--ink)}
    .sections{display:flex;gap:1rem;margin-right:auto;margin-left:1.2rem} .sections a[aria-current]{font-weight:700;color:var(--ink);text-decoration:none}
    .lead{font-size:1.1rem;font-weight:600}
    .langs{list-style:none;display:flex;gap:.8rem;margin:0;padding:0}
    form.staff{margin:0;flex-basis:100%;text-align:right;font-size:.9rem;color:var(--muted)}form.staff button.link{background:none;border:0;padding:0;font:inherit;color:var(--accent);text-decoration:underline;cursor:pointer}
    form.sign-in input,form.save input{font:inherit;padding:.3rem;min-width:16rem}form.save{margin:1rem 0}.refusal{border-left:4px solid #b00020;padding:.4rem .8rem;background:#fdf0f2}
    .lang.current{font-weight:700}
    main{max-width:64rem;margin:0 auto;padding:0 1rem 2rem}
    h1{font-size:1.8rem;line-height:1.2;margin:1.2rem 0 .4rem} h2{font-size:1.3rem;margin:1.8rem 0 .5rem}
    .muted{color:var(--muted)} .badge{display:inline-block;background:#fff4ce;border:1px solid #b7791f;border-radius:3px;padding:0 .4rem;font-size:.85rem}
    .banner{background:#fff4ce;border-left:4px solid #b7791f;padding:.5rem .8rem;font-weight:600}
    ul.studies,ul.concepts{list-style:none;padding:0} ul.studies li,ul.concepts li{padding:.7rem 0;border-bottom:1px solid var(--rule)}
    .concept-title{font-weight:600} .concept-text{color:var(--muted);font-size:.95rem}
    form.controls{display:flex;flex-wrap:wrap;gap:.8rem 1rem;align-items:flex-end;background:var(--soft);padding:.8rem;border-radius:6px;margin:1rem 0}
    form.controls label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600;gap:.2rem;max-width:100%}
    form.controls select{max-width:100%;width:auto}
    select,input,button,textarea{font:inherit} select,input{padding:.35rem;border:1px solid #767676;border-radius:4px;background:#fff;min-width:10rem}
    button{padding:.4rem .9rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
    form.search{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0} form.search input{flex:1 1 16rem}
    figure{margin:1rem 0} figure svg{width:100%;height:auto;display:block}
    .chart-narrow{display:none} @media (max-width:640px){.chart-wide{display:none}.chart-narrow{display:block}}
    .verdicts{padding-left:1.2rem}
    .table-wrap{overflow-x:auto} table{border-collapse:collapse;font-size:.88rem;margin:.5rem 0;min-width:100%}
    caption{text-align:left;font-weight:600;padding:.3rem 0} th,td{padding:.3rem .55rem;border-bottom:1px solid var(--rule);text-align:left;white-space:nowrap}
    th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
    label.visually-hidden,.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
    .share{display:grid;gap:.6rem;grid-template-columns:1fr} .share textarea,.share input{width:100%;font-family:ui-monospace,monospace;font-size:.8rem}
    footer.site{max-width:64rem;margin:0 auto;padding:1.5rem 1rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule)}
    @media print{header.site,form.controls,.share,footer.site{display:none}}
    """

    static let script = """
    document.querySelectorAll('form.controls select').forEach(function(s){s.addEventListener('change',function(){s.form.requestSubmit?s.form.requestSubmit():s.form.submit();});});
    document.querySelectorAll('form.controls').forEach(function(f){f.addEventListener('submit',function(){f.querySelectorAll('select,input').forEach(function(e){if(!e.value||e.value==='auto'||(e.name==='wave'&&e.value==='all')||(e.name==='missing'&&e.value==='include')){e.disabled=true;}});});});
    """

    // MARK: Pages

    static func home(_ studies: [StudySummary], language: String) -> String {
        let text = ExplorerText(language: language)
        let items = studies.map { (s: StudySummary) -> String in
            let href = "/studies/\(s.slug)" + query([("lang", language == "en" ? nil : language)])
            return "<li><a class=\"study\" href=\"\(escape(href))\">\(escape(s.title.text(in: language) ?? s.slug))</a> <span class=\"muted\">· \(text.waves(s.waveCount))</span>\(s.simulated ? " <span class=\"badge\">\(text.simulated)</span>" : "")</li>"
        }.joined()
        let body = "<h1>\(text.studies)</h1>" + (studies.isEmpty ? "<p>\(escape(text.noStudies))</p>" : "<ul class=\"studies\">\(items)</ul>")
        return page(title: text.siteName, language: language, path: "/", query: [], body: body)
    }

    static func study(_ study: Study, slug: String, concepts: [Concept], coded: [CodedQuestion] = [], q: String?, language: String) -> String {
        let text = ExplorerText(language: language)
        let lang: String? = language == "en" ? nil : language
        let items = concepts.map { (c: Concept) -> String in
            let href = "/studies/\(slug)/concepts/\(c.id)" + query([("lang", lang)])
            let waves = c.mappings.count == study.waves.count ? "" : " <span class=\"muted\">· \(text.waves(c.mappings.count))</span>"
            return "<li class=\"concept\"><a class=\"concept-title\" href=\"\(escape(href))\">\(escape(c.title.text(in: language) ?? c.id))</a>\(waves)<div class=\"concept-text\">\(escape(c.text.text(in: language) ?? ""))</div></li>"
        }.joined()
        var body = "<h1>\(escape(study.title.text(in: language) ?? slug))</h1>"
        if study.simulated { body += "<p class=\"banner\" role=\"note\">\(escape(text.simulatedBanner))</p>" }
        if let d = study.description.text(in: language) { body += "<p>\(escape(d))</p>" }
        body += """
            <form class="search" role="search" method="get" action="/studies/\(slug)">
            <label for="q" class="visually-hidden">\(text.search)</label>
            <input id="q" name="q" type="search" value="\(escape(q ?? ""))" placeholder="\(text.search) — \(text.searchHint)">
            \(lang.map { "<input type=\"hidden\" name=\"lang\" value=\"\($0)\">" } ?? "")
            <button type="submit">\(text.searchButton)</button></form>
            """
        if let q, !q.isEmpty { body += "<p id=\"found\" role=\"status\">\(escape(text.found(concepts.count, q)))</p>" }
        body += "<h2>\(text.questions)</h2><ul class=\"concepts\" id=\"concepts\">\(items)</ul>"
        if !coded.isEmpty && (q ?? "").isEmpty {
            let codedItems = coded.map { (c: CodedQuestion) -> String in
                let href = "/studies/\(slug)/coded/\(c.id)" + query([("lang", lang)])
                let waves = c.waves.count == study.waves.count ? "" : " <span class=\"muted\">· \(text.waves(c.waves.count))</span>"
                let codes = c.codes.prefix(8).map { $0.label.text(in: language) ?? "" }.filter { !$0.isEmpty }.joined(separator: " · ")
                return "<li class=\"concept\"><a class=\"concept-title\" href=\"\(escape(href))\">\(escape(c.label.text(in: language) ?? c.id))</a>\(waves)<div class=\"concept-text\">\(escape(codes))</div></li>"
            }.joined()
            body += "<h2>\(text.codedQuestions)</h2><p class=\"muted\">\(escape(text.codedQuestionsNote))</p><ul class=\"concepts\" id=\"coded\">\(codedItems)</ul>"
        }
        return page(title: (study.title.text(in: language) ?? slug) + " — " + text.siteName, language: language, path: "/studies/\(slug)",
                    query: [("q", q)], body: body)
    }

    /// The page of one question: the view form, the chart, verdicts, the table, the method
    /// and the links to download, share and embed this view.
    static func question(
        study: Study, slug: String, concept: Concept, request: AnalysisRequest, chart: String?, result: AnalysisResult,
        breakdowns: [(name: String, label: String)], filterExample: String, minimumCell: Int, host: String?, embed: Bool
    ) -> String {
        let language = request.options.language
        let text = ExplorerText(language: language)
        let lang: String? = language == "en" ? nil : language
        let waves = request.trend?.waves ?? []
        let waveChoice = waves.count == 1 ? waves[0] : "all"
        let viewQuery: [(String, String?)] = [
            ("by", request.by.first), ("wave", waveChoice == "all" ? nil : waveChoice),
            ("missing", request.options.missing == .exclude ? "exclude" : nil), ("chart", chart), ("filter", request.filter), ("lang", lang),
            ("differences", request.differences == nil ? nil : "true"),
        ]
        let path = "/studies/\(slug)/concepts/\(concept.id)"
        let title = concept.title.text(in: language) ?? concept.id
        let kind = (try? chartKind(chart, request: request)) ?? .trend
        let figure = self.figure(kind, study: study, result: result, request: request, title: title)
        let margin = result.rows.compactMap { r -> Double? in
            guard r.statistic == .proportion, let ci = r.ci, let lo = ci.lower, let hi = ci.upper else { return nil }
            return (hi - lo) / 2
        }.max()
        let respondents = result.waves.map(\.design.respondents).reduce(0, +)
        let csv = "/api/v1/studies/\(slug)/trend.csv" + query([("concept", concept.id)] + viewQuery.filter { $0.0 != "chart" } + (waveChoice == "all" ? [] : [("waves", waveChoice)]))
        let xlsx = "/api/v1/studies/\(slug)/trend.xlsx" + query([("concept", concept.id)] + viewQuery.filter { $0.0 != "chart" } + (waveChoice == "all" ? [] : [("waves", waveChoice)]))
        let svgLink = "/api/v1/studies/\(slug)/chart.svg" + query([("concept", concept.id)] + viewQuery + (waveChoice == "all" ? [] : [("waves", waveChoice)]))
        let viewURL = (host.map { "http://\($0)" } ?? "") + path + query(viewQuery)
        let embedURL = (host.map { "http://\($0)" } ?? "") + "/embed" + path + query(viewQuery)
        if embed {
            let body = "<h1 class=\"visually-hidden\">\(escape(title))</h1>\(figure)<p class=\"muted\"><a href=\"\(escape(viewURL))\" target=\"_blank\" rel=\"noopener\">\(text.siteName)</a></p>"
            return page(title: title, language: language, path: path, query: viewQuery, body: body, embed: true)
        }
        let waveItems = [("all", text.allWaves)] + study.waves.filter { w in concept.mapping(wave: w.id) != nil }.map { ($0.id, $0.label.text(in: language) ?? $0.id) }
        let controls = """
            <form class="controls" id="controls" method="get" action="\(path)">
            <label for="by">\(text.breakdown)<select id="by" name="by">\(options([("", text.none)] + breakdowns.map { ($0.name, $0.label) }, selected: request.by.first ?? ""))</select></label>
            <label for="differences"><input type="checkbox" id="differences" name="differences" value="true"\(request.differences == nil ? "" : " checked")>\(text.showDifferences)</label>
            <label for="wave">\(text.wave)<select id="wave" name="wave">\(options(waveItems, selected: waveChoice))</select></label>
            <label for="missing">\(text.answers)<select id="missing" name="missing">\(options([("include", text.withDK), ("exclude", text.withoutDK)], selected: request.options.missing == .exclude ? "exclude" : "include"))</select></label>
            <label for="chart-kind">\(text.chart)<select id="chart-kind" name="chart">\(options([("auto", text.automatic)] + text.chartNames, selected: chart ?? "auto"))</select></label>
            <label for="filter">\(text.filter)<input id="filter" name="filter" value="\(escape(request.filter ?? ""))" placeholder="\(escape(text.filterHint(filterExample)))"></label>
            \(lang.map { "<input type=\"hidden\" name=\"lang\" value=\"\($0)\">" } ?? "")
            <button type="submit">\(text.show)</button></form>
            """
        let verdicts = StudyReportBuilder(study: study, language: language).sentences(result, request: request)
        var body = "<p><a href=\"\(escape("/studies/\(slug)" + query([("lang", lang)])))\">← \(text.back)</a></p>"
        body += "<h1>\(escape(title))</h1>"
        if let q = concept.text.text(in: language) { body += "<p class=\"muted\">\(escape(q))</p>" }
        if study.simulated { body += "<p class=\"banner\" role=\"note\">\(escape(text.simulatedBanner))</p>" }
        body += controls + figure
        if !verdicts.isEmpty { body += "<ul class=\"verdicts\" id=\"verdicts\">" + verdicts.map { (v: String) -> String in "<li>\(escape(v))</li>" }.joined() + "</ul>" }
        body += "<h2>\(text.method)</h2><p id=\"method\">\(escape(text.methodNote(waves: result.waves.count, respondents: respondents, margin: margin)))"
        if result.rows.contains(where: \.suppressed) { body += " " + escape(text.suppressedNote(minimumCell)) }
        body += "</p>"
        body += "<h2>\(text.table)</h2><div id=\"estimates\">\(ResultRenderer(language: language).htmlTables(result))</div>"
        body += downloads(csv: csv, xlsx: xlsx, svg: svgLink, view: viewURL, embed: embedURL, title: title, text: text)
        body += saveForm(path: path, viewQuery: viewQuery, language: language)
        return page(title: title + " — " + text.siteName, language: language, path: path, query: viewQuery, body: body)
    }

    /// The `<option>`s of a choice, `selected` marked.
    static func options(_ items: [(String, String)], selected: String) -> String {
        items.map { (item: (String, String)) -> String in
            "<option value=\"\(escape(item.0))\"\(item.0 == selected ? " selected" : "")>\(escape(item.1))</option>"
        }.joined()
    }

    /// The chart of a view, laid out for a page and for a phone (CSS shows one), or "" when the
    /// result has nothing to draw.
    static func figure(_ kind: ReportAnalysis.ChartKind, study: Study, result: AnalysisResult, request: AnalysisRequest, title: String) -> String {
        let maker = StudyChartMaker(study: study, language: request.options.language)
        guard let wide = maker.svg(kind, result: result, request: request, id: "view"),
              let narrow = maker.svg(kind, result: result, request: request, width: 420, id: "viewn") else { return "" }
        return "<figure id=\"chart\" aria-label=\"\(escape(title))\"><div class=\"chart-wide\">\(inline(wide))</div><div class=\"chart-narrow\">\(inline(narrow))</div></figure>"
    }

    /// The download links (CSV, XLSX, SVG), the permalink and, when given, the embed code of a view.
    static func downloads(csv: String, xlsx: String, svg: String, view: String, embed: String?, title: String, text: ExplorerText) -> String {
        var out = """
            <h2>\(text.download)</h2><p><a id="download-csv" href="\(escape(csv))" download>CSV</a> · <a id="download-xlsx" href="\(escape(xlsx))" download>\(text.downloadSpreadsheet)</a> · <a id="download-svg" href="\(escape(svg))" download>SVG</a></p>
            <div class="share"><label for="permalink">\(text.permalink)</label><input id="permalink" readonly value="\(escape(view))">
            """
        if let embed {
            out += "<label for=\"embed\">\(text.embed)</label><textarea id=\"embed\" rows=\"3\" readonly>\(escape("<iframe src=\"\(embed)\" width=\"760\" height=\"600\" title=\"\(title)\" loading=\"lazy\"></iframe>"))</textarea>"
        }
        return out + "</div>"
    }

    static func errorPage(_ error: APIError, language: String) -> String {
        let text = ExplorerText(language: language)
        // English pages show the API's sentence (it names the values to choose from); others the
        // catalog's sentence when it has one, else one introducing the English, marked as such.
        let sentence: String
        if let phrase = error.phrase, language != "en" {
            sentence = "<p id=\"error\" role=\"alert\">\(escape(Translator(tag: language).text(phrase, arguments: error.arguments)))</p>"
        } else if language == "en" {
            sentence = "<p id=\"error\" role=\"alert\">\(escape(error.message))</p>"
        } else {
            sentence = "<div id=\"error\" role=\"alert\"><p>\(escape(Translator(tag: language)(.requestNotAnswered)))</p><p lang=\"en\">\(escape(error.message))</p></div>"
        }
        let body = "<h1>\(text.errorTitle)</h1>\(sentence)<p><a href=\"/\(language == "en" ? "" : "?lang=\(language)")\">\(text.home)</a></p>"
        return page(title: text.errorTitle, language: language, path: "/", query: [], body: body)
    }

    static func inline(_ svg: String) -> String { StudyReportBuilder.inlineSVG(svg) }
}
