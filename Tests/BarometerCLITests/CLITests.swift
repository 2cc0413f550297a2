import BarometerCLI
import Foundation
import SurveyCore
import Testing

private let fixture = Bundle.module.path(forResource: "tiny", ofType: "csv", inDirectory: "Fixtures")!

private func request(_ arguments: String...) throws -> AnalysisRequest {
    try BarometerCLI.request(for: arguments)
}

private func nonEmptyLines(_ text: String) -> [Substring] {
    text.split(separator: "\n")
}

@Suite struct RequestFromFlagsTests {
    @Test func designFlagsBecomeTheDesignSpec() throws {
        let r = try request("estimate", "data.csv", "--weight", "pw", "--strata", "stype", "--cluster", "dnum",
                            "--cluster", "snum", "--fpc", "fpc1", "--fpc", "fpc2", "--nest", "--lonely-psu", "adjust",
                            "--mean", "api00")
        #expect(r.design == DesignSpec(weights: "pw", strata: "stype", clusters: ["dnum", "snum"], fpc: ["fpc1", "fpc2"],
                                       nest: true, lonelyPSU: .adjust))
        #expect(r.measures == [Measure(.mean, "api00")])
        #expect(r.crosstab == nil)
    }

    @Test func defaults() throws {
        let r = try request("estimate", "data.csv", "--proportion", "stype")
        #expect(r == AnalysisRequest(measures: [Measure(.proportion, "stype")]))
        #expect(r.options == AnalysisOptions(confidenceLevel: 0.95, ciMethod: nil, missing: .include, language: "en",
                                             designEffects: false))
    }

    @Test func estimationAndOutputFlags() throws {
        let r = try request("estimate", "data.csv", "--mean", "api00", "--by", "stype", "--by", "sch.wide",
                            "--filter", "enroll > 100", "--ci-method", "beta", "--level", "0.9", "--deff",
                            "--exclude-missing", "--lang", "ru", "--format", "json")
        #expect(r.by == ["stype", "sch.wide"])
        #expect(r.filter == "enroll > 100")
        #expect(r.options == AnalysisOptions(confidenceLevel: 0.9, ciMethod: .beta, missing: .exclude, language: "ru",
                                             designEffects: true))
    }

    @Test func measuresKeepTheirCommandLineOrder() throws {
        let r = try request("estimate", "data.csv", "--mean", "a", "--proportion", "b", "--weight", "pw",
                            "--mean", "c", "--ratio", "x/y", "--total=t", "--proportion=d")
        #expect(r.measures == [
            Measure(.mean, "a"), Measure(.proportion, "b"), Measure(.mean, "c"),
            Measure(.ratio, "x", denominator: "y"), Measure(.total, "t"), Measure(.proportion, "d"),
        ])
    }

    @Test func ratioIsNumeratorOverDenominator() throws {
        let r = try request("estimate", "data.csv", "--ratio", "api.stu / enroll")
        #expect(r.measures == [Measure(.ratio, "api.stu", denominator: "enroll")])
    }

    @Test(arguments: ["abc", "a/", "/b", "a/b/c", "/"])
    func malformedRatioIsAUsageError(_ value: String) {
        #expect(throws: (any Error).self) { try request("estimate", "data.csv", "--ratio", value) }
        let run = BarometerCLI.run(["estimate", "data.csv", "--ratio", value])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: --ratio '\(value)' is not NUM/DEN; name a numerator and a denominator"))
    }

    @Test func crosstabFlags() throws {
        let r = try request("crosstab", "data.csv", "stype", "sch.wide", "--weight", "pw", "--percent", "column",
                            "--test", "adjwald", "--filter", "api00 > 600", "--level", "0.99")
        #expect(r.crosstab == CrosstabSpec(rows: "stype", columns: "sch.wide", percent: .column, test: .adjwald))
        #expect(r.measures.isEmpty)
        #expect(r.design.weights == "pw")
        #expect(r.filter == "api00 > 600")
        #expect(r.options.confidenceLevel == 0.99)
    }

    @Test func crosstabDefaults() throws {
        let r = try request("crosstab", "data.csv", "a", "b")
        #expect(r.crosstab == CrosstabSpec(rows: "a", columns: "b", percent: .row, test: .f))
    }
}

@Suite struct UsageErrorTests {
    @Test func levelGivenAsAPercentageGetsAHint() {
        let run = BarometerCLI.run(["estimate", "data.csv", "--mean", "x", "--level", "95"])
        #expect(run.status == 64)
        #expect(nonEmptyLines(run.stderr).first == "Error: --level 95 is not between 0 and 1; use 0.95 for 95%.")
    }

    @Test(arguments: ["0", "1", "-0.5", "100", "nan"])
    func levelOutsideZeroAndOne(_ level: String) {
        let run = BarometerCLI.run(["crosstab", "data.csv", "a", "b", "--level=\(level)"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --level "))
        #expect(run.stderr.contains("is not between 0 and 1; use 0.95 for 95%."))
    }

    @Test func levelThatIsNotANumber() {
        let run = BarometerCLI.run(["estimate", "data.csv", "--mean", "x", "--level", "high"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("'high'"))
    }

    @Test(arguments: [
        ["estimate", "data.csv", "--mean", "x", "--ci-method", "exact"],
        ["estimate", "data.csv", "--mean", "x", "--lonely-psu", "never"],
        ["estimate", "data.csv", "--mean", "x", "--format", "xml"],
        ["crosstab", "data.csv", "a", "b", "--percent", "diagonal"],
        ["crosstab", "data.csv", "a", "b", "--test", "fisher"],
    ])
    func badEnumValuesListTheChoices(_ arguments: [String]) {
        let run = BarometerCLI.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: The value '\(arguments.last!)' is invalid"))
    }

    @Test func estimateNeedsAMeasure() {
        let run = BarometerCLI.run(["estimate", "data.csv", "--weight", "pw"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: Nothing to estimate: add --mean, --total, --proportion, --quantile, --ratio, --mentions or --mentioned"))
    }

    @Test func missingArgumentsAndUnknownVerbs() {
        #expect(BarometerCLI.run(["crosstab", "data.csv", "a"]).status == 64)
        #expect(BarometerCLI.run(["estimate"]).status == 64)
        #expect(BarometerCLI.run(["tabulate", "data.csv"]).status == 64)
        #expect(BarometerCLI.run(["estimate", "data.csv", "--mean", "x", "--no-such-flag"]).status == 64)
    }
}

@Suite struct RunTests {
    @Test func helpGoesToStandardOutputWithStatusZero() {
        let root = BarometerCLI.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stderr.isEmpty)
        #expect(root.stdout.contains("Design-based estimates from survey files"))
        #expect(root.stdout.contains("estimate") && root.stdout.contains("crosstab"))

        let estimate = BarometerCLI.run(["estimate", "--help"])
        #expect(estimate.status == 0)
        #expect(estimate.stdout.contains("--mean <variable>"))
        #expect(estimate.stdout.contains("--ratio <num/den>"))

        #expect(BarometerCLI.run(["help", "crosstab"]).stdout.contains("<row-variable>"))
    }

    @Test func version() {
        let run = BarometerCLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == BarometerVersion.description + "\n")
    }

    @Test func missingFileIsOneLineOnStandardError() {
        let run = BarometerCLI.run(["estimate", "/no/such/dir/survey.csv", "--mean", "api00"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("error: "))
        #expect(run.stderr.hasSuffix("\n"))
        #expect(nonEmptyLines(run.stderr).count == 1)
        #expect(run.stderr.contains("/no/such/dir/survey.csv"))
    }

    @Test func engineErrorsComeOutAsOneLine() {
        // An unknown variable fails in any engine; the placeholder engine fails on everything.
        for arguments in [
            ["estimate", fixture, "--weight", "pw", "--mean", "no_such_variable"],
            ["crosstab", fixture, "stype", "no_such_variable", "--weight", "pw"],
        ] {
            let run = BarometerCLI.run(arguments)
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("error: "))
            #expect(nonEmptyLines(run.stderr).count == 1)
        }
    }
}
