import Foundation
import SurveyCore

/// An average across pollsters with house effects (Jackman 2005, "Pooling the polls over an
/// election campaign", Australian Journal of Political Science 40(4)):
///
///     y_i = μ_{t_i} + δ_{j(i)} + ε_i,   ε_i ~ N(0, v_i + τ²),   v_i = deff_i · y_i(1 − y_i)/n_i
///     μ_t = μ_{t−1} + η_t,              η_t ~ N(0, σ²)
///
/// on every day t from the first poll's fieldwork midpoint to the last (extended to any anchor
/// outside them, or to a requested end), with a diffuse start and the house effects δ
/// identified by ``HouseEffectIdentification``.
///
/// With σ and τ² given the fit is exact: the posterior mean under the diffuse prior — which is
/// what the Kalman filter and Rauch–Tung–Striebel smoother give for this linear Gaussian model
/// — is the penalised least-squares solution of
///
///     min Σ_i (y_i − μ_{t_i} − h_iᵀθ)²/R_i + Σ_t (μ_t − μ_{t−1})²/σ²,   R_i = v_i + τ²,
///
/// solved here directly: the normal equations are tridiagonal in μ with a dense border for the
/// K house-effect parameters θ, so a tridiagonal L D Lᵀ with K + 1 right-hand sides and a K × K
/// Schur complement S solve them in O(T·K²); the standard errors are the diagonal of the
/// inverse (the tridiagonal part by two-sided pivots, Meurant 1992). The log-likelihood is the
/// diffuse likelihood of de Jong (1991), −½[(n − K − 1) log 2π + Σ log R_i + (T − 1) log σ² +
/// log det A + Q(û)], which the Kalman filter computes; σ and τ² not given are estimated by
/// maximising it (Nelder–Mead on log σ and log τ).
public enum PollAverage {
    /// The observations of `answer` to `question` in `polls` (polls that do not report the
    /// answer, or do not publish their sample size, are left out), followed by `also` — estimates
    /// from elsewhere, such as a survey's own waves, that enter as one more pollster.
    /// - Throws: ``SurveyCore/SurveyError`` when fewer than two polls report it.
    public static func observations(
        _ polls: [Poll], question: String, answer: String, also: [PollObservation] = []
    ) throws(SurveyError) -> [PollObservation] {
        let asked = polls.filter { $0.question == question }
        guard !asked.isEmpty || !also.isEmpty else {
            let questions = Array(Set(polls.map(\.question))).sorted()
            throw SurveyError(.invalidRequest, "No poll asked the question '\(question)'; the polls' questions are \(questions.joined(separator: ", ")).")
        }
        let out = asked.compactMap { poll -> PollObservation? in
            guard let y = poll.proportion(of: answer), let n = poll.sampleSize else { return nil }
            return PollObservation(day: poll.midpoint, pollster: poll.pollster, share: y, sampleSize: n, designEffect: poll.designEffect ?? 1)
        } + also
        guard out.count >= 2 else {
            let answers = Array(Set(asked.flatMap { $0.answers.map(\.answer) })).sorted()
            let unsized = unpublishedSize(asked, answer: answer)
            let why = unsized == 0 ? "" : " (\(unsized) more do not publish their sample size, which the average needs to weigh them)"
            throw SurveyError(.invalidRequest, "Only \(out.count) poll\(out.count == 1 ? "" : "s") of '\(question)' report\(out.count == 1 ? "s" : "") the answer '\(answer)' with a sample size\(why) (answers: \(answers.joined(separator: ", "))); an average needs at least two polls.")
        }
        return out
    }

    /// The population most of `polls` asked (the earliest poll's when tied); polls that do
    /// not state theirs count as asking it.
    static func mainPopulation(of polls: [Poll]) -> String? {
        var counts: [String: Int] = [:]
        for p in polls { if let q = p.population { counts[q, default: 0] += 1 } }
        var best: String?
        for q in polls.sorted(by: { $0.fieldStart < $1.fieldStart }).compactMap(\.population) where counts[q]! > (best.map { counts[$0]! } ?? 0) {
            best = q
        }
        return best
    }

    /// Fewer polls than this fix σ and τ² poorly by maximum likelihood, and the result says so.
    public static let fewPolls = 10

    /// How many of `polls` report `answer` but not their sample size.
    static func unpublishedSize(_ polls: [Poll], answer: String) -> Int {
        polls.filter { $0.sampleSize == nil && $0.proportion(of: answer) != nil }.count
    }

    /// The average of `observations` with σ and τ² given, or estimated by maximum likelihood
    /// when nil.
    /// - Parameter until: the last day of the average (default: the last poll's midpoint, or a
    ///   later anchor).
    /// - Throws: ``SurveyCore/SurveyError`` for a reference pollster without polls, an end
    ///   before the last poll or an anchor, a non-positive σ or negative τ².
    public static func fit(
        _ observations: [PollObservation], randomWalkSD: Double? = nil, extraVariance: Double? = nil,
        identification: HouseEffectIdentification = .sumToZero, until: CivilDay? = nil
    ) throws(SurveyError) -> PollAverageFit {
        let problem = try Problem(observations, identification: identification, until: until)
        if let sd = randomWalkSD, !(sd > 0 && sd.isFinite) {
            throw SurveyError(.invalidRequest, "The random-walk standard deviation \(sd) is not positive; give a daily change such as 0.002 (0.2 points a day), or leave it out to estimate it.")
        }
        if let tau2 = extraVariance, !(tau2 >= 0 && tau2.isFinite) {
            throw SurveyError(.invalidRequest, "The extra variance \(tau2) is negative; give 0 or more, or leave it out to estimate it.")
        }
        var sigma = randomWalkSD ?? 0.003
        var tau2 = extraVariance ?? 1e-4
        let estimated = randomWalkSD == nil || extraVariance == nil
        if estimated {
            // Maximise over log σ and log τ (τ² down to 1e-12, i.e. no extra variance).
            let minimizer = NelderMead(lower: [log(1e-6), log(1e-6)], upper: [log(0.5), log(0.5)])
            let start = [log(sigma), 0.5 * log(tau2)]
            let best = minimizer.minimize({ x in
                let s = randomWalkSD ?? exp(x[0])
                let t = extraVariance ?? exp(2 * x[1])
                return -((try? problem.solve(sigma: s, extraVariance: t).logLikelihood) ?? -.infinity)
            }, start: start, step: [1, 1])
            sigma = randomWalkSD ?? exp(best.point[0])
            tau2 = extraVariance ?? exp(2 * best.point[1])
        }
        let solution = try problem.solve(sigma: sigma, extraVariance: tau2)
        return PollAverageFit(
            days: (0..<problem.dayCount).map { problem.firstDay.adding($0) }, estimates: solution.mu, standardErrors: solution.muSE,
            pollsters: problem.pollsters, houseEffects: solution.delta, houseEffectStandardErrors: solution.deltaSE,
            randomWalkSD: sigma, extraVariance: tau2, estimated: estimated, logLikelihood: solution.logLikelihood,
            identification: identification, observations: observations)
    }

    /// The average of `question` in `polls` for each of `answers` (every answer the polls report
    /// when empty, in order of appearance), as one result: the rows of every answer and the
    /// model of each (`pollModels`). What `barometer polls average` and the API answer.
    /// - Parameters:
    ///   - also: estimates from elsewhere by answer (a survey's own waves), entering that
    ///     answer's average as one more pollster.
    ///   - population: the population whose polls are averaged (default: the one most polls
    ///     asked; polls of subgroups such as an age group are left out, with a warning). Polls
    ///     that state no population count as asking the one most polls asked.
    public static func result(
        _ polls: [Poll], question: String, answers: [String] = [], also: [String: [PollObservation]] = [:],
        randomWalkSD: Double? = nil, extraVariance: Double? = nil,
        identification: HouseEffectIdentification = .sumToZero, until: CivilDay? = nil, confidenceLevel: Double = 0.95,
        population: String? = nil
    ) throws(SurveyError) -> AnalysisResult {
        if let population, !polls.contains(where: { $0.question == question && $0.population == population }) {
            let stated = Array(Set(polls.filter { $0.question == question }.compactMap(\.population))).sorted()
            throw SurveyError(.invalidRequest, "No poll of '\(question)' asked the population '\(population)'; its polls asked \(stated.isEmpty ? "populations they do not state" : stated.map { "'\($0)'" }.joined(separator: ", ")).")
        }
        let asked = polls.filter { $0.question == question }
        let main = mainPopulation(of: asked)
        let population = population ?? main
        let polls = asked.filter { ($0.population ?? main) == population }
        let others = Set(asked.compactMap(\.population)).subtracting([population ?? ""]).sorted()
        var chosen = answers
        if chosen.isEmpty {
            for poll in polls where poll.question == question {
                for a in poll.answers where !chosen.contains(a.answer) { chosen.append(a.answer) }
            }
        }
        // With no answer found, "" makes `observations` say which answers the polls have.
        let first = chosen.first ?? ""
        func averaged(_ answer: String) throws(SurveyError) -> AnalysisResult {
            var result = try fit(try observations(polls, question: question, answer: answer, also: also[answer] ?? []), randomWalkSD: randomWalkSD,
                                 extraVariance: extraVariance, identification: identification, until: until)
                .result(question: question, answer: answer, confidenceLevel: confidenceLevel)
            let unsized = unpublishedSize(polls.filter { $0.question == question }, answer: answer)
            if unsized > 0 {
                result.warnings.append("\(unsized) poll\(unsized == 1 ? "" : "s") reporting '\(answer)' \(unsized == 1 ? "does" : "do") not publish a sample size and \(unsized == 1 ? "is" : "are") left out of the average.")
            }
            if let model = result.pollModels.first, model.estimated, model.polls < fewPolls {
                result.warnings.append("'\(answer)': the day-to-day change and the extra variance were estimated from only \(model.polls) polls, which fix them poorly (the band between polls may be far too wide or narrow); give the random walk's standard deviation when it is known from elsewhere.")
            }
            return result
        }
        var combined = try averaged(first)
        for i in combined.pollModels.indices { combined.pollModels[i].population = population }
        if !others.isEmpty {
            let left = asked.count - polls.count
            combined.warnings.append("\(left) poll\(left == 1 ? "" : "s") of other populations (\(others.joined(separator: "; "))) \(left == 1 ? "is" : "are") left out; this average is of \(population ?? "the population the polls do not state").")
        }
        for answer in chosen.dropFirst() {
            let next = try averaged(answer)
            combined.rows += next.rows
            combined.pollModels += next.pollModels.map { var m = $0; m.population = population; return m }
            combined.warnings += next.warnings
        }
        return combined
    }

    /// The diffuse log-likelihood of `observations` at σ and τ².
    public static func logLikelihood(
        _ observations: [PollObservation], randomWalkSD: Double, extraVariance: Double,
        identification: HouseEffectIdentification = .sumToZero
    ) throws(SurveyError) -> Double {
        try Problem(observations, identification: identification, until: nil).solve(sigma: randomWalkSD, extraVariance: extraVariance).logLikelihood
    }

    /// The data arranged for the normal equations.
    struct Problem {
        let observations: [PollObservation]
        let firstDay: CivilDay
        let dayCount: Int
        let pollsters: [String]
        /// Each observation's day index and pollster index.
        let dayIndex: [Int]
        let pollsterIndex: [Int]
        /// δ_j = rows[j] · θ; K = rows[0].count.
        let rows: [[Double]]
        /// Known values of μ by day index (anchors), in day order.
        let anchors: [(day: Int, share: Double)]

        init(_ observations: [PollObservation], identification: HouseEffectIdentification, until: CivilDay?) throws(SurveyError) {
            guard observations.count >= 2, let first = observations.map(\.day).min(), let last = observations.map(\.day).max() else {
                throw SurveyError(.invalidRequest, "An average needs at least two polls; this question has \(observations.count).")
            }
            if let until, until < last {
                throw SurveyError(.invalidRequest, "The average is asked to end on \(until), before the last poll (\(last)); give a later date, or leave the end out.")
            }
            let pollsters = Array(Set(observations.map(\.pollster))).sorted()
            if case .reference(let name) = identification, !pollsters.contains(name) {
                throw SurveyError(.invalidRequest, "The reference pollster '\(name)' has no poll of this question; choose one of \(pollsters.joined(separator: ", ")).")
            }
            // The days run from the first poll, or an earlier anchor, to the last poll, or a later
            // anchor or the requested end: the previous election, Jackman's anchor, comes before
            // every poll of the next campaign, and the next election may follow the last poll.
            var start = first, end = until ?? last
            var known: [HouseEffectIdentification.Anchor] = []
            if case .anchors(let list) = identification {
                guard !list.isEmpty else {
                    throw SurveyError(.invalidRequest, "Anchoring the average needs at least one known value; give DATE=PERCENT, e.g. 2022-03-20=38.")
                }
                known = list.sorted(by: { $0.day < $1.day })
                for (i, a) in known.enumerated() {
                    if let until, a.day > until {
                        throw SurveyError(.invalidRequest, "The anchor on \(a.day) lies after the end of the average (\(until)); give a later end date, or leave the end out.")
                    }
                    guard a.share >= 0, a.share <= 1 else {
                        throw SurveyError(.invalidRequest, "The anchor on \(a.day) is \(a.share * 100)%; a known share lies between 0 and 100%.")
                    }
                    guard i == 0 || known[i - 1].day != a.day else {
                        throw SurveyError(.invalidRequest, "Two anchors fall on \(a.day); give one known value per day.")
                    }
                    // An election just before or after a campaign anchors it; one farther from the
                    // polls than they span is a mistyped date, not a result the walk can carry.
                    let span = max(last.number - first.number, 30)
                    let distance = a.day < first ? first.number - a.day.number : a.day.number - last.number
                    if distance > span {
                        throw SurveyError(.invalidRequest, "The anchor on \(a.day) lies \(distance) days \(a.day < first ? "before the first" : "after the last") poll, farther from the polls than they span (\(first) to \(last)); check its date.")
                    }
                }
                start = min(start, known[0].day)
                if until == nil { end = max(end, known[known.count - 1].day) }
            }
            anchors = known.map { ($0.day.number - start.number, $0.share) }
            self.observations = observations
            firstDay = start
            dayCount = end.number - start.number + 1
            self.pollsters = pollsters
            let position = Dictionary(uniqueKeysWithValues: pollsters.enumerated().map { ($1, $0) })
            dayIndex = observations.map { $0.day.number - start.number }
            pollsterIndex = observations.map { position[$0.pollster]! }
            rows = identification.rows(pollsters: pollsters)
        }

        struct Solution {
            var mu: [Double]
            var muSE: [Double]
            var theta: [Double]
            var delta: [Double]
            var deltaSE: [Double]
            var logLikelihood: Double
        }

        func solve(sigma: Double, extraVariance tau2: Double) throws(SurveyError) -> Solution {
            let t = dayCount, k = rows[0].count, n = observations.count
            let walk = 1 / (sigma * sigma)
            var diagonal = [Double](repeating: 0, count: t)
            for d in 0..<(t - 1) {
                diagonal[d] += walk
                diagonal[d + 1] += walk
            }
            var bMu = [Double](repeating: 0, count: t)
            var border = [Double](repeating: 0, count: t * k)  // B, T × K
            var corner = [Double](repeating: 0, count: k * k)  // C, K × K
            var bTheta = [Double](repeating: 0, count: k)
            var variances = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let r = observations[i].samplingVariance + tau2
                variances[i] = r
                let w = 1 / r, y = observations[i].share, d = dayIndex[i], h = rows[pollsterIndex[i]]
                diagonal[d] += w
                bMu[d] += w * y
                for a in 0..<k where h[a] != 0 {
                    border[d * k + a] += w * h[a]
                    bTheta[a] += w * h[a] * y
                    for b in 0..<k where h[b] != 0 { corner[a * k + b] += w * h[a] * h[b] }
                }
            }
            // Anchored days are known: their rows become identity, their neighbours' couplings move
            // to the right-hand side, and polls on them inform only the house effects.
            var offDiagonal = [Double](repeating: -walk, count: t - 1)
            var known = [Double?](repeating: nil, count: t)
            for (d, a) in anchors {
                known[d] = a
                if d > 0 { bMu[d - 1] += walk * a; offDiagonal[d - 1] = 0 }
                if d < t - 1 { bMu[d + 1] += walk * a; offDiagonal[d] = 0 }
            }
            for i in 0..<n {
                let d = dayIndex[i]
                guard let a = known[d] else { continue }
                let w = 1 / variances[i], h = rows[pollsterIndex[i]]
                for c in 0..<k where h[c] != 0 {
                    border[d * k + c] = 0
                    bTheta[c] -= w * h[c] * a
                }
            }
            for (d, a) in anchors {
                diagonal[d] = 1
                bMu[d] = a
                for c in 0..<k { border[d * k + c] = 0 }
            }
            guard let tri = SymmetricTridiagonal(diagonal: diagonal, offDiagonal: offDiagonal) else {
                throw SurveyError(.invalidRequest, "The poll average cannot be computed with these polls (the system is singular); check that every pollster has a poll.")
            }
            let z = tri.solve(bMu)
            var w = [Double](repeating: 0, count: t * k)  // W = T⁻¹ B
            for a in 0..<k {
                let column = tri.solve((0..<t).map { border[$0 * k + a] })
                for d in 0..<t { w[d * k + a] = column[d] }
            }
            var schur = corner
            var rhs = bTheta
            for a in 0..<k {
                for d in 0..<t { rhs[a] -= border[d * k + a] * z[d] }
                for b in 0..<k {
                    var s = 0.0
                    for d in 0..<t { s += border[d * k + a] * w[d * k + b] }
                    schur[a * k + b] -= s
                }
            }
            var theta: [Double] = [], sInverse: [Double] = [], logDetS = 0.0
            if k > 0 {
                guard let chol = DenseCholesky(schur, n: k) else {
                    throw SurveyError(.invalidRequest, "The house effects cannot be separated from the average with these polls; check that the pollsters' polls overlap in time.")
                }
                theta = chol.solve(rhs)
                sInverse = chol.inverse()
                logDetS = chol.logDeterminant
            }
            var mu = z
            for d in 0..<t { for a in 0..<k { mu[d] -= w[d * k + a] * theta[a] } }
            let inverseDiagonal = tri.inverseDiagonal()
            var muSE = [Double](repeating: 0, count: t)
            for d in 0..<t where known[d] == nil {
                var q = 0.0
                for a in 0..<k { for b in 0..<k { q += w[d * k + a] * sInverse[a * k + b] * w[d * k + b] } }
                muSE[d] = (inverseDiagonal[d] + q).squareRoot()
            }
            let delta = rows.map { h in zip(h, theta).reduce(0) { $0 + $1.0 * $1.1 } }
            let deltaSE = rows.map { h -> Double in
                var v = 0.0
                for a in 0..<k { for b in 0..<k { v += h[a] * sInverse[a * k + b] * h[b] } }
                return v.squareRoot()
            }
            var quadratic = 0.0
            for i in 0..<n {
                let r = observations[i].share - mu[dayIndex[i]] - delta[pollsterIndex[i]]
                quadratic += r * r / variances[i]
            }
            for d in 1..<max(t, 1) { quadratic += (mu[d] - mu[d - 1]) * (mu[d] - mu[d - 1]) * walk }
            // Anchors: the likelihood of the polls given the known values, p(y, a)/p(a), where the
            // anchors' own density comes from the walk between them (the first is diffuse).
            // Their identity rows add nothing to log det A; without anchors μ's start is diffuse.
            let free = t - anchors.count
            var logLikelihood = -0.5 * (Double(n + t - 1 - free - k) * log(2 * Double.pi) + variances.reduce(0) { $0 + log($1) }
                + Double(t - 1) * log(sigma * sigma) + tri.logDeterminant + logDetS + quadratic)
            for (a, b) in zip(anchors, anchors.dropFirst()) {
                let v = sigma * sigma * Double(b.day - a.day)
                logLikelihood -= -0.5 * (log(2 * Double.pi * v) + (b.share - a.share) * (b.share - a.share) / v)
            }
            return Solution(mu: mu, muSE: muSE, theta: theta, delta: delta, deltaSE: deltaSE, logLikelihood: logLikelihood)
        }
    }
}
