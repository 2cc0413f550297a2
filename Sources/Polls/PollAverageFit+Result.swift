import Foundation
import SurveyCore

extension PollAverageFit {
    /// The fit in the one result vocabulary (DESIGN.md §5): a `poll-average` row for every day
    /// (`domain: {"date": "YYYY-MM-DD"}`, a proportion with its standard error and a normal
    /// interval at `confidenceLevel`, `unweightedCount` the respondents of polls with that
    /// midpoint), a `house-effect` row per pollster (`domain: {"pollster": NAME}`), and the
    /// model (σ, τ², identification, likelihood) as `pollModel`.
    public func result(question: String, answer: String, confidenceLevel: Double = 0.95) -> AnalysisResult {
        let z = NormalDistribution.quantile(0.5 + confidenceLevel / 2)
        var respondents: [CivilDay: Int] = [:]
        for o in observations { respondents[o.day, default: 0] += o.sampleSize }
        func interval(_ estimate: Double, _ se: Double) -> ConfidenceInterval {
            ConfidenceInterval(lower: estimate - z * se, upper: estimate + z * se, level: confidenceLevel, method: .wald)
        }
        var rows: [ResultRow] = days.indices.map { d in
            ResultRow(
                variable: question, statistic: .pollAverage, domain: Domain([.init(variable: "date", value: days[d].description)]),
                level: answer, code: answer, estimate: estimates[d], standardError: standardErrors[d],
                ci: interval(estimates[d], standardErrors[d]), degreesOfFreedom: 0,
                unweightedCount: respondents[days[d]] ?? 0, weightedCount: Double(respondents[days[d]] ?? 0))
        }
        let polls = Dictionary(grouping: observations, by: \.pollster)
        rows += pollsters.indices.map { j in
            ResultRow(
                variable: question, statistic: .houseEffect, domain: Domain([.init(variable: "pollster", value: pollsters[j])]),
                level: answer, code: answer, estimate: houseEffects[j], standardError: houseEffectStandardErrors[j],
                ci: interval(houseEffects[j], houseEffectStandardErrors[j]), degreesOfFreedom: 0,
                unweightedCount: polls[pollsters[j]]?.reduce(0) { $0 + $1.sampleSize } ?? 0,
                weightedCount: Double(polls[pollsters[j]]?.reduce(0) { $0 + $1.sampleSize } ?? 0))
        }
        let total = observations.reduce(0) { $0 + $1.sampleSize }
        var result = AnalysisResult(
            design: DesignSummary(weights: nil, strata: nil, clusters: [], fpc: [], nest: false, lonelyPSU: .fail, degreesOfFreedom: 0,
                                  respondents: total, strataCount: 0, psuCount: observations.count, weighting: []),
            rows: rows)
        result.pollModels = [PollModelSummary(
            answer: answer, randomWalkSD: randomWalkSD, extraVariance: extraVariance, estimated: estimated, identification: identification.description,
            logLikelihood: logLikelihood, polls: observations.count, pollsters: pollsters.count,
            from: days.first?.description ?? "", to: days.last?.description ?? "")]
        return result
    }
}
