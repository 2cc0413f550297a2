import SurveyCore
import Testing
@testable import Reports

@Suite("Result workbook")
struct ResultWorkbookTests {
    /// The fields of an RFC 4180 CSV text, line by line (quoted fields may hold commas, quotes
    /// and line breaks).
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(c)
            }
        }
        return records
    }

    /// Whether a cell holds what a CSV field says: the same text, the same number (the CSV
    /// writes whole counts without a decimal point, so numbers are compared as numbers), or
    /// nothing for an empty field.
    static func holds(_ cell: WorksheetCell, _ field: String) -> Bool {
        switch cell {
        case .text(let text): text == field
        case .number(let value): Double(field) == value
        case .empty: field.isEmpty
        }
    }

    @Test("the estimates sheet holds the CSV's values, numbers as numbers",
          arguments: [SampleResults.means, SampleResults.proportions, SampleResults.crosstab, SampleResults.trend(language: "kk")])
    func estimatesMatchTheCSV(_ result: AnalysisResult) {
        let csv = Self.csvRecords(ResultRenderer().render(result, as: .csv))
        let sheet = ResultRenderer(language: "ru").workbook(result).sheets[0]
        #expect(sheet.header.count == csv[0].count)
        #expect(sheet.rows.count == csv.count - 1)
        for (cells, fields) in zip(sheet.rows, csv.dropFirst()) {
            #expect(cells.count == fields.count)
            for (cell, field) in zip(cells, fields) {
                #expect(Self.holds(cell, field), "\(cell) against the CSV field '\(field)'")
            }
        }
        // Estimates and counts are numbers, not text.
        let estimateColumn = csv[0].firstIndex(of: "estimate")!
        let countColumn = csv[0].firstIndex(of: "unweighted_count")!
        for (cells, fields) in zip(sheet.rows, csv.dropFirst()) {
            #expect(cells[estimateColumn] == .number(Double(fields[estimateColumn])!))
            #expect(cells[countColumn] == .number(Double(Int(fields[countColumn])!)))
        }
    }

    @Test func headersAndSheetNamesAreInTheChosenLanguage() {
        let result = SampleResults.trend(language: "kk")
        let kk = ResultRenderer(language: "kk").workbook(result)
        #expect(kk.sheets.map(\.name) == ["Бағалаулар", "Толқындар арасындағы өзгерістер", "Критерийлер", "Нәтиже туралы"])
        #expect(kk.sheets[0].header == [
            "Айнымалы", "Статистика", "Толқын", "Жас тобы", "Санат", "Код", "Бағалау", "Ст. қате",
            "Сенім аралығының төменгі шегі", "Сенім аралығының жоғарғы шегі", "Сенім деңгейі", "Сенім аралығының әдісі",
            "Жоспар әсері", "Еркіндік дәрежелері", "n", "Салмақталған N",
        ])
        let en = ResultRenderer(language: "en").workbook(SampleResults.crosstab)
        #expect(en.sheets.map(\.name) == ["Estimates", "Tests", "About"])
        #expect(en.sheets[0].header.suffix(4) == ["n", "Weighted N", "Row", "Column"])
        let ru = ResultRenderer(language: "ru").workbook(SampleResults.means)
        #expect(ru.sheets.map(\.name) == ["Оценки", "О результате"])
        #expect(ru.sheets[0].header.prefix(3) == ["Переменная", "Статистика", "stype"])
    }

    @Test func changesSheetHasBothEstimatesTheChangeAndItsInterval() {
        let result = SampleResults.trend(language: "en")
        let sheet = ResultRenderer(language: "en").workbook(result).sheets[1]
        #expect(sheet.header == [
            "Variable", "Statistic", "Age group", "Category", "from", "to", "Estimate (from)", "Estimate (to)", "change", "SE",
            "CI lower", "CI upper", "Confidence level", "p",
        ])
        let first = result.comparisons[0]
        #expect(sheet.rows[0] == [
            .text("opinion_russia"), .text("proportion"), .text("30+"), .text("Favourable"), .text("2017-spring"),
            .text("2022-autumn"), .number(0.6), .number(0.4), .number(first.difference), .number(first.standardError),
            .number(first.ci.lower!), .number(first.ci.upper!), .number(0.95), .number(first.pValue),
        ])
        #expect(sheet.rows[1][3] == .empty)  // a net score has no category
    }

    @Test func testsSheetHasTheStatisticDegreesOfFreedomAndPValue() {
        let sheet = ResultRenderer(language: "ru").workbook(SampleResults.crosstab).sheets[1]
        #expect(sheet.name == "Критерии")
        #expect(sheet.rows == [[
            .text("F Рао–Скотта"), .text("stype × sch.wide"), .number(5.1893), .number(1.4921), .number(20.93), .number(0.021734),
        ]])
    }

    @Test func aboutSheetHasTheDesignWavesWarningsAndProvenance() {
        let crosstab = ResultRenderer(language: "en").workbook(SampleResults.crosstab).sheets.last!
        #expect(crosstab.header == ["Item", "Value"])
        #expect(crosstab.rows.first?.first == .text("Design"))
        #expect(crosstab.rows.contains([.text("Warning"), .text("2 cells have fewer than 30 respondents.")]))
        let proportions = ResultRenderer(language: "kk").workbook(SampleResults.proportions).sheets.last!
        #expect(proportions.rows.contains([.text("Файл"), .text("data/apistrat.csv")]))
        #expect(proportions.rows.contains([.text("Бағдарлама"), .text("barometer 0.1.0")]))
        let trend = ResultRenderer(language: "ru").workbook(SampleResults.trend(language: "ru")).sheets.last!
        #expect(trend.rows.filter { $0.first == .text("Волна") }.count == 2)
    }
}
