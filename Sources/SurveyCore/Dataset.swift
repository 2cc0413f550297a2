/// A survey data set: columns of equal length in a stable respondent order, plus a codebook.
///
/// Columns are stored contiguously (see ``Column``); look-ups by name go through a dictionary
/// built once, so estimation code resolves names before it loops over respondents.
public struct Dataset: Sendable {
    public let columns: [Column]
    public var codebook: Codebook
    public let rowCount: Int
    private let position: [String: Int]

    /// - Throws: ``SurveyError`` when columns differ in length or two share a name.
    public init(columns: [Column], codebook: Codebook = Codebook()) throws(SurveyError) {
        let n = columns.first?.count ?? 0
        var position: [String: Int] = [:]
        for (i, c) in columns.enumerated() {
            guard c.count == n else {
                throw SurveyError(.invalidData, "Column '\(c.name)' has \(c.count) values but column '\(columns[0].name)' has \(n); every column needs one value per respondent.")
            }
            guard position[c.name] == nil else {
                throw SurveyError(.invalidData, "Two columns are named '\(c.name)'; rename one so that every variable name is unique.")
            }
            position[c.name] = i
        }
        self.columns = columns
        self.codebook = codebook
        self.rowCount = n
        self.position = position
    }

    public var variableNames: [String] { columns.map(\.name) }

    public func hasVariable(_ name: String) -> Bool { position[name] != nil }

    /// The column called `name`.
    /// - Throws: ``SurveyError/Kind/unknownVariable`` with the closest names as suggestions.
    public func column(_ name: String) throws(SurveyError) -> Column {
        if let i = position[name] { return columns[i] }
        let suggestions = NameSuggester.closest(to: name, among: variableNames)
        if suggestions.isEmpty {
            throw SurveyError(.unknownVariable, "Unknown variable '\(name)': the data has no such column; \(surface: [.commandLine: "run `barometer codebook` on the file to list its variables", .query: "the wave's variables are listed at /api/v1/studies/STUDY/waves/WAVE/codebook"], otherwise: "the study's codebooks list its variables")", value: name)
        }
        let hint = "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
        throw SurveyError(.unknownVariable, "Unknown variable '\(name)': the data has no such column; \(hint)", value: name)
    }

    /// Metadata for `name` (empty when the codebook says nothing).
    public func metadata(_ name: String) -> VariableMetadata { codebook[name] ?? VariableMetadata() }
}
