import Studies
import SurveyCore

/// The demo study generated once for all tests, and design-based estimates on it.
enum DemoFixture {
    static let demo: DemoStudy = {
        do { return try DemoStudyGenerator().generate() } catch { fatalError("The demo study failed to generate: \(error)") }
    }()

    static var study: Study { demo.study }

    static func wave(_ id: String) -> StudyWave { study.wave(id)! }

    static func data(_ id: String) -> Dataset { demo.dataset(wave: id)! }

    /// Weighted, design-based proportions of every code of `variable` in wave `id` (in a domain
    /// when `filter` is given), from the analysis engine with the wave's design.
    static func proportions(_ variable: String, wave id: String, filter: String? = nil) throws -> [String: Double] {
        let request = AnalysisRequest(design: wave(id).design, measures: [Measure(.proportion, variable)], filter: filter)
        let result = try AnalysisEngine.run(request, on: data(id))
        var shares: [String: Double] = [:]
        for row in result.rows { shares[row.code ?? row.level ?? "", default: 0] += row.estimate ?? .nan }
        return shares
    }

    /// Percent of respondents in wave `id` (within `filter`) whose `variable` has one of `codes`.
    static func percent(_ variable: String, _ codes: Set<Int>, wave id: String, filter: String? = nil) throws -> Double {
        let shares = try proportions(variable, wave: id, filter: filter)
        return 100 * codes.reduce(0) { $0 + (shares[String($1)] ?? 0) }
    }

    /// The pooled 2017–2019 estimate: the average of the six face-to-face waves' estimates.
    /// Every wave is weighted to the same population and has about the same size, so this is
    /// what estimating on the six waves stacked (with weights scaled to each wave's size) gives,
    /// up to the small differences in sample size.
    static func pooledPercent(_ variable: String, _ codes: Set<Int>, filter: String? = nil) throws -> Double {
        let waves = ["2017-spring", "2017-autumn", "2018-spring", "2018-autumn", "2019-spring", "2019-autumn"]
        var sum = 0.0
        for w in waves { sum += try percent(variable, codes, wave: w, filter: filter) }
        return sum / Double(waves.count)
    }
}
