import SurveyCore
import Weighting

/// The simulated demo study: the ``Study`` (waves, concepts, events; `simulated` set) and the
/// data of every wave, ready to be written as `waves/<wave id>.sav` beside a `study.yaml`.
public struct DemoStudy: Sendable {
    /// The seed the study was generated from.
    public let seed: UInt64
    public let study: Study
    /// The data of every wave, in the order of `study.waves`.
    public let datasets: [Dataset]
    /// The census margins every wave's `weight` was raked to from its `dweight` (shares of
    /// region, settlement, sex and age group, named by English value labels), for a targets file.
    public let targets: WeightingTargets

    /// The data of wave `id`.
    public func dataset(wave id: String) -> Dataset? {
        study.waves.firstIndex { $0.id == id }.map { datasets[$0] }
    }
}
