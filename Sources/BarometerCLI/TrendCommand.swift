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
              barometer trend barometer-demo/study --mentions '$russia_reason' --by language
              barometer trend barometer-demo/study --list

            With --mentions (or --mentioned) instead of a concept, the trend follows the shares \
            of mentions of a coded open-ended question (its coded columns, or their \
            multiple-response set `$NAME`) in every wave that has them.
            """)

    @Argument(help: ArgumentHelp("The study folder (or its study.yaml).", valueName: "study"))
    var study: String

    @Argument(help: ArgumentHelp("The concept (harmonized question) to follow.", valueName: "concept"))
    var concept: String?

    @Option(help: ArgumentHelp(
        "Instead of a concept: of all mentions in a coded question's columns V1,V2 (or its set $NAME), the share of each code in every wave.",
        valueName: "v1,v2"))
    var mentions: String?

    @Option(help: ArgumentHelp(
        "Instead of a concept: of the respondents who mentioned any code in V1,V2 (or $NAME), the share who mentioned each, in every wave.",
        valueName: "v1,v2"))
    var mentioned: String?

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
        let measures = [mentions, mentioned].compactMap { $0 }.count
        if concept != nil && measures > 0 {
            throw ValidationError("--\(mentions != nil ? "mentions" : "mentioned") follows a coded question instead of a concept; give the concept '\(concept!)' or --\(mentions != nil ? "mentions" : "mentioned"), not both.")
        }
        if measures > 1 { throw ValidationError("--mentions and --mentioned each make a trend; give one of them.") }
        if concept == nil && measures == 0 {
            throw ValidationError("Name the concept to follow (or --mentions CODED1,CODED2 for a coded question), or pass --list to see the study's concepts.")
        }
        _ = try request()
    }

    func request() throws -> AnalysisRequest {
        var measure: [RequestParameters.Entry] = []
        if let mentions { measure.append(.init(RequestParameter.mentions.name, mentions)) }
        if let mentioned { measure.append(.init(RequestParameter.mentioned.name, mentioned)) }
        return try trend.request(concept: concept, mentions: measure, estimation: estimation, language: output.language)
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let folder = try StudyFolder(path: study)
        if list {
            sink.write(StudyListing(study: folder.study, language: output.language).text)
            return
        }
        var result: AnalysisResult
        do {
            result = try folder.run(try request())
        } catch let error as SurveyError where error.field == .reference {
            // A --reference that is not a group of --by is a usage error, as in `estimate`.
            throw ValidationError(error.message)
        }
        result.warnings = StudyValidator.warnings(folder.study) + result.warnings
        try output.emit(result, into: &sink)
    }
}
