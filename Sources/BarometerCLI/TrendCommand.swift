import ArgumentParser
import Foundation
import Reports
import Studies
import SurveyCore
import SurveyIO

/// `barometer trend`: one concept of a study across its waves, with changes between waves.
struct Trend: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Estimate a study's concept in every wave, with intervals, net scores and changes between waves.",
        discussion: """
            STUDY is a folder with a study.yaml (or the file itself). Each wave is estimated with \
            its own design (and the weighting study.yaml names for it); changes between waves \
            are differences of independent samples with a normal interval and p-value.

            Examples:
              barometer trend barometer-demo/study opinion_russia
              barometer trend barometer-demo/study opinion_russia --by agegroup --waves 2021-autumn,2022-autumn
              barometer trend barometer-demo/study opinion_russia \\
                --collapse "favourable=very_favourable+somewhat_favourable" \\
                --collapse "unfavourable=somewhat_unfavourable+very_unfavourable" --compare consecutive
              barometer trend barometer-demo/study --list
            """)

    @Argument(help: ArgumentHelp("The study folder (or its study.yaml).", valueName: "study"))
    var study: String

    @Argument(help: ArgumentHelp("The concept (harmonized question) to follow.", valueName: "concept"))
    var concept: String?

    @Flag(help: "List the study's waves and concepts instead of estimating.")
    var list = false

    @OptionGroup(title: "Trend")
    var trend: TrendOptions

    @OptionGroup(title: "Estimation")
    var estimation: EstimationOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func validate() throws {
        if list { return }
        if concept == nil { throw ValidationError("Name the concept to follow, or pass --list to see the study's concepts.") }
        _ = try request()
    }

    func request() throws -> AnalysisRequest {
        try trend.request(concept: concept ?? "", estimation: estimation, language: output.language)
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let folder = try StudyFolder(path: study)
        if list {
            sink.write(StudyListing(study: folder.study, language: output.language).text)
            return
        }
        var result = try folder.run(try request())
        result.warnings = StudyValidator.warnings(folder.study) + result.warnings
        try output.emit(result, into: &sink)
    }
}
