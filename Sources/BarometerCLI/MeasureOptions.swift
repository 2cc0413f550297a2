import ArgumentParser
import Foundation
import SurveyCore

/// What `estimate` estimates: repeatable measure flags and the breakdown variables.
struct MeasureOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Estimate the mean of a numeric variable (repeatable).", valueName: "variable"))
    var mean: [String] = []

    @Option(help: ArgumentHelp("Estimate the population total of a numeric variable (repeatable).", valueName: "variable"))
    var total: [String] = []

    @Option(help: ArgumentHelp("Estimate the share of every category of a variable (repeatable).", valueName: "variable"))
    var proportion: [String] = []

    @Option(help: ArgumentHelp("Estimate the ratio of two totals, written NUM/DEN (repeatable).", valueName: "num/den"))
    var ratio: [String] = []

    @Option(help: ArgumentHelp("Break every estimate down by a variable (repeatable).", valueName: "variable"))
    var by: [String] = []

    @Flag(help: "Report design effects.")
    var deff = false

    /// The measures in command-line order (see ``MeasureOrder``), or grouped by statistic when
    /// `arguments` is `nil`.
    /// - Throws: `ValidationError` for a malformed `--ratio` or when there is no measure at all.
    func measures(arguments: [String]?) throws -> [Measure] {
        var measures: [Statistic: [Measure]] = [
            .mean: mean.map { Measure(.mean, $0) },
            .total: total.map { Measure(.total, $0) },
            .proportion: proportion.map { Measure(.proportion, $0) },
        ]
        measures[.ratio] = try ratio.map(Self.ratioMeasure)
        let ordered = MeasureOrder.arrange(measures, order: arguments.map(MeasureOrder.statistics))
        guard !ordered.isEmpty else {
            throw ValidationError("Nothing to estimate: add --mean, --total, --proportion or --ratio, e.g. --mean api00.")
        }
        return ordered
    }

    /// `NUM/DEN` as a ratio measure.
    /// - Throws: `ValidationError` unless the text is two variable names separated by one slash.
    static func ratioMeasure(_ text: String) throws -> Measure {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError(
                "--ratio '\(text)' is not NUM/DEN; name a numerator and a denominator, e.g. --ratio api.stu/enroll.")
        }
        return Measure(.ratio, parts[0], denominator: parts[1])
    }
}
