import ArgumentParser
import SurveyCore

/// What `crosstab` percentages and tests.
struct TableOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Percentages of each row, each column or the whole table.", valueName: "base"))
    var percent: PercentBase = .row

    @Option(help: ArgumentHelp("Test of independence: Rao–Scott F or χ², Wald or adjusted Wald.", valueName: "test"))
    var test: IndependenceTest = .f
}
