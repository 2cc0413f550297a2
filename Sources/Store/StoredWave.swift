import SurveyCore

/// One wave of a stored study, as listed: when and how it was fielded, its design, its
/// embargo, and the size and checksum of its data.
public struct StoredWave: Sendable, Equatable {
    /// The wave's id in the study (`2022-autumn`).
    public var id: String
    public var label: LocalizedText
    /// ISO 8601 days.
    public var fieldworkStart: String
    public var fieldworkEnd: String
    /// `face-to-face`, `telephone`, `online`, …
    public var mode: String?
    /// The sampling design, by variable names of its dataset.
    public var design: DesignSpec
    /// Not public before this ISO 8601 day; nil when never embargoed.
    public var embargoUntil: String?
    /// The number of rows of its dataset.
    public var respondents: Int
    /// The hex SHA-256 of its stored data blob, for provenance.
    public var dataSHA256: String

    public init(
        id: String, label: LocalizedText, fieldworkStart: String, fieldworkEnd: String, mode: String?,
        design: DesignSpec, embargoUntil: String?, respondents: Int, dataSHA256: String
    ) {
        self.id = id
        self.label = label
        self.fieldworkStart = fieldworkStart
        self.fieldworkEnd = fieldworkEnd
        self.mode = mode
        self.design = design
        self.embargoUntil = embargoUntil
        self.respondents = respondents
        self.dataSHA256 = dataSHA256
    }

    /// Whether the wave is still under embargo on the ISO 8601 day `day` (public on and after
    /// `embargoUntil`).
    public func isEmbargoed(on day: String) -> Bool {
        guard let embargoUntil else { return false }
        return day < embargoUntil
    }
}
