import SurveyCore

/// `--steps`: times the public building blocks an analysis is made of, to tell where the time
/// of an operation goes without a profiler: the category index of a numeric variable (the
/// distinct values, then the category of every respondent) and the domain index of a
/// breakdown. Each is timed `repetitions` times on the same data; medians.
struct BenchSteps {
    let dataset: Dataset
    let repetitions: Int

    struct Step {
        var name: String
        var median: Double
    }

    func run() throws -> [Step] {
        var steps: [Step] = []
        func time(_ name: String, _ body: () throws -> Void) rethrows {
            var seconds: [Double] = []
            for _ in 0..<repetitions { seconds.append(try BenchMeasurement.time(body)) }
            steps.append(Step(name: name, median: BenchMeasurement.median(seconds.sorted())))
        }
        var indices: [String: CategoryIndex] = [:]
        for name in ["q", "agegroup", "district", "psu"] {
            let column = try dataset.column(name)
            time("CategoryIndex of \(name) (numeric, \(Set(indexValues(column)).count) values)") {
                let index = CategoryIndex(column, metadata: dataset.metadata(name), missing: .include, language: "en")
                keep(index.count)
                indices[name] = index
            }
        }
        for name in ["agegroup", "district"] {
            let index = indices[name]!
            time("DomainIndex by \(name)") {
                keep(DomainIndex(by: [index], mask: nil, rowCount: dataset.rowCount).count)
            }
        }
        try time("SurveyDesign (strata, PSUs, weights)") {
            keep(try SurveyDesign(SyntheticSurvey.design, dataset: dataset).degreesOfFreedom)
        }
        let w = try dataset.column("weight")
        time("one pass: Σ weight by q category (the floor of a proportion)") {
            guard case .numeric(let weights) = w.values else { return }
            let categories = indices["q"]!.categoryOfRow
            var sums = [Double](repeating: 0, count: 8)
            for i in 0..<weights.count { sums[Int(categories[i]) & 7] += weights[i] }
            keep(sums)
        }
        return steps
    }

    private func indexValues(_ column: Column) -> [Double] {
        if case .numeric(let v) = column.values { return v }
        return []
    }

    static func table(_ steps: [Step], rows: Int) -> String {
        var lines = ["Building blocks on \(BenchReport.grouped(rows)) rows (medians):", "",
                     "| step | median ms |", "| --- | ---: |"]
        for s in steps { lines.append("| \(s.name) | \(BenchReport.ms(s.median)) |") }
        return lines.joined(separator: "\n")
    }
}
