import SurveyCore
import Testing
@testable import Reports

@Suite struct TableRendererTests {
    private func render(_ result: AnalysisResult, language: String = "en") -> [String] {
        ResultRenderer(language: language).render(result, as: .table).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    @Test func designSummaryComesFirst() {
        #expect(render(SampleResults.means)[0]
            == "Design: weights pw, strata stype, fpc fpc; 200 respondents, 200 PSUs in 3 strata, 197 df")
        #expect(render(SampleResults.proportions)[0]
            == "Design: weights pw, strata stype, clusters dnum (fpc fpc), nested; 200 respondents, 6 PSUs in 3 strata, 197 df")
    }

    @Test func designWithoutWeightsOrStrata() {
        let design = DesignSummary(weights: nil, strata: nil, clusters: ["id"], fpc: [], nest: false, lonelyPSU: .adjust,
                                   degreesOfFreedom: 0, respondents: 1, strataCount: 1, psuCount: 1)
        let text = TableRenderer(language: "en").render(AnalysisResult(design: design, rows: []))
        #expect(text == "Design: equal weights, clusters id, lonely PSUs: adjust; 1 respondent, 1 PSU, 0 df\n\nNo estimates.\n")
    }

    @Test func meansUseTheDecimalsOfAFourDigitStandardError() {
        let lines = render(SampleResults.means)
        #expect(lines[2] == "Mean of api00")
        #expect(lines[3] == "stype  Estimate     SE            95% CI  Deff    n  Weighted N")
        #expect(lines[4] == "─────  ────────  ─────  ────────────────  ────  ───  ──────────")
        #expect(lines[5] == "E        674.43  12.49  [649.79, 699.08]  0.99  100        4421")
        #expect(lines[6] == "H        625.82  15.34  [595.30, 656.34]  1.02   50         755")
    }

    @Test func proportionsArePercentagesAndMissingNumbersADash() {
        let lines = render(SampleResults.proportions)
        #expect(lines[2] == "Proportions of stype")
        #expect(lines[3].hasPrefix("sch.wide  region  stype           Estimate    SE        95% CI"))
        #expect(lines[5] == "No        Север   E                  39.4%  2.21  [35.1, 43.9]  21         812")
        #expect(lines[6] == "No        Север   High, \"senior\"     60.6%     —             —  12        1249")
    }

    @Test func columnsLineUpWithCyrillicLabels() {
        let lines = render(SampleResults.proportions)[3...7]
        let widths = Set(lines.map(DisplayWidth.of))
        #expect(widths.count == 1)  // the last column is right-aligned, so every line ends together
        #expect(DisplayWidth.of("Север") == 5)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func crosstabIsAGridWithTestAndWarnings() {
        let text = ResultRenderer().render(SampleResults.crosstab, as: .table)
        #expect(text == """
            Design: weights pw, strata stype, fpc fpc; 200 respondents, 200 PSUs in 3 strata, 197 df

            stype × sch.wide, row percentages
            stype            No           Yes
            ─────  ────────────  ────────────
            E             39.4%         60.6%
                   [35.1, 43.9]  [56.1, 64.9]
            Город         12.0%         88.0%
                    [8.0, 17.0]  [83.0, 92.0]

            stype × sch.wide: Rao–Scott F = 5.19 on 1.49 and 20.9 df, p = 0.0217

            Warning: 2 cells have fewer than 30 respondents.

            """)
    }

    @Test func testLines() {
        let text = ReportText(language: "en")
        #expect(text.testLine(TestResult(name: "rao-scott-chisq", statistic: 7.0, df: [1], pValue: 0.00001))
            == "Rao–Scott χ² = 7 on 1 df, p < 0.0001")
        var chisq = TestResult(name: "rao-scott-chisq", statistic: 11.94, df: [2], pValue: 0.0055)
        chisq.correctedStatistic = 10.39
        #expect(text.testLine(chisq) == "Rao–Scott χ² = 11.9 (corrected 10.4) on 2 df, p = 0.0055")
        #expect(ReportText(language: "ru").testLine(chisq).contains("(с поправкой 10.4)"))
        #expect(text.testLine(TestResult(name: "adjusted-wald", statistic: nil, df: [2, 30], pValue: nil))
            == "Adjusted Wald F = — on 2 and 30 df, p = —")
    }

    @Test func russianHeadings() {
        let lines = render(SampleResults.means, language: "ru")
        #expect(lines[0].hasPrefix("План выборки: веса pw, страты stype"))
        #expect(lines[2] == "Среднее: api00")
        #expect(lines[3].contains("Оценка") && lines[3].contains("95% ДИ"))
    }

    @Test func kazakhHeadings() {
        let lines = render(SampleResults.means, language: "kk")
        #expect(lines[0].hasPrefix("Іріктеу жоспары: салмақтар pw, стратар stype"))
        #expect(lines[2] == "Орташа мән: api00")
        #expect(lines[3].contains("Бағалау") && lines[3].contains("Ст. қате") && lines[3].contains("95% сенім аралығы"))
        #expect(render(SampleResults.means, language: "de")[2] == "Mean of api00")  // a language without a catalog: English
    }

    @Test func ratioTitleNamesTheDenominatorFromTheRequest() {
        let row = ResultRow(variable: "api.stu", statistic: .ratio, estimate: 0.8, standardError: 0.01,
                            ci: SampleResults.wald(0.78, 0.82), unweightedCount: 200, weightedCount: 6194)
        let result = AnalysisResult(design: SampleResults.stratified, rows: [row],
                                    request: AnalysisRequest(measures: [Measure(.ratio, "api.stu", denominator: "enroll")]))
        let lines = render(result)
        #expect(lines[2] == "Ratio api.stu/enroll")
        #expect(lines[5] == " 0.80000  0.01000  [0.78000, 0.82000]  200        6194")
    }

    @Test func numberFormatting() {
        #expect(NumberText.percent(0.3941) == "39.4%")
        #expect(NumberText.fixed(-0.00001, decimals: 2) == "0.00")
        #expect(NumberText.decimals(showing: 4, of: 22.36) == 2)
        #expect(NumberText.decimals(showing: 4, of: 12345) == 0)
        #expect(NumberText.significant(20.93, digits: 3) == "20.9")
        #expect(NumberText.significant(0.021734, digits: 3) == "0.0217")
        #expect(NumberText.level(0.95) == "95%")
        #expect(NumberText.level(0.995) == "99.5%")
        #expect(NumberText.full(.nan) == "")
    }
}
