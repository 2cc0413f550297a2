import SurveyCore
import Testing
import Weighting

@Suite("Weighting targets against the data")
struct CalibrationModelTests {
    func model(_ targets: WeightingTargets, sex: [String?] = WeightingSample.sex) throws -> CalibrationModel {
        let data = try WeightingSample.dataset(sex: sex)
        return try CalibrationModel(targets, dataset: data, baseWeights: WeightingSample.weights)
    }

    func message(_ targets: WeightingTargets, sex: [String?] = WeightingSample.sex) -> String {
        do {
            _ = try model(targets, sex: sex)
            return "no error"
        } catch let error as SurveyError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test("shares are scaled to the population, or to the sum of the base weights")
    func shares() throws {
        var targets = WeightingSample.margins(sex: ["m": 0.486, "f": 0.514], settlement: ["urban": 0.612, "rural": 0.388])
        let byWeights = try model(targets)
        #expect(abs(byWeights.factors[0].targets.reduce(0, +) - 18) < 1e-12)
        #expect(byWeights.factors[0].givenAsShares)
        targets.population = 14_000_000
        let byPopulation = try model(targets)
        let female = byPopulation.factors[0].levels.firstIndex(of: "f")!
        #expect(abs(byPopulation.factors[0].targets[female] - 0.514 * 14_000_000) < 1e-6)
        #expect(byPopulation.population == 14_000_000)
    }

    @Test("cells join the levels of several variables with |, by label or code")
    func cells() throws {
        let targets = WeightingTargets(cells: [.init(variables: ["sex", "settlement"], targets: [
            .init(level: "m|urban", value: 300), .init(level: "m|2", value: 180),
            .init(level: "f|urban", value: 310), .init(level: "f|rural", value: 210),
        ])])
        let m = try model(targets)
        #expect(m.factors.count == 1)
        #expect(m.factors[0].name == "sex × settlement")
        #expect(Set(m.factors[0].levels) == ["m|urban", "m|rural", "f|urban", "f|rural"])
        #expect(m.population == 1_000)
    }

    @Test("a zero target for an empty cell is allowed")
    func zeroTargetForEmptyLevel() throws {
        var targets = WeightingSample.margins()
        targets.margins[0].targets.append(.init(level: "other", value: 0))
        #expect(try model(targets).factors[0].levels.count == 2)
    }

    @Test("every problem is one sentence naming the variable, the level and the fix", arguments: [
        ("missing target", WeightingTargets(margins: [.init(variable: "sex", targets: [.init(level: "m", value: 480)])]), "Level 'f' of 'sex' has no target, yet 7 respondents are in it"),
        ("empty level", WeightingSample.margins(sex: ["m": 400, "f": 500, "x": 100]), "level 'x' (100) matches no respondents in the sample"),
        ("zero for a level with respondents", WeightingSample.margins(sex: ["m": 1000, "f": 0]), "'sex' level 'f' has respondents but a target of 0"),
        ("shares not summing to 1", WeightingSample.margins(sex: ["m": 0.4, "f": 0.5]), "The shares of 'sex' sum to 0.9, not 1"),
        ("margins disagree", WeightingSample.margins(settlement: ["urban": 600, "rural": 390]), "'settlement' sums to 990 but 'sex' sums to 1000"),
        ("unknown variable", WeightingTargets(margins: [.init(variable: "region", targets: [.init(level: "a", value: 1)])]), "region"),
        ("negative", WeightingSample.margins(sex: ["m": -1, "f": 1001]), "targets are counts or shares, zero or positive"),
        ("cells with the wrong number of parts", WeightingTargets(cells: [.init(variables: ["sex", "settlement"], targets: [.init(level: "m", value: 1)])]), "has 1 part(s) but there are 2 variables"),
        ("nothing", WeightingTargets(), "name no margins, cells or totals"),
        ("total of a categorical", WeightingTargets(totals: [.init(variable: "sex", total: 3)]), "not numeric"),
    ])
    func errors(_ name: String, _ targets: WeightingTargets, _ expected: String) {
        let text = message(targets)
        #expect(text.contains(expected), "\(name): \(text)")
    }

    @Test("a respondent without a value of a weighting variable is named")
    func missingValue() {
        var sex = WeightingSample.sex
        sex[3] = nil
        #expect(message(WeightingSample.margins(), sex: sex).contains("Respondent 4 has no value of 'sex'"))
    }
}
