import SurveyCore
import Weighting

/// The census margins the demo waves are weighted to (`reference/kazakhstan-population.md`).
enum DemoPopulation {
    /// Men among residents: 946 men per 1,000 women.
    static let menShare = 0.486
    /// Urban residents, census 2021.
    static let urbanShare = 0.612

    /// Adults by age group 18–29, 30–39, 40–49, 50–59, 60+ (percent). The reference gives
    /// 18–44 54.4, 45–59 24.1, 60–74 15.8 and 75+ 5.7; 18–44 and 45–59 are split here by the
    /// sizes of the birth cohorts (small cohorts born around 2000), keeping those sums.
    static let ageGroupShares: [Double] = [21.9, 21.4, 20.1, 15.1, 21.5]

    static let ageGroupBounds: [ClosedRange<Int>] = [18...29, 30...39, 40...49, 50...59, 60...85]

    /// The raking targets, as shares, named by the English value labels of the demo codebook.
    static var targets: WeightingTargets {
        let total = Double(DemoRegion.totalPopulation)
        let regions = DemoRegion.all.map {
            WeightingTargets.LevelTarget(level: $0.name.text(in: "en")!, value: Double($0.population) / total)
        }
        let ageSum = ageGroupShares.reduce(0, +)
        let ages = zip(DemoQuestionnaire.ageGroup.answers, ageGroupShares).map {
            WeightingTargets.LevelTarget(level: $0.label.text(in: "en")!, value: $1 / ageSum)
        }
        let settlement = DemoQuestionnaire.settlement.answers
        let sex = DemoQuestionnaire.sex.answers
        return WeightingTargets(margins: [
            .init(variable: "region", targets: regions),
            .init(variable: "settlement", targets: [
                .init(level: settlement[0].label.text(in: "en")!, value: urbanShare),
                .init(level: settlement[1].label.text(in: "en")!, value: 1 - urbanShare),
            ]),
            .init(variable: "sex", targets: [
                .init(level: sex[0].label.text(in: "en")!, value: menShare),
                .init(level: sex[1].label.text(in: "en")!, value: 1 - menShare),
            ]),
            .init(variable: "agegroup", targets: ages),
        ])
    }
}
