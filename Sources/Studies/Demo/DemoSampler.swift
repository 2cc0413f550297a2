/// Draws the sample of one wave: strata region × urban/rural with census-proportional
/// allocation; face-to-face waves choose settlements (PSUs) and about ten interviews in each
/// with a Kish grid within the household; telephone waves call random mobile numbers, so every
/// respondent is a PSU. Who answers is biased as in real fieldwork (fewer men and young people
/// at home face to face, fewer older people on the phone), which the raking then corrects.
struct DemoSampler {
    let wave: DemoWave

    /// Interviews planned per settlement in face-to-face waves.
    static let clusterSize = 10
    /// Interviews planned per telephone wave.
    static let sampleSize = 1500

    /// One stratum: region, settlement type, residents.
    struct Stratum {
        let region: DemoRegion
        let settlement: Int
        let population: Double
        var code: Int { DemoQuestionnaire.stratumCode(region: region.code, settlement: settlement) }
    }

    /// The 31 strata with residents (Astana, Almaty and Shymkent have no rural population).
    static let strata: [Stratum] = DemoRegion.all.flatMap { r in
        [Stratum(region: r, settlement: 1, population: r.urbanPopulation)]
            + (r.urbanShare < 1 ? [Stratum(region: r, settlement: 2, population: r.ruralPopulation)] : [])
    }

    func draw(_ rng: inout Xoshiro256StarStar) -> DemoRespondents {
        var data = DemoRespondents()
        let total = Self.strata.reduce(0) { $0 + $1.population }
        let faceToFace = wave.mode == .faceToFace
        var stratumWeights: [Double] = []
        if faceToFace {
            for s in Self.strata {
                let expected = Double(Self.sampleSize) * s.population / total
                let clusters = max(2, Int((expected / Double(Self.clusterSize)).rounded()))
                var interviews = 0
                for k in 0..<clusters {
                    // Completed interviews per settlement: 10 planned, 9–11 achieved.
                    let draw = rng.int(below: 5)
                    let size = Self.clusterSize + (draw == 0 ? -1 : draw == 4 ? 1 : 0)
                    for _ in 0..<size {
                        data.region.append(s.region.code)
                        data.settlement.append(s.settlement)
                        data.stratum.append(s.code)
                        data.psu.append(s.code * 100 + k + 1)
                    }
                    interviews += size
                }
                stratumWeights.append(s.population / Double(interviews))
            }
        } else {
            // Proportional allocation by largest remainder, at least two per stratum.
            let n = Self.sampleSize + rng.int(in: -15...25)
            let exact = Self.strata.map { Double(n) * $0.population / total }
            var sizes = exact.map { max(2, Int($0)) }
            // Largest remainders first; ties by stratum order.
            let order = exact.indices.sorted {
                let a = exact[$0] - exact[$0].rounded(.down), b = exact[$1] - exact[$1].rounded(.down)
                return a != b ? a > b : $0 < $1
            }
            var k = 0
            while sizes.reduce(0, +) < n {
                sizes[order[k % order.count]] += 1
                k += 1
            }
            for (s, size) in zip(Self.strata, sizes) {
                for _ in 0..<size {
                    data.region.append(s.region.code)
                    data.settlement.append(s.settlement)
                    data.stratum.append(s.code)
                }
                stratumWeights.append(s.population / Double(size))
            }
        }
        let stratumIndex = Dictionary(uniqueKeysWithValues: Self.strata.enumerated().map { ($1.code, $0) })

        // Who answers: sex, age; and the selection within household (Kish grid) or by phone.
        let response: [Double] = faceToFace ? [0.8, 0.9, 1.0, 1.1, 1.25] : [1.15, 1.15, 1.05, 0.9, 0.7]
        let menAnswering = faceToFace ? 0.43 : 0.47
        // Age groups of respondents: the population's, younger in the south and older in the
        // north, times the response of each group.
        func ageWeights(_ structure: [Double]) -> [Double] {
            (0..<5).map { DemoPopulation.ageGroupShares[$0] * structure[$0] * response[$0] }
        }
        let southAges = ageWeights([1.15, 1.05, 1, 0.92, 0.85])
        let northAges = ageWeights([0.85, 0.95, 1, 1.1, 1.15])
        let otherAges = ageWeights([1.05, 1.05, 1, 0.95, 0.9])
        let oldAges = (60...85).map { Double(90 - $0) }
        let householdAdults: [Double] = [12, 38, 25, 15, 10]
        var raw: [Double] = []
        for i in 0..<data.count {
            let group = switch data.zone(i) {
            case .south: rng.pick(southAges) + 1
            case .north, .centre: rng.pick(northAges) + 1
            case .west, .city: rng.pick(otherAges) + 1
            }
            data.ageGroup.append(group)
            let bounds = DemoPopulation.ageGroupBounds[group - 1]
            if group == 5 {
                data.age.append(60 + rng.pick(oldAges))
            } else {
                data.age.append(rng.int(in: bounds))
            }
            data.sex.append(rng.bernoulli(menAnswering) ? 1 : 2)
            let withinHousehold: Double
            if faceToFace {
                // Adults in the household; the Kish grid picks one of them.
                withinHousehold = Double(rng.pick(householdAdults) + 1)
            } else {
                // Mobile numbers the respondent answers on.
                withinHousehold = rng.bernoulli(0.2) ? 0.5 : 1
            }
            raw.append(stratumWeights[stratumIndex[data.stratum[i]]!] * withinHousehold)
        }
        let mean = raw.reduce(0, +) / Double(raw.count)
        data.designWeight = raw.map { $0 / mean }
        return data
    }
}
