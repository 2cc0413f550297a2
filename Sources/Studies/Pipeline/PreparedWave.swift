import SurveyCore

/// A wave ready for estimation: its data and its compiled design, calibrated when the study
/// weights the wave at analysis time. Made by ``AnalysisPipeline/prepare(_:)``; immutable, so a
/// server may keep it for every request on the same wave version.
public struct PreparedWave: Sendable {
    public let dataset: Dataset
    public let design: SurveyDesign

    public init(dataset: Dataset, design: SurveyDesign) {
        self.dataset = dataset
        self.design = design
    }
}
