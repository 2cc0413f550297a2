import ArgumentParser

/// `barometer polls`: published polls and the average across pollsters with house effects.
struct PollsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "polls",
        abstract: "Published polls: list them, average them across pollsters with house effects (Jackman 2005), and chart them.",
        discussion: """
            FILE is a CSV with one row per answer: pollster, field_start, field_end, sample_size, \
            question, answer, share (in percent, as published), and optionally sponsor, paid_by, mode, \
            population, margin_of_error, weighting, design_effect, exhaustive, wording_en, \
            wording_ru, wording_kk, title_en, title_ru, title_kk, source, url, notes; or a YAML file (.yaml) with a `polls:` \
            list, one mapping per poll with the same keys and `answers: {ANSWER: SHARE, ...}`. \
            sample_size is `unpublished` when the source does not give it: such a poll is kept \
            and listed but left out of the average. Without FILE the poll database is used; it \
            starts with the published polls of the project's sources.
            """,
        subcommands: [PollsImport.self, PollsList.self, PollsShow.self, PollsAverage.self, PollsChart.self])
}
