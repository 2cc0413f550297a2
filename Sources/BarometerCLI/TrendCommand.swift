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

    @Option(help: ArgumentHelp("Break the estimates down by a variable present in every wave; repeat for combinations.", valueName: "variable"))
    var by: [String] = []

    @Option(help: ArgumentHelp("Report only these levels (ids or labels, comma-separated).", valueName: "levels"))
    var levels: String?

    @Option(help: ArgumentHelp("Merge levels: \"name=level+level\"; repeat for several groups.", valueName: "group"))
    var collapse: [String] = []

    @Option(help: ArgumentHelp("Use only these waves (ids, comma-separated).", valueName: "waves"))
    var waves: String?

    @Option(help: ArgumentHelp(
        "Changes to estimate: FROM:TO (repeatable), 'consecutive', 'first-last' (default) or 'none'.", valueName: "changes"))
    var compare: [String] = []

    @Flag(name: .customLong("no-net"), help: "Leave out the net score (positive − negative).")
    var noNet = false

    @OptionGroup(title: "Estimation")
    var estimation: EstimationOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func validate() throws {
        if !list, concept == nil { throw ValidationError("Name the concept to follow, or pass --list to see the study's concepts.") }
        _ = try request()
    }

    func request() throws -> TrendRequest {
        var groups: [TrendRequest.LevelGroup] = []
        for text in collapse {
            guard let group = TrendRequest.LevelGroup(parsing: text) else {
                throw ValidationError("--collapse \"\(text)\" is not NAME=LEVEL+LEVEL; write e.g. \"favourable=very_favourable+somewhat_favourable\".")
            }
            groups.append(group)
        }
        var changes = TrendRequest.Changes.firstToLast
        var pairs: [[String]] = []
        for text in compare {
            switch text {
            case "consecutive": changes = .consecutive
            case "first-last": changes = .firstToLast
            case "none": changes = .none
            default:
                let pair = text.split(separator: ":").map { String($0).trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, !pair.contains(where: \.isEmpty) else {
                    throw ValidationError("--compare \(text) is not FROM:TO, consecutive, first-last or none; write e.g. 2021-spring:2022-autumn.")
                }
                pairs.append(pair)
            }
        }
        if !pairs.isEmpty { changes = .pairs(pairs) }
        func list(_ text: String?) -> [String] {
            (text ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return TrendRequest(
            concept: concept ?? "", by: by, filter: estimation.filter, levels: list(levels), collapse: groups,
            waves: list(waves), changes: changes, netScore: !noNet,
            options: try estimation.analysisOptions(language: output.language, designEffects: false))
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let folder = try StudyFolder(path: study)
        if list {
            sink.write(StudyListing(study: folder.study, language: output.language).text)
            return
        }
        let language = output.language
        var result = try TrendAnalysis.run(try request(), study: folder.study) { wave in
            try folder.waveData(wave, language: language)
        }
        result.warnings = StudyValidator.warnings(folder.study) + result.warnings
        result.provenance?.file = folder.manifest
        sink.write(ResultRenderer(language: output.language).render(result, as: output.format))
    }
}
