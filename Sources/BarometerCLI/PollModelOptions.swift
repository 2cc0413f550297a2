import ArgumentParser
import Foundation
import Polls
import SurveyCore

/// The model of an average across pollsters, shared by `polls average` and `polls chart`: how
/// house effects are identified (`--reference`, `--anchor`), σ and τ² when given, the last day,
/// the confidence level and the population whose polls are averaged.
struct PollModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Identify house effects by this pollster's being zero (default: they sum to zero).", valueName: "pollster"))
    var reference: String?

    @Option(help: ArgumentHelp("A known true value, DATE=PERCENT (an election or census result); repeat for several. House effects are then all estimated.", valueName: "date=percent"))
    var anchor: [String] = []

    @Option(name: .customLong("random-walk-sd"), help: ArgumentHelp("σ, the daily change's standard deviation as a proportion (e.g. 0.002); estimated when left out.", valueName: "sd"))
    var randomWalkSD: Double?

    @Option(name: .customLong("extra-variance"), help: ArgumentHelp("τ², variance added to every poll's; estimated when left out.", valueName: "variance"))
    var extraVariance: Double?

    @Option(help: ArgumentHelp("Run the average to this day (YYYY-MM-DD; default: the last poll's midpoint).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Confidence level of the intervals, between 0 and 1.", valueName: "level"))
    var level: Double = 0.95

    @Option(help: ArgumentHelp("Average the polls of this population (default: the one most polls asked; subgroups are left out).", valueName: "population"))
    var population: String?

    func validate() throws {
        if let until, CivilDay(until) == nil { throw ValidationError("--until \(until) is not a date; write it as YYYY-MM-DD.") }
        try EstimationOptions.checkLevel(level)
        if let s = randomWalkSD, !(s > 0) { throw ValidationError("--random-walk-sd \(s) is not positive; give a daily change such as 0.002.") }
        if let v = extraVariance, !(v >= 0) { throw ValidationError("--extra-variance \(v) is negative; give 0 or more.") }
        if reference != nil, !anchor.isEmpty { throw ValidationError("--reference and --anchor both fix the house effects' level; give one of them.") }
        _ = try anchors()
    }

    /// The `--anchor DATE=PERCENT` values.
    func anchors() throws -> [HouseEffectIdentification.Anchor] {
        try anchor.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let day = CivilDay(parts[0]), let percent = Double(parts[1].replacingOccurrences(of: "%", with: "")) else {
                throw ValidationError("--anchor \(text) is not DATE=PERCENT; write e.g. --anchor 2022-11-20=81.3.")
            }
            return HouseEffectIdentification.Anchor(day: day, share: percent / 100)
        }
    }

    var identification: HouseEffectIdentification {
        if let reference { return .reference(reference) }
        if let list = try? anchors(), !list.isEmpty { return .anchors(list) }
        return .sumToZero
    }

    /// The average of `answers` (every answer when empty) to `question` in `polls` with this
    /// model, with `also` (a study's waves, by answer) as one more pollster.
    func result(_ polls: [Poll], question: String, answers: [String], also: [String: [PollObservation]] = [:]) throws -> AnalysisResult {
        try PollAverage.result(
            polls, question: question, answers: answers, also: also, randomWalkSD: randomWalkSD, extraVariance: extraVariance,
            identification: identification, until: until.flatMap(CivilDay.init), confidenceLevel: level, population: population)
    }
}
