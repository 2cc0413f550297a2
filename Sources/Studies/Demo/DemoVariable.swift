import SurveyCore

/// A variable of the demo questionnaire: its name, labels and codes in three languages, the
/// waves that have it, and whether it is a harmonized concept of the study.
struct DemoVariable {
    /// One answer option.
    struct Answer {
        let code: Int
        /// The concept level it maps to (`very_favourable`).
        let level: String
        let label: LocalizedText
        let valence: ConceptLevel.Valence

        init(_ code: Int, _ level: String, _ label: LocalizedText, _ valence: ConceptLevel.Valence = .neutral) {
            self.code = code
            self.level = level
            self.label = label
            self.valence = valence
        }
    }

    /// Which waves hold the variable.
    enum Waves {
        case all
        case faceToFace
        case from(Int)
        case only([Int])

        func contains(_ wave: DemoWave) -> Bool {
            switch self {
            case .all: true
            case .faceToFace: wave.mode == .faceToFace
            case .from(let first): wave.index >= first
            case .only(let indices): indices.contains(wave.index)
            }
        }
    }

    let name: String
    /// The variable label (short).
    let label: LocalizedText
    /// The question as asked, for concepts.
    let question: LocalizedText?
    let answers: [Answer]
    let measurement: MeasurementLevel
    let waves: Waves
    /// A harmonized question (a concept of the study, with id = name).
    let isConcept: Bool

    init(
        _ name: String, label: LocalizedText, question: LocalizedText? = nil, answers: [Answer] = [],
        measurement: MeasurementLevel, waves: Waves = .all, isConcept: Bool = false
    ) {
        self.name = name
        self.label = label
        self.question = question
        self.answers = answers
        self.measurement = measurement
        self.waves = waves
        self.isConcept = isConcept
    }

    /// Codes for "don't know" and "refused", user-missing in the codebook.
    var missingCodes: [Double] { answers.filter { $0.valence == .missing }.map { Double($0.code) } }

    var metadata: VariableMetadata {
        VariableMetadata(
            label: label,
            valueLabels: answers.map { ValueLabel(code: Double($0.code), label: $0.label) },
            missingCodes: missingCodes, measurement: measurement)
    }

    /// The concept this variable carries, mapped in `waves`.
    func concept(waves: [DemoWave]) -> Concept {
        let levels = answers.map { ConceptLevel(id: $0.level, label: $0.label, valence: $0.valence) }
        let codes = Dictionary(uniqueKeysWithValues: answers.map { (String($0.code), Optional($0.level)) })
        let mappings = waves.filter { self.waves.contains($0) }.map { ConceptMapping(wave: $0.id, variable: name, codes: codes) }
        return Concept(id: name, title: label, text: question ?? label, levels: levels, mappings: mappings)
    }
}
