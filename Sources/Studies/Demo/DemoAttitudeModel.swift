/// The answers of a wave: every respondent has a latent attitude to Russia,
///
///     R = m(wave, age, language, ethnicity, media, region, education) + u(settlement) + e,
///
/// with a settlement random effect u (sd 0.35: an intra-cluster correlation of about 0.1 on the
/// latent scale, 0.05–0.1 on answering "very favourable"; in telephone waves every respondent is
/// their own settlement) and a personal part e, normal with sd 1 before the war, correlated
/// (through a general attitude to foreign countries G) with the opinions of China, the United
/// States, Turkey and the EU. The effects in m grow after February 2022 (``polarization``): the
/// young turn away from Russia, viewers of Russian media much less than others, and those who do
/// not watch Russian media divide more sharply (a larger sd of e). Every question about Russia
/// reads R plus noise of its own; cut points (``DemoScale``) then make each wave's weighted
/// answers match ``DemoTargets``. The effects were tuned by hand until the patterns of the
/// published figures (age, media, war sides by age) came out; see `DemoCalibrationReport`.
struct DemoAttitudeModel {
    let wave: DemoWave

    static let settlementSD = 0.35
    /// Correlation of the personal attitude to Russia with the general attitude G.
    static let generalLoading = 0.65
    /// Standard deviation of the personal don't-know propensity shared by all questions.
    static let dontKnowSD = 0.9
    /// Don't-know propensity by age group (also higher in villages, with less education, among
    /// women and in Kazakh-language interviews, lower on the phone).
    static let dontKnowByAge: [Double] = [0.1, 0, 0, 0.1, 0.35]

    /// How far effects have moved from their pre-war to their wartime values, per wave.
    static let polarization: [Double] = [0, 0, 0, 0, 0, 0, 0.05, 0.05, 0.1, 0.1, 1, 1, 1, 1, 1, 1]

    /// Effects on R by age group 18–29 … 60+, before and during the war.
    static let agePeace: [Double] = [-0.25, -0.12, 0, 0.08, 0.25]
    static let ageWar: [Double] = [-0.35, -0.25, 0, 0.05, 0.4]
    /// Russian-language interview, ethnic Russian or Ukrainian, regular viewer of Russian media.
    static let languagePeace = 0.3, languageWar = 0.45
    static let slavicPeace = 0.2, slavicWar = 0.4
    static let mediaPeace = 0.5, mediaWar = 0.85
    /// Spread of the personal attitude of viewers and non-viewers of Russian media in wartime
    /// (1 before): those outside Russia's media space divide more sharply.
    static let viewerSpreadWar = 0.85, otherSpreadWar = 1.45

    /// The side taken in the war: its own effects by age group (replacing those on R), and
    /// the spread of each age group (the old divide more than the young).
    static let warSideByAge: [Double] = [0.1, -0.05, -0.1, 0.05, 0.95]
    static let warSpreadByAge: [Double] = [0.8, 0.9, 0.9, 1.0, 1.5]

    /// Noise of each question about Russia beyond R.
    enum Noise {
        static let economicRelations = 0.7, eeu = 1.0, friendly = 0.6, influence = 0.7, concern = 0.8
        static let security = 0.9, base = 0.8, war = 0.8
    }

    /// Another country or union: effects by age group, of a Russian-language interview, of Russian
    /// media, of higher education, and the loading on G.
    struct Country {
        let name: String
        let shares: [[Double]]
        let age: [Double]
        let russian: Double
        let media: Double
        let higher: Double
        let general: Double
    }

    static let countries = [
        Country(name: "opinion_china", shares: DemoTargets.opinionChina, age: [0.1, 0.05, 0, -0.05, -0.1],
                russian: -0.05, media: 0, higher: 0, general: 0.8),
        Country(name: "opinion_usa", shares: DemoTargets.opinionUSA, age: [0.35, 0.15, 0, -0.15, -0.35],
                russian: 0, media: -0.2, higher: 0.1, general: 0.7),
        Country(name: "opinion_turkey", shares: DemoTargets.opinionTurkey, age: [0.2, 0.1, 0, -0.1, -0.2],
                russian: -0.3, media: 0, higher: 0, general: 0.5),
        Country(name: "opinion_eu", shares: DemoTargets.opinionEU, age: [0.3, 0.15, 0, -0.15, -0.3],
                russian: 0, media: 0, higher: 0.2, general: 0.7),
    ]

    private static func mix(_ peace: Double, _ war: Double, _ p: Double) -> Double { peace + (war - peace) * p }

    func draw(_ data: inout DemoRespondents, _ rng: inout Xoshiro256StarStar) {
        let n = data.count
        let p = Self.polarization[wave.index]
        let q = DemoQuestionnaire.self

        // Settlement effects, general attitude, personal attitude, don't-know propensity.
        var settlementEffect: [Int: Double] = [:]
        var u = [Double](repeating: 0, count: n)
        var general = [Double](repeating: 0, count: n)
        var personal = [Double](repeating: 0, count: n)
        var dontKnow = [Double](repeating: 0, count: n)
        let rho = Self.generalLoading
        for i in 0..<n {
            if wave.mode == .faceToFace {
                if let effect = settlementEffect[data.psu[i]] { u[i] = effect } else {
                    u[i] = Self.settlementSD * rng.normal()
                    settlementEffect[data.psu[i]] = u[i]
                }
            } else {
                u[i] = Self.settlementSD * rng.normal()
            }
            general[i] = rng.normal()
            personal[i] = rho * general[i] + (1 - rho * rho).squareRoot() * rng.normal()
            dontKnow[i] = Self.dontKnowSD * rng.normal()
        }

        // Expected positions.
        let age = (0..<5).map { Self.mix(Self.agePeace[$0], Self.ageWar[$0], p) }
        let mean: [Double] = (0..<n).map { i in
            var m = age[data.ageGroup[i] - 1]
            if data.language[i] == 2 { m += Self.mix(Self.languagePeace, Self.languageWar, p) }
            if data.ethnicity[i] == 2 || data.ethnicity[i] == 4 { m += Self.mix(Self.slavicPeace, Self.slavicWar, p) }
            if data.russianMedia[i] == 1 { m += Self.mix(Self.mediaPeace, Self.mediaWar, p) }
            if data.zone(i) == .north { m += 0.1 }
            if data.education[i] == 5 { m -= 0.1 * p }
            return m
        }
        let dontKnowMean: [Double] = (0..<n).map { i in
            var m = Self.dontKnowByAge[data.ageGroup[i] - 1]
            if data.settlement[i] == 2 { m += 0.2 }
            if data.education[i] <= 2 { m += 0.3 }
            if data.sex[i] == 2 { m += 0.1 }
            if data.language[i] == 1 { m += 0.1 }
            if wave.mode == .telephone { m -= 0.1 }
            return m
        }
        let scale = DemoScale(weights: data.weight, dontKnowMean: dontKnowMean, dontKnowPersonal: dontKnow, dontKnowSD: Self.dontKnowSD)
        // Deviation of R from its expected value, and its standard deviation.
        let spread = (0..<n).map { i in
            Self.mix(1, data.russianMedia[i] == 1 ? Self.viewerSpreadWar : Self.otherSpreadWar, p)
        }
        let attitude = (0..<n).map { u[$0] + spread[$0] * personal[$0] }
        let attitudeVariance = (0..<n).map { Self.settlementSD * Self.settlementSD + spread[$0] * spread[$0] }

        func russiaItem(_ variable: DemoVariable, _ shares: [Double], lowToHigh: [Int], noise: Double) {
            let codes = variable.answers.map(\.code).filter { $0 < 98 }
            let deviation = (0..<n).map { attitude[$0] + noise * rng.normal() }
            data.answers[variable.name] = scale.answers(
                shares: shares, codes: codes, lowToHigh: lowToHigh, mean: mean, deviation: deviation,
                sd: attitudeVariance.map { ($0 + noise * noise).squareRoot() }, &rng)
        }

        let t = wave.index
        russiaItem(q.opinionRussia, DemoTargets.opinionRussia[t], lowToHigh: [4, 3, 2, 1], noise: 0)
        russiaItem(q.economicRelations, DemoTargets.economicRelations[t], lowToHigh: [4, 3, 2, 1], noise: Noise.economicRelations)
        russiaItem(q.eeuBenefit, DemoTargets.eeuBenefit[t], lowToHigh: [4, 3, 2, 1], noise: Noise.eeu)
        russiaItem(q.russiaFriendly, DemoTargets.russiaFriendly[t], lowToHigh: [2, 1], noise: Noise.friendly)
        russiaItem(q.russiaInfluence, DemoTargets.russiaInfluence[t], lowToHigh: [2, 3, 1], noise: Noise.influence)
        russiaItem(q.russiaConcern, DemoTargets.russiaConcern[t], lowToHigh: [1, 2, 3, 4], noise: Noise.concern)
        if let shares = DemoTargets.russianBase[t] {
            russiaItem(q.russianBase, shares, lowToHigh: [2, 1], noise: Noise.base)
        }
        if let shares = DemoTargets.warSide[t] {
            let group = data.ageGroup.map { $0 - 1 }
            let warMean = (0..<n).map { mean[$0] - age[group[$0]] + Self.warSideByAge[group[$0]] }
            let deviation = (0..<n).map { Self.warSpreadByAge[group[$0]] * (attitude[$0] + Noise.war * rng.normal()) }
            let sd = (0..<n).map { Self.warSpreadByAge[group[$0]] * (attitudeVariance[$0] + Noise.war * Noise.war).squareRoot() }
            data.answers[q.warSide.name] = scale.answers(
                shares: shares, codes: [1, 2, 3], lowToHigh: [1, 3, 2], mean: warMean, deviation: deviation, sd: sd, &rng)
        }

        // Other countries: expected positions by age, language, media, education; deviations
        // through G, the settlement and their own noise.
        for c in Self.countries {
            let m: [Double] = (0..<n).map { i in
                var m = c.age[data.ageGroup[i] - 1]
                if data.language[i] == 2 { m += c.russian }
                if data.russianMedia[i] == 1 { m += c.media }
                if data.education[i] == 5 { m += c.higher }
                return m
            }
            let own = (1 - c.general * c.general).squareRoot()
            let deviation = (0..<n).map { c.general * general[$0] + 0.5 * u[$0] + own * rng.normal() }
            let sd = [Double](repeating: (1 + 0.25 * Self.settlementSD * Self.settlementSD).squareRoot(), count: n)
            data.answers[c.name] = scale.answers(
                shares: c.shares[t], codes: [1, 2, 3, 4], lowToHigh: [4, 3, 2, 1], mean: m, deviation: deviation, sd: sd, &rng)
        }

        // Security partner: Russia when R (plus noise) is high enough; the others by age.
        let securityNoise = Noise.security
        let chooseRussia = ShareSolver(
            locations: mean, weights: data.weight,
            scales: attitudeVariance.map { ($0 + securityNoise * securityNoise).squareRoot() }, distribution: .normal
        ).solve(1 - DemoTargets.securityRussia[t] / 100)
        // The others (China, Turkey, US, EU, none, DK/RA): the young lean west and to Turkey,
        // the old to none and "don't know".
        let others = DemoTargets.securityOthers
        let youngOthers = zip(others, [1.1, 1.3, 1.4, 1.3, 1, 1]).map { $0 * $1 }
        let oldOthers = zip(others, [1, 1, 1, 1, 1.2, 1.4]).map { $0 * $1 }
        data.answers[q.securityPartner.name] = (0..<n).map { i in
            if mean[i] + attitude[i] + securityNoise * rng.normal() >= chooseRussia { return 1 }
            let k = rng.pick(data.ageGroup[i] == 1 ? youngOthers : data.ageGroup[i] == 5 ? oldOthers : others)
            if k == 5 { return rng.bernoulli(DemoTargets.refusedShare) ? 99 : 98 }
            return k + 2
        }
    }
}
