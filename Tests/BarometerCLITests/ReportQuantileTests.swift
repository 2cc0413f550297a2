@testable import BarometerCLI
import Foundation
import Reports
import Studies
import SurveyCore
import SurveyIO
import Testing

private let study = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path

/// Quantiles in report.yaml: `{chart: table, wave: W, quantile: V, probabilities: [...]}`.
@Suite("quantiles in report.yaml")
struct ReportQuantileTests {
    static let yaml = """
        title: {en: Quantiles, ru: Квантили}
        study: \(study)
        sections:
          - title: {en: Answers, ru: Ответы}
            analyses:
              - {chart: table, wave: w1, quantile: q_ru, probabilities: [0.25, 0.5], by: sex}
        """

    @Test("the report's table holds the same quantiles as estimate --quantile on the wave's file and design")
    func sameAsTheCommandLine() throws {
        let spec = try ReportSpecYAML.read(string: Self.yaml, name: "q.yaml")
        let request = spec.sections[0].analyses[0].request
        #expect(request.wave == "w1" && request.measures == [.quantiles("q_ru", probabilities: [0.25, 0.5])] && request.by == ["sex"])
        let folder = try StudyFolder(path: study)
        var fromReport: AnalysisResult?
        let built = try StudyReportBuilder(study: folder.study, language: "ru").build(spec) { request in
            let result = try folder.run(request)
            fromReport = result
            return result
        }
        let report = try #require(fromReport)
        let cli = BarometerCLI.run(["estimate", study + "/waves/w1.csv", "--weight", "w", "--strata", "stratum", "--cluster", "psu",
                                    "--quantile", "q_ru", "--probabilities", "0.25,0.5", "--by", "sex", "--format", "json"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let fromCLI = try JSONDecoder().decode(AnalysisResult.self, from: Data(cli.stdout.utf8))
        let quantiles = report.rows.filter { $0.statistic == .quantile }
        #expect(quantiles.count == 4)
        for row in quantiles {
            let twin = try #require(fromCLI.rows.first { $0.level == row.level && $0.domain["sex"] == row.domain["sex"] })
            #expect(row.estimate == twin.estimate && row.ci == twin.ci && row.standardError == twin.standardError)
        }
        // The Russian page titles the table in Russian and links no chart it did not draw.
        let html = built.html
        #expect(html.contains("Квантили: q_ru") && html.contains("Вероятность"))
        #expect(!html.contains("charts/01-q_ru.svg"))
    }

    @Test("a quantile outside a one-wave table is one sentence with the line", arguments: [
        "{chart: trend, wave: w1, quantile: q_ru}",
        "{chart: table, quantile: q_ru}",
        "{wave: w1, quantile: q_ru}",
    ])
    func misplaced(_ analysis: String) {
        let yaml = Self.yaml.replacingOccurrences(of: "{chart: table, wave: w1, quantile: q_ru, probabilities: [0.25, 0.5], by: sex}", with: analysis)
        do {
            _ = try ReportSpecYAML.read(string: yaml, name: "q.yaml")
            Issue.record("\(analysis) was accepted")
        } catch {
            #expect(error.message.contains("line 6") && error.message.contains("quantiles of a numeric variable are a table of one wave"), "\(error.message)")
        }
    }
}
