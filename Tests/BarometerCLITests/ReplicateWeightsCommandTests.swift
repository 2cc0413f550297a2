import BarometerCLI
import Foundation
import SurveyCore
import SurveyIO
import Testing

private let replicateFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../ConformanceTests/Fixtures/apistrat-replicates.csv").standardized.path

/// `--replicate-weights` and the other replicate flags on the command line.
@Suite("replicate weights on the command line")
struct ReplicateWeightsCommandTests {
    @Test("the flags make the design's replicate spec; --mse and the constants reach it")
    func flags() throws {
        let r = try BarometerCLI.request(for: ["estimate", "data.csv", "--weight", "w", "--replicate-weights", "rw*",
                                               "--replicate-type", "jkn", "--replicate-rscales", "0.5,0.75", "--mse", "--mean", "y"])
        #expect(r.design.replicateWeights == ReplicateWeightsSpec(pattern: "rw*", type: .jkn, rscales: [0.5, 0.75], mse: true))
        #expect(r.design.replicates == nil)
        let made = try BarometerCLI.request(for: ["estimate", "data.csv", "--weight", "w", "--strata", "s", "--cluster", "c",
                                                  "--replicates", "bootstrap", "--replicates-count", "80", "--seed", "7", "--mean", "y"])
        #expect(made.design.replicates == ReplicateConversionSpec(type: .bootstrap, count: 80, seed: 7))
    }

    @Test("a JK1 estimate by school type as JSON equals R's svrepdesign (SE of the mean of api00 among E schools)")
    func endToEnd() throws {
        let run = BarometerCLI.run(["estimate", replicateFixture, "--weight", "pw", "--replicate-weights", "jk1_*", "--replicate-type", "jk1",
                                    "--mean", "api00", "--by", "stype", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        #expect(result.design.replicates == ReplicateSummary(type: .jk1, count: 20, scale: 0.95, mse: false, madeFromDesign: false))
        #expect(result.design.degreesOfFreedom == 19)
        let golden = ReplicateGoldenRow.find(case: "jk1 numeric by stype", variable: "api00", group: "E")
        let row = try #require(result.rows.first { $0.domain["stype"] == "E" })
        #expect(relativelyEqual(row.estimate, golden.estimate, tolerance: 1e-9))
        #expect(relativelyEqual(row.standardError, golden.standardError, tolerance: 1e-6))
        let table = BarometerCLI.run(["estimate", replicateFixture, "--weight", "pw", "--replicate-weights", "brr_*", "--replicate-type", "brr",
                                      "--mean", "api00"])
        #expect(table.stdout.contains("12 BRR replicate weights"), "\(table.stdout)")
    }

    @Test("bad replicate flags get one sentence naming the flag and the value", arguments: [
        (["--weight", "pw", "--replicate-weights", "zz*", "--replicate-type", "jk1"], "--replicate-weights zz* matches no column of the data"),
        (["--weight", "pw", "--replicate-weights", "jk1_1,jk_2", "--replicate-type", "jk1"], "--replicate-weights names 'jk_2', which is not a column of the data"),
        (["--weight", "pw", "--replicate-weights", "jk1_1", "--replicate-type", "jk1"], "names only 'jk1_1'; a replicate design needs at least two"),
        (["--weight", "pw", "--replicate-weights", "stype,jk1_1", "--replicate-type", "jk1"], "The replicate weight column 'stype' is"),
        (["--replicate-weights", "jk1_*", "--replicate-type", "jk1"], "Replicate weights need the full-sample weight they were made from; add --weight"),
        (["--weight", "pw", "--replicate-weights", "jk1_*"], "--replicate-weights needs to know how the replicates were made; add --replicate-type"),
        (["--weight", "pw", "--replicate-type", "jk1"], "add --replicate-weights 'rw*' naming their columns"),
        (["--weight", "pw", "--strata", "stype", "--replicate-weights", "jk1_*", "--replicate-type", "jk1"], "so --strata has no part in it"),
        (["--weight", "pw", "--replicate-weights", "jkn_*", "--replicate-type", "jkn"], "JKn replicate weights need their rscales"),
        (["--weight", "pw", "--replicate-weights", "jk1_*", "--replicate-type", "jk1", "--replicate-rscales", "1,2"], "--replicate-rscales has 2 values for 20 replicate weight columns"),
        (["--weight", "pw", "--replicate-weights", "jk1_*", "--replicate-type", "jk1", "--replicate-scale=-1"], "--replicate-scale -1 is not a positive number"),
        (["--weight", "pw", "--replicate-weights", "brr_*", "--replicate-type", "brr", "--replicate-scale", "0.5"], "--replicate-type brr sets the variance's constants itself"),
        (["--weight", "pw", "--replicate-weights", "fay_*", "--replicate-type", "fay"], "Fay's replicates need the ρ they were made with; add --fay-rho"),
        (["--weight", "pw", "--replicate-weights", "fay_*", "--replicate-type", "fay", "--fay-rho", "1.5"], "--fay-rho 1.5 is outside [0, 1)"),
        (["--weight", "pw", "--replicate-weights", "jk1_*", "--replicate-type", "jk1", "--fay-rho", "0.5"], "--fay-rho applies to Fay's replicates"),
        (["--weight", "pw", "--mse"], "--mse applies to replicate weights"),
        (["--weight", "pw", "--seed", "3"], "--replicates-count and --seed apply to replicates made from the design"),
        (["--weight", "pw", "--replicates", "sdr"], "--replicates sdr cannot be made from a design"),
    ])
    func badInput(_ flags: [String], _ expected: String) {
        let run = BarometerCLI.run(["estimate", replicateFixture] + flags + ["--mean", "api00"])
        #expect(run.status != 0)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("the likelihood interval, which R leaves NA on a replicate design, is refused in a sentence")
    func noLikelihoodInterval() {
        let run = BarometerCLI.run(["estimate", replicateFixture, "--weight", "pw", "--replicate-weights", "jk1_*", "--replicate-type", "jk1",
                                    "--proportion", "sch.wide", "--ci-method", "likelihood"])
        #expect(run.status != 0 && run.stdout.isEmpty)
        #expect(run.stderr.contains("The likelihood interval needs the naive covariance of a model fitted once") && run.stderr.contains("--ci-method logit"),
                "\(run.stderr)")
    }

    @Test("weight redoes the calibration on every replicate and writes them next to the new weight")
    func weightWritesReplicates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-replicates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let targets = directory.appendingPathComponent("targets.yaml").path
        try "margins:\n  stype: {E: 4421, H: 755, M: 1018}\n".write(toFile: targets, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("weighted.csv").path
        let run = BarometerCLI.run(["weight", replicateFixture, "--targets", targets, "--method", "poststratify", "--base-weight", "pw",
                                    "--replicate-weights", "jkn_*", "--replicate-type", "jkn", "--replicate-rscales",
                                    Array(repeating: "0.9", count: 10).joined(separator: ",") + "," + Array(repeating: "0.8", count: 10).joined(separator: ","),
                                    "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("its 20 JKn replicate weights 'weight_rep1'…'weight_rep20'"), "\(run.stdout)")
        let written = try CSVReader.read(path: out)
        #expect(written.hasVariable("weight_rep20"))
        // Each post-stratified replicate sums to the population in every stratum.
        guard case .numeric(let replicate) = try written.column("weight_rep3").values,
              case .categorical(let stype, let levels) = try written.column("stype").values else {
            Issue.record("unexpected column types"); return
        }
        var sums = [String: Double]()
        for i in replicate.indices { sums[levels[Int(stype[i])], default: 0] += replicate[i] }
        #expect(relativelyEqual(sums["E"], 4421, tolerance: 1e-12) && relativelyEqual(sums["H"], 755, tolerance: 1e-12)
                && relativelyEqual(sums["M"], 1018, tolerance: 1e-12), "\(sums)")
        // The written weights, read back as replicate weights, give R's post-stratified SE.
        let again = BarometerCLI.run(["estimate", out, "--weight", "weight", "--replicate-weights", "weight_rep*", "--replicate-type", "jkn",
                                      "--replicate-rscales", Array(repeating: "0.9", count: 10).joined(separator: ",") + "," + Array(repeating: "0.8", count: 10).joined(separator: ","),
                                      "--mean", "api00", "--format", "json"])
        #expect(again.status == 0, "\(again.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(again.stdout.utf8))
        let golden = ReplicateGoldenRow.calibrated("jkn poststratify")
        let se = try #require(result.rows.first?.standardError)
        #expect(relativelyEqual(se, golden, tolerance: 1e-6), "\(se) vs \(golden)")
    }
}

/// Whether `actual` equals `expected` within `tolerance` relative to |expected| — the project's
/// convention for numbers compared with R (1e-9 for estimates, 1e-6 for standard errors).
private func relativelyEqual(_ actual: Double?, _ expected: Double, tolerance: Double) -> Bool {
    guard let actual, actual.isFinite, expected.isFinite else { return false }
    return abs(actual - expected) <= tolerance * abs(expected)
}

/// Numbers from `replicate-goldens.json` (R's svrepdesign) for the command-line tests.
enum ReplicateGoldenRow {
    private static var json: [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ConformanceTests/Fixtures/replicate-goldens.json").standardized
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
    }

    static func find(case name: String, variable: String, group: String) -> (estimate: Double, standardError: Double) {
        let cases = json["cases"] as? [[String: Any]] ?? []
        let rows = cases.first { $0["name"] as? String == name }?["rows"] as? [[String: Any]] ?? []
        let row = rows.first { $0["variable"] as? String == variable && ($0["domain"] as? [String: String])?["stype"] == group } ?? [:]
        return (row["estimate"] as? Double ?? .nan, row["standardError"] as? Double ?? .nan)
    }

    static func calibrated(_ name: String) -> Double {
        let cases = json["calibrated"] as? [[String: Any]] ?? []
        let mean = cases.first { $0["name"] as? String == name }?["mean"] as? [String: Any]
        return mean?["standardError"] as? Double ?? .nan
    }
}

/// A study whose waves declare replicate weights in study.yaml: the trend verb analyses each
/// wave with its own replicates, giving the same numbers as `estimate` on the wave's file.
@Suite("replicate weights in a study's trend")
struct ReplicateStudyTrendTests {
    @Test("each wave of the trend equals estimate with that wave's replicate flags")
    func trendWavesEqualEstimate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replicate-study-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("waves"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for wave in ["a", "b"] {
            try FileManager.default.copyItem(atPath: replicateFixture, toPath: folder.appendingPathComponent("waves/\(wave).csv").path)
        }
        try """
            title: {en: Replicates}
            waves:
              - id: a
                file: waves/a.csv
                fieldwork: {start: 2021-04-01, end: 2021-04-30}
                design: {weight: pw, replicates: {pattern: 'jk1_*', type: jk1}}
              - id: b
                file: waves/b.csv
                fieldwork: {start: 2022-04-01, end: 2022-04-30}
                design: {weight: pw, replicates: {pattern: 'brr_*', type: brr}}
            concepts:
              - id: meals
                title: {en: Free meals}
                levels:
                  - {id: few, label: {en: Few}, valence: positive}
                  - {id: some, label: {en: Some}, valence: neutral}
                  - {id: many, label: {en: Many}, valence: negative}
                variable: mealcat
                codes: {1: few, 2: some, 3: many}
            """.write(to: folder.appendingPathComponent("study.yaml"), atomically: true, encoding: .utf8)
        let trend = BarometerCLI.run(["trend", folder.path, "meals", "--format", "json"])
        #expect(trend.status == 0, "\(trend.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(trend.stdout.utf8))
        for (wave, flags) in [("a", ["--replicate-weights", "jk1_*", "--replicate-type", "jk1"]), ("b", ["--replicate-weights", "brr_*", "--replicate-type", "brr"])] {
            let estimate = BarometerCLI.run(["estimate", replicateFixture, "--weight", "pw", "--proportion", "mealcat", "--format", "json"] + flags)
            #expect(estimate.status == 0, "\(estimate.stderr)")
            let single = try JSONDecoder().decode(AnalysisResult.self, from: Data(estimate.stdout.utf8))
            for (code, level) in [("1", "Few"), ("2", "Some"), ("3", "Many")] {
                let inTrend = try #require(result.rows.first { $0.domain["wave"] == wave && $0.level == level && $0.statistic == .proportion })
                let alone = try #require(single.rows.first { $0.code == code })
                #expect(relativelyEqual(inTrend.estimate, alone.estimate ?? .nan, tolerance: 1e-12))
                #expect(relativelyEqual(inTrend.standardError, alone.standardError ?? .nan, tolerance: 1e-12), "\(wave) \(level)")
            }
        }
        #expect(result.waves.map(\.design.replicates?.type) == [.jk1, .brr])
    }
}
