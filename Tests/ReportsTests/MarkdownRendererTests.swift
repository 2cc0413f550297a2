import SurveyCore
import Testing
@testable import Reports

@Suite struct MarkdownRendererTests {
    @Test func estimatesAsAPipeTable() {
        let text = ResultRenderer().render(SampleResults.means, as: .markdown)
        #expect(text == """
            **Design:** weights pw, strata stype, fpc fpc; 200 respondents, 200 PSUs in 3 strata, 197 df

            ### Mean of api00

            | stype | Estimate |    SE |           95% CI | Deff |   n | Weighted N |
            | :---- | -------: | ----: | ---------------: | ---: | --: | ---------: |
            | E     |   674.43 | 12.49 | [649.79, 699.08] | 0.99 | 100 |       4421 |
            | H     |   625.82 | 15.34 | [595.30, 656.34] | 1.02 |  50 |        755 |
            | M     |   636.60 | 16.50 | [603.80, 669.40] | 1.10 |  50 |       1018 |

            """)
    }

    @Test func crosstabCellsCarryTheirIntervalBeside() {
        let text = ResultRenderer().render(SampleResults.crosstab, as: .markdown)
        #expect(text.contains("### stype × sch.wide, row percentages"))
        #expect(text.contains("| E     | 39.4% [35.1, 43.9] | 60.6% [56.1, 64.9] |"))
        #expect(text.contains("| Город |  12.0% [8.0, 17.0] | 88.0% [83.0, 92.0] |"))
        #expect(text.contains("\n\nstype × sch.wide: Rao–Scott F = 5.19 on 1.49 and 20.9 df, p = 0.0217\n"))
        #expect(text.hasSuffix("> **Warning:** 2 cells have fewer than 30 respondents.\n"))
    }

    @Test func pipesInLabelsAreEscaped() {
        #expect(MarkdownRenderer.escape("a|b\nc") == "a\\|b c")
        var result = SampleResults.proportions
        result.rows[0].level = "Yes | No"
        #expect(ResultRenderer().render(result, as: .markdown).contains("| Yes \\| No "))
    }
}
