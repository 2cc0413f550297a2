import BarometerCLI
import Foundation
import SurveyCore
import Testing

private let tiny = Bundle.module.path(forResource: "tiny", ofType: "csv", inDirectory: "Fixtures")!
private let study = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path

/// `estimate --by G --differences [--reference GROUP]` on the command line: the request, the
/// outputs, and the usage errors.
@Suite struct DifferencesCommandTests {
    @Test func flagsBecomeTheRequest() throws {
        let all = try BarometerCLI.request(for: ["estimate", "data.csv", "--mean", "api00", "--by", "stype", "--differences"])
        #expect(all.differences == DifferencesSpec())
        let one = try BarometerCLI.request(for: ["estimate", "data.csv", "--mean", "api00", "--by", "stype", "--differences", "--reference", "H"])
        #expect(one.differences == DifferencesSpec(reference: "H"))
        let none = try BarometerCLI.request(for: ["estimate", "data.csv", "--mean", "api00", "--by", "stype"])
        #expect(none.differences == nil)
    }

    @Test func jsonHasOneDifferenceRowPerPair() throws {
        let run = BarometerCLI.run(["estimate", tiny, "--weight", "pw", "--mean", "api00", "--by", "stype", "--differences", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        let difference = try #require(result.rows.first { $0.statistic == .difference })
        #expect(result.rows.filter { $0.statistic == .difference }.count == 1)
        #expect(difference.domain["stype"] == "E − H")
        let means = result.rows.filter { $0.statistic == .mean }
        // E: (600 + 640)/2, H: the other two; the difference is E − H.
        let e = try #require(means.first { $0.domain["stype"] == "E" }?.estimate)
        let h = try #require(means.first { $0.domain["stype"] == "H" }?.estimate)
        #expect(difference.estimate == e - h)
        #expect(difference.difference?.of == .mean)
        #expect(difference.difference?.group == Domain([.init(variable: "stype", value: "E")]))
        #expect(difference.difference?.reference == Domain([.init(variable: "stype", value: "H")]))
    }

    @Test func tableAndCSVShowTheDifferences() {
        let table = BarometerCLI.run(["estimate", tiny, "--weight", "pw", "--mean", "api00", "--by", "stype", "--differences"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Differences between groups: api00"))
        #expect(table.stdout.contains("E − H"))
        let csv = BarometerCLI.run(["estimate", tiny, "--weight", "pw", "--mean", "api00", "--by", "stype", "--differences", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let header = csv.stdout.split(separator: "\n").first ?? ""
        #expect(header.hasSuffix("p_value,group_estimate,reference_estimate"))
        #expect(csv.stdout.contains("api00,difference,E − H,"))
        let russian = BarometerCLI.run(["estimate", tiny, "--weight", "pw", "--mean", "api00", "--by", "stype", "--differences", "--lang", "ru"])
        #expect(russian.stdout.contains("Разности между группами: api00"))
    }

    @Test func differencesWithoutOneBreakdownIsAUsageError() {
        let none = BarometerCLI.run(["estimate", tiny, "--mean", "api00", "--differences"])
        #expect(none.status == 64)
        #expect(none.stderr.hasPrefix("Error: --differences compares the groups of one breakdown, but there is no --by; name exactly one"))
        let two = BarometerCLI.run(["estimate", tiny, "--mean", "api00", "--by", "stype", "--by", "id", "--differences"])
        #expect(two.status == 64)
        #expect(two.stderr.hasPrefix("Error: --differences compares the groups of one breakdown, but --by names 2 (stype, id); keep exactly one."))
    }

    @Test func referenceWithoutDifferencesIsAUsageError() {
        let run = BarometerCLI.run(["estimate", tiny, "--mean", "api00", "--by", "stype", "--reference", "E"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --reference E names the group to compare the others with, but there is no --differences"))
    }

    @Test func referenceThatIsNotAGroupIsAUsageError() {
        let run = BarometerCLI.run(["estimate", tiny, "--weight", "pw", "--mean", "api00", "--by", "stype", "--differences", "--reference", "M"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--reference M is not a group of 'stype'; choose one of 'E', 'H'."))
    }

    @Test func trendHasTheDifferencesOfEveryWave() throws {
        let run = BarometerCLI.run(["trend", study, "opinion", "--by", "sex", "--differences", "--reference", "M", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        let rows = result.rows.filter { $0.statistic == .difference }
        #expect(Set(rows.compactMap { $0.domain["wave"] }) == ["w1", "w2", "w3"])
        #expect(rows.allSatisfy { $0.domain["sex"] == "F − M" })
        let bad = BarometerCLI.run(["trend", study, "opinion", "--by", "sex", "--differences", "--reference", "X"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--reference X is not a group of 'sex'; choose one of 'F', 'M'."))
        let none = BarometerCLI.run(["trend", study, "opinion", "--differences"])
        #expect(none.status == 64)
        #expect(none.stderr.hasPrefix("Error: --differences compares the groups of one breakdown, but the request has none; name exactly one with --by GROUP."))
    }
}
