import SurveyCore
import Translations

/// Lays out an ``AnalysisResult`` as a ``Workbook``: one sheet per table the text report prints.
///
/// - the estimates, one line per row of the result with the columns of the CSV output
///   (``EstimateColumns``: estimate, SE, interval ends, level and method, deff, df, n, weighted
///   N, and a crosstab cell's row and column), numbers as numbers at full precision;
/// - the changes between waves of a trend, when it has any;
/// - the tests (Rao–Scott, Wald), when there are any;
/// - "About": the design (or the model of a poll average), each wave of a trend, the warnings
///   and where the numbers came from.
///
/// Headers and sheet names are in the builder's language (en, ru, kk), from the catalog; value
/// labels come from the result as they are, and the statistic and interval method are the
/// identifiers of the CSV and JSON outputs (`proportion`, `wald`).
struct ResultWorkbookBuilder {
    let text: ReportText

    init(language: String) {
        text = ReportText(language: language)
    }

    var translate: Translator { text.translate }

    func build(_ result: AnalysisResult) -> Workbook {
        let names = ReportBuilder.DomainNames(result: result, text: text)
        var sheets = [estimates(result, names: names)]
        if !result.comparisons.isEmpty { sheets.append(changes(result.comparisons, names: names)) }
        if !result.tests.isEmpty { sheets.append(tests(result.tests)) }
        sheets.append(about(result))
        return Workbook(sheets: sheets)
    }

    func estimates(_ result: AnalysisResult, names: ReportBuilder.DomainNames) -> Worksheet {
        let columns = EstimateColumns(rows: result.rows)
        return Worksheet(
            name: translate(.sheetEstimates), header: columns.headers(translate, names: names),
            rows: result.rows.map { columns.values($0).map(\.cell) })
    }

    /// Changes between waves: what changed (variable, statistic, domain, level), the two waves
    /// and their estimates, the change with its SE, interval and p-value.
    func changes(_ comparisons: [Comparison], names: ReportBuilder.DomainNames) -> Worksheet {
        var domainVariables: [String] = []
        for comparison in comparisons {
            for entry in comparison.domain.entries where !domainVariables.contains(entry.variable) {
                domainVariables.append(entry.variable)
            }
        }
        let header = [translate(.columnVariable), translate(.columnStatistic)] + domainVariables.map(names.header)
            + [translate(.columnCategory), translate(.fromWave), translate(.toWave), translate(.columnFromEstimate),
               translate(.columnToEstimate), translate(.change), translate(.standardError), translate(.columnIntervalLower),
               translate(.columnIntervalUpper), translate(.columnConfidenceLevel), translate(.pValue)]
        let rows = comparisons.map { c -> [WorksheetCell] in
            [.text(c.variable), .text(c.statistic.rawValue)]
                + domainVariables.map { WorksheetCell.text(orEmpty: c.domain[$0]) }
                + [.text(orEmpty: c.level), .text(c.from), .text(c.to), Self.number(c.fromEstimate), Self.number(c.toEstimate),
                   Self.number(c.difference), Self.number(c.standardError), Self.number(c.ci.lower), Self.number(c.ci.upper),
                   Self.number(c.ci.level), Self.number(c.pValue)]
        }
        return Worksheet(name: translate(.changesBetweenWaves), header: header, rows: rows)
    }

    /// Tests: the test's name, what it tests, its statistic, degrees of freedom and p-value.
    func tests(_ tests: [TestResult]) -> Worksheet {
        let header = [
            translate(.columnTest), translate(.columnDescription), translate(.columnValue),
            translate(.columnNumeratorDegreesOfFreedom), translate(.columnDenominatorDegreesOfFreedom), translate(.pValue),
        ]
        let rows = tests.map { test -> [WorksheetCell] in
            [.text(text.testName(test)), .text(orEmpty: test.description), Self.number(test.statistic),
             Self.number(test.df.first), Self.number(test.df.count > 1 ? test.df[1] : nil), Self.number(test.pValue)]
        }
        return Worksheet(name: translate(.sheetTests), header: header, rows: rows)
    }

    /// The design, the waves of a trend, the warnings and the provenance, one line each.
    func about(_ result: AnalysisResult) -> Worksheet {
        var lines: [(String, String)] = []
        if result.pollModels.isEmpty {
            lines.append((text.designLabel, text.designDescription(result.design)))
        } else {
            for model in result.pollModels {
                lines.append((text.pollModelLabel, (result.pollModels.count > 1 ? model.answer + ": " : "") + text.pollModelDescription(model)))
            }
        }
        for wave in result.waves {
            lines.append((text.wave, (wave.label.isEmpty ? wave.id : wave.label) + ": " + text.designDescription(wave.design)))
        }
        lines += result.warnings.map { (text.warningLabel, $0) }
        if let provenance = result.provenance {
            let facts: [(Phrase, String?)] = [
                (.provenanceStudy, provenance.study), (.wave, provenance.wave), (.provenanceFile, provenance.file),
                (.provenanceChecksum, provenance.checksum), (.provenanceSoftware, provenance.software),
            ]
            for (phrase, value) in facts {
                if let value, !value.isEmpty { lines.append((translate(phrase), value)) }
            }
        }
        return Worksheet(
            name: translate(.sheetAbout), header: [translate(.columnItem), translate(.columnValue)],
            rows: lines.map { [.text($0.0), .text($0.1)] }, columnWidths: [24, 100])
    }

    static func number(_ value: Double?) -> WorksheetCell {
        TableValue.number(value).cell
    }
}
