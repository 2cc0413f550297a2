import Foundation
import SurveyCore

/// One line per estimate, with full-precision numbers (RFC 4180 quoting, `\n` line ends).
///
/// The columns are ``EstimateColumns`` (which the XLSX workbook shares); a missing value is an
/// empty field. Tests and warnings are not part of the CSV.
struct CSVRenderer {
    func render(_ result: AnalysisResult) -> String {
        let columns = EstimateColumns(rows: result.rows)
        var lines = [Self.line(columns.names)]
        for row in result.rows {
            lines.append(Self.line(columns.values(row).map(\.csvField)))
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
