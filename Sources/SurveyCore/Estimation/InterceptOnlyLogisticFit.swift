import Foundation

/// R's `glm.fit` for `y ~ 1` with a binomial family and prior weights w/w̄, replayed exactly:
/// iteratively reweighted least squares from R's starting values μ₀ = (w y + ½)/(w + 1),
/// stopping when |D − D_old|/(|D| + 0.1) < 10⁻⁸ (McCullagh & Nelder 1989, §2.5).
///
/// The profile-likelihood interval needs the fit's *naive* variance of the intercept, which R
/// reads from the working weights of the last iteration — evaluated at the previous iterate,
/// not at the converged p̂. Replaying the iterations gives that value to the last digit.
struct InterceptOnlyLogisticFit {
    /// Sums over respondents at R's starting values: Σwμ₀(1−μ₀), Σwμ₀(1−μ₀)z₀ with the working
    /// response z₀, and the deviance at μ₀ — everything the first iteration needs.
    struct StartSums: Sendable {
        var weight = 0.0
        var weightedResponse = 0.0
        var deviance = 0.0

        mutating func add(_ other: StartSums, sign: Double = 1) {
            weight += sign * other.weight
            weightedResponse += sign * other.weightedResponse
            deviance += sign * other.deviance
        }

        /// The terms of one respondent with rescaled weight `w` and response `y` (0 or 1).
        static func respondent(weight w: Double, response y: Double) -> StartSums {
            let mu = (w * y + 0.5) / (w + 1)
            let eta = log(mu / (1 - mu))
            let v = mu * (1 - mu)
            let z = eta + (y - mu) / v
            let deviance = 2 * w * (y == 1 ? -log(mu) : -log(1 - mu))
            return StartSums(weight: w * v, weightedResponse: w * v * z, deviance: deviance)
        }
    }

    /// Start sums for every domain and category (`domain × categories + category`), from one
    /// pass over the respondents; weights are rescaled to mean 1 within each domain, as
    /// `svyglm` does on the domain's design.
    static func startSums(
        categoryOfRow: [Int32], categories: Int, cells: DomainCells, weights: [Double],
        respondents: [Double], weightTotals: [Double]
    ) -> [StartSums] {
        let domains = cells.domainCount
        var ones = [StartSums](repeating: StartSums(), count: domains * categories)
        var zerosInCategory = [StartSums](repeating: StartSums(), count: domains * categories)
        var zeros = [StartSums](repeating: StartSums(), count: domains)
        for i in 0..<weights.count {
            let c = Int(cells.cellOfRow[i]), k = Int(categoryOfRow[i])
            if c < 0 || k < 0 { continue }
            let d = Int(cells.domainOfCell[c])
            let w = weights[i] * respondents[d] / weightTotals[d]
            ones[d * categories + k].add(.respondent(weight: w, response: 1))
            let zero = StartSums.respondent(weight: w, response: 0)
            zerosInCategory[d * categories + k].add(zero)
            zeros[d].add(zero)
        }
        // For category k, respondents in k answer 1 and all others 0.
        return (0..<(domains * categories)).map { slot in
            var s = ones[slot]
            s.add(zeros[slot / categories])
            s.add(zerosInCategory[slot], sign: -1)
            return s
        }
    }

    /// The naive (model) variance of the intercept that `summary.glm` reports, 1/Σ working
    /// weights of the last iteration, for a proportion `p` of `n` respondents.
    static func naiveVariance(proportion p: Double, respondents n: Double, start: StartSums) -> Double {
        func deviance(_ mu: Double) -> Double { -2 * n * (p * log(mu) + (1 - p) * log(1 - mu)) }
        var devianceOld = start.deviance
        var workingWeight = start.weight
        var beta = start.weightedResponse / start.weight
        for _ in 0..<25 {
            let mu = 1 / (1 + exp(-beta))
            let dev = deviance(mu)
            if abs(dev - devianceOld) / (abs(dev) + 0.1) < 1e-8 { break }
            devianceOld = dev
            // Next iteration: common working weights w μ(1−μ), sum n μ(1−μ); a Newton step.
            workingWeight = n * mu * (1 - mu)
            beta += (p - mu) / (mu * (1 - mu))
        }
        return 1 / workingWeight
    }
}
