import SurveyCore

/// A harmonized question: what it asks (in several languages), its canonical answer levels,
/// and for each wave the variable that holds it and how that variable's codes map to the
/// levels.
public struct Concept: Sendable, Equatable {
    /// Unique within the study, e.g. `opinion_russia`.
    public var id: String
    /// A short title ("Opinion of Russia").
    public var title: LocalizedText
    /// The question as asked.
    public var text: LocalizedText
    public var levels: [ConceptLevel]
    /// Per wave (in the study's wave order): where the concept is and how to read it. Waves
    /// without a mapping did not ask the question.
    public var mappings: [ConceptMapping]

    public init(id: String, title: LocalizedText, text: LocalizedText = LocalizedText(), levels: [ConceptLevel], mappings: [ConceptMapping]) {
        self.id = id
        self.title = title
        self.text = text
        self.levels = levels
        self.mappings = mappings
    }

    /// The mapping of wave `id`, if the wave asked the question.
    public func mapping(wave id: String) -> ConceptMapping? { mappings.first { $0.wave == id } }
}

/// A canonical answer of a concept.
public struct ConceptLevel: Sendable, Equatable {
    /// What the answer says about the object: favourable answers are positive, unfavourable
    /// negative; diverging bars put them on either side, net scores subtract them.
    public enum Valence: String, Sendable, Codable, CaseIterable {
        case positive, negative, neutral
        /// "Don't know", "refused": shown apart, dropped by --exclude-missing.
        case missing
    }

    /// Unique within the concept, e.g. `very_favourable`.
    public var id: String
    public var label: LocalizedText
    public var valence: Valence

    public init(id: String, label: LocalizedText, valence: Valence = .neutral) {
        self.id = id
        self.label = label
        self.valence = valence
    }
}

/// Where a concept is in one wave.
public struct ConceptMapping: Sendable, Equatable {
    public var wave: String
    /// The variable in the wave's file.
    public var variable: String
    /// Stored code (as written: `1`, `98`, or a text code) → level id; nil: the code is not an
    /// answer to the concept (dropped like a system-missing value).
    public var codes: [String: String?]
    /// What changed in the wording this wave, if it did.
    public var wordingChanged: LocalizedText?

    public init(wave: String, variable: String, codes: [String: String?], wordingChanged: LocalizedText? = nil) {
        self.wave = wave
        self.variable = variable
        self.codes = codes
        self.wordingChanged = wordingChanged
    }
}
