import SurveyCore
import Weighting

/// A wave as its source holds it — a study folder on disk or the store: the data, the design
/// declared for it, and the weighting the study applies to it when it is analysed, with targets
/// whose levels are named by code (``Weighting/WeightingTargets/keyedByCode(in:)``), never by
/// a label in some display language.
public struct WaveInput: Sendable {
    public let dataset: Dataset
    public let design: DesignSpec
    public let weighting: WeightingSpec?

    public init(dataset: Dataset, design: DesignSpec, weighting: WeightingSpec? = nil) {
        self.dataset = dataset
        self.design = design
        self.weighting = weighting
    }
}
