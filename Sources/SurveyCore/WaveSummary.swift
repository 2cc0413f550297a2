/// One wave of a trend result: when and how it was fielded and its design.
public struct WaveSummary: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    public var fieldworkStart: String
    public var fieldworkEnd: String
    public var mode: String?
    public var design: DesignSummary

    public init(id: String, label: String, fieldworkStart: String, fieldworkEnd: String, mode: String?, design: DesignSummary) {
        self.id = id
        self.label = label
        self.fieldworkStart = fieldworkStart
        self.fieldworkEnd = fieldworkEnd
        self.mode = mode
        self.design = design
    }
}
