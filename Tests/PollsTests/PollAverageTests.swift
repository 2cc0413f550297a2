import Foundation
@testable import Polls
import SurveyCore
import Testing

@Suite("Poll average with house effects")
struct PollAverageTests {
    /// The same model solved densely: the full normal equations A u = b of
    /// Σ (y − μ_t − h·θ)²/R + Σ (μ_t − μ_{t−1})²/σ², by Gaussian elimination with partial
    /// pivoting, and A⁻¹ column by column — nothing shared with the production solver.
    static func dense(_ problem: PollAverage.Problem, sigma: Double, tau2: Double) -> (mu: [Double], theta: [Double], variances: [Double]) {
        let t = problem.dayCount, k = problem.rows[0].count, full = t + k
        var a = [[Double]](repeating: [Double](repeating: 0, count: full), count: full)
        var b = [Double](repeating: 0, count: full)
        for d in 0..<(t - 1) {
            a[d][d] += 1 / (sigma * sigma); a[d + 1][d + 1] += 1 / (sigma * sigma)
            a[d][d + 1] -= 1 / (sigma * sigma); a[d + 1][d] -= 1 / (sigma * sigma)
        }
        for (i, o) in problem.observations.enumerated() {
            var x = [Double](repeating: 0, count: full)
            x[problem.dayIndex[i]] = 1
            for (j, h) in problem.rows[problem.pollsterIndex[i]].enumerated() { x[t + j] = h }
            let w = 1 / (o.samplingVariance + tau2)
            for r in 0..<full where x[r] != 0 {
                b[r] += w * x[r] * o.share
                for c in 0..<full where x[c] != 0 { a[r][c] += w * x[r] * x[c] }
            }
        }
        // Anchored days are known: move their columns to the right-hand side, drop their rows.
        let fixed = Dictionary(uniqueKeysWithValues: problem.anchors.map { ($0.day, $0.share) })
        let keep = (0..<full).filter { fixed[$0] == nil }
        b = keep.map { r in b[r] - fixed.reduce(0) { $0 + a[r][$1.key] * $1.value } }
        a = keep.map { r in keep.map { a[r][$0] } }
        let m = keep.count
        func solve(_ rhs: [Double]) -> [Double] {
            var m2 = a, v = rhs
            for col in 0..<m {
                let pivot = (col..<m).max { abs(m2[$0][col]) < abs(m2[$1][col]) }!
                m2.swapAt(col, pivot); v.swapAt(col, pivot)
                for r in (col + 1)..<m {
                    let f = m2[r][col] / m2[col][col]
                    if f == 0 { continue }
                    for c in col..<m { m2[r][c] -= f * m2[col][c] }
                    v[r] -= f * v[col]
                }
            }
            var x = [Double](repeating: 0, count: m)
            for r in stride(from: m - 1, through: 0, by: -1) {
                var s = v[r]
                for c in (r + 1)..<m { s -= m2[r][c] * x[c] }
                x[r] = s / m2[r][r]
            }
            return x
        }
        let reduced = solve(b)
        let reducedVariances = (0..<m).map { j -> Double in
            var e = [Double](repeating: 0, count: m)
            e[j] = 1
            return solve(e)[j]
        }
        var u = [Double](repeating: 0, count: full), variances = [Double](repeating: 0, count: full)
        for (position, index) in keep.enumerated() { u[index] = reduced[position]; variances[index] = reducedVariances[position] }
        for (day, share) in fixed { u[day] = share }
        return (Array(u[0..<t]), Array(u[t...]), variances)
    }

    @Test("with σ and τ² given, the fit equals the dense solution of the same model at 1e-9",
          arguments: [HouseEffectIdentification.sumToZero, .reference("B"),
                      .anchors([.init(day: CivilDay("2022-01-11")!, share: 0.41), .init(day: CivilDay("2022-02-05")!, share: 0.38)])])
    func exactAgainstDense(_ identification: HouseEffectIdentification) throws {
        var sim = SimulatedPolls(seed: 7)
        let (observations, _) = sim.polls(count: 14, days: 40, houses: ["A": 0.03, "B": -0.01, "C": -0.02])
        let (sigma, tau2) = (0.004, 0.0002)
        let fit = try PollAverage.fit(observations, randomWalkSD: sigma, extraVariance: tau2, identification: identification)
        let problem = try PollAverage.Problem(observations, identification: identification, until: nil)
        let dense = Self.dense(problem, sigma: sigma, tau2: tau2)
        #expect(fit.days.count == problem.dayCount && fit.estimated == false)
        for d in 0..<problem.dayCount {
            #expect(agrees(fit.estimates[d], dense.mu[d]), "μ on day \(d)")
            #expect(agrees(fit.standardErrors[d], dense.variances[d].squareRoot()), "SE on day \(d)")
        }
        let delta = problem.rows.map { zip($0, dense.theta).reduce(0) { $0 + $1.0 * $1.1 } }
        for j in problem.pollsters.indices { #expect(agrees(fit.houseEffects[j], delta[j], floor: 1e-2), "δ of \(problem.pollsters[j])") }
        if identification == .sumToZero {
            #expect(abs(fit.houseEffects.reduce(0, +)) < 1e-15)
        } else if case .anchors = identification {
            let d1 = fit.days.firstIndex(of: CivilDay("2022-01-11")!)!, d2 = fit.days.firstIndex(of: CivilDay("2022-02-05")!)!
            #expect(fit.estimates[d1] == 0.41 && fit.standardErrors[d1] == 0 && fit.estimates[d2] == 0.38)
            #expect(fit.houseEffectStandardErrors.allSatisfy { $0 > 0 })
        } else {
            #expect(fit.houseEffects[fit.pollsters.firstIndex(of: "B")!] == 0 && fit.houseEffectStandardErrors[1] == 0)
        }
    }

    /// The restricted (REML) log-likelihood of the same model written as a linear mixed model,
    /// y ~ N(Xβ, V): β = (μ_0, θ) with a flat prior, V = σ² Z Zᵀ + diag(R) where Z_{i,s} = 1
    /// when increment s (1 ≤ s ≤ t_i) lies before poll i. It equals de Jong's diffuse
    /// likelihood up to a constant (½ log det XᵀX), so differences between parameter values agree.
    static func restrictedLogLikelihood(_ problem: PollAverage.Problem, sigma: Double, tau2: Double) -> Double {
        let n = problem.observations.count, k = problem.rows[0].count, p = k + 1
        var v = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n { v[i][j] = sigma * sigma * Double(min(problem.dayIndex[i], problem.dayIndex[j])) }
            v[i][i] += problem.observations[i].samplingVariance + tau2
        }
        let x = (0..<n).map { [1.0] + problem.rows[problem.pollsterIndex[$0]] }
        let y = problem.observations.map(\.share)
        // Cholesky of V.
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in 0...i {
            var s = v[i][j]
            for q in 0..<j { s -= l[i][q] * l[j][q] }
            l[i][j] = i == j ? s.squareRoot() : s / l[j][j]
        } }
        func whiten(_ b: [Double]) -> [Double] {
            var z = b
            for i in 0..<n { for q in 0..<i { z[i] -= l[i][q] * z[q] }; z[i] /= l[i][i] }
            return z
        }
        let logDetV = (0..<n).reduce(0) { $0 + 2 * log(l[$1][$1]) }
        let wy = whiten(y)
        let wx = (0..<p).map { c in whiten(x.map { $0[c] }) }
        var xtx = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var xty = [Double](repeating: 0, count: p)
        for a in 0..<p {
            xty[a] = zip(wx[a], wy).reduce(0) { $0 + $1.0 * $1.1 }
            for b in 0..<p { xtx[a][b] = zip(wx[a], wx[b]).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        var c = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for i in 0..<p { for j in 0...i {
            var s = xtx[i][j]
            for q in 0..<j { s -= c[i][q] * c[j][q] }
            c[i][j] = i == j ? s.squareRoot() : s / c[j][j]
        } }
        var beta = xty
        for i in 0..<p { for q in 0..<i { beta[i] -= c[i][q] * beta[q] }; beta[i] /= c[i][i] }
        for i in stride(from: p - 1, through: 0, by: -1) { for q in (i + 1)..<p { beta[i] -= c[q][i] * beta[q] }; beta[i] /= c[i][i] }
        let logDetXtX = (0..<p).reduce(0) { $0 + 2 * log(c[$1][$1]) }
        let residual = (0..<n).map { i in wy[i] - (0..<p).reduce(0) { $0 + wx[$1][i] * beta[$1] } }
        let quadratic = residual.reduce(0) { $0 + $1 * $1 }
        return -0.5 * (Double(n - p) * log(2 * Double.pi) + logDetV + logDetXtX + quadratic)
    }

    @Test("the log-likelihood changes with σ and τ² exactly as the restricted likelihood computed directly")
    func likelihoodAgainstDirect() throws {
        var sim = SimulatedPolls(seed: 11)
        let (observations, _) = sim.polls(count: 18, days: 60, houses: ["A": 0.02, "B": -0.02, "C": 0])
        let problem = try PollAverage.Problem(observations, identification: .sumToZero, until: nil)
        let settings = [(0.002, 0.0), (0.004, 1e-4), (0.01, 4e-4), (0.001, 2e-3)]
        let ours = try settings.map { try PollAverage.logLikelihood(observations, randomWalkSD: $0.0, extraVariance: $0.1) }
        let direct = settings.map { Self.restrictedLogLikelihood(problem, sigma: $0.0, tau2: $0.1) }
        for i in 1..<settings.count {
            #expect(agrees(ours[i] - ours[0], direct[i] - direct[0], 1e-8, floor: 1), "\(settings[i]): \(ours[i] - ours[0]) vs \(direct[i] - direct[0])")
        }
    }

    @Test("σ and τ² by maximum likelihood: no nearby value is more likely; known house effects recovered within their SEs")
    func maximumLikelihoodAndRecovery() throws {
        var sim = SimulatedPolls(seed: 2005)
        let houses = ["Alpha": 0.03, "Beta": -0.01, "Gamma": -0.02]
        let (observations, truth) = sim.polls(count: 150, days: 300, sigma: 0.003, houses: houses)
        let fit = try PollAverage.fit(observations)
        #expect(fit.estimated)
        for (ds, dt) in [(1.1, 1.0), (0.9, 1.0), (1.0, 1.5), (1.0, 0.5)] {
            let other = try PollAverage.logLikelihood(observations, randomWalkSD: fit.randomWalkSD * ds, extraVariance: max(fit.extraVariance, 1e-8) * dt)
            #expect(other <= fit.logLikelihood + 1e-7, "σ×\(ds), τ²×\(dt)")
        }
        #expect(fit.randomWalkSD > 0.001 && fit.randomWalkSD < 0.008, "σ = \(fit.randomWalkSD)")
        for (j, name) in fit.pollsters.enumerated() {
            #expect(abs(fit.houseEffects[j] - houses[name]!) < 3 * fit.houseEffectStandardErrors[j], "\(name): \(fit.houseEffects[j]) ± \(fit.houseEffectStandardErrors[j])")
        }
        // The average follows the truth: within a point and a half on average, and inside the 95%
        // band on most days (days of one trajectory are strongly dependent, so the share of
        // days covered varies a lot from one simulated campaign to another).
        let error = fit.days.indices.reduce(0) { $0 + abs(fit.estimates[$1] - truth[$1]) } / Double(fit.days.count)
        #expect(error < 0.015, "mean absolute error \(error)")
        let inside = fit.days.indices.filter { abs(fit.estimates[$0] - truth[$0]) < 1.96 * fit.standardErrors[$0] }.count
        #expect(Double(inside) / Double(fit.days.count) > 0.6, "\(inside) of \(fit.days.count)")
        // Deterministic: the same polls give the same fit, bit for bit.
        #expect(try PollAverage.fit(observations) == fit)
    }

    @Test("anchored to the truth, the house effects themselves are recovered (not only their differences)")
    func anchorsRecoverHouseEffects() throws {
        var sim = SimulatedPolls(seed: 2009)
        let houses = ["Alpha": 0.04, "Beta": 0.01, "Gamma": 0.02]
        let (observations, truth) = sim.polls(count: 150, days: 300, sigma: 0.003, houses: houses)
        let first = CivilDay("2022-01-01")!
        let anchors = [HouseEffectIdentification.Anchor(day: first.adding(5), share: truth[5]),
                       .init(day: first.adding(290), share: truth[290])]
        let fit = try PollAverage.fit(observations, identification: .anchors(anchors))
        for (j, name) in fit.pollsters.enumerated() {
            #expect(abs(fit.houseEffects[j] - houses[name]!) < 3 * fit.houseEffectStandardErrors[j], "\(name): \(fit.houseEffects[j]) ± \(fit.houseEffectStandardErrors[j])")
        }
        #expect(fit.houseEffects.allSatisfy { $0 > 0 })
        #expect(throws: SurveyError.self) {
            try PollAverage.fit(observations, identification: .anchors([.init(day: CivilDay("2030-01-01")!, share: 0.4)]), until: CivilDay("2023-01-01"))
        }
    }

    @Test("anchors before the first poll and after the last extend the average to their days (the elections around a campaign)")
    func anchorsOutsideThePolls() throws {
        var sim = SimulatedPolls(seed: 2004)
        let (all, truth) = sim.polls(count: 60, days: 100, sigma: 0.003, houses: ["Alpha": 0.03, "Beta": -0.01, "Gamma": 0.01])
        let first = CivilDay("2022-01-01")!
        let observations = all.filter { $0.day >= first.adding(20) && $0.day <= first.adding(80) }
        let anchors = [HouseEffectIdentification.Anchor(day: first.adding(5), share: truth[5]),
                       .init(day: first.adding(95), share: truth[95])]
        let (sigma, tau2) = (0.003, 0.0001)
        let fit = try PollAverage.fit(observations, randomWalkSD: sigma, extraVariance: tau2, identification: .anchors(anchors))
        #expect(fit.days.first == first.adding(5) && fit.days.last == first.adding(95) && fit.days.count == 91)
        #expect(fit.estimates.first == truth[5] && fit.estimates.last == truth[95] && fit.standardErrors.first == 0)
        // The same problem solved densely: the days before the first poll and after the last are
        // ordinary days of the walk, pinned at their ends.
        let problem = try PollAverage.Problem(observations, identification: .anchors(anchors), until: nil)
        let dense = Self.dense(problem, sigma: sigma, tau2: tau2)
        for d in fit.days.indices {
            #expect(agrees(fit.estimates[d], dense.mu[d]), "μ on day \(d)")
            #expect(agrees(fit.standardErrors[d], dense.variances[d].squareRoot()), "SE on day \(d)")
        }
        for j in fit.pollsters.indices { #expect(agrees(fit.houseEffects[j], dense.theta[j], floor: 1e-2)) }
        // Without an end the average runs to the last anchor; an end before it is a contradiction.
        #expect(throws: SurveyError.self) { try PollAverage.fit(observations, identification: .anchors(anchors), until: first.adding(90)) }
        let until = try PollAverage.fit(observations, randomWalkSD: sigma, extraVariance: tau2, identification: .anchors(anchors), until: first.adding(99))
        #expect(until.days.last == first.adding(99))
    }

    @Test("bad requests are one sentence")
    func badRequests() throws {
        var sim = SimulatedPolls(seed: 3)
        let (observations, _) = sim.polls(count: 6, days: 20, houses: ["A": 0, "B": 0])
        #expect(throws: SurveyError.self) { try PollAverage.fit(observations, identification: .reference("Nobody")) }
        do {
            _ = try PollAverage.fit(observations, identification: .reference("Nobody"))
        } catch {
            #expect(error.message == "The reference pollster 'Nobody' has no poll of this question; choose one of A, B.")
        }
        #expect(throws: SurveyError.self) { try PollAverage.fit(Array(observations.prefix(1))) }
        #expect(throws: SurveyError.self) { try PollAverage.fit(observations, until: CivilDay("2021-01-01")) }
        #expect(throws: SurveyError.self) { try PollAverage.fit(observations, randomWalkSD: 0, extraVariance: 0) }
    }

    @Test("days are counted in the calendar, and a poll sits on its fieldwork midpoint")
    func calendar() {
        #expect(CivilDay("1970-01-01")?.number == 0)
        #expect(CivilDay("2024-02-29")?.description == "2024-02-29")
        #expect(CivilDay("2023-02-29") == nil && CivilDay("2022-13-01") == nil && CivilDay("22-01-01") == nil)
        #expect(CivilDay("2022-03-01")!.number - CivilDay("2022-02-01")!.number == 28)
        let poll = Poll(pollster: "Demoscope", fieldStart: CivilDay("2022-03-04")!, fieldEnd: CivilDay("2022-03-09")!, sampleSize: 1_100,
                        question: "war", answers: [.init("Russia", share: 39)])
        #expect(poll.midpoint.description == "2022-03-06")
    }

    @Test("a poll's mistakes name the poll and the field")
    func validation() {
        let good = Poll(pollster: "Demoscope", fieldStart: CivilDay("2022-03-04")!, fieldEnd: CivilDay("2022-03-09")!, sampleSize: 1_100,
                        marginOfError: 3, question: "war", answers: [.init("Russia", share: 39), .init("Ukraine", share: 10), .init("Neutral", share: 46),
                                                                     .init("Don't know", share: 5)], exhaustive: true)
        #expect(throws: Never.self) { try PollValidator.check(good, what: "row 2") }
        func message(_ change: (inout Poll) -> Void) -> String {
            var poll = good
            change(&poll)
            do { try PollValidator.check(poll, what: "row 2"); return "" } catch { return error.message }
        }
        #expect(message { $0.fieldEnd = CivilDay("2022-03-01")! } == "row 2: the fieldwork ends (2022-03-01) before it starts (2022-03-04); check field_start and field_end.")
        #expect(message { $0.sampleSize = 0 }.contains("sample size is 0"))
        #expect(message { $0.answers[0].share = 139 }.contains("the share of 'Russia' is 139.0"))
        #expect(message { $0.answers[0].share = 29 }.contains("sum to 90"))
        #expect(message { $0.marginOfError = 0.5 }.contains("±0.5 points does not fit a sample of 1100"))
    }
}
