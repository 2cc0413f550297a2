import ArgumentParser
import Foundation
import Polls
import SurveyCore
import SurveyIO

/// `--with-study DIR --concept C --levels L [--study-name NAME]`: a study's own waves (the
/// design-based estimate of one level of a concept in each wave, with its standard error)
/// entering the poll average as one more pollster.
struct PollStudyOptions: ParsableArguments {
    @Option(name: .customLong("with-study"), help: ArgumentHelp("A study folder whose waves enter the average as one more pollster.", valueName: "folder"))
    var study: String?

    @Option(help: ArgumentHelp("The study's concept that asked the polls' question (with --with-study).", valueName: "concept"))
    var concept: String?

    @Option(help: ArgumentHelp("The concept's level that matches --answer (id or label; join several with + to merge them).", valueName: "level"))
    var levels: String?

    @Option(name: .customLong("study-name"), help: ArgumentHelp("The study's name among the pollsters (default: its title).", valueName: "name"))
    var studyName: String?

    func validate() throws {
        guard study != nil else {
            for (flag, value) in [("--concept", concept), ("--levels", levels), ("--study-name", studyName)] where value != nil {
                throw ValidationError("\(flag) works with --with-study; add --with-study FOLDER, or leave \(flag) out.")
            }
            return
        }
        guard concept != nil else { throw ValidationError("--with-study needs --concept, the study's concept that asked the polls' question.") }
        guard let levels, !levels.isEmpty else { throw ValidationError("--with-study needs --levels, the concept's level that matches --answer (e.g. --levels russia).") }
    }

    /// The study's trend of the level and its name among the pollsters (nil without --with-study).
    /// - Parameter language: the language of the study's title, when it names the pollster.
    func trend(answer: String?, language: String) throws -> (name: String, result: AnalysisResult)? {
        guard let study, let concept, let levels else { return nil }
        guard let answer else {
            throw ValidationError("--with-study needs --answer, the polls' answer that --levels \(levels) matches.")
        }
        let folder = try StudyFolder(path: study)
        let members = levels.split(separator: "+").map { String($0).trimmingCharacters(in: .whitespaces) }
        let request: AnalysisRequest = members.count == 1
            ? .trend(concept, levels: members, changes: .none)
            : .trend(concept, levels: [answer], collapse: [TrendSpec.LevelGroup(name: answer, members: members)], changes: .none)
        return (studyName ?? folder.study.title.text(in: language) ?? study, try folder.run(request))
    }

    /// The study's waves as observations of `answer`, keyed by it (empty without --with-study).
    func observations(answer: String?, language: String) throws -> [String: [PollObservation]] {
        guard let answer, let (name, result) = try trend(answer: answer, language: language) else {
            _ = try trend(answer: answer, language: language)
            return [:]
        }
        return [answer: try SurveyWaveObservations.observations(result, pollster: name)]
    }
}
