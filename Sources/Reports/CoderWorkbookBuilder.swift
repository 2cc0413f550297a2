import SurveyCore
import TextCoding
import Translations

/// Lays out a coder's sheet as a ``SurveyCore/Workbook``, the XLSX form of the CSV sheet that
/// `barometer code export` writes.
///
/// - The first sheet, named after the coder, has the columns of the CSV sheet in their order
///   (``TextCoding/CoderSheet/columns``: unit, respondent, question, language, answer, codes,
///   note) with the same texts, so that `code import` reads either form alike. Its header is
///   frozen, columns are as wide as their content (at most 60 characters) and the answers wrap.
/// - With a frame, a second sheet ``codesSheet`` lists the frame's codes in frame order: code,
///   label in the builder's language, and, where the frame has them, the net a code is part
///   of, its description and examples. The codes column of the first sheet offers these codes
///   in a drop-down list; an entry that is not one of them (several codes, `a;b`) stands after
///   a warning.
///
/// Headers of the codes sheet and the list's notes are in the builder's language (en, ru, kk),
/// from the catalog; the first sheet's headers are the column names `code import` reads.
public struct CoderWorkbookBuilder: Sendable {
    /// The name of the sheet of codes.
    public static let codesSheet = "codes"

    let translate: Translator
    let language: String

    /// A builder whose codes sheet speaks `language` (a BCP 47 tag: headers in en, ru or kk,
    /// code labels in any language of the frame, else English).
    public init(language: String) {
        self.language = language
        translate = Translator(tag: language)
    }

    /// The workbook of `coder`'s `units`, with the codes of `frame` when given.
    public func workbook(coder: String, units: [CodingUnit], frame: CodeFrame?) -> Workbook {
        let table = CoderSheet.table(units)
        let rows = (0..<table.rowCount).map { row in
            table.columns.map { WorksheetCell.text(orEmpty: $0.text(at: row)) }
        }
        var answers = Worksheet(name: coder, header: CoderSheet.columns, rows: rows)
        if let answer = CoderSheet.columns.firstIndex(of: "answer") { answers.wrappedColumns = [answer] }
        guard let frame else { return Workbook(sheets: [answers]) }
        if let codes = CoderSheet.columns.firstIndex(of: "codes") {
            answers.listValidations = [WorksheetListValidation(
                column: codes, listSheet: Self.codesSheet, listColumn: 0, allowsOtherValues: true,
                promptTitle: translate(.codeListTitle), prompt: translate(.codeListPrompt, Self.codesSheet),
                errorTitle: translate(.codeListErrorTitle), error: translate(.codeListError, Self.codesSheet))]
        }
        return Workbook(sheets: [answers, codesSheet(frame)])
    }

    /// A table of text (a disagreements sheet) as a workbook of one sheet named `sheet`: the
    /// column names as the header, missing values as empty cells, the columns named in
    /// `wrapping` wrapped.
    public static func workbook(_ table: Dataset, sheet: String, wrapping: [String]) -> Workbook {
        let rows = (0..<table.rowCount).map { row in table.columns.map { WorksheetCell.text(orEmpty: $0.text(at: row)) } }
        let wrapped = Set(table.columns.indices.filter { wrapping.contains(table.columns[$0].name) })
        return Workbook(sheets: [Worksheet(name: sheet, header: table.columns.map(\.name), rows: rows, wrappedColumns: wrapped)])
    }

    /// The frame's codes: code and label, and the net, description and examples where any code
    /// has them.
    func codesSheet(_ frame: CodeFrame) -> Worksheet {
        var header = [translate(.columnCode), translate(.columnLabel)]
        var columns: [[WorksheetCell]] = [
            frame.codes.map { .text($0.id) },
            frame.codes.map { .text(orEmpty: $0.label(in: language)) },
        ]
        let optional: [(Phrase, [String?])] = [
            (.columnNet, frame.codes.map(\.parent)),
            (.columnCodeDescription, frame.codes.map(\.description)),
            (.columnExamples, frame.codes.map { $0.examples.isEmpty ? nil : $0.examples.joined(separator: "; ") }),
        ]
        var wrapped: Set<Int> = []
        for (phrase, values) in optional where values.contains(where: { !($0 ?? "").isEmpty }) {
            if phrase != .columnNet { wrapped.insert(header.count) }
            header.append(translate(phrase))
            columns.append(values.map { WorksheetCell.text(orEmpty: $0) })
        }
        let rows = frame.codes.indices.map { index in columns.map { $0[index] } }
        return Worksheet(name: Self.codesSheet, header: header, rows: rows, wrappedColumns: wrapped)
    }
}
