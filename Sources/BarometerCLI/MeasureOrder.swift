import SurveyCore

/// The command-line order of repeated measure flags.
///
/// ArgumentParser collects `--mean`, `--total`, `--proportion` and `--ratio` into separate
/// arrays, so `--mean a --proportion b --mean c` arrives as means [a, c] and proportions [b].
/// The order of the flags is read back from the raw arguments; the values still come from
/// the parser, so this only decides which measure goes first.
enum MeasureOrder {
    static let flags: [String: Statistic] = [
        "--mean": .mean, "--total": .total, "--proportion": .proportion, "--quantile": .quantile, "--ratio": .ratio,
        "--mentions": .mentions, "--mentioned": .mentioned,
    ]

    /// The statistic of every measure flag in `arguments`, in order (`--mean=x` counts too;
    /// nothing after a `--` terminator).
    static func statistics(in arguments: [String]) -> [Statistic] {
        var order: [Statistic] = []
        for argument in arguments {
            if argument == "--" { break }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if let statistic = flags[name] { order.append(statistic) }
        }
        return order
    }

    /// The measures of each statistic interleaved as `order` says. When `order` is `nil` or
    /// does not account for every measure, they come grouped: means, totals, proportions, quantiles, ratios, mentions.
    static func arrange(_ measures: [Statistic: [Measure]], order: [Statistic]?) -> [Measure] {
        let grouped = [Statistic.mean, .total, .proportion, .quantile, .ratio, .mentions, .mentioned].flatMap { measures[$0] ?? [] }
        guard let order, order.count == grouped.count else { return grouped }
        var queues = measures.mapValues { $0[...] }
        var arranged: [Measure] = []
        for statistic in order {
            guard let next = queues[statistic]?.popFirst() else { return grouped }
            arranged.append(next)
        }
        return arranged
    }
}
