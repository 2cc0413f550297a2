import SurveyCore
import SurveyIO
import Testing
import Weighting

@Suite("Weighting targets YAML")
struct WeightingTargetsYAMLTests {
    func read(_ text: String) throws -> WeightingTargets {
        try WeightingTargetsYAML.read(string: text, name: "targets.yaml")
    }

    func failure(_ text: String) -> String {
        do {
            _ = try read(text)
            return "no error"
        } catch let error as ReadError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func marginsCellsTotalsAndPopulationInTheFilesOrder() throws {
        let targets = try read("""
            population: 19,186,015
            margins:
              stype: {E: 4421, H: 755, M: 1018}
              sch.wide: {"No": 1072, "Yes": 5122}
              sex: {male: 48.6%, female: 51.4%}
            cells:
              - variables: [region, settlement]
                targets: {"Almaty|urban": 0.106, "Almaty|rural": 0.0}
            totals:
              api99: 3914069
              income: 2.1e12
            """)
        #expect(targets.population == 19_186_015)
        #expect(targets.margins.map(\.variable) == ["stype", "sch.wide", "sex"])
        #expect(targets.margins[0].targets.map(\.level) == ["E", "H", "M"])
        // YAML 1.1 would read No and Yes as booleans; levels stay words.
        #expect(targets.margins[1].targets.map(\.level) == ["No", "Yes"])
        #expect(abs(targets.margins[2].targets[0].value - 0.486) < 1e-15)
        #expect(targets.cells == [.init(variables: ["region", "settlement"], targets: [
            .init(level: "Almaty|urban", value: 0.106), .init(level: "Almaty|rural", value: 0)])])
        #expect(targets.totals == [.init(variable: "api99", total: 3_914_069), .init(variable: "income", total: 2.1e12)])
    }

    @Test func writingThenReadingGivesTheSameTargets() throws {
        let targets = WeightingTargets(
            margins: [.init(variable: "sex", targets: [.init(level: "male", value: 0.486), .init(level: "female", value: 0.514)]),
                      .init(variable: "sch.wide", targets: [.init(level: "No", value: 1072), .init(level: "Yes", value: 5122)])],
            cells: [.init(variables: ["region", "settlement"], targets: [.init(level: "Almaty oblast|urban", value: 0.052)])],
            totals: [.init(variable: "income", total: 2.1e12)], population: 14_000_000)
        let text = try WeightingTargetsYAML.string(for: targets)
        #expect(try read(text) == targets)
        #expect(text.contains("\"No\": 1072"))
    }

    @Test("mistakes name the file, the line and the fix", arguments: [
        ("", "holds no targets"),
        ("- a\n- b\n", "the top level is a list"),
        ("margin:\n  sex: {m: 1}\n", "line 1: unknown key 'margin' in the top level of the targets; did you mean 'margins'?"),
        ("margins:\n  sex: [m, f]\n", "line 2: the margin of 'sex' is a list"),
        ("margins:\n  sex: {m: many, f: 2}\n", "line 2: the target of level 'm' in the margin of 'sex' is 'many', not a number"),
        ("cells:\n  - variables: [region]\n    targets: {a: 1}\n", "cells join two or more variables"),
        ("cells:\n  - variables: [a, b]\n", "needs both `variables:`"),
        ("totals:\n  income: 5%\n", "the total of 'income' is a percentage"),
        ("margins:\n  sex: {m: 1\n", "line 3"),
        ("population: 10\n", "names no margins, cells or totals"),
    ])
    func mistakes(_ text: String, _ expected: String) {
        let message = failure(text)
        #expect(message.hasPrefix("Cannot read targets file 'targets.yaml'"), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }
}
