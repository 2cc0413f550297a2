import SurveyCore

/// The sheet a coder codes on: one row per answer with its unit, respondent, question,
/// language and answer, and empty `codes` and `note` columns to fill in (several codes in one
/// cell separated by `;`). The same layout comes back in ``records(from:name:coder:codedAt:)``.
public enum CoderSheet {
    /// The columns of a sheet, in order.
    public static let columns = ["unit", "respondent", "question", "language", "answer", "codes", "note"]

    /// The sheet of `units` as a table of text columns (for CSV or XLSX).
    public static func table(_ units: [CodingUnit]) -> Dataset {
        let values: [[String?]] = [
            units.map(\.id), units.map(\.respondent), units.map(\.question), units.map(\.language),
            units.map(\.answer), units.map { _ in nil }, units.map { _ in nil },
        ]
        // Distinct names and equal lengths by construction.
        return try! Dataset(columns: zip(columns, values).map { Column(name: $0, values: .text($1)) })
    }

    /// The codes a coder entered on a sheet read back from a file.
    ///
    /// - Parameters:
    ///   - name: the file, for messages.
    ///   - coder: the coder, when the sheet has no `coder` column (the CLI passes the file's name).
    ///   - codedAt: when, for rows without a `coded_at` column or value (the file's time).
    ///   - expected: the units the plan gave this coder, if known: the sheet must hold exactly those.
    /// - Throws: ``SurveyCore/SurveyError`` (`.invalidData`) naming the file and the problem:
    ///   a missing `unit` or `codes` column, a unit twice, units that do not match the plan.
    public static func records(
        from table: Dataset, name: String, coder: String, codedAt: String?, expected: Set<String>? = nil
    ) throws(SurveyError) -> [CodeRecord] {
        for column in ["unit", "codes"] where !table.hasVariable(column) {
            throw SurveyError(.invalidData, "The coder sheet '\(name)' has no column '\(column)'; code on the sheet that `barometer code export` wrote (columns \(columns.joined(separator: ", "))).")
        }
        let units = try table.column("unit"), codes = try table.column("codes")
        let coders = table.hasVariable("coder") ? try table.column("coder") : nil
        let times = table.hasVariable("coded_at") ? try table.column("coded_at") : nil
        let notes = table.hasVariable("note") ? try table.column("note") : nil
        var records: [CodeRecord] = []
        var seen = Set<String>()
        for row in 0..<table.rowCount {
            guard let unit = units.text(at: row) else {
                throw SurveyError(.invalidData, "Row \(row + 2) of the coder sheet '\(name)' has no unit; keep the unit column as exported.")
            }
            guard seen.insert(unit).inserted else {
                throw SurveyError(.invalidData, "The coder sheet '\(name)' has unit \(unit) twice (row \(row + 2)); give each answer one row, with several codes separated by ';'.")
            }
            records.append(CodeRecord(
                unit: unit, coder: coders?.text(at: row) ?? coder, codes: codes.text(at: row).map(CodeRecord.codes(in:)) ?? [],
                codedAt: times?.text(at: row) ?? codedAt, source: .coder, note: notes?.text(at: row)))
        }
        if let expected, seen != expected {
            let extra = seen.subtracting(expected).sorted(), lacking = expected.subtracting(seen).sorted()
            var parts: [String] = []
            if !extra.isEmpty { parts.append("\(extra.count) unit\(extra.count == 1 ? "" : "s") not on \(coder)'s sheet in the plan (\(extra.prefix(3).joined(separator: ", ")))") }
            if !lacking.isEmpty { parts.append("\(lacking.count) of \(coder)'s unit\(lacking.count == 1 ? "" : "s") missing (\(lacking.prefix(3).joined(separator: ", ")))") }
            throw SurveyError(.invalidData, "The units of the coder sheet '\(name)' do not match the plan: \(parts.joined(separator: " and ")); import the sheet exported for \(coder) with this plan, with every row kept.")
        }
        return records
    }
}
