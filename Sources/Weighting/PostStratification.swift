import SurveyCore

/// Post-stratification: within each post-stratum the weights are multiplied by
/// N_h / N̂_h, the population count over the weighted sample count (Holt & Smith 1979,
/// *JRSS A* 142; Lumley 2010, §7.1), as R's `postStratify()`. Variances use the residuals of
/// the linearized values from their post-stratum means (``CalibrationAdjustment``).
enum PostStratification {
    static func calibrate(_ design: SurveyDesign, factor: CalibrationModel.Factor) throws(SurveyError) -> SurveyDesign {
        let d = design.weights
        let levels = factor.levels.count
        var before = [Double](repeating: 0, count: levels)
        for i in 0..<d.count { before[Int(factor.levelOfRow[i])] += d[i] }
        let ratio = (0..<levels).map { factor.targets[$0] / before[$0] }
        let w = (0..<d.count).map { d[$0] * ratio[Int(factor.levelOfRow[$0])] }
        let term = CalibrationAdjustment.Term(
            column: factor.levelOfRow, a: w, b: (0..<d.count).map { d[$0] / w[$0] })
        var m = [Double](repeating: 0, count: levels * levels)
        for h in 0..<levels { m[h * levels + h] = 1 / before[h] }
        let adjustment = CalibrationAdjustment(
            columnCount: levels, terms: [term], solution: m,
            description: "post-stratified on \(factor.name) (\(levels) post-strata)")
        return try design.calibrated(weights: w, adjustment: adjustment)
    }
}
