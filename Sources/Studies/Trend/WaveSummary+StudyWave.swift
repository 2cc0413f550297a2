import SurveyCore

extension WaveSummary {
    /// The summary of `wave` of a study as a trend reports it: its label in `language`, its
    /// fieldwork and mode, and the design it was estimated with.
    init(_ wave: StudyWave, design: DesignSummary, language: String) {
        self.init(
            id: wave.id, label: wave.label.text(in: language) ?? wave.id, fieldworkStart: wave.fieldworkStart,
            fieldworkEnd: wave.fieldworkEnd, mode: wave.mode, design: design)
    }
}

extension Dictionary where Key == String, Value == String {
    /// Adds the label in `language` of each of `names` that `dataset` labels and that has none yet.
    mutating func addLabels(of names: [String], in dataset: Dataset, language: String) {
        for name in names where self[name] == nil {
            if let label = dataset.metadata(name).label.text(in: language), !label.isEmpty { self[name] = label }
        }
    }
}
