import Studies
import SurveyCore
import Testing

/// Weighted, design-based estimates on the demo study against the published figures it is
/// calibrated to (`reference/published-figures.md`). Tolerances are of the order of two
/// standard errors of a wave (about 1.3 points for 40% in 1,500 interviews, more with clusters).
@Suite("Demo study: calibration to published figures")
struct DemoCalibrationTests {
    typealias F = DemoFixture
    let favourable: Set<Int> = [1, 2], unfavourable: Set<Int> = [3, 4]

    @Test("pooled 2017–2019: opinion of Russia 39 very, 48 somewhat favourable (87), 6/2 unfavourable, 5 DK")
    func pooledOpinionOfRussia() throws {
        let veryFavourable = try F.pooledPercent("opinion_russia", [1])
        let all = try F.pooledPercent("opinion_russia", favourable)
        #expect(abs(veryFavourable - 39) <= 3, "\(veryFavourable)")
        #expect(abs(all - 87) <= 3, "\(all)")
        #expect(abs(try F.pooledPercent("opinion_russia", [3]) - 6) <= 2)
        #expect(abs(try F.pooledPercent("opinion_russia", [4]) - 2) <= 1.5)
        #expect(abs(try F.pooledPercent("opinion_russia", [98, 99]) - 5) <= 2)
    }

    @Test("pooled 2017–2019: closer economic relations 46/42/3/3, EEU benefit 37/35/8/6")
    func pooledEconomics() throws {
        for (code, target) in [(1, 46.0), (2, 42), (3, 3), (4, 3), (98, 6)] {
            let codes: Set<Int> = code == 98 ? [98, 99] : [code]
            let value = try F.pooledPercent("econ_russia", codes)
            #expect(abs(value - target) <= 3, "econ_russia \(code): \(value)")
        }
        for (code, target) in [(1, 37.0), (2, 35), (3, 8), (4, 6), (98, 14)] {
            let codes: Set<Int> = code == 98 ? [98, 99] : [code]
            let value = try F.pooledPercent("eeu_benefit", codes)
            #expect(abs(value - target) <= 3, "eeu_benefit \(code): \(value)")
        }
    }

    @Test("pooled 2017–2019: of those favourable to Russia, 71% favourable to China and 55% to the US")
    func conditionalOpinions() throws {
        let china = try F.pooledPercent("opinion_china", favourable, filter: "opinion_russia in (1, 2)")
        let usa = try F.pooledPercent("opinion_usa", favourable, filter: "opinion_russia in (1, 2)")
        #expect(abs(china - 71) <= 4, "\(china)")
        #expect(abs(usa - 55) <= 4, "\(usa)")
        // Positively correlated: higher among those favourable to Russia than among the others.
        let chinaOthers = try F.pooledPercent("opinion_china", favourable, filter: "opinion_russia in (3, 4)")
        #expect(china > chinaOthers + 10)
    }

    @Test("'very favourable' falls to its low in autumn 2022; 'very unfavourable' jumps in spring 2022")
    func trend() throws {
        var veryFavourable: [String: Double] = [:]
        var veryUnfavourable: [String: Double] = [:]
        for wave in F.study.waves {
            veryFavourable[wave.id] = try F.percent("opinion_russia", [1], wave: wave.id)
            veryUnfavourable[wave.id] = try F.percent("opinion_russia", [4], wave: wave.id)
            // A plurality stays "somewhat favourable".
            let shares = try F.proportions("opinion_russia", wave: wave.id)
            #expect(shares["2"] == shares.values.max(), "\(wave.id)")
        }
        let low = veryFavourable.values.min()!
        #expect(veryFavourable["2022-autumn"]! <= low + 2)
        #expect(veryFavourable["2017-spring"]! > veryFavourable["2021-autumn"]! + 8)
        #expect(veryUnfavourable["2022-spring"]! > veryUnfavourable["2021-autumn"]! + 5)
    }

    @Test("autumn 2022: at least a third unfavourable")
    func unfavourable2022() throws {
        let value = try F.percent("opinion_russia", unfavourable, wave: "2022-autumn")
        #expect(value >= 33, "\(value)")
    }

    @Test("age: in autumn 2022 about half of 18–29s negative and one in ten very favourable; the old most positive")
    func age() throws {
        let w = "2022-autumn"
        let youngNegative = try F.percent("opinion_russia", unfavourable, wave: w, filter: "agegroup == 1")
        let youngVery = try F.percent("opinion_russia", [1], wave: w, filter: "agegroup == 1")
        #expect(abs(youngNegative - 50) <= 8, "\(youngNegative)")
        #expect(youngVery >= 4 && youngVery <= 14, "\(youngVery)")
        let oldFavourable = try F.percent("opinion_russia", favourable, wave: w, filter: "agegroup == 5")
        let oldNegative = try F.percent("opinion_russia", unfavourable, wave: w, filter: "agegroup == 5")
        let fiftiesNegative = try F.percent("opinion_russia", unfavourable, wave: w, filter: "agegroup == 4")
        let youngFavourable = try F.percent("opinion_russia", favourable, wave: w, filter: "agegroup == 1")
        #expect(oldFavourable > youngFavourable + 15)
        #expect(oldNegative < youngNegative - 20)
        #expect(oldNegative < fiftiesNegative)
    }

    @Test("media: viewers of Russian media nearly twice as often favourable; a third of the others very unfavourable")
    func media() throws {
        for w in ["2022-spring", "2022-autumn"] {
            let viewers = try F.percent("opinion_russia", favourable, wave: w, filter: "russian_media == 1")
            let others = try F.percent("opinion_russia", favourable, wave: w, filter: "russian_media == 2")
            #expect(viewers / others > 1.6 && viewers / others < 2.3, "\(w): \(viewers) vs \(others)")
            let veryUnfavourable = try F.percent("opinion_russia", [4], wave: w, filter: "russian_media == 2")
            #expect(abs(veryUnfavourable - 33) <= 5, "\(w): \(veryUnfavourable)")
        }
    }

    @Test("autumn 2022: two thirds see Russia as friendly, a quarter unfriendly, a third its influence negative, half concerned")
    func autumn2022() throws {
        let w = "2022-autumn"
        #expect(abs(try F.percent("russia_friendly", [1], wave: w) - 65) <= 4)
        #expect(abs(try F.percent("russia_friendly", [2], wave: w) - 25) <= 4)
        #expect(abs(try F.percent("russia_influence", [2], wave: w) - 33) <= 4)
        #expect(abs(try F.percent("russia_concern", [1, 2], wave: w) - 50) <= 4)
    }

    @Test("security partner: Russia named by over a quarter, ahead of Turkey, China and the US")
    func securityPartner() throws {
        for wave in F.study.waves {
            let shares = try F.proportions("security_partner", wave: wave.id)
            let russia = shares["1"]!
            #expect(russia > 0.25, "\(wave.id)")
            #expect(["2", "3", "4", "5"].allSatisfy { shares[$0]! < russia }, "\(wave.id)")
        }
    }

    @Test("a Russian military base: support falls and opposition rises from spring 2021 to autumn 2022")
    func militaryBase() throws {
        let support2021 = try F.percent("russian_base", [1], wave: "2021-spring")
        let support2022 = try F.percent("russian_base", [1], wave: "2022-autumn")
        let oppose2021 = try F.percent("russian_base", [2], wave: "2021-spring")
        let oppose2022 = try F.percent("russian_base", [2], wave: "2022-autumn")
        #expect(support2022 < support2021 - 5)
        #expect(oppose2022 > oppose2021 + 5)
    }

    @Test("side in the war as Demoscope found: spring 2022 10/39/46, autumn 2022 22/13/59, 2023 21/13/60")
    func warSide() throws {
        let figures: [(String, [Double])] = [
            ("2022-spring", [10, 39, 46]), ("2022-autumn", [22, 13, 59]), ("2023-spring", [21.1, 12.8, 59.8]),
            ("2023-autumn", [21, 13, 60]),
        ]
        for (wave, targets) in figures {
            for (i, target) in targets.enumerated() {
                let value = try F.percent("war_side", [i + 1], wave: wave)
                #expect(abs(value - target) <= 4, "\(wave) code \(i + 1): \(value) vs \(target)")
            }
        }
    }

    @Test("side in the war by age, autumn 2022: 18–29 23 Ukraine vs 6 Russia; 60+ 14 vs 34")
    func warSideByAge() throws {
        let w = "2022-autumn"
        let youngUkraine = try F.percent("war_side", [1], wave: w, filter: "agegroup == 1")
        let youngRussia = try F.percent("war_side", [2], wave: w, filter: "agegroup == 1")
        let oldUkraine = try F.percent("war_side", [1], wave: w, filter: "agegroup == 5")
        let oldRussia = try F.percent("war_side", [2], wave: w, filter: "agegroup == 5")
        // Subgroups of about 300: a standard error near 2.5 points.
        #expect(abs(youngUkraine - 23) <= 6 && abs(youngRussia - 6) <= 4, "\(youngUkraine) vs \(youngRussia)")
        #expect(abs(oldUkraine - 14) <= 6 && abs(oldRussia - 34) <= 6, "\(oldUkraine) vs \(oldRussia)")
    }
}
