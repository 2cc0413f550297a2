import BarometerCLI
import Foundation
import Testing

/// The committed R fixtures (see conformance/generate-goldens.R).
private func apiFile(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ConformanceTests/Fixtures/\(name)").path
}

private struct JSONResult: Decodable {
    struct Row: Decodable {
        let variable: String
        let statistic: String
        let domain: [String: String]
        let level: String?
        let estimate: Double?
        let standardError: Double?
        let designEffect: Double?
    }
    struct Test: Decodable { let name: String; let statistic: Double?; let df: [Double]; let pValue: Double? }
    struct Design: Decodable { let degreesOfFreedom: Int; let respondents: Int }
    struct Provenance: Decodable { let file: String?; let checksum: String?; let software: String }
    let barometer: Int
    let design: Design
    let provenance: Provenance?
    let rows: [Row]
    let tests: [Test]
}

@Suite("barometer estimate and crosstab, end to end")
struct EndToEndTests {
    @Test func estimateGivesRsNumbersInJSON() throws {
        let run = BarometerCLI.run([
            "estimate", apiFile("apistrat.csv"), "--weight", "pw", "--strata", "stype", "--fpc", "fpc",
            "--mean", "api00", "--proportion", "sch.wide", "--by", "stype", "--deff", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(JSONResult.self, from: Data(run.stdout.utf8))
        #expect(result.barometer == 1)
        #expect(result.design.degreesOfFreedom == 197)
        #expect(result.design.respondents == 200)
        // R: svyby(~api00, ~stype, dstrat, svymean) — E 674.43, SE 12.3825.
        let e = try #require(result.rows.first { $0.variable == "api00" && $0.domain == ["stype": "E"] })
        #expect(abs(e.estimate! - 674.43) < 0.005)
        #expect(abs(e.standardError! - 12.3825) < 0.0005)
        #expect(e.designEffect != nil)
        #expect(result.rows.filter { $0.variable == "sch.wide" }.count == 6)
        #expect(result.provenance?.file == "apistrat.csv")
        #expect(result.provenance?.checksum?.hasPrefix("sha256:") == true)
        #expect(result.provenance?.checksum?.count == 71)
        #expect(result.provenance?.software.hasPrefix("barometer ") == true)
    }

    @Test func crosstabReportsTheRaoScottTest() throws {
        let run = BarometerCLI.run([
            "crosstab", apiFile("apiclus1.csv"), "stype", "sch.wide", "--weight", "pw", "--cluster", "dnum", "--fpc", "fpc",
            "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(JSONResult.self, from: Data(run.stdout.utf8))
        // R: svychisq(~stype + sch.wide, dclus1): F = 5.19337, ndf = 1.49464, ddf = 20.92496, p = 0.021747.
        let test = try #require(result.tests.first)
        #expect(test.name == "rao-scott-f")
        #expect(abs(test.statistic! - 5.19337) < 1e-5)
        #expect(abs(test.df[0] - 1.49464) < 1e-5)
        #expect(abs(test.df[1] - 20.92496) < 1e-5)
        #expect(abs(test.pValue! - 0.021747) < 1e-6)
        #expect(result.rows.count == 6)
    }

    @Test func tableShowsTheDesignAndPercentages() {
        let run = BarometerCLI.run([
            "estimate", apiFile("apiclus1.csv"), "--weight", "pw", "--cluster", "dnum", "--fpc", "fpc",
            "--proportion", "sch.wide", "--filter", "stype == \"E\"",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Design: weights pw, clusters dnum"))
        #expect(run.stdout.contains("%"))
    }

    @Test(arguments: [
        (["estimate", "nope.csv", "--mean", "x"], "not found"),
        (["estimate", "APISTRAT", "--weight", "pw", "--mean", "api0"], "did you mean 'api00'"),
        (["estimate", "APISTRAT", "--weight", "stype", "--mean", "api00"], "not numeric"),
        (["estimate", "APISTRAT", "--weight", "pw", "--mean", "api00", "--filter", "api00 >> 3"], "column"),
        (["estimate", "APISTRAT", "--weight", "pw", "--mean", "api00", "--filter", "api00 > 5000"], "selects no respondents"),
        (["estimate", "APISTRAT", "--weight", "pw", "--cluster", "dnum", "--strata", "stype", "--mean", "api00"], "--nest"),
        (["estimate", "APISTRAT", "--weight", "pw", "--strata", "stype", "--fpc", "pw", "--mean", "api00"], "fpc"),
    ])
    func badInputIsOneSentenceOnStderr(_ arguments: [String], _ expected: String) {
        let run = BarometerCLI.run(arguments.map { $0 == "APISTRAT" ? apiFile("apistrat.csv") : $0 })
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("error: "))
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
    }
}
