import SurveyCore
import Weighting

/// One wave of a study: its data file, when and how it was fielded, its design, and the
/// weighting to apply when it is analysed (targets per wave).
public struct StudyWave: Sendable, Equatable {
    /// Unique within the study, e.g. `2022-autumn`.
    public var id: String
    public var label: LocalizedText
    /// The data file, relative to the study folder (.sav, .zsav, .por, .dta, .csv).
    public var file: String
    /// An optional YAML codebook applied to the file, relative to the study folder.
    public var codebook: String?
    /// Fieldwork dates as ISO 8601 days (`2022-10-03`).
    public var fieldworkStart: String
    public var fieldworkEnd: String
    /// `face-to-face`, `telephone`, `online`, …
    public var mode: String?
    public var design: DesignSpec
    public var weighting: WaveWeighting?
    /// Not public before this day (ISO 8601); the server hides embargoed waves.
    public var embargoUntil: String?

    public init(
        id: String, label: LocalizedText, file: String, codebook: String? = nil, fieldworkStart: String,
        fieldworkEnd: String, mode: String? = nil, design: DesignSpec, weighting: WaveWeighting? = nil,
        embargoUntil: String? = nil
    ) {
        self.id = id
        self.label = label
        self.file = file
        self.codebook = codebook
        self.fieldworkStart = fieldworkStart
        self.fieldworkEnd = fieldworkEnd
        self.mode = mode
        self.design = design
        self.weighting = weighting
        self.embargoUntil = embargoUntil
    }

    /// The middle of fieldwork as a fractional year (2022.79), for placing a wave on a time axis.
    public var midpoint: Double {
        (StudyDate.fractionalYear(fieldworkStart) + StudyDate.fractionalYear(fieldworkEnd)) / 2
    }
}

/// Weighting applied to a wave when it is analysed: targets (a YAML file relative to the
/// study folder), the method and its limits.
public struct WaveWeighting: Sendable, Equatable {
    public var targets: String
    public var method: WeightingMethod
    public var bounds: WeightLimits?
    public var trim: WeightLimits?

    public init(targets: String, method: WeightingMethod = .rake, bounds: WeightLimits? = nil, trim: WeightLimits? = nil) {
        self.targets = targets
        self.method = method
        self.bounds = bounds
        self.trim = trim
    }
}
