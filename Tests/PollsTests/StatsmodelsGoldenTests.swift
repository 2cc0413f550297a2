import Foundation
@testable import Polls
import SurveyCore
import Testing

/// The average against an independent implementation of the same model: statsmodels' Kalman
/// filter and smoother with an exact diffuse start (`bench/polls_statsmodels.py`), on 240
/// simulated polls by four pollsters over 700 days with house effects relative to pollster A.
/// `conformance/statsmodels-polls.py` wrote the fixtures; no test runs Python.
@Suite("The poll average against statsmodels' Kalman filter")
struct StatsmodelsGoldenTests {
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func observations() throws -> [PollObservation] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("simulated-polls.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "pollster,field_start,field_end,sample_size,share")
        return try lines.dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            guard f.count == 5, let start = CivilDay(f[1]), let end = CivilDay(f[2]), let n = Int(f[3]), let share = Double(f[4]) else {
                throw SurveyError(.invalidRequest, "bad fixture line \(line)")
            }
            return PollObservation(day: start.adding((end.number - start.number) / 2), pollster: f[0], share: share / 100, sampleSize: n)
        }
    }

    static func golden() throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("simulated-polls-golden.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func numbers(_ object: Any?) throws -> [String: Double] {
        try #require(object as? [String: Double])
    }

    @Test("σ and τ² fixed: the smoothed share on every poll's day, the house effects and their SEs are statsmodels'")
    func fixed() throws {
        let golden = try #require(try Self.golden()["fixed"] as? [String: Any])
        let sigma = try #require(golden["sigma"] as? Double), tau2 = try #require(golden["tau2"] as? Double)
        let fit = try PollAverage.fit(try Self.observations(), randomWalkSD: sigma, extraVariance: tau2, identification: .reference("A"))
        let share = try Self.numbers(golden["share"]), shareSE = try Self.numbers(golden["shareSE"])
        #expect(share.count == 202)
        for (day, expected) in share {
            let d = try #require(CivilDay(day)).number - fit.days[0].number
            #expect(agrees(fit.estimates[d], expected, 1e-9), "\(day): \(fit.estimates[d]) vs \(expected)")
            #expect(agrees(fit.standardErrors[d], try #require(shareSE[day]), 1e-6), "\(day) SE")
        }
        let houses = try Self.numbers(golden["houseEffects"]), houseSE = try Self.numbers(golden["houseEffectSE"])
        for (pollster, expected) in houses {
            let j = try #require(fit.pollsters.firstIndex(of: pollster))
            #expect(agrees(fit.houseEffects[j], expected, 1e-9), "\(pollster)")
            #expect(agrees(fit.houseEffectStandardErrors[j], try #require(houseSE[pollster]), 1e-6), "\(pollster) SE")
        }
        // The likelihoods differ by ½·log 2π per diffuse state, which statsmodels leaves out.
        let diffuse = Double(try #require(golden["diffuseStates"] as? Int))
        let theirs = try #require(golden["logLikelihood"] as? Double)
        #expect(agrees(fit.logLikelihood, theirs + diffuse * 0.5 * log(2 * Double.pi), 1e-9))
    }

    @Test("σ and τ² by maximum likelihood: the same optimum as statsmodels, within the optimisers' tolerance")
    func maximumLikelihood() throws {
        let golden = try #require(try Self.golden()["maximumLikelihood"] as? [String: Any])
        let fit = try PollAverage.fit(try Self.observations(), identification: .reference("A"))
        #expect(agrees(fit.randomWalkSD, try #require(golden["sigma"] as? Double), 1e-3))
        #expect(agrees(fit.extraVariance, try #require(golden["tau2"] as? Double), 1e-2))
        for (pollster, expected) in try Self.numbers(golden["houseEffects"]) {
            let j = try #require(fit.pollsters.firstIndex(of: pollster))
            #expect(agrees(fit.houseEffects[j], expected, 1e-5, floor: 1), "\(pollster): \(fit.houseEffects[j]) vs \(expected)")
        }
    }
}
