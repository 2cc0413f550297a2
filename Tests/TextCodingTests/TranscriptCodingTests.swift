import Testing
import TextCoding

@Suite("Focus-group transcripts coded with a frame")
struct TranscriptCodingTests {
    static let frame = CodeFrame(name: "Reasons", languages: ["ru", "kk"], codes: [
        FrameCode(id: "economy", labels: ["ru": "Экономика", "kk": "Экономика"], rules: ["ru": CodeRules(stems: ["экономик", "зарплат"]), "kk": CodeRules(stems: ["экономик", "жалақ"])]),
        FrameCode(id: "history", labels: ["ru": "История", "kk": "Тарих"], rules: ["ru": CodeRules(stems: ["истор"]), "kk": CodeRules(stems: ["тарих"])]),
    ])

    @Test("a plain-text transcript: a turn per line, speakers before a colon, notes and blank lines skipped")
    func plainText() {
        let turns = TranscriptTurn.turns(inPlainText: "# Group 3, Shymkent\n\nМодератор: Неге?\nАйгүл: Жалақысы жақсы.\nТарихымыз ортақ: бір ел болдық\n",
                                         group: "g3", language: "kk")
        #expect(turns.map(\.speaker) == ["Модератор", "Айгүл", nil])
        #expect(turns.last?.text == "Тарихымыз ортақ: бір ел болдық")
        #expect(turns.allSatisfy { $0.group == "g3" && $0.language == "kk" })
    }

    @Test("segments counted by group and language, the moderator's turns left out, quotations from several groups")
    func counts() throws {
        let turns = [
            TranscriptTurn(group: "A", language: "ru", speaker: "Модератор", text: "Как экономика?"),
            TranscriptTurn(group: "A", language: "ru", speaker: "Ирина", text: "Экономика сильная, зарплаты выше"),
            TranscriptTurn(group: "A", language: "ru", speaker: "Олег", text: "Общая история"),
            TranscriptTurn(group: "B", language: "kk", speaker: "Дана", text: "Жалақысы жақсы, тарихымыз ортақ"),
            TranscriptTurn(group: "B", language: "kk", speaker: "Ержан", text: "Білмеймін"),
        ]
        let coding = try TranscriptCoding(turns, frame: Self.frame, quotations: 2)
        #expect(coding.turns.count == 4 && coding.uncoded == 1)
        #expect(coding.groups == ["A", "B"] && coding.languages == ["ru", "kk"])
        let economy = try #require(coding.counts.first { $0.code == "economy" })
        #expect(economy.byGroup == ["A": 1, "B": 1] && economy.byLanguage == ["ru": 1, "kk": 1] && economy.total == 2)
        #expect(economy.quotations.map(\.speaker) == ["Ирина", "Дана"])
        let history = try #require(coding.counts.first { $0.code == "history" })
        #expect(history.total == 2 && history.quotations.count == 2)
        // Without the moderator rule, the question would be coded as if a participant said it.
        let all = try TranscriptCoding(turns, frame: Self.frame, moderators: [])
        #expect(all.counts.first { $0.code == "economy" }?.total == 3)
    }
}
