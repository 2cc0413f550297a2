import BarometerCLI
import Foundation
import SurveyCore
import Testing

/// The test study of the Studies tests, read in place.
private let studyPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path

@Suite("barometer trend")
struct TrendCommandTests {
    @Test func tableWithNetScoreChangesAndWarnings() {
        let run = BarometerCLI.run(["trend", studyPath, "opinion"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Proportions of Opinion of Russia"))
        #expect(run.stdout.contains("Net score of Opinion of Russia (positive − negative)"))
        #expect(run.stdout.contains("Changes between waves"))
        #expect(run.stdout.contains("Warning: Simulated data"))
        #expect(run.stdout.contains("w3: the wording of 'opinion' changed"))
    }

    @Test func jsonCarriesWavesAndComparisons() throws {
        let run = BarometerCLI.run(["trend", studyPath, "opinion", "--compare", "w1:w2", "--compare", "w2:w3", "--format", "json",
                                    "--collapse", "favourable=very_favourable+somewhat_favourable", "--levels", "favourable"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        #expect(result.waves.map(\.id) == ["w1", "w2", "w3"])
        #expect(Set(result.rows.filter { $0.statistic == .proportion }.compactMap(\.code)) == ["favourable"])
        #expect(Set(result.comparisons.map { "\($0.from):\($0.to)" }) == ["w1:w2", "w2:w3"])
        #expect(result.provenance?.file?.hasSuffix("study.yaml") == true)
    }

    @Test func listShowsWavesConceptsAndEvents() {
        let run = BarometerCLI.run(["trend", studyPath, "--list"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("w3  Spring 2022  2022-04-01 to 2022-04-30, telephone"))
        #expect(run.stdout.contains("opinion  Opinion of Russia (all waves; levels: very_favourable"))
        #expect(run.stdout.contains("2022-02-24  Russia's full-scale invasion of Ukraine"))
    }

    @Test func errors() {
        let unknown = BarometerCLI.run(["trend", studyPath, "opinon"])
        #expect(unknown.status == 1 && unknown.stderr == "error: The study has no concept 'opinon'; did you mean 'opinion'? (run `barometer trend STUDY --list` to see them).\n")
        let missing = BarometerCLI.run(["trend", "/nonexistent/study", "opinion"])
        #expect(missing.status == 1 && missing.stderr.contains("Cannot find the study '/nonexistent/study'"))
        #expect(BarometerCLI.run(["trend", studyPath]).status == 64)
        #expect(BarometerCLI.run(["trend", studyPath, "opinion", "--collapse", "nonsense"]).status == 64)
        #expect(BarometerCLI.run(["trend", studyPath, "opinion", "--compare", "w1"]).status == 64)
    }
}
