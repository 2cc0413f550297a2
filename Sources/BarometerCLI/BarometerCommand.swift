import ArgumentParser
import SurveyCore

/// The root `barometer` command; its verbs do the work.
struct Barometer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "barometer",
        abstract: "Design-based estimates from survey files",
        version: BarometerVersion.description,
        subcommands: [Demo.self, CodebookCommand.self, Estimate.self, Crosstab.self, Regress.self, Trend.self, Chart.self, Report.self, Weight.self, Convert.self, Import.self, Serve.self, StoreCommand.self, PollsCommand.self, CodeCommand.self, Bench.self])
}
