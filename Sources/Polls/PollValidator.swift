import Foundation
import SurveyCore

/// Checks a poll for what makes it checkable and consistent: fieldwork dates in order, a
/// sample size, shares between 0 and 100 that sum to about 100 when the answers are
/// exhaustive, a stated margin of error that a sample of that size can have, a positive design
/// effect. Each problem is one sentence naming the poll (`what`: "row 12", or the poll) and the field.
public enum PollValidator {
    /// How far the shares of exhaustive answers may be from 100 (rounding of published figures).
    public static let shareSumTolerance = 2.0

    /// - Throws: ``SurveyCore/SurveyError`` (`.invalidData`) for the first problem found.
    public static func check(_ poll: Poll, what: String) throws(SurveyError) {
        if poll.fieldEnd < poll.fieldStart {
            throw SurveyError(.invalidData, "\(what): the fieldwork ends (\(poll.fieldEnd)) before it starts (\(poll.fieldStart)); check field_start and field_end.")
        }
        if let n = poll.sampleSize, n <= 0 {
            throw SurveyError(.invalidData, "\(what): the sample size is \(n); give the number of respondents (sample_size), as published, or `unpublished` when the source does not give it.")
        }
        if poll.pollster.trimmingCharacters(in: .whitespaces).isEmpty {
            throw SurveyError(.invalidData, "\(what): the poll names no pollster; fill in pollster.")
        }
        guard !poll.answers.isEmpty else {
            throw SurveyError(.invalidData, "\(what): the poll has no answers; give each answer with its share.")
        }
        var seen = Set<String>()
        for a in poll.answers {
            guard seen.insert(a.answer).inserted else {
                throw SurveyError(.invalidData, "\(what): the answer '\(a.answer)' is given twice; give each answer once.")
            }
            guard a.share >= 0, a.share <= 100, a.share.isFinite else {
                throw SurveyError(.invalidData, "\(what): the share of '\(a.answer)' is \(a.share); shares are percentages from 0 to 100, as published.")
            }
        }
        if poll.exhaustive {
            let sum = poll.answers.reduce(0) { $0 + $1.share }
            if abs(sum - 100) > shareSumTolerance {
                throw SurveyError(.invalidData, "\(what): the shares of its answers sum to \(format(sum)), but the answers are marked as covering everyone (about 100); correct a share, or mark the answers as not exhaustive.")
            }
        }
        if let deff = poll.designEffect, !(deff > 0 && deff.isFinite) {
            throw SurveyError(.invalidData, "\(what): the design effect is \(format(deff)); give a positive number (1 for a simple random sample), or leave it out.")
        }
        if let moe = poll.marginOfError, let n = poll.sampleSize {
            // The largest 95% margin of a simple random sample of n, in points: 1.96·√(0.25/n)·100.
            let srs = 1.96 * (0.25 / Double(n)).squareRoot() * 100
            let deff = poll.designEffect ?? 1
            if moe < 0.9 * srs || moe > 3 * srs * deff.squareRoot() {
                throw SurveyError(.invalidData, "\(what): a margin of error of ±\(format(moe)) points does not fit a sample of \(n) (a simple random sample has ±\(format(srs))); check margin_of_error and sample_size.")
            }
        }
    }

    static func format(_ x: Double) -> String { String(format: "%.3g", x) }
}
