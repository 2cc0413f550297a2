import BarometerCLI
import Foundation
import SurveyCore
import Testing

private let clusterFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../ConformanceTests/Fixtures/apiclus1.csv").standardized.path

/// `estimate --quantile V --probabilities P1,P2` on the command line.
@Suite("estimate --quantile")
struct QuantileCommandTests {
    @Test("the flags make quantile measures in command-line order, the probabilities shared by every quantile")
    func flags() throws {
        let r = try BarometerCLI.request(for: ["estimate", "data.csv", "--mean", "a", "--quantile", "b", "--quantile", "c",
                                               "--probabilities", "0.1,0.9"])
        #expect(r.measures == [Measure(.mean, "a"), .quantiles("b", probabilities: [0.1, 0.9]), .quantiles("c", probabilities: [0.1, 0.9])])
        let plain = try BarometerCLI.request(for: ["estimate", "data.csv", "--quantile", "b"])
        #expect(plain.measures == [.quantiles("b", probabilities: [])])
    }

    @Test("quantiles by school type as JSON: R's median of api00 among elementary schools, and a table titled in each language")
    func endToEnd() throws {
        let design = ["--weight", "pw", "--cluster", "dnum", "--fpc", "fpc"]
        let run = BarometerCLI.run(["estimate", clusterFixture] + design + ["--quantile", "api00", "--probabilities", "0.25,0.5,0.75",
                                                                            "--by", "stype", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        #expect(result.rows.count == 9)
        let median = try #require(result.rows.first { $0.level == "0.5" && $0.domain.entries.first?.value == "E" })
        // svyquantile(~api00, subset(dclus1, stype == "E"), 0.5, ci = TRUE): 652, (561, 717), SE 36.3672529484616.
        #expect(median.estimate == 652 && median.ci?.lower == 561 && median.ci?.upper == 717)
        #expect(median.statistic == .quantile && median.ci?.method == .woodruff)
        for (lang, title, header) in [("en", "Quantiles of api00", "Probability"), ("ru", "Квантили: api00", "Вероятность"),
                                      ("kk", "Квантильдер: api00", "Ықтималдық")] {
            let table = BarometerCLI.run(["estimate", clusterFixture] + design + ["--quantile", "api00", "--lang", lang])
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains(title) && table.stdout.contains(header), "\(table.stdout)")
        }
    }

    @Test("bad probabilities and variables get one sentence naming the flag and the value", arguments: [
        (["--quantile", "api00", "--probabilities", "50"], "--probabilities 50 is not a probability strictly between 0 and 1; write e.g. --probabilities 0.5"),
        (["--quantile", "api00", "--probabilities", "0.5,1"], "--probabilities 1 is not a probability strictly between 0 and 1"),
        (["--mean", "api00", "--probabilities", "0.5"], "--probabilities applies to quantiles, but the request asks for none"),
        (["--quantile", "stype"], "The variable 'stype' is"),
    ])
    func badInput(_ flags: [String], _ expected: String) {
        let run = BarometerCLI.run(["estimate", clusterFixture, "--weight", "pw"] + flags)
        #expect(run.status != 0)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
