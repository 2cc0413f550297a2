import BarometerCLI
import Foundation
import Store
import SurveyCore
import Testing

private let studyFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path

@Suite("barometer import and serve --create-token")
struct ImportCommandTests {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID())").path

    @Test func importsAStudyFolderAtomically() throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        let run = BarometerCLI.run(["import", studyFixture, "--data", data, "--slug", "tracker"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Imported 'tracker': 3 waves, 240 respondents, into \(data).\n")
        let store = try BarometerStore(directory: data)
        #expect(try store.studies().map(\.slug) == ["tracker"])
        #expect(try store.dataset(study: "tracker", wave: "w3").metadata("q_russia").missingCodes == [98])
        // Again without --replace: refused, the store unchanged.
        let again = BarometerCLI.run(["import", studyFixture, "--data", data, "--slug", "tracker"])
        #expect(again.status == 1 && again.stderr.contains("tracker"))
        #expect(try store.studies().count == 1)
        #expect(BarometerCLI.run(["import", studyFixture, "--data", data, "--slug", "tracker", "--replace"]).status == 0)
    }

    @Test func aStudyThatDoesNotFitItsDataIsNotImported() throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID())")
        defer { try? FileManager.default.removeItem(at: broken) }
        try FileManager.default.copyItem(atPath: studyFixture, toPath: broken.path)
        let yaml = broken.appendingPathComponent("study.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "4: very_unfavourable, ", with: "")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let run = BarometerCLI.run(["import", broken.path, "--data", data])
        #expect(run.status == 1)
        #expect(run.stderr.contains("has the code 4") && run.stderr.contains("which concept 'opinion' does not map"))
        #expect(try BarometerStore(directory: data).studies().isEmpty)
    }

    @Test func importsASingleFileAsAOneWaveStudy() throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        let run = BarometerCLI.run(["import", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--design-from-file", "--data", data])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Imported 'opinion': 1 wave, 12 respondents"))
        let store = try BarometerStore(directory: data)
        let study = try store.study(slug: "opinion")
        #expect(study.waves[0].design.weights == "wt" && study.waves[0].design.strata == "region")
        #expect(try store.dataset(study: "opinion", wave: "w1").metadata("q1").label.text(in: "kk") == "Ресей туралы пікір")
    }

    @Test func importsReplicateWeightsWithTheDesign() throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ConformanceTests/Fixtures/apistrat-replicates.csv").standardized.path
        let run = BarometerCLI.run(["import", file, "--data", data, "--slug", "api", "--weight", "pw",
                                    "--replicate-weights", "brr_*", "--replicate-type", "brr"])
        #expect(run.status == 0, "\(run.stderr)")
        let store = try BarometerStore(directory: data)
        let wave = try store.study(slug: "api").waves[0]
        #expect(wave.design.replicateWeights == ReplicateWeightsSpec(pattern: "brr_*", type: .brr))
        // The stored wave analysed with its stored design: the variance comes from its 12 replicates,
        // whose rank is 11 (R: degf = 10).
        let dataset = try store.dataset(study: "api", wave: wave.id)
        let result = try AnalysisEngine.run(AnalysisRequest(design: wave.design, measures: [Measure(.mean, "api00")]), on: dataset)
        #expect(result.design.replicates?.count == 12 && result.design.degreesOfFreedom == 10)
    }

    @Test func createTokenPrintsATokenThatAuthenticates() throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        let run = BarometerCLI.run(["serve", "--data", data, "--create-token", "editor"])
        #expect(run.status == 0, "\(run.stderr)")
        let token = try #require(run.stdout.split(separator: "\n").last.map(String.init))
        #expect(token.hasPrefix("brm_"))
        #expect(try BarometerStore(directory: data).authenticate(token: token)?.username == "editor")
        #expect(BarometerCLI.run(["serve", "--port", "0"]).status == 64)
    }
}
