/// Finds the cut point c at which a weighted population is expected to give a share:
/// Σᵢ wᵢ F((c − μᵢ)/sᵢ) / Σᵢ wᵢ = target, for F the normal or logistic distribution function.
///
/// This is how the demo study is calibrated: respondents' expected positions μᵢ follow from
/// their age, language, media use and the like; the cut points between answers are then set so
/// that the weighted population of the wave is *expected* to answer as the published figures
/// say, while each answer is still drawn at random (so estimates carry real sampling error).
///
/// Safeguarded Newton iteration: the function is increasing in c, so a bracket is kept and a
/// step that leaves it is replaced by bisection.
struct ShareSolver {
    enum Distribution {
        case normal, logistic

        func cdf(_ x: Double) -> Double {
            switch self {
            case .normal: DemoMath.normalCDF(x)
            case .logistic: DemoMath.logistic(x)
            }
        }

        func density(_ x: Double) -> Double {
            switch self {
            case .normal: return DemoMath.normalDensity(x)
            case .logistic:
                let p = DemoMath.logistic(x)
                return p * (1 - p)
            }
        }
    }

    /// Distinct (location, spread) pairs and their summed weights: respondents' positions come
    /// from a few discrete characteristics, so there are far fewer of them than respondents.
    let locations: [Double]
    let weights: [Double]
    let scales: [Double]
    let distribution: Distribution

    /// - Parameters: the location μᵢ, weight wᵢ and spread sᵢ of every respondent.
    init(locations: [Double], weights: [Double], scales: [Double], distribution: Distribution) {
        precondition(locations.count == weights.count && scales.count == weights.count)
        // Group equal pairs, in order of first appearance (so weights are summed in one order).
        struct Key: Hashable {
            let location: UInt64
            let scale: UInt64
        }
        var group: [Key: Int] = [:]
        var groupedLocations: [Double] = []
        var groupedWeights: [Double] = []
        var groupedScales: [Double] = []
        for i in locations.indices {
            let key = Key(location: locations[i].bitPattern, scale: scales[i].bitPattern)
            if let g = group[key] {
                groupedWeights[g] += weights[i]
            } else {
                group[key] = groupedLocations.count
                groupedLocations.append(locations[i])
                groupedWeights.append(weights[i])
                groupedScales.append(scales[i])
            }
        }
        self.locations = groupedLocations
        self.weights = groupedWeights
        self.scales = groupedScales
        self.distribution = distribution
    }

    /// One spread for every respondent.
    init(locations: [Double], weights: [Double], scale: Double, distribution: Distribution) {
        self.init(locations: locations, weights: weights, scales: [Double](repeating: scale, count: weights.count), distribution: distribution)
    }

    /// The cut point c; `target` strictly between 0 and 1.
    func solve(_ target: Double) -> Double {
        precondition(target > 0 && target < 1, "share \(target) is not between 0 and 1")
        var total = 0.0
        var mean = 0.0
        var meanScale = 0.0
        var lowest = Double.infinity
        var highest = -Double.infinity
        for i in locations.indices {
            total += weights[i]
            mean += weights[i] * locations[i]
            meanScale += weights[i] * scales[i]
            lowest = min(lowest, locations[i] - 40 * scales[i])
            highest = max(highest, locations[i] + 40 * scales[i])
        }
        mean /= total
        meanScale /= total
        var lower = lowest
        var upper = highest
        // A start from the logit of the target (Φ⁻¹(p) ≈ logit(p) / 1.7).
        let logit = DemoMath.log(target / (1 - target))
        var c = mean + meanScale * (distribution == .normal ? logit / 1.7 : logit)
        for _ in 0..<100 {
            var value = 0.0
            var slope = 0.0
            for i in locations.indices {
                let z = (c - locations[i]) / scales[i]
                value += weights[i] * distribution.cdf(z)
                slope += weights[i] * distribution.density(z) / scales[i]
            }
            let gap = value / total - target
            if abs(gap) < 1e-12 { break }
            if gap < 0 { lower = c } else { upper = c }
            if upper - lower < 1e-12 { break }
            let step = slope > 0 ? gap * total / slope : .infinity
            let next = c - step
            c = next > lower && next < upper ? next : (lower + upper) / 2
        }
        return c
    }
}
