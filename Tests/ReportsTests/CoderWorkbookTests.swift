import SurveyCore
import Testing
import TextCoding
@testable import Reports

@Suite("Coder workbook")
struct CoderWorkbookTests {
    static let units = [
        CodingUnit(respondent: "101", question: "reason1", language: "ru", answer: "Развитая страна"),
        CodingUnit(respondent: "102", question: "reason1", answer: "Экономикасы күшті, \"сильная\"\nэкономика"),
    ]
    static let frame = CodeFrame(name: "Reasons", languages: ["en", "ru"], codes: [
        FrameCode(id: "domestic", labels: ["en": "Domestic qualities", "ru": "Внутренние качества"], description: "Development, order.",
                  examples: ["Развитая страна", "Экономикасы күшті"]),
        FrameCode(id: "economy", labels: ["en": "Economy", "ru": "Экономика"], parent: "domestic"),
        FrameCode(id: "dk", labels: ["en": "Don't know", "ru": "Затрудняюсь"], uncodable: true),
    ])

    @Test("the coder's sheet has the CSV sheet's columns and texts, the answers wrapped, and no codes sheet without a frame")
    func answersSheet() {
        let workbook = CoderWorkbookBuilder(language: "en").workbook(coder: "anna", units: Self.units, frame: nil)
        #expect(workbook.sheets.count == 1)
        let sheet = workbook.sheets[0]
        #expect(sheet.name == "anna" && sheet.header == CoderSheet.columns)
        let table = CoderSheet.table(Self.units)
        for (row, cells) in sheet.rows.enumerated() {
            #expect(cells == table.columns.map { WorksheetCell.text(orEmpty: $0.text(at: row)) })
        }
        #expect(sheet.rows[1][3] == .empty && sheet.rows[1][4] == .text(Self.units[1].answer))
        #expect(sheet.wrappedColumns == [4] && sheet.listValidations.isEmpty)
    }

    @Test("with a frame, a sheet of its codes in the chosen language, offered in the codes column", arguments: [
        ("en", ["Code", "Label", "Net", "Description", "Examples"], "Domestic qualities", "Choose a code from the list"),
        ("ru", ["Код", "Метка", "Укрупнённый код", "Описание", "Примеры"], "Внутренние качества", "Выберите код из списка"),
        ("kk", ["Код", "Белгі", "Іріленген код", "Сипаттама", "Мысалдар"], "Domestic qualities", "Тізімнен кодты таңдаңыз"),
    ])
    func codesSheet(_ language: String, _ header: [String], _ label: String, _ prompt: String) {
        let workbook = CoderWorkbookBuilder(language: language).workbook(coder: "anna", units: Self.units, frame: Self.frame)
        #expect(workbook.sheets.map(\.name) == ["anna", "codes"])
        let codes = workbook.sheets[1]
        #expect(codes.header == header)
        #expect(codes.rows.map { $0[0] } == [.text("domestic"), .text("economy"), .text("dk")])
        // The frame has no Kazakh labels: English stands in.
        #expect(codes.rows[0][1] == .text(label))
        #expect(codes.rows[1][2] == .text("domestic") && codes.rows[0][2] == .empty)
        #expect(codes.rows[0][4] == .text("Развитая страна; Экономикасы күшті") && codes.wrappedColumns == [3, 4])
        let list = workbook.sheets[0].listValidations
        #expect(list.count == 1)
        #expect(list.first?.column == CoderSheet.columns.firstIndex(of: "codes") && list.first?.listSheet == "codes" && list.first?.listColumn == 0)
        #expect(list.first?.allowsOtherValues == true && list.first?.prompt.hasPrefix(prompt) == true)
        #expect(list.first?.error.contains("'codes'") == true || list.first?.error.contains("«codes»") == true)
    }

    @Test("a frame with codes and labels only lists just those two columns")
    func plainFrame() {
        let frame = CodeFrame(name: "Plain", languages: ["en"], codes: [FrameCode(id: "a", labels: ["en": "Alpha"]), FrameCode(id: "b", labels: ["en": "Beta"])])
        let codes = CoderWorkbookBuilder(language: "en").codesSheet(frame)
        #expect(codes.header == ["Code", "Label"] && codes.rows == [[.text("a"), .text("Alpha")], [.text("b"), .text("Beta")]])
    }

    @Test("a disagreements table becomes one sheet with its column names as the header")
    func disagreements() throws {
        let table = try Dataset(columns: [
            Column(name: "unit", values: .text(["101:reason1"])), Column(name: "answer", values: .text(["Дос ел"])),
            Column(name: "resolution", values: .text([nil])),
        ])
        let workbook = CoderWorkbookBuilder.workbook(table, sheet: "disagreements", wrapping: ["answer"])
        #expect(workbook.sheets.count == 1 && workbook.sheets[0].header == ["unit", "answer", "resolution"])
        #expect(workbook.sheets[0].rows == [[.text("101:reason1"), .text("Дос ел"), .empty]] && workbook.sheets[0].wrappedColumns == [1])
    }
}
