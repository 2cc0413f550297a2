import SurveyCore

/// A survey's own waves as one more "pollster" in the average: the design-based estimate of one
/// level of a concept in each wave (a trend result, DESIGN.md §5), placed on the wave's
/// fieldwork midpoint, with the variance of its design (SE², not y(1 − y)/n), so that a
/// clustered, weighted survey counts for what its design is worth.
public enum SurveyWaveObservations {
    /// The observations of `result`'s `proportion` rows for the whole population (no
    /// breakdown), one per wave, named `pollster`.
    /// - Throws: ``SurveyCore/SurveyError`` when the result has no such rows or a wave's
    ///   fieldwork dates are not days.
    public static func observations(_ result: AnalysisResult, pollster: String) throws(SurveyError) -> [PollObservation] {
        let waves = Dictionary(result.waves.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [PollObservation] = []
        // A trend's rows for the whole population have the wave as their only domain entry.
        for row in result.rows where row.statistic == .proportion && row.domain.entries.count == 1 {
            guard let id = row.domain["wave"], let wave = waves[id], let estimate = row.estimate, let se = row.standardError else { continue }
            guard let start = CivilDay(wave.fieldworkStart), let end = CivilDay(wave.fieldworkEnd), start <= end else {
                throw SurveyError(.invalidData, "The fieldwork of wave '\(id)' (\(wave.fieldworkStart) to \(wave.fieldworkEnd)) is not two days in order; write them as YYYY-MM-DD in study.yaml to place the wave among the polls.")
            }
            out.append(PollObservation(day: start.adding((end.number - start.number) / 2), pollster: pollster, share: estimate,
                                       standardError: se, sampleSize: wave.design.respondents))
        }
        guard !out.isEmpty else {
            throw SurveyError(.invalidRequest, "The study has no estimate of this level in any wave to average with the polls; choose a level the concept has.")
        }
        return out
    }
}
