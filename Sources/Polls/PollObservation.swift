import SurveyCore

/// One poll's share of one answer as the average sees it: the day (fieldwork midpoint), the
/// pollster, the share as a proportion and its sampling variance v = deff · y(1 − y)/n.
///
/// A survey's own wave enters with the variance of its design-based estimate instead
/// (``init(day:pollster:share:standardError:sampleSize:)``).
///
/// A share of 0 or 100% would have no sampling variance; the variance then uses the share
/// moved half a respondent inside (1/(2n)), so that no poll is taken as exact.
public struct PollObservation: Sendable, Equatable {
    public let day: CivilDay
    public let pollster: String
    public let share: Double
    public let samplingVariance: Double
    public let sampleSize: Int

    public init(day: CivilDay, pollster: String, share: Double, sampleSize: Int, designEffect: Double = 1) {
        self.day = day
        self.pollster = pollster
        self.share = share
        self.sampleSize = sampleSize
        let n = Double(sampleSize)
        let y = min(max(share, 0.5 / n), 1 - 0.5 / n)
        samplingVariance = designEffect * y * (1 - y) / n
    }

    /// An estimate whose sampling variance is known from its design — a survey wave's
    /// design-based estimate with standard error `standardError` (its variance is SE²), which
    /// enters the average as one more poll. `sampleSize` is the respondents behind it (reported,
    /// not used in the variance).
    public init(day: CivilDay, pollster: String, share: Double, standardError: Double, sampleSize: Int) {
        self.day = day
        self.pollster = pollster
        self.share = share
        self.sampleSize = sampleSize
        samplingVariance = standardError * standardError
    }
}
