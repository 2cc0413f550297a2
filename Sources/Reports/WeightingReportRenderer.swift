import Foundation
import Weighting

/// Turns ``WeightingDiagnostics`` into what `barometer weight` prints: whether the weighting
/// converged, the spread of the weights, Kish's design effect and efficiency, trimming, and
/// every target against what was achieved (as counts and as shares of the total).
///
/// `json` is the diagnostics object itself (keys sorted); `csv` is the targets table.
public struct WeightingReportRenderer: Sendable {
    public init() {}

    /// - Parameters:
    ///   - title: what was weighted ("wave12.sav raked to census.yaml").
    ///   - written: a line saying where the weighted data went, if anywhere.
    public func render(_ d: WeightingDiagnostics, title: String, written: String?, as format: OutputFormat) -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(d)) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .csv:
            var lines = ["variable,level,respondents,target,achieved,target_share,achieved_share"]
            for row in d.targets {
                let share = share(row, d)
                lines.append(CSVRenderer.line([
                    row.variable, row.level ?? "", row.respondents.map(String.init) ?? "", NumberText.full(row.target),
                    NumberText.full(row.achieved), NumberText.full(share?.target), NumberText.full(share?.achieved)]))
            }
            return lines.joined(separator: "\n") + "\n"
        case .table, .markdown:
            let markdown = format == .markdown
            var blocks: [String] = []
            let heading = markdown ? "# " + MarkdownRenderer.escape(title) : title + "\n" + String(repeating: "═", count: DisplayWidth.of(title))
            blocks.append(heading)
            let lines = summary(d) + (written.map { [$0] } ?? [])
            blocks.append(lines.map { markdown ? MarkdownRenderer.escape($0) : $0 }.joined(separator: markdown ? "  \n" : "\n"))
            if !d.targets.isEmpty {
                let table = targetsTable(d)
                blocks.append(markdown ? "## " + table.title + "\n\n" + MarkdownRenderer.draw(table) : TableRenderer.draw(table))
            }
            return blocks.joined(separator: "\n\n") + "\n"
        }
    }

    private func summary(_ d: WeightingDiagnostics) -> [String] {
        var lines: [String] = []
        let iterations = d.iterations == 1 ? "1 iteration" : "\(d.iterations) iterations"
        lines.append("Method: \(d.method)\(d.method == "none" ? "" : ", converged after \(iterations)")")
        if !d.targets.isEmpty {
            lines.append("Largest remaining error: \(NumberText.significant(d.largestRelativeError * 100, digits: 2))% of a target")
        }
        lines.append("Weights: min \(NumberText.significant(d.minimum, digits: 4)), median \(NumberText.significant(d.median, digits: 4)), max \(NumberText.significant(d.maximum, digits: 4)), max/min \(NumberText.significant(d.ratio, digits: 4)); sum \(NumberText.significant(d.weightSum, digits: 8)) over \(d.respondents) respondents")
        lines.append("Kish design effect of weighting: \(NumberText.fixed(d.kishDesignEffect, decimals: 3)) (efficiency \(NumberText.percent(d.efficiency)), effective sample size \(NumberText.fixed(d.effectiveSampleSize, decimals: 0)))")
        lines.append("Trimmed weights: \(d.trimmed)")
        return lines
    }

    private func share(_ row: WeightingDiagnostics.TargetCheck, _ d: WeightingDiagnostics) -> (target: Double, achieved: Double)? {
        guard row.level != nil else { return nil }
        let targetTotal = d.targets.filter { $0.variable == row.variable }.reduce(0) { $0 + $1.target }
        let achievedTotal = d.targets.filter { $0.variable == row.variable }.reduce(0) { $0 + $1.achieved }
        return (row.target / targetTotal, row.achieved / achievedTotal)
    }

    private func targetsTable(_ d: WeightingDiagnostics) -> ReportTable {
        let rows = d.targets.map { row -> [String] in
            let s = share(row, d)
            return [row.variable, row.level ?? "(total)", row.respondents.map(String.init) ?? "",
                    NumberText.significant(row.target, digits: 8), NumberText.significant(row.achieved, digits: 8),
                    s.map { NumberText.percent($0.target) } ?? "", s.map { NumberText.percent($0.achieved) } ?? ""]
        }
        return ReportTable(
            title: "Targets and achieved",
            columns: [.init(header: "variable", alignment: .left), .init(header: "level", alignment: .left),
                      .init(header: "n", alignment: .right), .init(header: "target", alignment: .right),
                      .init(header: "achieved", alignment: .right), .init(header: "target %", alignment: .right),
                      .init(header: "achieved %", alignment: .right)],
            rows: rows)
    }
}
