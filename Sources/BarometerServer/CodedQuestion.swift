import SurveyCore

/// A coded open-ended question of a study as the explorer and the API show it: the
/// multiple-response set of its coded columns (`$russia_reason`, as `barometer code apply`
/// writes it), its label and codes, and the waves that have it. Never the typed answers.
struct CodedQuestion: Sendable {
    /// The set's name without `$`: the question's id in URLs.
    let id: String
    /// The set's name, as requests name it (`mentions=$russia_reason`).
    let set: String
    let label: LocalizedText
    /// The coded columns (in the first wave that has the set).
    let columns: [String]
    /// The codes in the frame's order, with their labels.
    let codes: [ValueLabel]
    /// The ids of the waves that have the set.
    let waves: [String]
}
