import ArgumentParser
import Foundation
import Polls
import Reports
import SurveyCore
import SurveyIO

/// `barometer polls average FILE --question Q [--answer A]`: one trend through every pollster's
/// polls, with each pollster's house effect (Jackman 2005).
struct PollsAverage: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "average",
        abstract: "Average the polls of a question across pollsters: a daily random walk with house effects, solved exactly.",
        discussion: """
            Each poll sits on its fieldwork midpoint with the sampling variance deff·y(1−y)/n; the \
            latent share walks from day to day with standard deviation σ, every poll has extra \
            variance τ², and each pollster a constant house effect. σ and τ² are estimated by \
            maximum likelihood unless given. The output has one 'poll-average' row per day and one \
            'house-effect' row per pollster, in any --format.

            Examples:
              barometer polls average polls.csv --question war_side --answer Russia
              barometer polls average polls.csv --question war_side --reference Demoscope --format csv
              barometer polls average --question war_side --answer Russia \\
                --with-study barometer-demo/study --concept war_side --levels russia
            """)

    @Argument(help: ArgumentHelp("The polls (CSV, one row per answer, or YAML); the poll database (published polls and those imported) when left out.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("The store's folder (default: barometer-data).", valueName: "folder"))
    var data: String = "barometer-data"

    @Option(help: ArgumentHelp("The question to average.", valueName: "question"))
    var question: String

    @Option(help: ArgumentHelp("The answer whose share is averaged (default: every answer).", valueName: "answer"))
    var answer: String?

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

    @OptionGroup(title: "A study's own waves")
    var study: PollStudyOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

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

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let polls = try PollsCommand.polls(file: file, data: data).map(\.poll)
        var result = try PollAverage.result(
            polls, question: question, answers: answer.map { [$0] } ?? [], also: try study.observations(answer: answer, language: output.language),
            randomWalkSD: randomWalkSD, extraVariance: extraVariance, identification: identification, until: until.flatMap(CivilDay.init),
            confidenceLevel: level, population: population)
        result.provenance = file.flatMap { try? FileFingerprint.provenance(path: $0) } ?? Provenance(file: data)
        sink.write(ResultRenderer(language: output.language).render(result, as: output.format))
    }
}
