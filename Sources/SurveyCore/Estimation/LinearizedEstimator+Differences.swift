extension LinearizedEstimator {
    /// The difference `θ_a − θ_b` of one quantity between two domains of one sample, and its
    /// variance.
    struct PairDifference: Sendable {
        /// Index of the pair in the request.
        var pair: Int
        /// Category index for a proportion, else nil.
        var category: Int?
        var estimate: Double
        var variance: Double
        /// The estimates of the two domains, θ_a and θ_b.
        var estimates: (a: Double, b: Double)
        /// Respondents of each domain with a valid value.
        var respondents: (a: Int, b: Int)
        /// Respondents behind the two estimates together (for a proportion: in the category)
        /// and their weights.
        var unweightedCount: Int
        var weightedCount: Double
    }

    /// Differences between pairs of domains `(a, b)`, as `θ_a − θ_b` for every quantity (each
    /// category of a proportion), in pair order then category order.
    ///
    /// The two domains come from one sample, so their estimates covary: a PSU can hold
    /// respondents of both. The variance is that of the difference of their linearized values,
    /// z_a − z_b, put through the same ``TaylorVariance`` as every estimate (calibration
    /// included); it equals Var θ_a + Var θ_b − 2 Cov(θ_a, θ_b), what R's
    /// `svycontrast(svyby(..., covmat = TRUE), c(1, -1))` computes.
    func differences(_ input: Input, pairs: [(Int, Int)], sums precomputed: CellSums? = nil) throws(SurveyError) -> [PairDifference] {
        guard !pairs.isEmpty else { return [] }
        let cellSums = precomputed ?? sums(input)
        let linearization = linearize(input, cellSums: cellSums)
        let q = linearization.quantityCount
        guard q > 0 else { return [] }
        let P = pairs.count, width = P * q
        // Pairs in which each domain is the first (+1) or second (−1) member.
        var rolesOfDomain = [[(pair: Int, sign: Double)]](repeating: [], count: cells.domainCount)
        for (p, (a, b)) in pairs.enumerated() {
            rolesOfDomain[a].append((p, 1))
            rolesOfDomain[b].append((p, -1))
        }
        // One pseudo-domain holding every cell; quantity p · q + k is the contrast of pair p.
        var z = [Double](repeating: 0, count: cells.count * width)
        for c in 0..<cells.count {
            let d = Int(cells.domainOfCell[c])
            for (p, sign) in rolesOfDomain[d] {
                for k in 0..<q {
                    let v = linearization.z[c * q + k]
                    z[c * width + p * q + k] = v.isFinite ? sign * v : 0
                }
            }
        }
        let calibrationZ: [[Double]] = zip(design.calibrations, linearization.calibrationZ).map { calibration, domainZ in
            let K = calibration.columnCount
            var out = [Double](repeating: 0, count: width * K)
            for (p, (a, b)) in pairs.enumerated() {
                for k in 0..<q {
                    for column in 0..<K {
                        out[(p * q + k) * K + column] = domainZ[(a * q + k) * K + column] - domainZ[(b * q + k) * K + column]
                    }
                }
            }
            return out
        }
        var variances: [[Double]]
        if design.replicates != nil {
            // The difference under every replicate, as svycontrast on svyby's replicates.
            let replicates = replicateEstimates(input, cellSums: cellSums).map { theta in
                pairs.flatMap { a, b in (0..<q).map { k in theta[a * q + k] - theta[b * q + k] } }
            }
            let full = pairs.flatMap { a, b in (0..<q).map { k in linearization.theta[a * q + k] - linearization.theta[b * q + k] } }
            variances = [[Double]](repeating: [], count: 1)
            variances[0] = (0..<width).flatMap { j in
                replicateCovariances(replicates.map { [$0[j]] }, theta: [full[j]], quantityCount: 1, full: false)[0]
            }
        } else {
            variances = try variance.covariances(
                unitOfCell: cells.unitOfCell, domainOfCell: [Int32](repeating: 0, count: cells.count), domainCount: 1,
                quantityCount: width, z: z, full: false, calibrationSums: calibrationZ)
        }
        let totals = linearization.totals, slots = cellSums.width, categories = cellSums.categories
        func counts(_ d: Int, _ k: Int) -> (Int, Double) {
            let t = d * slots
            return categories > 0 ? (Int(totals[t + 2 + categories + k]), totals[t + 2 + k]) : (Int(totals[t]), totals[t + 1])
        }
        var out: [PairDifference] = []
        for (p, (a, b)) in pairs.enumerated() {
            for k in 0..<q {
                let ta = linearization.theta[a * q + k], tb = linearization.theta[b * q + k]
                let (na, wa) = counts(a, k), (nb, wb) = counts(b, k)
                out.append(PairDifference(
                    pair: p, category: categories > 0 ? k : nil, estimate: ta - tb, variance: variances[0][p * q + k],
                    estimates: (ta, tb), respondents: (Int(totals[a * slots]), Int(totals[b * slots])),
                    unweightedCount: na + nb, weightedCount: wa + wb))
            }
        }
        return out
    }
}
