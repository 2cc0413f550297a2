import SurveyCore

/// Coded answers as survey variables: per open-ended column a numeric column of its (first)
/// code, labelled with the frame's labels in every language and with the frame's uncodable
/// codes as user-missing values; per code a 0/1 column of whether the respondent mentioned
/// it in any column; and the two SPSS multiple-response sets over them (categories and
/// dichotomies). `barometer estimate --mentions` and `--mentioned` read the code columns.
public struct CodedColumns: Sendable {
    /// The new columns: the code columns, then the 0/1 columns.
    public let columns: [Column]
    /// Labels and missing codes of the new columns.
    public let metadata: [String: VariableMetadata]
    /// The multiple-response sets: `$PREFIX` (categories) and `$PREFIX_d` (dichotomies).
    public let sets: [MultipleResponseSet]
    /// The names of the code columns, one per open-ended column.
    public let codeColumns: [String]

    /// The code column of open-ended column `c` is named `c_code`; the 0/1 column of code `k`
    /// is `PREFIX_k`.
    ///
    /// - Parameters:
    ///   - codes: per open-ended column (in order), per respondent, the answer's codes (nil or
    ///     empty: no code). An answer with several codes keeps its first in the code column
    ///     and all of them in the 0/1 columns.
    ///   - label: the question, for the sets' labels.
    public init(questions: [String], codes: [[[String]?]], frame: CodeFrame, prefix: String, label: LocalizedText) {
        let number = Dictionary(uniqueKeysWithValues: frame.ids.enumerated().map { ($1, Double($0 + 1)) })
        let valueLabels = frame.codes.enumerated().map { i, code in
            ValueLabel(code: Double(i + 1), label: LocalizedText(code.labels))
        }
        let missing = frame.codes.enumerated().filter { $1.uncodable }.map { Double($0.offset + 1) }
        var columns: [Column] = [], metadata: [String: VariableMetadata] = [:], names: [String] = []
        for (question, perRow) in zip(questions, codes) {
            let name = "\(question)_code"
            columns.append(.numeric(name, perRow.map { $0?.first.flatMap { number[$0] } ?? .nan }))
            var meta = VariableMetadata(label: LocalizedText(["en": "\(question), coded"]), valueLabels: valueLabels,
                                        missingCodes: missing, measurement: .nominal)
            meta.displayFormat = "F2.0"
            metadata[name] = meta
            names.append(name)
        }
        let rows = codes.first?.count ?? 0
        var dichotomies: [String] = []
        for code in frame.codes {
            let name = "\(prefix)_\(code.id)"
            let values = (0..<rows).map { row -> Double in
                let answered = codes.contains { $0[row].map { !$0.isEmpty } ?? false }
                guard answered else { return .nan }
                return codes.contains { $0[row]?.contains(code.id) ?? false } ? 1 : 0
            }
            columns.append(.numeric(name, values))
            metadata[name] = VariableMetadata(
                label: LocalizedText(code.labels), valueLabels: [
                    ValueLabel(code: 0, label: LocalizedText(["en": "Not mentioned", "ru": "Не упомянуто", "kk": "Аталмаған"])),
                    ValueLabel(code: 1, label: LocalizedText(["en": "Mentioned", "ru": "Упомянуто", "kk": "Аталған"])),
                ], measurement: .nominal)
            dichotomies.append(name)
        }
        self.columns = columns
        self.metadata = metadata
        self.codeColumns = names
        self.sets = [
            MultipleResponseSet(name: "$\(prefix)", label: label, kind: .categories, variables: names),
            MultipleResponseSet(name: "$\(prefix)_d", label: label, kind: .dichotomies(countedValue: "1"), variables: dichotomies),
        ]
    }

    /// `dataset` with the columns, their metadata and the sets added.
    /// - Throws: ``SurveyCore/SurveyError`` when a column of that name exists already.
    public func adding(to dataset: Dataset) throws(SurveyError) -> Dataset {
        var codebook = dataset.codebook
        for (name, meta) in metadata { codebook.variables[name] = meta }
        codebook.multipleResponseSets += sets
        return try Dataset(columns: dataset.columns + columns, codebook: codebook)
    }
}
