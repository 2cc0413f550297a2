import Foundation
import Reports
import Studies
import SurveyCore
import SurveyIO
import Testing
import TextCoding

@Suite("Focus groups in a study report")
struct StudyReportFocusGroupsTests {
    static let frame = CodeFrame(name: "Reasons", languages: ["en", "ru", "kk"], codes: [
        FrameCode(id: "economy", labels: ["en": "Economy", "ru": "Экономика", "kk": "Экономика"],
                  rules: ["ru": CodeRules(stems: ["экономик", "зарплат"]), "kk": CodeRules(stems: ["экономик", "жалақ"])]),
        FrameCode(id: "history", labels: ["en": "History", "ru": "История", "kk": "Тарих"],
                  rules: ["ru": CodeRules(stems: ["истор"]), "kk": CodeRules(stems: ["тарих"])]),
    ])

    static let turns = [
        TranscriptTurn(group: "Almaty", language: "ru", speaker: "Модератор", text: "Как экономика?"),
        TranscriptTurn(group: "Almaty", language: "ru", speaker: "Ирина", text: "Экономика сильная, зарплаты выше"),
        TranscriptTurn(group: "Almaty", language: "ru", speaker: "Олег", text: "Общая история"),
        TranscriptTurn(group: "Almaty", language: "ru", speaker: "Олег", text: "Просто так"),
        TranscriptTurn(group: "Shymkent", language: "kk", speaker: "Дана", text: "Жалақысы жақсы, тарихымыз ортақ"),
        TranscriptTurn(group: "Shymkent", language: "kk", speaker: "Ержан", text: "Білмеймін"),
    ]

    static let groups = ReportFocusGroups(transcripts: ["groups.csv"], frame: "frame.yaml")

    /// A report with a survey table in its first section and the focus groups in its second.
    static func build(_ language: String, groups: ReportFocusGroups = groups, coded: Bool = true) throws -> StudyReport {
        let folder = try StudyFixture.folder()
        let spec = ReportSpec(title: LocalizedText(["en": "Focus"]), study: "study", sections: [
            ReportSection(title: LocalizedText(["en": "Survey"]), analyses: [
                ReportAnalysis(request: try RequestParameters(pairs: [("concept", "opinion")], surface: .reportSpec).request(), chart: .table),
            ]),
            ReportSection(title: LocalizedText(["en": "In their own words"]), focusGroups: groups),
        ])
        let coding = try TranscriptCoding(turns, frame: frame, quotations: 2)
        return try StudyReportBuilder(study: folder.study, language: language).build(spec, focusGroups: coded ? [groups: coding] : [:]) { request in
            try folder.run(request)
        }
    }

    /// The focus groups' block of the page.
    static func block(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<section class=\"focus-groups\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test("the section shows counts by group and language with totals, says they are not estimates, quotes in the original language, and has no intervals")
    func english() throws {
        let report = try Self.build("en")
        // The survey's table (with intervals) comes first; the focus groups after it, apart.
        let html = report.html
        #expect(html.range(of: "<section class=\"focus-groups\">")!.lowerBound > html.range(of: "<h2>In their own words</h2>")!.lowerBound)
        #expect(html.contains("%"))
        let block = try Self.block(html)
        #expect(block.contains("<h3>Focus groups</h3>"))
        #expect(block.contains("<p class=\"not-estimates\" role=\"note\">Counts of coded segments (participants&#39; turns coded by the code frame&#39;s rules) in 2 focus groups: Almaty, Shymkent. Languages: ru, kk. These are not survey estimates: no weights, no confidence intervals; the groups are not a sample of the population"))
        #expect(block.contains("<caption>Coded segments by group</caption>") && block.contains("<caption>Coded segments by language</caption>"))
        let cells = { (cells: [String]) in cells.map { "<td class=\"num\">\($0)</td>" }.joined() }
        // Codes by group (Almaty, Shymkent, total), then the turns with a code, without, and all.
        #expect(block.contains("<td class=\"\">Economy</td>" + cells(["1", "1", "2"])))
        #expect(block.contains("<td class=\"\">History</td>" + cells(["1", "1", "2"])))
        #expect(block.contains("<td class=\"\">Turns with a code</td>" + cells(["2", "1", "3"])))
        #expect(block.contains("<td class=\"\">Turns without a code</td>" + cells(["1", "1", "2"])))
        #expect(block.contains("<td class=\"\">Participants&#39; turns</td>" + cells(["3", "2", "5"])))
        #expect(block.contains("<th scope=\"col\" class=\"num\">ru</th><th scope=\"col\" class=\"num\">kk</th><th scope=\"col\" class=\"num\">Total</th>"))
        #expect(block.contains("<p>2 of 5 participants&#39; turns matched no code of the frame.</p>"))
        #expect(block.contains("<h4>Quotations</h4>"))
        #expect(block.contains("<dt>Economy</dt>\n<dd><blockquote lang=\"ru\"><p>Экономика сильная, зарплаты выше</p></blockquote><p class=\"attribution\">— Ирина, Almaty</p></dd>\n<dd><blockquote lang=\"kk\"><p>Жалақысы жақсы, тарихымыз ортақ</p></blockquote>"))
        // Counts only: no shares, intervals or weights, and the moderator's question is no segment.
        #expect(!block.contains("%") && !block.contains("–") && !block.contains("Как экономика?"))
        #expect(report.tables.last?.name == "tables/focus-groups-02.csv")
        #expect(report.tables.last?.contents == """
            code,label,group:Almaty,group:Shymkent,language:ru,language:kk,total
            economy,Economy,1,1,1,1,2
            history,History,1,1,1,1,2

            """)
        #expect(block.contains("<a href=\"tables/focus-groups-02.csv\">CSV</a>"))
        #expect(report.markdown.contains("### Focus groups\n\n> Counts of coded segments"))
        #expect(report.markdown.contains("| Economy              |      1 |        1 |     2 |"), "\(report.markdown)")
        #expect(report.markdown.contains("#### Quotations\n\n**Economy**\n\n> «Экономика сильная, зарплаты выше» — Ирина, Almaty\n>\n> «Жалақысы жақсы, тарихымыз ортақ» — Дана, Shymkent\n\n**History**"), "\(report.markdown)")
        #expect(report.summary.last == "Focus groups |  | groups: 2, participants' turns: 5, coded: 3")
    }

    @Test("in Russian and Kazakh the section's words are in that language, the quotations as said")
    func languages() throws {
        let english = ["Focus groups", "not survey estimates", "Quotations", "Turns with a code", "Coded segments", "Total", "History"]
        let ru = try Self.block(Self.build("ru").html)
        #expect(ru.contains("<h3>Фокус-группы</h3>") && ru.contains("Это не оценки опроса: без весов и доверительных интервалов"))
        #expect(ru.contains("<h4>Цитаты</h4>") && ru.contains("<dt>История</dt>") && ru.contains("Реплики с кодом") && ru.contains("Всего"))
        #expect(ru.contains("Реплик участников, не подошедших ни под один код: 2 из 5."))
        let kk = try Self.block(Self.build("kk").html)
        #expect(kk.contains("<h3>Фокус-топтар</h3>") && kk.contains("Бұл сауалнама бағалаулары емес") && kk.contains("<h4>Дәйексөздер</h4>"))
        #expect(kk.contains("<dt>Тарих</dt>") && kk.contains("Коды бар сөз кезектері") && kk.contains("<blockquote lang=\"ru\"><p>Экономика сильная"))
        for word in english {
            #expect(!ru.contains(word) && !kk.contains(word), "\(word)")
        }
    }

    @Test("a title of the report replaces the default heading; focus groups not read are an error, not an empty block")
    func titleAndMissingCoding() throws {
        var titled = Self.groups
        titled.title = LocalizedText(["en": "Groups in Almaty and Shymkent", "ru": "Группы в Алматы и Шымкенте"])
        #expect(try Self.block(Self.build("ru", groups: titled).html).contains("<h3>Группы в Алматы и Шымкенте</h3>"))
        #expect(throws: SurveyError.self) { try Self.build("en", coded: false) }
    }
}
