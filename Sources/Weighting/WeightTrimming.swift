import Foundation
import SurveyCore

/// Trimming of extreme weights as R's `trimWeights()`: weights outside [lower, upper] are set
/// to the limit and the total trimmed away is shared equally among the weights inside, so the
/// sum of weights is kept (Potter 1990, *Proc. Survey Research Methods Section*, ASA; Lumley
/// 2010, §7.5). With `strict` this repeats until no weight is outside, since sharing can push
/// weights past a limit again. Calibrations made before keep their residuals, as in R.
enum WeightTrimming {
    /// The trimmed design and the number of respondents whose weight was set to a limit in the
    /// first pass.
    static func trim(_ design: SurveyDesign, limits: WeightLimits, strict: Bool) throws(SurveyError) -> (SurveyDesign, trimmed: Int) {
        var w = design.weights
        let n = Double(w.count)
        let total = w.reduce(0, +)
        guard limits.lower <= limits.upper else {
            throw SurveyError(.invalidRequest, "The trimming limits [\(CalibrationModel.format(limits.lower)), \(CalibrationModel.format(limits.upper))] are reversed; give the lower limit first, e.g. --trim 0.3,5.")
        }
        if limits.upper * n < total * (1 - 1e-12) || limits.lower * n > total * (1 + 1e-12) {
            throw SurveyError(.calibrationFailed, "Weights cannot be trimmed to [\(CalibrationModel.format(limits.lower)), \(CalibrationModel.format(limits.upper))]: \(Int(n)) weights summing to \(String(format: "%.6g", total)) average \(String(format: "%.4g", total / n)), outside the limits; widen them.")
        }
        var firstPass: Int? = nil
        var passes = 0
        while true {
            let outside = w.map { $0 < limits.lower || $0 > limits.upper }
            let count = outside.filter { $0 }.count
            if firstPass == nil { firstPass = count }
            if count == 0 { break }
            var excess = 0.0
            for i in w.indices where outside[i] {
                let c = limits.clamp(w[i])
                excess += w[i] - c
                w[i] = c
            }
            let share = excess / Double(w.count - count)
            for i in w.indices where !outside[i] { w[i] += share }
            passes += 1
            if !strict { break }
            if passes >= 10_000 {
                throw SurveyError(.calibrationFailed, "Trimming to [\(CalibrationModel.format(limits.lower)), \(CalibrationModel.format(limits.upper))] did not settle after 10000 passes; widen the limits.")
            }
        }
        if let bad = w.firstIndex(where: { !($0 > 0) }) {
            throw SurveyError(.calibrationFailed, "Trimming to [\(CalibrationModel.format(limits.lower)), \(CalibrationModel.format(limits.upper))] leaves respondent \(bad + 1) with a weight of \(String(format: "%.4g", w[bad])); raise the lower limit above 0.")
        }
        let text = "trimmed to [\(CalibrationModel.format(limits.lower)), \(CalibrationModel.format(limits.upper))]\(strict ? "" : " (one pass)")"
        return (try design.replacingWeights(w, description: text), firstPass ?? 0)
    }
}
