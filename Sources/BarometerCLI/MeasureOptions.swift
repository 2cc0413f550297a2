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

    @Option(help: ArgumentHelp(
        "Estimate quantiles of a numeric variable (repeatable), at --probabilities; R's svyquantile with Woodruff intervals.",
        valueName: "variable"))
    var quantile: [String] = []

    @Option(help: ArgumentHelp(
        "The probabilities of every --quantile, each strictly between 0 and 1 (default 0.25,0.5,0.75).",
        valueName: "p1,p2"))
    var probabilities: [String] = []

    @Option(help: ArgumentHelp("Estimate the ratio of two totals, written NUM/DEN (repeatable).", valueName: "num/den"))
    var ratio: [String] = []

    @Option(help: ArgumentHelp(
        "Of all mentions in the coded columns of a multiple-response question, the share of each code, written V1,V2 (repeatable). With --missing exclude, codes marked missing (uncodable) are left out: the share of categorizable mentions.",
        valueName: "v1,v2"))
    var mentions: [String] = []

    @Option(help: ArgumentHelp(
        "Of the respondents who mentioned any code in the coded columns V1,V2, the share who mentioned each code (repeatable).",
        valueName: "v1,v2"))
    var mentioned: [String] = []

    @Option(help: ArgumentHelp("Break every estimate down by a variable (repeatable).", valueName: "variable"))
    var by: [String] = []

    @Flag(help: "Report design effects.")
    var deff = false

    @Flag(help: "Add the difference of every estimate between each pair of groups of the one --by variable, with the covariance of the two groups' estimates.")
    var differences = false

    @Option(help: ArgumentHelp("With --differences, compare every group with this one only.", valueName: "group"))
    var reference: String?

    /// The differences `--differences` and `--reference` ask for, nil for none.
    /// - Throws: `ValidationError` for `--differences` without exactly one `--by`, or
    ///   `--reference` without `--differences`.
    func differencesSpec() throws -> DifferencesSpec? {
        if let reference, !differences {
            throw ValidationError("--reference \(reference) names the group to compare the others with, but there is no --differences; add --differences or leave --reference out.")
        }
        guard differences else { return nil }
        guard by.count == 1 else {
            throw ValidationError(by.isEmpty
                ? "--differences compares the groups of one breakdown, but there is no --by; name exactly one, e.g. --by stype."
                : "--differences compares the groups of one breakdown, but --by names \(by.count) (\(by.joined(separator: ", "))); keep exactly one.")
        }
        return DifferencesSpec(reference: reference)
    }

    /// The measures in command-line order (see ``MeasureOrder``), or grouped by statistic when
    /// `arguments` is `nil`.
    /// - Throws: `ValidationError` for a malformed `--ratio` or when there is no measure at all;
    ///   ``SurveyError`` for `--probabilities` that are not probabilities or come without `--quantile`.
    func measures(arguments: [String]?) throws -> [Measure] {
        var measures: [Statistic: [Measure]] = [
            .mean: mean.map { Measure(.mean, $0) },
            .total: total.map { Measure(.total, $0) },
            .proportion: proportion.map { Measure(.proportion, $0) },
        ]
        measures[.ratio] = try ratio.map(Self.ratioMeasure)
        measures[.mentions] = try mentions.map { try Self.mentionMeasure(.mentions, $0) }
        measures[.mentioned] = try mentioned.map { try Self.mentionMeasure(.mentioned, $0) }
        // Through the one table of request names, so the probabilities are read and refused
        // as on every other surface.
        measures[.quantile] = try RequestParameters(
            pairs: quantile.map { (RequestParameter.quantile.name, $0) } + probabilities.map { (RequestParameter.probabilities.name, $0) },
            surface: .commandLine
        ).request().measures
        let ordered = MeasureOrder.arrange(measures, order: arguments.map(MeasureOrder.statistics))
        guard !ordered.isEmpty else {
            throw ValidationError("Nothing to estimate: add --mean, --total, --proportion, --quantile, --ratio, --mentions or --mentioned, e.g. --mean api00.")
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

    /// `V1,V2` as a share of mentions across those columns.
    /// - Throws: `ValidationError` when the list names no column or one column twice.
    static func mentionMeasure(_ statistic: Statistic, _ text: String) throws -> Measure {
        let columns = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !columns.isEmpty else {
            throw ValidationError("--\(statistic.rawValue) '\(text)' names no column; list the coded mention columns, e.g. --\(statistic.rawValue) reason1_code,reason2_code.")
        }
        if let twice = columns.first(where: { c in columns.filter { $0 == c }.count > 1 }) {
            throw ValidationError("--\(statistic.rawValue) '\(text)' names '\(twice)' twice; list each mention column once.")
        }
        return .mentions(statistic, columns: columns)
    }
}
