import SurveyCore

/// Everything a codebook listing shows of a dataset: what the file says of itself (label,
/// encoding, documents, multiple-response sets, stored design) and a ``VariableSummary`` per
/// column, in column order. Built in one pass over each column; pure.
public struct CodebookSummary: Sendable, Equatable {
    /// The file the data came from, as the user named it.
    public var file: String
    public var respondents: Int
    /// The file-level parts of the codebook (its `variables` are in ``variables``).
    public var fileLabel: LocalizedText?
    public var encoding: String?
    public var documents: [String]
    public var multipleResponseSets: [MultipleResponseSet]
    public var design: DesignSpec?
    public var variables: [VariableSummary]

    public init(_ dataset: Dataset, file: String) {
        self.file = file
        respondents = dataset.rowCount
        let codebook = dataset.codebook
        fileLabel = codebook.fileLabel
        encoding = codebook.encoding
        documents = codebook.documents
        multipleResponseSets = codebook.multipleResponseSets
        design = codebook.design
        variables = dataset.columns.map { VariableSummary($0, metadata: dataset.metadata($0.name)) }
    }
}
