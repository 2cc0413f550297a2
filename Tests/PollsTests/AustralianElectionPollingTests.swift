import Foundation
@testable import Polls
import SurveyCore
import Testing

/// A published answer: Jackman (2009, *Bayesian Analysis for the Social Sciences*, Example 9.3)
/// pools the 239 Australian polls of the ALP's first-preference vote between the elections of
/// 9 October 2004 and 24 November 2007, as R's pscl package ships them
/// (`AustralianElectionPolling`), anchored to the ALP's results at both elections
/// (`AustralianElections`: 37.64% and 43.38%). `conformance/australian-polls.R` exports the
/// polls and computes the same model in covariance form (the walk between the elections is a
/// Brownian bridge, the house effects generalised least squares): the fixtures are its output,
/// and no test runs R.
@Suite("Jackman's Australian polls, 2004–2007 (pscl)")
struct AustralianElectionPollingTests {
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    /// Jackman's posterior means and 95% credible intervals of the house effects, in percentage
    /// points (Jackman 2009, Example 9.3, as tabulated in P. Ellis, "State-space modelling of the
    /// Australian 2007 federal election", 2017). Pollsters in Barometer's (name) order.
    static let published: [(pollster: String, mean: Double, lower: Double, upper: Double)] = [
        ("Galaxy", -1.2, -3.1, 0.6), ("Morgan, F2F", 2.7, 1.0, 4.3), ("Morgan, Phone", 0.8, -1.0, 2.3),
        ("Newspoll", 1.2, -0.5, 2.8), ("Nielsen", 0.9, -0.8, 2.5),
    ]

    /// The polls as the average sees them: each on its fieldwork midpoint
    /// (start + ⌊(end − start)/2⌋), its sample size rounded to a whole respondent (four Morgan
    /// face-to-face polls carry pscl's imputed 1450.543), the ALP share as a proportion.
    static func observations() throws -> [PollObservation] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("australian-election-polling.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "\"org\",\"startDate\",\"endDate\",\"sampleSize\",\"ALP\"")
        return try lines.dropFirst().map { line in
            let f = fields(line)
            guard f.count == 5, let start = CivilDay(f[1]), let end = CivilDay(f[2]), let n = Double(f[3]), let alp = Double(f[4]) else {
                throw SurveyError(.invalidRequest, "bad fixture line \(line)")
            }
            return PollObservation(day: start.adding((end.number - start.number) / 2), pollster: f[0], share: alp / 100,
                                   sampleSize: Int(n.rounded()))
        }
    }

    /// The fields of one line of R's `write.csv` (strings quoted, no quotes inside them).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { out.append(field); field = "" } else { field.append(c) }
        }
        return out + [field]
    }

    static func golden() throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("australian-election-polling-golden.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The two elections, as R read them from pscl.
    static func anchors(_ golden: [String: Any]) throws -> [HouseEffectIdentification.Anchor] {
        let list = try #require(golden["anchors"] as? [[String: Any]])
        return try list.map { a in
            let day = try #require(a["day"] as? String)
            return HouseEffectIdentification.Anchor(day: try #require(CivilDay(day)), share: try #require(a["share"] as? Double))
        }
    }

    @Test("the data are pscl's: 239 polls by five houses, anchored to the ALP's 37.64% (2004) and 43.38% (2007)")
    func data() throws {
        let polls = try Self.observations()
        #expect(polls.count == 239)
        #expect(Set(polls.map(\.pollster)) == Set(Self.published.map(\.pollster)))
        let anchors = try Self.anchors(try Self.golden())
        #expect(anchors == [.init(day: CivilDay("2004-10-09")!, share: 0.3764), .init(day: CivilDay("2007-11-24")!, share: 0.4338)])
        // Every poll lies strictly between the elections: the anchors extend the average.
        #expect(polls.allSatisfy { $0.day > anchors[0].day && $0.day < anchors[1].day })
    }

    @Test("with σ and τ² given, the anchored average equals R's covariance-form solution: 1e-9 for estimates, 1e-6 for SEs",
          arguments: [0, 1])
    func exactAgainstR(_ setting: Int) throws {
        let golden = try Self.golden()
        let expected = try #require((golden["exact"] as? [[String: Any]])?[setting])
        let sigma = try #require(expected["sigma"] as? Double), tau2 = try #require(expected["tau2"] as? Double)
        let fit = try PollAverage.fit(try Self.observations(), randomWalkSD: sigma, extraVariance: tau2,
                                      identification: .anchors(try Self.anchors(golden)))
        let mu = try #require(expected["estimates"] as? [Double]), se = try #require(expected["standardErrors"] as? [Double])
        #expect(fit.days.first?.description == golden["firstDay"] as? String && fit.days.last?.description == golden["lastDay"] as? String)
        try #require(fit.days.count == mu.count && mu.count == 1_142)
        for d in fit.days.indices {
            #expect(agrees(fit.estimates[d], mu[d]), "μ on \(fit.days[d]): \(fit.estimates[d]) vs R \(mu[d])")
            #expect(agrees(fit.standardErrors[d], se[d], 1e-6), "SE on \(fit.days[d]): \(fit.standardErrors[d]) vs R \(se[d])")
        }
        let delta = try #require(expected["houseEffects"] as? [String: Double])
        let deltaSE = try #require(expected["houseEffectStandardErrors"] as? [String: Double])
        for (j, name) in fit.pollsters.enumerated() {
            #expect(agrees(fit.houseEffects[j], try #require(delta[name]), floor: 1e-2), "δ of \(name)")
            #expect(agrees(fit.houseEffectStandardErrors[j], try #require(deltaSE[name]), 1e-6), "SE of δ of \(name)")
        }
        // The likelihood the hyperparameters are estimated by: log p(polls | elections), house
        // effects integrated over a flat prior — the same number, computed another way.
        let logLikelihood = try #require(expected["logLikelihood"] as? Double)
        #expect(agrees(fit.logLikelihood, logLikelihood, floor: 1), "log-likelihood \(fit.logLikelihood) vs R \(logLikelihood)")
    }

    @Test("σ and τ² by maximum likelihood agree with R's optimisers on the same likelihood")
    func maximumLikelihoodAgainstR() throws {
        let golden = try Self.golden()
        let polls = try Self.observations(), anchors = try Self.anchors(golden)
        for (key, extraVariance) in [("maximumLikelihood", nil), ("maximumLikelihoodWithoutExtraVariance", 0.0)] as [(String, Double?)] {
            let r = try #require(golden[key] as? [String: Any])
            let fit = try PollAverage.fit(polls, extraVariance: extraVariance, identification: .anchors(anchors))
            let rLogLikelihood = try #require(r["logLikelihood"] as? Double)
            // Both climb the same surface: ours is as high as R's, and the optimum is the same to
            // the optimisers' precision.
            #expect(fit.logLikelihood >= rLogLikelihood - 1e-6, "\(key): \(fit.logLikelihood) vs R \(rLogLikelihood)")
            #expect(agrees(fit.randomWalkSD, try #require(r["sigma"] as? Double), 1e-3), "\(key): σ \(fit.randomWalkSD)")
            #expect(agrees(fit.extraVariance, try #require(r["tau2"] as? Double), 1e-2, floor: 1e-6), "\(key): τ² \(fit.extraVariance)")
            let delta = try #require(r["houseEffects"] as? [String: Double])
            for (j, name) in fit.pollsters.enumerated() {
                #expect(abs(fit.houseEffects[j] - (try #require(delta[name]))) < 1e-4, "\(key): δ of \(name)")
            }
        }
    }

    /// Each house effect minus the mean of the five: what the polls alone identify, whatever
    /// level the anchors give them.
    static func contrasts(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.map { $0 - mean }
    }

    @Test("Jackman's model (no extra variance, σ estimated): every house effect within half a point of his, in his order")
    func jackmanHouseEffects() throws {
        let golden = try Self.golden()
        let fit = try PollAverage.fit(try Self.observations(), extraVariance: 0, identification: .anchors(try Self.anchors(golden)))
        try #require(fit.pollsters == Self.published.map(\.pollster))
        let ours = fit.houseEffects.map { $0 * 100 }, theirs = Self.published.map(\.mean)
        // The published means are rounded to 0.1. Ours lie 0.17–0.43 points above his: a common
        // shift of the level, which the two anchors fix only through the walk to the first and
        // last polls (0.4 of a standard error), while the differences between pollsters — the
        // polls' own information — agree within 0.14 points.
        for j in ours.indices {
            #expect(abs(ours[j] - theirs[j]) <= 0.5, "\(fit.pollsters[j]): \(ours[j]) vs Jackman \(theirs[j])")
        }
        for (a, b) in zip(Self.contrasts(ours), Self.contrasts(theirs)) { #expect(abs(a - b) <= 0.15, "contrast \(a) vs Jackman \(b)") }
        // His 95% intervals, read as ±1.96 posterior SDs, have the width of our standard errors.
        for (j, p) in Self.published.enumerated() {
            let sd = (p.upper - p.lower) / (2 * 1.96)
            #expect(abs(fit.houseEffectStandardErrors[j] * 100 - sd) <= 0.1, "\(p.pollster): SE \(fit.houseEffectStandardErrors[j] * 100) vs \(sd)")
        }
        #expect(fit.pollsters.indices.sorted { ours[$0] > ours[$1] } == fit.pollsters.indices.sorted { theirs[$0] > theirs[$1] })
    }

    @Test("with τ² estimated too: the same signs and order as Jackman, every house effect inside his 95% interval")
    func jackmanHouseEffectsWithExtraVariance() throws {
        let golden = try Self.golden()
        let fit = try PollAverage.fit(try Self.observations(), identification: .anchors(try Self.anchors(golden)))
        #expect(fit.estimated && fit.extraVariance > 0)
        let ours = fit.houseEffects.map { $0 * 100 }
        for (j, p) in Self.published.enumerated() {
            #expect(fit.pollsters[j] == p.pollster)
            #expect(ours[j] >= p.lower && ours[j] <= p.upper, "\(p.pollster): \(ours[j]) outside Jackman's [\(p.lower), \(p.upper)]")
            #expect((ours[j] < 0) == (p.mean < 0), "\(p.pollster): sign")
        }
        let theirs = Self.published.map(\.mean)
        #expect(fit.pollsters.indices.sorted { ours[$0] > ours[$1] } == fit.pollsters.indices.sorted { theirs[$0] > theirs[$1] })
        // Morgan's face-to-face polls lean furthest to Labor, Galaxy's away from it (Jackman: "the
        // largest effect is for the face-to-face polls conducted by Morgan").
        #expect(fit.pollsters[ours.indices.max { ours[$0] < ours[$1] }!] == "Morgan, F2F")
        #expect(fit.pollsters[ours.indices.min { ours[$0] < ours[$1] }!] == "Galaxy")
    }
}
