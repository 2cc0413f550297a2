import SurveyCore

/// A codebook as read from a YAML file (see ``CodebookYAML``): the ``Codebook`` it describes,
/// plus what is needed to apply it to data and to point at the line of a problem.
///
/// A YAML codebook is written without the data at hand, so a code such as `1` may be meant for
/// a numeric variable or for a text column whose values are `"1"`. ``codebook`` reads the file
/// on its own (plain numbers are numeric codes, other keys stored texts); ``CodebookMerger``
/// decides per variable from the column's type.
public struct CodebookDocument: Sendable {
    /// The file name, for messages.
    public let name: String
    /// The codebook the file describes, read without data.
    public let codebook: Codebook
    /// The variables in the order the file lists them.
    public var variableNames: [String] { entries.map(\.name) }

    /// The variable entries in file order, codes as written.
    let entries: [Entry]
    /// Where the `design:` section starts.
    let designLine: Int?
    /// Where each multiple-response set is defined, by set name.
    let setLines: [String: Int]

    init(name: String, codebook: Codebook, entries: [Entry], designLine: Int?, setLines: [String: Int]) {
        self.name = name
        self.codebook = codebook
        self.entries = entries
        self.designLine = designLine
        self.setLines = setLines
    }

    /// The line on which `variable` is defined, if the file defines it.
    public func line(ofVariable variable: String) -> Int? {
        entries.first(where: { $0.name == variable })?.line
    }

    /// The storage type a codebook entry may declare with `type:`.
    enum DeclaredType: String, Sendable, CaseIterable {
        case numeric, categorical, text
    }

    /// A code as written in the file: a key under `values:` or an item of `missing:`.
    struct Code: Sendable, Equatable {
        /// The text as written (without quotes).
        var text: String
        /// The number, when the code was written as a plain (unquoted) number.
        var number: Double?
        var line: Int?

        /// The number the code spells, whether or not it was quoted.
        var numericValue: Double? { number ?? YAMLScalars.number(text) }
    }

    /// One variable of the file.
    struct Entry: Sendable {
        var name: String
        var line: Int?
        var type: DeclaredType?
        var label: LocalizedText?
        var measurement: MeasurementLevel?
        var values: [(code: Code, label: LocalizedText)] = []
        var missing: [Code]?
        var missingRange: ClosedRange<Double>?
        var missingRangeLine: Int?
        var format: String?
        var temporal: TemporalKind?
        var width: Int?

        init(name: String, line: Int?) {
            self.name = name
            self.line = line
        }
    }
}
