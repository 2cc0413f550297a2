import Reports
import SurveyCore
import Testing

@Suite("Codebook renderer")
struct CodebookRendererTests {
    @Test func datesShowAsDatesAndManyValuesAreCut() throws {
        var d = try Dataset(columns: [.numeric("when", [1_684_281_600, 1_684_368_000 + 3723, .nan])])
        d.codebook["when"] = {
            var m = VariableMetadata(label: LocalizedText("Interview"))
            m.temporal = .dateTime
            return m
        }()
        let text = CodebookRenderer().render(CodebookSummary(d, file: "w.csv"), as: .table)
        #expect(text.contains("when — Interview\nnumeric (date-time); valid 2, missing 1\nmin 2023-05-17 00:00:00, mean 2023-05-17 12:31:01, max 2023-05-18 01:02:03\n"))

        let ids = try Dataset(columns: [.categorical("id", strings: (0..<130).map { "p\(1000 + $0)" })])
        let summary = CodebookSummary(ids, file: "ids.csv")
        #expect(summary.variables[0].categories?.count == VariableSummary.categoryLimit)
        #expect(summary.variables[0].omittedCategories == 30)
        #expect(CodebookRenderer().render(summary, as: .table).contains("      … and 30 more values\n"))
    }

    @Test func labelledNumericWithManyUnlabelledValues() throws {
        var d = try Dataset(columns: [.numeric("age", (18...90).map(Double.init) + [99, 99])])
        d.codebook["age"] = VariableMetadata(valueLabels: [ValueLabel(code: 99, label: LocalizedText("Refused"))], missingCodes: [99])
        let v = CodebookSummary(d, file: "a.csv").variables[0]
        #expect(v.categories == [VariableSummary.Category(code: "99", label: LocalizedText("Refused"), count: 2, isMissing: true)])
        #expect(v.omittedCategories == 73)
        #expect((v.valid, v.userMissing, v.minimum, v.maximum) == (73, 2, 18, 90))
    }

    @Test func textColumnsCountDistinctValues() throws {
        let d = try Dataset(columns: [Column(name: "why", values: .text(["a", "b", "a", nil]))])
        let v = CodebookSummary(d, file: "t.csv").variables[0]
        #expect((v.valid, v.systemMissing, v.distinct) == (3, 1, 2))
        #expect(CodebookRenderer().render(CodebookSummary(d, file: "t.csv"), as: .table).contains("why\ntext; valid 3, missing 1\n2 distinct values\n"))
    }

    @Test func setsDocumentsAndDesignFlags() throws {
        var d = try Dataset(columns: [.numeric("m1", [1]), .numeric("m2", [0])])
        d.codebook.multipleResponseSets = [
            MultipleResponseSet(name: "media", label: LocalizedText("News"), kind: .dichotomies(countedValue: "1"), variables: ["m1", "m2"]),
        ]
        d.codebook.design = DesignSpec(weights: "my weight", clusters: ["psu", "ssu"], fpc: ["n1"], lonelyPSU: .adjust)
        d.codebook.encoding = "windows-1251"
        let text = CodebookRenderer().render(CodebookSummary(d, file: "s.sav"), as: .table)
        #expect(text.contains("1 respondent, 2 variables; encoding windows-1251\n"))
        #expect(text.contains("Design stored in the file (--design-from-file): --weight 'my weight' --cluster psu --cluster ssu --fpc n1 --lonely-psu adjust\n"))
        #expect(text.contains("Multiple-response sets\nmedia — News: dichotomies counting 1; m1, m2\n"))
        #expect(DesignFlags.arguments(for: DesignSpec(strata: "st", nest: true)) == ["--strata", "st", "--nest"])
    }

    @Test func workbookHoldsTheCSVListingWithNumbersAsNumbers() throws {
        var d = try Dataset(columns: [.numeric("age", [25, 99, 40, .nan]), Column(name: "why", values: .text(["a", nil, "b", "c"]))])
        d.codebook["age"] = VariableMetadata(
            label: LocalizedText(["en": "Age", "kk": "Жасы"]), valueLabels: [ValueLabel(code: 99, label: LocalizedText("Refused"))],
            missingCodes: [99])
        let summary = CodebookSummary(d, file: "a.csv")
        let csv = CodebookRenderer(language: "kk").render(summary, as: .csv).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let workbook = CodebookRenderer(language: "kk").workbook(summary)
        #expect(workbook.sheets.map(\.name) == ["Код кітабы"])
        let sheet = workbook.sheets[0]
        #expect(sheet.header == ["Айнымалы", "Түрі", "Белгі", "Өлшеу шкаласы", "Жарамды", "Жоқ мәндер", "Код", "Мән белгісі", "Саны", "Жоқ мән коды"])
        #expect(sheet.rows.count == csv.count - 1)
        #expect(sheet.rows[0][2] == .text("Жасы"))
        #expect(sheet.rows[0][4] == .number(2) && sheet.rows[0][5] == .number(2))  // valid, missing
        // The code stays text, the count is a number.
        #expect(sheet.rows.first { $0[0] == .text("age") && $0[6] == .text("99") }?[8] == .number(1))
        for (cells, fields) in zip(sheet.rows, csv.dropFirst()) {
            #expect(cells.count == fields.count)
            for (cell, field) in zip(cells, fields) {
                switch cell {
                case .text(let text): #expect(text == field)
                case .number(let value): #expect(Double(field) == value)
                case .empty: #expect(field.isEmpty)
                }
            }
        }
    }
}
