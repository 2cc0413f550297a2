import Foundation
import SurveyCore

/// One line per estimate, with full-precision numbers (RFC 4180 quoting, `\n` line ends).
///
/// Columns: `variable, statistic`, one column per breakdown variable (in the order the
/// variables first appear in the rows), then `level, code, estimate, standard_error,
/// ci_lower, ci_upper, ci_level, ci_method, design_effect, df, unweighted_count,
/// weighted_count`, and `row, column` when some row is a crosstab cell. A missing value is an
/// empty field. Tests and warnings are not part of the CSV.
struct CSVRenderer {
    static let leadingColumns = ["variable", "statistic"]
    static let estimateColumns = [
        "level", "code", "estimate", "standard_error", "ci_lower", "ci_upper", "ci_level", "ci_method",
        "design_effect", "df", "unweighted_count", "weighted_count",
    ]
    static let cellColumns = ["row", "column"]

    func render(_ result: AnalysisResult) -> String {
        let domainVariables = DomainColumns.variables(of: result.rows)
        let hasCells = result.rows.contains { $0.cell != nil }
        let fixed = Set(Self.leadingColumns + Self.estimateColumns + (hasCells ? Self.cellColumns : []))
        // A breakdown variable named like a fixed column gets a prefix so that names stay unique.
        let domainHeaders = domainVariables.map { fixed.contains($0) ? "domain." + $0 : $0 }

        var lines = [Self.line(Self.leadingColumns + domainHeaders + Self.estimateColumns + (hasCells ? Self.cellColumns : []))]
        for row in result.rows {
            var fields = [row.variable, row.statistic.rawValue]
            fields += domainVariables.map { row.domain[$0] ?? "" }
            fields += [
                row.level ?? "", row.code ?? "", NumberText.full(row.estimate), NumberText.full(row.standardError),
                NumberText.full(row.ci?.lower), NumberText.full(row.ci?.upper), NumberText.full(row.ci?.level),
                row.ci?.method.rawValue ?? "", NumberText.full(row.designEffect),
                row.degreesOfFreedom.map(String.init) ?? "", String(row.unweightedCount),
                NumberText.full(row.weightedCount),
            ]
            if hasCells { fields += [row.cell?.row ?? "", row.cell?.column ?? ""] }
            lines.append(Self.line(fields))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",")
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, inner quotes doubled.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
