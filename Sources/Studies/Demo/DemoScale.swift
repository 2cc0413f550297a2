/// Draws the answers to one closed question of a wave from respondents' latent positions.
///
/// First "don't know / refused": a respondent says "don't know" when their don't-know
/// propensity (expected part from covariates, plus a personal part shared by all questions,
/// plus noise) passes a cut point set so that the wave's weighted population is expected to
/// give the target share. Then the others answer by where their latent position (expected part
/// plus random deviation, normal with a standard deviation known for each respondent) falls between cut points set
/// the same way for every answer.
struct DemoScale {
    let weights: [Double]
    /// Expected don't-know propensity of each respondent.
    let dontKnowMean: [Double]
    /// The personal part of the propensity, shared by all questions.
    let dontKnowPersonal: [Double]
    /// Standard deviation of the personal part (the noise per question has 1).
    let dontKnowSD: Double

    /// Answer codes (98 don't know, 99 refused).
    /// - Parameters:
    ///   - shares: percent of each substantive answer in code order, then DK/RA together.
    ///   - codes: the substantive codes in code order.
    ///   - lowToHigh: the substantive codes from the lowest latent position to the highest.
    ///   - mean: expected latent position of each respondent.
    ///   - deviation: the respondent's drawn deviation from it.
    ///   - sd: standard deviation of each respondent's deviation.
    func answers(
        shares: [Double], codes: [Int], lowToHigh: [Int], mean: [Double], deviation: [Double], sd: [Double],
        _ rng: inout Xoshiro256StarStar
    ) -> [Int] {
        precondition(shares.count == codes.count + 1 && lowToHigh.count == codes.count)
        let n = weights.count
        let total = shares.reduce(0, +)
        let dontKnow = shares.last! / total
        let spread = (1 + dontKnowSD * dontKnowSD).squareRoot()
        let dkCut = ShareSolver(locations: dontKnowMean, weights: weights, scale: spread, distribution: .normal).solve(1 - dontKnow)
        // Weight of each respondent among those expected to answer.
        var answering = [Double](repeating: 0, count: n)
        for i in 0..<n { answering[i] = weights[i] * DemoMath.normalCDF((dkCut - dontKnowMean[i]) / spread) }
        let solver = ShareSolver(locations: mean, weights: answering, scales: sd, distribution: .normal)
        var cuts: [Double] = []
        var cumulative = 0.0
        for code in lowToHigh.dropLast() {
            cumulative += shares[codes.firstIndex(of: code)!] / (total - shares.last!)
            cuts.append(solver.solve(cumulative))
        }
        var result = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let propensity = dontKnowMean[i] + dontKnowPersonal[i] + rng.normal()
            if propensity > dkCut {
                result[i] = rng.bernoulli(DemoTargets.refusedShare) ? 99 : 98
                continue
            }
            let y = mean[i] + deviation[i]
            var k = 0
            while k < cuts.count, y >= cuts[k] { k += 1 }
            result[i] = lowToHigh[k]
        }
        return result
    }
}
