@testable import BarometerBench
import SurveyCore
import Testing

/// The benchmark harness's generator, on 1,000 rows: deterministic, and shaped as BENCHMARKS.md
/// says (50 strata, PSUs nested in strata and districts, the answer codes), so that a change
/// cannot make the benchmark quietly time something else. Nothing here is timed.
@Suite("barometer-bench data generator")
struct SyntheticSurveyTests {
    static let rows = 1_000

    func numbers(_ dataset: Dataset, _ name: String) throws -> [Double] {
        guard case .numeric(let values) = try dataset.column(name).values else {
            Issue.record("\(name) is not numeric")
            return []
        }
        return values
    }

    @Test("the same seed gives the same data, another seed other data")
    func deterministic() throws {
        let a = SyntheticSurvey(rows: Self.rows).dataset()
        let b = SyntheticSurvey(rows: Self.rows).dataset()
        #expect(a.columns == b.columns)
        let c = SyntheticSurvey(rows: Self.rows, seed: 7).dataset()
        #expect(a.columns != c.columns)
        #expect(a.variableNames == SyntheticSurvey.columnNames)
        #expect(a.rowCount == Self.rows)
    }

    @Test("50 strata, 4 PSUs each at 1,000 rows (20 from 25,000), PSUs and districts nested in strata")
    func structure() throws {
        let survey = SyntheticSurvey(rows: Self.rows)
        #expect(survey.psusPerStratum == 4)
        #expect(SyntheticSurvey(rows: 25_000).psusPerStratum == 20)
        #expect(SyntheticSurvey(rows: 25_000).psuCount == 1_000)
        let data = survey.dataset()
        let stratum = try numbers(data, "stratum"), psu = try numbers(data, "psu"), district = try numbers(data, "district")
        #expect(Set(stratum) == Set((1...50).map(Double.init)))
        #expect(Set(psu).count == 200)
        var stratumOfPSU: [Double: Double] = [:], stratumOfDistrict: [Double: Double] = [:], districtOfPSU: [Double: Double] = [:]
        for i in 0..<data.rowCount {
            #expect(stratumOfPSU.updateValue(stratum[i], forKey: psu[i]).map { $0 == stratum[i] } ?? true)
            #expect(stratumOfDistrict.updateValue(stratum[i], forKey: district[i]).map { $0 == stratum[i] } ?? true)
            #expect(districtOfPSU.updateValue(district[i], forKey: psu[i]).map { $0 == district[i] } ?? true)
        }
        #expect(stratumOfDistrict.count == 200)
        // Every PSU has at least two respondents, so no stratum is left with a lonely PSU.
        var size: [Double: Int] = [:]
        for p in psu { size[p, default: 0] += 1 }
        #expect(size.values.min()! >= 2)
    }

    @Test("codes: q in 1-5 and 98, 6 age groups, 17 regions; positive weights adding up to about 14 million")
    func codes() throws {
        let data = SyntheticSurvey(rows: Self.rows).dataset()
        #expect(Set(try numbers(data, "q")).isSubset(of: [1, 2, 3, 4, 5, 98]))
        #expect(Set(try numbers(data, "agegroup")) == Set((1...6).map(Double.init)))
        #expect(Set(try numbers(data, "age4")) == [1, 2, 3, 4])
        #expect(Set(try numbers(data, "region")) == Set((1...17).map(Double.init)))
        #expect(Set(try numbers(data, "settlement")) == [1, 2])
        let weights = try numbers(data, "weight")
        #expect(weights.allSatisfy { $0 > 0 })
        let total = weights.reduce(0, +)
        #expect(total > 0.8 * SyntheticSurvey.population && total < 1.3 * SyntheticSurvey.population)
        #expect(data.columns.allSatisfy { column in
            guard case .numeric(let v) = column.values else { return false }
            return !v.contains { $0.isNaN }
        })
    }

    @Test("every benchmark operation runs on the generated data (once, untimed in effect)")
    func operationsRun() throws {
        let data = SyntheticSurvey(rows: Self.rows).dataset()
        let runner = BenchRunner(dataset: data, repetitions: 1)
        for op in BenchOperation.allCases where op.kind == .compute {
            let m = try runner.measure(op)
            #expect(m.seconds.count == 1, "\(op.rawValue)")
        }
        let design = try SurveyDesign(SyntheticSurvey.design, dataset: data)
        #expect(design.primary.strataCount == 50)
        #expect(design.primary.unitCount == 200)
        let crosstab = try AnalysisEngine.run(BenchOperation.crosstab.request!, on: data, design: design)
        #expect(crosstab.tests.first?.name == "rao-scott-f")
        #expect(crosstab.rows.count == 36)
        let districts = try AnalysisEngine.run(BenchOperation.meanByDistrict.request!, on: data, design: design)
        #expect(districts.rows.count == 200)
        let steps = try BenchSteps(dataset: data, repetitions: 1).run()
        #expect(steps.count == 8)
    }

    @Test("raking targets: every margin adds up to the population")
    func targets() {
        let targets = SyntheticSurvey.rakingTargets()
        #expect(targets.margins.map(\.variable) == ["region", "settlement", "sex", "age4"])
        for margin in targets.margins {
            #expect(margin.targets.map(\.value).reduce(0, +) == SyntheticSurvey.population)
        }
    }

    @Test("options: defaults, --only, --data implies compute operations in one process")
    func options() throws {
        let defaults = try BenchOptions(arguments: [])
        #expect(defaults.rows == 1_000_000 && defaults.repetitions == 5 && !defaults.inProcess)
        let only = try BenchOptions(arguments: ["--rows", "10_000_000", "--only", "crosstab,load-sav", "--json"])
        #expect(only.rows == 10_000_000 && only.operations == [.crosstab, .loadSAV] && only.json)
        let file = try BenchOptions(arguments: ["--data", "x.csv"])
        #expect(file.inProcess && file.operations.allSatisfy { $0.kind == .compute })
        #expect(try BenchOptions(arguments: ["--steps"]).steps)
        #expect(throws: BenchError.self) { try BenchOptions(arguments: ["--rows", "10"]) }
        #expect(throws: BenchError.self) { try BenchOptions(arguments: ["--only", "nothing"]) }
    }
}
