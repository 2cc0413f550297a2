import SurveyCore
import Weighting

/// Rakes the design weights of a wave to the census margins (region, settlement type, sex, age
/// group) with the Weighting module's ``Calibrator``, as R's `rake()`.
enum DemoWeighting {
    /// Raking cycles allowed and the tolerance (a fraction of the total weight), tight enough
    /// that every margin is met to far better than 1e-6.
    static let spec = WeightingSpec(method: .rake, targets: DemoPopulation.targets, maxIterations: 1000, epsilon: 1e-10)

    /// The wave's design with the base weights in `dweight`.
    static func baseDesign(_ wave: DemoWave) -> DesignSpec {
        DesignSpec(weights: "dweight", strata: "stratum", clusters: wave.mode == .faceToFace ? ["psu"] : [])
    }

    /// The final weights of `data`.
    static func rake(_ data: DemoRespondents, wave: DemoWave) throws(SurveyError) -> [Double] {
        func column(_ variable: DemoVariable, _ codes: [Int]) -> Column { .numeric(variable.name, codes.map(Double.init)) }
        let q = DemoQuestionnaire.self
        var columns = [
            column(q.region, data.region), column(q.settlement, data.settlement), column(q.sex, data.sex),
            column(q.ageGroup, data.ageGroup), column(q.stratum, data.stratum),
            .numeric("dweight", data.designWeight),
        ]
        if wave.mode == .faceToFace { columns.append(column(q.psu, data.psu)) }
        var codebook = Codebook()
        for v in [q.region, q.settlement, q.sex, q.ageGroup] { codebook[v.name] = v.metadata }
        let dataset = try Dataset(columns: columns, codebook: codebook)
        let design = try SurveyDesign(baseDesign(wave), dataset: dataset)
        return try Calibrator.weight(design, dataset: dataset, spec: spec).design.weights
    }
}
