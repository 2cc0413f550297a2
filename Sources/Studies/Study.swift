import SurveyCore
import Weighting

/// A repeated survey: its waves (files, fieldwork, mode, design), the harmonized questions
/// that run through them (concepts), and the events that trend charts mark. A study lives in
/// a folder whose `study.yaml` describes it; file paths are relative to that folder.
public struct Study: Sendable, Equatable {
    public var title: LocalizedText
    public var description: LocalizedText
    /// The source line of charts and tables ("Central Asia Barometer, simulated data").
    public var source: LocalizedText
    /// Whether the data are simulated; every output then says so.
    public var simulated: Bool
    public var waves: [StudyWave]
    public var concepts: [Concept]
    public var events: [StudyEvent]
    /// What the public may estimate, break down by and filter on.
    public var access: PublicAccess

    public init(
        title: LocalizedText, description: LocalizedText = LocalizedText(), source: LocalizedText = LocalizedText(),
        simulated: Bool = false, waves: [StudyWave], concepts: [Concept] = [], events: [StudyEvent] = [],
        access: PublicAccess = PublicAccess()
    ) {
        self.access = access
        self.title = title
        self.description = description
        self.source = source
        self.simulated = simulated
        self.waves = waves
        self.concepts = concepts
        self.events = events
    }

    /// The wave with identifier `id`.
    public func wave(_ id: String) -> StudyWave? { waves.first { $0.id == id } }

    /// The concept with identifier `id`.
    public func concept(_ id: String) -> Concept? { concepts.first { $0.id == id } }
}
