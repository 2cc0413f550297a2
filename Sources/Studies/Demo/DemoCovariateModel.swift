/// Draws who the respondents are beyond the sampling variables: ethnicity (by region, settlement
/// type and age: ethnic Russians are older and more urban, so their share among adults is above
/// the census's 15.5% of all ages), the language of the interview (Russian for most Russians,
/// Ukrainians and other minorities; for Kazakhs more often in the north, in cities and among the
/// old; falling over time), education, and regular viewing of media from Russia (more common
/// among Russian speakers and older people, falling over time).
///
/// The shares of Russian-language interviews and of media viewers in each wave's weighted
/// population are set by ``DemoTargets``; the effects below shape who they are.
struct DemoCovariateModel {
    let wave: DemoWave

    /// Odds multipliers of being ethnic Russian or Ukrainian, by age group and settlement type.
    static let slavicByAge: [Double] = [0.7, 0.85, 1.0, 1.3, 1.7]
    static let slavicUrban = 1.15
    static let slavicRural = 0.8

    /// Weights of the ethnic groups by region, settlement type and age group.
    static let ethnicityWeights: [[[[Double]]]] = DemoRegion.all.map { region in
        [slavicUrban, slavicRural].map { settlement in
            slavicByAge.map { age in
                let slavic = age * settlement
                var p = region.ethnicity
                p[1] *= slavic
                p[3] *= slavic
                p[5] *= slavic.squareRoot()
                return p
            }
        }
    }

    /// Log-odds of a Kazakh interview being in Russian, by age group.
    static let kazakhRussianByAge: [Double] = [-0.5, -0.2, 0, 0.25, 0.5]

    /// Log-odds of regularly watching media from Russia, by age group.
    static let mediaByAge: [Double] = [-0.7, -0.35, 0, 0.3, 0.6]

    /// Education (incomplete secondary, general secondary, vocational, incomplete higher,
    /// higher) in towns and villages, in percent, and odds multipliers by age group.
    static let urbanEducation: [Double] = [4, 20, 32, 6, 38]
    static let ruralEducation: [Double] = [8, 32, 38, 3, 19]
    static let educationByAge: [[Double]] = [
        [0.6, 1.2, 0.9, 3.0, 0.8], [0.5, 0.9, 1, 1, 1.15], [0.8, 1, 1, 0.7, 1], [1.3, 1, 1.05, 0.5, 0.9],
        [2.2, 1.1, 0.95, 0.4, 0.8],
    ]

    func draw(_ data: inout DemoRespondents, _ rng: inout Xoshiro256StarStar) {
        let n = data.count
        // Ethnicity.
        data.ethnicity = (0..<n).map { i in
            rng.pick(Self.ethnicityWeights[data.region[i] - 1][data.settlement[i] - 1][data.ageGroup[i] - 1]) + 1
        }

        // Language of interview: Kazakhs, Uzbeks and Uyghurs choose with odds shifted so that
        // the wave's share of Russian interviews is met; others mostly choose Russian.
        var fixed = [Double](repeating: -1, count: n)
        var offset = [Double](repeating: 0, count: n)
        for i in 0..<n {
            switch data.ethnicity[i] {
            case 2, 4: fixed[i] = 0.98
            case 6: fixed[i] = 0.9
            case 3: offset[i] = -0.4
            case 5: offset[i] = 1.0
            default:
                let zone: Double = switch data.zone(i) {
                case .north: 1.2
                case .centre: 0.9
                case .city: data.region[i] == 17 ? -0.3 : 1.0
                case .west: 0.0
                case .south: -0.7
                }
                offset[i] = zone + (data.settlement[i] == 1 ? 0.6 : -0.3) + Self.kazakhRussianByAge[data.ageGroup[i] - 1]
            }
        }
        let languageShift = Self.solveShift(
            target: DemoTargets.russianInterviews[wave.index] / 100, weights: data.weight, fixed: fixed, offset: offset)
        data.language = (0..<n).map { i in
            let p = fixed[i] >= 0 ? fixed[i] : DemoMath.logistic(languageShift + offset[i])
            return rng.bernoulli(p) ? 2 : 1
        }

        // Education by settlement type and age.
        let education = [Self.urbanEducation, Self.ruralEducation].map { base in
            Self.educationByAge.map { factors in (0..<5).map { base[$0] * factors[$0] } }
        }
        data.education = (0..<n).map { i in rng.pick(education[data.settlement[i] - 1][data.ageGroup[i] - 1]) + 1 }

        // Regular viewing of media from Russia.
        let mediaOffset = (0..<n).map { i in
            (data.language[i] == 2 ? 1.3 : 0) + (data.ethnicity[i] == 2 ? 0.4 : 0) + Self.mediaByAge[data.ageGroup[i] - 1]
                + (data.settlement[i] == 1 ? 0.2 : 0) + (data.zone(i) == .north ? 0.3 : 0)
        }
        let mediaShift = Self.solveShift(
            target: DemoTargets.russianMedia[wave.index] / 100, weights: data.weight,
            fixed: [Double](repeating: -1, count: n), offset: mediaOffset)
        data.russianMedia = (0..<n).map { i in rng.bernoulli(DemoMath.logistic(mediaShift + mediaOffset[i])) ? 1 : 2 }
    }

    /// The shift c at which the weighted mean of P(yes) is `target`, where P(yes) is
    /// `fixed[i]` when that is ≥ 0 and logistic(c + offset[i]) otherwise.
    static func solveShift(target: Double, weights: [Double], fixed: [Double], offset: [Double]) -> Double {
        var total = 0.0
        var fixedYes = 0.0
        var locations: [Double] = []
        var free: [Double] = []
        for i in weights.indices {
            total += weights[i]
            if fixed[i] >= 0 {
                fixedYes += weights[i] * fixed[i]
            } else {
                locations.append(-offset[i])
                free.append(weights[i])
            }
        }
        let freeTotal = free.reduce(0, +)
        let share = min(max((target * total - fixedYes) / freeTotal, 0.001), 0.999)
        return ShareSolver(locations: locations, weights: free, scale: 1, distribution: .logistic).solve(share)
    }
}
