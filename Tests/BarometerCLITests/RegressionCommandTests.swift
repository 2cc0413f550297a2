import BarometerCLI
import Foundation
import SurveyCore
import Testing

private let studyFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path
private let strataFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../ConformanceTests/Fixtures/apistrat.csv").standardized.path

/// `barometer regress FILE --model … [--family] [--event] [--odds-ratios]` on the command line.
@Suite("barometer regress")
struct RegressionCommandTests {
    let design = ["--weight", "pw", "--strata", "stype", "--fpc", "fpc"]

    @Test("the flags make a regression request")
    func flags() throws {
        let r = try BarometerCLI.request(for: ["regress", "data.csv", "--model", "y ~ a + b", "--family", "binomial", "--event", "Yes",
                                               "--odds-ratios", "--filter", "a > 1", "--level", "0.9"])
        #expect(r.regression == RegressionSpec(model: "y ~ a + b", family: .binomial, event: "Yes", oddsRatios: true))
        #expect(r.filter == "a > 1" && r.options.confidenceLevel == 0.9 && r.measures.isEmpty)
    }

    @Test("a linear model as JSON: R's svyglm coefficients of api00 ~ ell + meals + stype")
    func endToEnd() throws {
        let run = BarometerCLI.run(["regress", strataFixture, "--model", "api00 ~ ell + meals + stype", "--format", "json"] + design)
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        #expect(result.rows.map(\.variable) == ["(Intercept)", "ell", "meals", "stypeH", "stypeM"])
        #expect(result.rows.allSatisfy { $0.statistic == .coefficient && $0.degreesOfFreedom == 193 })
        #expect(result.rows.first?.coefficient?.term == "(Intercept)" && result.rows.last?.coefficient?.term == "stype")
        #expect(result.tests.first?.description == "stype" && result.tests.first?.df == [2, 193])
        for format in ["table", "csv", "markdown"] {
            let out = BarometerCLI.run(["regress", strataFixture, "--model", "api00 ~ ell + meals + stype", "--format", format] + design)
            #expect(out.status == 0 && out.stdout.contains("stypeH"), "\(format): \(out.stderr)")
        }
    }

    @Test("a logistic model with odds ratios")
    func logistic() throws {
        let run = BarometerCLI.run(["regress", strataFixture, "--model", "sch.wide ~ ell + stype", "--family", "binomial",
                                    "--odds-ratios", "--format", "json"] + design)
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        let ell = try #require(result.rows.first { $0.variable == "ell" })
        #expect(ell.coefficient?.oddsRatio == exp(ell.estimate!))
        #expect(run.stdout.contains("\"oddsRatio\""))
    }

    @Test("bad flags get one sentence naming the flag and the value", arguments: [
        (["--model", "api00 ell"], "The model 'api00 ell' has no '~'", Int32(64)),
        (["--model", "api00 ~ ell", "--odds-ratios"], "--odds-ratios applies to a logistic model", Int32(64)),
        (["--model", "api00 ~ ell", "--event", "Yes"], "--event Yes names the event of a logistic model", Int32(64)),
        (["--model", "api00 ~ el + meals"], "The model names 'el', which is not a variable of the data (did you mean 'ell'?)", Int32(1)),
        (["--model", "sch.wide ~ ell", "--family", "binomial", "--event", "Maybe"], "--event Maybe is not a level of 'sch.wide'", Int32(1)),
        (["--model", "api00 ~ ell", "--family", "logit"], "logit", Int32(64)),
    ])
    func badInput(_ flags: [String], _ expected: String, _ status: Int32) {
        let run = BarometerCLI.run(["regress", strataFixture] + design + flags)
        #expect(run.status == status, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
    }

    @Test("report.yaml tables a model of one wave")
    func reportTable() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regress-report-\(UUID())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let file = scratch.appendingPathComponent("report.yaml").path
        try """
            title: {en: Models}
            study: \(studyFixture)
            sections:
              - title: {en: Opinion}
                analyses:
                  - {chart: table, wave: w1, model: "q_ru ~ sex + age", title: {en: Opinion by sex and age}}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("out").path
        let run = BarometerCLI.run(["report", file, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("Opinion by sex and age") && html.contains("sexM") && html.contains("(Intercept)"), "\(html.prefix(2000))")
        let csv = try String(contentsOfFile: out + "/tables/01-regression.csv", encoding: .utf8)
        #expect(csv.hasPrefix("variable,statistic,") && csv.contains("coefficient"))
        // A model with a concept or without a wave is refused with its line.
        try """
            title: {en: Models}
            study: \(studyFixture)
            sections:
              - title: {en: Opinion}
                analyses:
                  - {chart: trend, model: "q_ru ~ sex"}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let bad = BarometerCLI.run(["report", file, "--out", out])
        #expect(bad.status != 0 && bad.stderr.contains("tables the coefficients of one wave"), "\(bad.stderr)")
    }
}
