import BarometerCLI
import Foundation
import SurveyCore
import SurveyIO
import Testing

/// A folder for one test's files, removed at the end.
private final class WeightScratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("weight-\(UUID())")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
}

/// Targets for the opinion fixture: sex by its labels, region by its codes.
private let targetsYAML = """
    population: 1000
    margins:
      sex: {Female: 52%, Male: 48%}
      region: {North: 0.45, South: 0.55}
    """

private struct Diagnostics: Decodable {
    struct Target: Decodable { let variable: String; let level: String?; let target: Double; let achieved: Double }
    let method: String
    let converged: Bool
    let iterations: Int
    let kishDesignEffect: Double
    let efficiency: Double
    let weightSum: Double
    let trimmed: Int
    let targets: [Target]
}

@Suite("barometer weight and --calibrate")
struct WeightCommandTests {
    @Test func weightWritesTheDataWithTheNewWeightAndReportsDiagnostics() throws {
        let scratch = try WeightScratch()
        let targets = try scratch.write("targets.yaml", targetsYAML)
        let out = scratch.path("weighted.sav")
        let run = BarometerCLI.run(["weight", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--targets", targets,
                                    "--base-weight", "wt", "--out", out, "--name", "wfinal"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Method: rake, converged after"))
        #expect(run.stdout.contains("Kish design effect of weighting"))
        #expect(run.stdout.contains("Wrote '\(out)' with the weight 'wfinal'."))
        #expect(run.stdout.contains("sex       Female"))
        let data = try DatasetLoader.load(path: out)
        guard case .numeric(let w) = try data.column("wfinal").values else { Issue.record("wfinal is not numeric"); return }
        guard case .categorical(let codes, let levels) = try data.column("sex").values else { Issue.record("sex"); return }
        var women = 0.0
        for (weight, code) in zip(w, codes) where levels[Int(code)] == "F" { women += weight }
        #expect(abs(women - 520) < 0.5)
        #expect(abs(w.reduce(0, +) - 1000) < 1e-6)
        #expect(data.metadata("wfinal").label.text(in: "en")?.hasPrefix("Weight: rake") == true)
    }

    @Test func diagnosticsAsJSON() throws {
        let scratch = try WeightScratch()
        let targets = try scratch.write("targets.yaml", targetsYAML)
        let run = BarometerCLI.run(["weight", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--targets", targets,
                                    "--method", "logit", "--bounds", "0.5,2", "--trim", "40,200", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let d = try JSONDecoder().decode(Diagnostics.self, from: Data(run.stdout.utf8))
        #expect(d.method == "logit + trimmed" && d.converged)
        #expect(d.kishDesignEffect >= 1 && abs(d.efficiency * d.kishDesignEffect - 1) < 1e-12)
        #expect(abs(d.weightSum - 1000) < 1e-3)
        #expect(d.targets.count == 4)
        #expect(scratch.files == ["targets.yaml"])
    }

    @Test func badTargetsFailWithOneSentenceAndWriteNothing() throws {
        let scratch = try WeightScratch()
        let out = scratch.path("weighted.csv")
        let cases: [(String, String)] = [
            ("margins:\n  sex: {Female: 520}\n", "Level 'Male' of 'sex' has no target, yet 6 respondents are in it"),
            ("margins:\n  sex: {Female: 0.6, Male: 0.3}\n", "The shares of 'sex' sum to 0.9, not 1"),
            ("margins:\n  sex: {Female: 520, Male: 480, Other: 10}\n", "level 'Other' (10) matches no respondents"),
            ("margins:\n  sex: [Female, Male]\n", "line 2"),
            ("margin:\n  sex: {Female: 520, Male: 480}\n", "did you mean 'margins'?"),
            ("margins:\n  gender: {F: 520, M: 480}\n", "gender"),
        ]
        for (yaml, expected) in cases {
            let targets = try scratch.write("targets.yaml", yaml)
            let run = BarometerCLI.run(["weight", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--targets", targets, "--out", out])
            #expect(run.status == 1, "\(yaml)")
            #expect(run.stderr.hasPrefix("error: ") && run.stderr.contains(expected), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func nonConvergenceIsAnError() throws {
        let scratch = try WeightScratch()
        let targets = try scratch.write("targets.yaml", targetsYAML)
        let run = BarometerCLI.run(["weight", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--targets", targets,
                                    "--method", "raking", "--bounds", "0.99,1.01"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("did not converge within the bounds [0.99, 1.01]"), "\(run.stderr)")
    }

    @Test func anExistingVariableIsNotOverwrittenWithoutReplace() throws {
        let scratch = try WeightScratch()
        let targets = try scratch.write("targets.yaml", targetsYAML)
        let out = scratch.path("w.csv")
        let refused = BarometerCLI.run(["weight", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--targets", targets, "--out", out, "--name", "wt"])
        #expect(refused.status == 1 && refused.stderr.contains("already has a variable 'wt'"))
        let replaced = BarometerCLI.run(["weight", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--targets", targets, "--out", out, "--name", "wt", "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try DatasetLoader.load(path: out).columns.filter { $0.name == "wt" }.count == 1)
    }

    @Test func usageErrors() {
        #expect(BarometerCLI.run(["weight", OpinionFixture.csv, "--targets", "t.yaml", "--bounds", "2,1"]).status == 64)
        #expect(BarometerCLI.run(["weight", OpinionFixture.csv, "--targets", "t.yaml", "--method", "magic"]).status == 64)
        #expect(BarometerCLI.run(["estimate", OpinionFixture.csv, "--mean", "age", "--calibrate-method", "rake"]).status == 64)
    }

    @Test func estimateWithCalibrateUsesTheCalibratedDesign() throws {
        let scratch = try WeightScratch()
        let targets = try scratch.write("targets.yaml", targetsYAML)
        let args = ["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--design-from-file",
                    "--proportion", "sex", "--mean", "age", "--format", "json"]
        let calibrated = BarometerCLI.run(args + ["--calibrate", targets])
        #expect(calibrated.status == 0, "\(calibrated.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(calibrated.stdout.utf8))
        #expect(result.design.weighting.first?.hasPrefix("raked to 2 margins") == true)
        let women = try #require(result.rows.first { $0.variable == "sex" && $0.level == "Female" })
        #expect(abs(women.estimate! - 0.52) < 1e-3)
        #expect(women.standardError! < 1e-3)   // a raking margin is (nearly) known
        let plain = try JSONDecoder().decode(AnalysisResult.self, from: Data(BarometerCLI.run(args).stdout.utf8))
        #expect(plain.rows.first { $0.variable == "sex" && $0.level == "Female" }!.standardError! > 0.05)

        let crosstab = BarometerCLI.run(["crosstab", OpinionFixture.csv, "region", "sex", "--codebook", OpinionFixture.yaml,
                                         "--design-from-file", "--calibrate", targets, "--calibrate-method", "linear", "--trim", "10,300"])
        #expect(crosstab.status == 0, "\(crosstab.stderr)")
        #expect(crosstab.stdout.contains("linear calibration to"), "\(crosstab.stdout)")
        #expect(crosstab.stdout.contains("trimmed to [10, 300]"), "\(crosstab.stdout)")
    }
}
