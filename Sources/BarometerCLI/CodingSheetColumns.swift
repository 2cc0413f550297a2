import SurveyCore
import TextCoding

/// The coders' columns of a CSV file read as a ``TextCoding/CodingSheet``: one row per unit,
/// one column per coder, an empty cell where the coder did not code the unit.
struct CodingSheetColumns {
    /// The coders' column names, in order.
    var coders: [String]
    /// The column that names the units; nil numbers them by row from 1.
    var unit: String?
    /// The character between several codes in one cell; nil keeps a cell as one code.
    var separator: Character?

    /// The sheet `name` of `dataset`.
    /// - Throws: ``SurveyCore/SurveyError`` naming a column the file does not have.
    func sheet(of dataset: Dataset, name: String, file: String) throws -> CodingSheet {
        let columns = try coders.map { try column($0, in: dataset, flag: "--coders", file: file) }
        let units: [String]
        if let unit {
            let texts = try column(unit, in: dataset, flag: "--unit", file: file)
            units = (0..<dataset.rowCount).map { texts[$0] ?? "row \($0 + 1)" }
        } else {
            units = (0..<dataset.rowCount).map { "row \($0 + 1)" }
        }
        let texts = (0..<dataset.rowCount).map { row in columns.map { $0[row] } }
        return CodingSheet(name: name, coders: coders, units: units, texts: texts, separator: separator)
    }

    /// The cells of column `name` as texts (``SurveyCore/Column/text(at:)``: numbers without a needless ".0"; nil when missing or blank).
    private func column(_ name: String, in dataset: Dataset, flag: String, file: String) throws -> [String?] {
        guard dataset.hasVariable(name), let column = try? dataset.column(name) else {
            let near = NameSuggester.closest(to: name, among: dataset.variableNames)
            let hint = near.isEmpty ? "" : " (did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?)"
            throw SurveyError(.unknownVariable, ErrorText(verbatim: "\(file) has no column '\(name)'\(hint); name one of its columns (\(dataset.variableNames.joined(separator: ", "))) in \(flag)."))
        }
        return (0..<dataset.rowCount).map { column.text(at: $0) }
    }
}
