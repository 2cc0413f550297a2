import SurveyCore
import Testing
@testable import Reports

@Suite struct CSVRendererTests {
    private func lines(_ result: AnalysisResult) -> [String] {
        ResultRenderer().render(result, as: .csv).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func headerHasOneColumnPerBreakdownVariable() {
        let csv = lines(SampleResults.proportions)
        #expect(csv[0] == "variable,statistic,sch.wide,region,level,code,estimate,standard_error,ci_lower,ci_upper,"
            + "ci_level,ci_method,design_effect,df,unweighted_count,weighted_count")
        #expect(csv.count == 5)  // header, three rows, the final newline
        #expect(csv.last == "")
    }

    @Test func numbersAreFullPrecisionAndMissingValuesEmpty() {
        let csv = lines(SampleResults.proportions)
        #expect(csv[1] == "stype,proportion,No,Север,E,E,0.3941,0.0221,0.3512,0.4387,0.95,logit,,3,21,812.5")
        #expect(csv[3].contains(",0.3333333333333333,"))
        #expect(csv[2].hasSuffix(",H,0.6059,,,,,,,,12,1249.25"))
    }

    @Test func fieldsAreQuotedAsRFC4180() {
        let csv = lines(SampleResults.proportions)
        #expect(csv[2].hasPrefix(#"stype,proportion,No,Север,"High, ""senior""",H,"#))
        #expect(CSVRenderer.quote("plain") == "plain")
        #expect(CSVRenderer.quote("two\nlines") == "\"two\nlines\"")
    }

    @Test func crosstabRowsAddRowAndColumn() {
        let csv = lines(SampleResults.crosstab)
        #expect(csv[0].hasSuffix(",unweighted_count,weighted_count,row,column"))
        #expect(!csv[0].contains("stype,level"))  // no breakdown columns
        #expect(csv[3].hasSuffix(",6,60.0,Город,No"))
        #expect(!csv.joined().contains("Rao"))  // tests are not part of the CSV
    }

    @Test func wholePopulationHasNoDomainColumns() {
        let row = ResultRow(variable: "api00", statistic: .mean, estimate: 1, standardError: nil, ci: nil,
                            unweightedCount: 3, weightedCount: 3)
        let csv = lines(AnalysisResult(design: SampleResults.stratified, rows: [row]))
        #expect(csv[0].hasPrefix("variable,statistic,level,code,estimate,"))
        #expect(csv[1] == "api00,mean,,,1.0,,,,,,,,3,3.0")
    }

    @Test func breakdownNamedLikeAFixedColumnIsPrefixed() {
        let row = ResultRow(variable: "x", statistic: .mean, domain: Domain([.init(variable: "level", value: "A")]),
                            estimate: 1, standardError: nil, ci: nil, unweightedCount: 1, weightedCount: 1)
        let csv = lines(AnalysisResult(design: SampleResults.stratified, rows: [row]))
        #expect(csv[0].hasPrefix("variable,statistic,domain.level,level,"))
    }
}
