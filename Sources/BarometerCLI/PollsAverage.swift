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

    @OptionGroup(title: "Polls")
    var source: PollSourceOptions

    @Option(help: ArgumentHelp("The question to average.", valueName: "question"))
    var question: String

    @Option(help: ArgumentHelp("The answer whose share is averaged (default: every answer).", valueName: "answer"))
    var answer: String?

    @OptionGroup(title: "Model")
    var model: PollModelOptions

    @OptionGroup(title: "A study's own waves")
    var study: PollStudyOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let polls = try source.polls().map(\.poll)
        var result = try model.result(polls, question: question, answers: answer.map { [$0] } ?? [],
                                      also: try study.observations(answer: answer, language: output.language))
        result.provenance = source.provenance
        try output.emit(result, into: &sink)
    }
}
