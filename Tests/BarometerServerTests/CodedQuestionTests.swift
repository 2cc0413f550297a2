import BarometerServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Studies
import SurveyCore
import Testing

/// Coded open-ended questions in public: the API lists them and follows their shares of
/// mentions across waves; the explorer shows their categories in every language; no surface
/// ever shows what a respondent typed, and shares of mentions rest on enough respondents.
@Suite("Coded questions in the explorer and the API")
struct CodedQuestionTests {
    static let wave = "2019-autumn"

    static func app(minimumCellCount: Int = 30) -> some ApplicationProtocol {
        ServerFixture.app(store: ServerFixture.codedStore, configuration: ServerConfiguration(minimumCellCount: minimumCellCount))
    }

    /// What respondents typed in `wave`: long answers, which no public page may contain (but
    /// for answers that are word for word a code's label, which the page shows as a category).
    static func typedAnswers(_ wave: String) throws -> [String] {
        let data = try #require(ServerFixture.codedDemo.dataset(wave: wave))
        let labels = Set(data.metadata("russia_reason1_code").valueLabels.flatMap { $0.label.texts.values })
        var out = Set<String>()
        for name in ["russia_reason1", "russia_reason2"] {
            let column = try data.column(name)
            for row in 0..<data.rowCount { if let text = column.text(at: row), text.count >= 12 { out.insert(text) } }
        }
        return out.subtracting(labels).sorted()
    }

    @Test("the API lists the public coded question with its codes and waves, and follows it across waves")
    func api() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/coded", method: .get) { r in
                #expect(r.status == .ok)
                let coded = try #require((try ServerFixture.json(r))["coded"] as? [[String: Any]])
                #expect(coded.count == 1)
                #expect(coded.first?["set"] as? String == "$russia_reason" && coded.first?["id"] as? String == "russia_reason")
                #expect((coded.first?["codes"] as? [Any])?.count == 7)
                #expect((coded.first?["waves"] as? [String])?.count == ServerFixture.codedDemo.study.waves.count)
                #expect(!ServerFixture.text(r).contains("\"russia_reason1\""))
            }
            try await client.execute(uri: "/api/v1/studies/demo/trend?mentions=%24russia_reason&by=language&waves=2019-autumn,2022-autumn", method: .get) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(300))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(result.waves.map(\.id) == ["2019-autumn", "2022-autumn"])
                #expect(!result.rows.isEmpty && result.rows.allSatisfy { $0.statistic == .mentions && $0.domain.entries.first?.variable == "wave" })
                #expect(result.comparisons.contains { $0.from == "2019-autumn" && $0.to == "2022-autumn" })
            }
            // Of respondents, by group: each wave's per-code tests, Holm-adjusted.
            try await client.execute(uri: "/api/v1/studies/demo/trend?mentioned=%24russia_reason&by=language", method: .get) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(300))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(result.rows.allSatisfy { $0.statistic == .mentioned })
                #expect(result.tests.contains { $0.adjustment == "holm" && $0.description?.hasPrefix("2019-autumn: ") == true })
            }
            // Across every wave, one sentence on the per-code tests rather than one per wave.
            try await client.execute(uri: "/studies/demo/coded/russia_reason?base=respondents&by=language", method: .get) { r in
                let html = ServerFixture.text(r)
                let waves = ServerFixture.codedDemo.study.waves.count
                #expect(html.contains("At least one code differs between the groups of language of interview in ") && html.contains(" of \(waves) waves"))
                #expect(!html.contains("codes differ between the groups"))
            }
            // The same numbers as the library's pipeline on the same waves.
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=\(Self.wave)&mentioned=russia_reason1_code,russia_reason2_code&missing=exclude", method: .get) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(300))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                let demo = ServerFixture.codedDemo
                let wave = try #require(demo.study.wave(Self.wave))
                let prepared = try AnalysisPipeline.prepare(WaveInput(dataset: try #require(demo.dataset(wave: Self.wave)), design: wave.design, weighting: nil), wave: wave)
                let direct = try AnalysisPipeline.analyze(
                    AnalysisRequest(measures: [.mentions(.mentioned, columns: ["$russia_reason"])], options: AnalysisOptions(missing: .exclude)), on: prepared)
                #expect(result.rows.map(\.estimate) == direct.rows.map(\.estimate) && result.rows.map(\.standardError) == direct.rows.map(\.standardError))
                #expect(result.rows.count == 6, "categorizable codes only")
            }
        }
    }

    @Test("the explorer lists the coded question and shows its categories in every language, never the typed answers",
          arguments: ["en", "ru", "kk"])
    func explorerPage(_ language: String) async throws {
        let typed = try Self.typedAnswers(Self.wave)
        #expect(typed.count > 50)
        let words: [String: (label: String, heading: String, english: [String])] = [
            "en": ("Reasons for a favourable opinion of Russia (coded)", "Coded open-ended questions", []),
            "ru": ("Причины хорошего отношения к России (закодировано)", "Закодированные открытые вопросы", ["All mentions", "Share of all mentions", "All codes", "Respondents who answered", "Breakdown"]),
            "kk": ("Ресейге жақсы көзқарастың себептері (кодталған)", "Кодталған ашық сұрақтар", ["All mentions", "Share of all mentions", "All codes", "Respondents who answered", "Breakdown"]),
        ]
        let expected = try #require(words[language])
        let lang = language == "en" ? "" : "lang=\(language)"
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/studies/demo" + (lang.isEmpty ? "" : "?" + lang), method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains("<h2>\(expected.heading)</h2>") && html.contains("href=\"/studies/demo/coded/russia_reason"))
            }
            for query in ["", "by=language&wave=\(Self.wave)", "base=respondents&missing=exclude&by=agegroup&wave=\(Self.wave)"] {
                let uri = "/studies/demo/coded/russia_reason?" + [query, lang].filter { !$0.isEmpty }.joined(separator: "&")
                try await client.execute(uri: uri, method: .get) { r in
                    let html = ServerFixture.text(r)
                    #expect(r.status == .ok, "\(uri): \(html.prefix(300))")
                    #expect(html.contains("<html lang=\"\(language)\">") && html.contains(expected.label))
                    #expect(html.contains("<figure id=\"chart\"") && html.contains("<div id=\"estimates\">") && html.contains("id=\"download-xlsx\""))
                    if query.contains("base=respondents") {
                        let verdict = ["en": "codes differ between the groups of age group", "ru": "кодов различаются между группами", "kk": "кодтың"][language]!
                        #expect(html.contains("<ul class=\"verdicts\"") && html.contains(verdict), "\(uri): no verdict on the codes")
                    }
                    for answer in typed where html.contains(answer) { Issue.record("\(uri) shows the typed answer '\(answer)'") }
                    for english in expected.english where html.contains(">\(english)<") { Issue.record("\(uri) says '\(english)' on a \(language) page") }
                }
            }
        }
    }

    @Test("typed answers, the yes/no columns and coded columns as groups are refused; small bases are withheld")
    func attacks() async throws {
        try await Self.app().test(.router) { client in
            // The ordinary question is answered in full.
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=\(Self.wave)&mentions=%24russia_reason&by=language", method: .get) { r in
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(!result.rows.isEmpty && !result.rows.contains { $0.suppressed })
            }
            let refused = [
                "analyze?wave=\(Self.wave)&mentions=russia_reason1,russia_reason2",
                "analyze?wave=\(Self.wave)&mentioned=%24russia_reason_d",
                "analyze?wave=\(Self.wave)&mentions=russia_reason_domestic",
                "analyze?wave=\(Self.wave)&proportion=russia_reason1_code",
                "analyze?wave=\(Self.wave)&mentions=%24russia_reason&by=russia_reason1_code",
                "analyze?wave=\(Self.wave)&mentions=%24russia_reason&filter=\(DisclosureAttackTests.encoded("russia_reason1_code == 1"))",
                "trend?mentions=%24russia_reason&filter=\(DisclosureAttackTests.encoded("id != 17"))",
                "trend.csv?mentions=russia_reason1",
            ]
            for uri in refused { try await DisclosureAttackTests.expectRefused(client, "/api/v1/studies/demo/" + uri) }
            try await DisclosureAttackTests.expectRefused(client, "/studies/demo/coded/russia_reason1")
        }
        // With a minimum equal to the smaller language group, the language cells pass, but fewer
        // of that group gave a reason: its shares of mentions are withheld, the other's shown.
        let data = try #require(ServerFixture.codedDemo.dataset(wave: Self.wave))
        let language = try data.column("language"), reason = try data.column("russia_reason1_code"), second = try data.column("russia_reason2_code")
        var counted: [String: (all: Int, answered: Int)] = [:]
        for row in 0..<data.rowCount {
            let group = language.text(at: row) ?? ""
            counted[group, default: (0, 0)].all += 1
            if reason.text(at: row) != nil || second.text(at: row) != nil { counted[group, default: (0, 0)].answered += 1 }
        }
        let groups = counted
        let minimum = try #require(groups.values.map(\.all).min())
        try await Self.app(minimumCellCount: minimum).test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=\(Self.wave)&mentions=%24russia_reason&by=language", method: .get) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(300))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(result.rows.contains { $0.suppressed })
                // Rows are labelled in English; the column holds codes.
                let labels = data.metadata("language").valueLabels
                for row in result.rows {
                    let label = try #require(row.domain.entries.first?.value)
                    let code = try #require(labels.first { $0.label.text(in: "en") == label }, "no code for \(label)").code
                    let group = try #require(groups[String(Int(code))], "no group \(label)")
                    if group.answered < minimum { #expect(row.suppressed, "\(label): \(group.answered) answered, shown") }
                }
            }
        }
    }
}
