import SurveyCore

/// Hand-built results in the shape the engine produces (numbers are illustrative).
enum SampleResults {
    static let stratified = DesignSummary(
        weights: "pw", strata: "stype", clusters: [], fpc: ["fpc"], nest: false, lonelyPSU: .fail,
        degreesOfFreedom: 197, respondents: 200, strataCount: 3, psuCount: 200)

    static let clustered = DesignSummary(
        weights: "pw", strata: "stype", clusters: ["dnum"], fpc: ["fpc"], nest: true, lonelyPSU: .fail,
        degreesOfFreedom: 197, respondents: 200, strataCount: 3, psuCount: 6)

    static func domain(_ pairs: (String, String)...) -> Domain {
        Domain(pairs.map { Domain.Entry(variable: $0.0, value: $0.1) })
    }

    static func wald(_ lower: Double, _ upper: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower, upper: upper, level: 0.95, method: .wald)
    }

    static func logit(_ lower: Double?, _ upper: Double?) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower, upper: upper, level: 0.95, method: .logit)
    }

    /// Mean of api00 by school type, with design effects.
    static let means = AnalysisResult(
        design: stratified,
        rows: [
            ResultRow(variable: "api00", statistic: .mean, domain: domain(("stype", "E")),
                      estimate: 674.4333333333333, standardError: 12.49094, ci: wald(649.79, 699.0767),
                      designEffect: 0.9876, degreesOfFreedom: 99, unweightedCount: 100, weightedCount: 4421.0),
            ResultRow(variable: "api00", statistic: .mean, domain: domain(("stype", "H")),
                      estimate: 625.82, standardError: 15.34, ci: wald(595.3, 656.34),
                      designEffect: 1.0213, degreesOfFreedom: 49, unweightedCount: 50, weightedCount: 755.0),
            ResultRow(variable: "api00", statistic: .mean, domain: domain(("stype", "M")),
                      estimate: 636.6, standardError: 16.5, ci: wald(603.8, 669.4),
                      designEffect: 1.1, degreesOfFreedom: 49, unweightedCount: 50, weightedCount: 1018.0),
        ],
        warnings: [])

    /// Proportions of stype by sch.wide and a second breakdown; one row has no SE.
    static let proportions = AnalysisResult(
        design: clustered,
        rows: [
            ResultRow(variable: "stype", statistic: .proportion, domain: domain(("sch.wide", "No"), ("region", "Север")),
                      level: "E", code: "E", estimate: 0.3941, standardError: 0.0221, ci: logit(0.3512, 0.4387),
                      degreesOfFreedom: 3, unweightedCount: 21, weightedCount: 812.5),
            ResultRow(variable: "stype", statistic: .proportion, domain: domain(("sch.wide", "No"), ("region", "Север")),
                      level: "High, \"senior\"", code: "H", estimate: 0.6059, standardError: nil, ci: nil,
                      unweightedCount: 12, weightedCount: 1249.25),
            ResultRow(variable: "stype", statistic: .proportion, domain: domain(("sch.wide", "Yes"), ("region", "Юг")),
                      level: "E", code: "E", estimate: 1.0 / 3.0, standardError: 0.05, ci: logit(0.25, 0.43),
                      degreesOfFreedom: 3, unweightedCount: 40, weightedCount: 1500.0),
        ],
        provenance: Provenance(file: "data/apistrat.csv", software: "barometer 0.1.0"))

    /// A 2 × 2 crosstab with row percentages, a Rao–Scott test and a warning.
    static let crosstab: AnalysisResult = {
        func cell(_ r: String, _ c: String, _ p: Double, _ lo: Double, _ hi: Double, _ n: Int) -> ResultRow {
            ResultRow(variable: "stype", statistic: .proportion, level: c, code: c, estimate: p, standardError: 0.02,
                      ci: logit(lo, hi), unweightedCount: n, weightedCount: Double(n) * 10,
                      cell: CrosstabCell(row: r, column: c))
        }
        return AnalysisResult(
            design: stratified,
            rows: [
                cell("E", "No", 0.394, 0.351, 0.439, 40), cell("E", "Yes", 0.606, 0.561, 0.649, 60),
                cell("Город", "No", 0.12, 0.08, 0.17, 6), cell("Город", "Yes", 0.88, 0.83, 0.92, 44),
            ],
            tests: [TestResult(name: "rao-scott-f", statistic: 5.1893, df: [1.4921, 20.93], pValue: 0.021734,
                               description: "stype × sch.wide")],
            warnings: ["2 cells have fewer than 30 respondents."],
            request: AnalysisRequest(crosstab: CrosstabSpec(rows: "stype", columns: "sch.wide")))
    }()

    /// A trend across two waves in the shape ``TrendAnalysis`` gives: the wave as the first
    /// domain variable (`wave`), a breakdown (`agegroup`), level labels and variable labels in
    /// `language`, wave labels, a net score and changes between the waves.
    static func trend(language: String) -> AnalysisResult {
        let labels: [String: (concept: String, age: String, favourable: String, unfavourable: String, waves: [String])] = [
            "en": ("Opinion of Russia", "Age group", "Favourable", "Unfavourable", ["Spring 2017", "Autumn 2022"]),
            "ru": ("Отношение к России", "Возрастная группа", "Хорошее", "Плохое", ["Весна 2017", "Осень 2022"]),
            "kk": ("Ресей туралы пікір", "Жас тобы", "Жақсы", "Жаман", ["Көктем 2017", "Күз 2022"]),
        ]
        let words = labels[language] ?? labels["en"]!
        func row(_ wave: String, _ age: String, _ code: String, _ level: String, _ p: Double) -> ResultRow {
            ResultRow(variable: "opinion_russia", statistic: .proportion, domain: domain(("wave", wave), ("agegroup", age)),
                      level: level, code: code, estimate: p, standardError: 0.02, ci: logit(p - 0.04, p + 0.04),
                      degreesOfFreedom: 40, unweightedCount: 300, weightedCount: 310)
        }
        var rows: [ResultRow] = []
        for (wave, shift) in [("2017-spring", 0.0), ("2022-autumn", -0.2)] {
            for age in ["18–29", "30+"] {
                rows.append(row(wave, age, "favourable", words.favourable, 0.6 + shift))
                rows.append(row(wave, age, "unfavourable", words.unfavourable, 0.4 - shift))
            }
            rows.append(ResultRow(variable: "opinion_russia", statistic: .netScore, domain: domain(("wave", wave), ("agegroup", "30+")),
                                  estimate: 0.2 + 2 * shift, standardError: 0.04, ci: wald(0.12 + 2 * shift, 0.28 + 2 * shift),
                                  degreesOfFreedom: 40, unweightedCount: 300, weightedCount: 310))
        }
        let comparisons = [
            Comparison(variable: "opinion_russia", statistic: .proportion, level: words.favourable, domain: domain(("agegroup", "30+")),
                       from: "2017-spring", to: "2022-autumn", fromEstimate: 0.6, fromStandardError: 0.02,
                       toEstimate: 0.4, toStandardError: 0.02, confidenceLevel: 0.95),
            Comparison(variable: "opinion_russia", statistic: .netScore, level: nil, domain: domain(("agegroup", "30+")),
                       from: "2017-spring", to: "2022-autumn", fromEstimate: 0.2, fromStandardError: 0.04,
                       toEstimate: -0.2, toStandardError: 0.04, confidenceLevel: 0.95),
        ]
        let waves = zip(["2017-spring", "2022-autumn"], words.waves).map { id, label in
            WaveSummary(id: id, label: label, fieldworkStart: "2017-03-01", fieldworkEnd: "2017-03-31", mode: "face-to-face", design: clustered)
        }
        var result = AnalysisResult(
            design: clustered, rows: rows,
            tests: [TestResult(name: "rao-scott-f", statistic: 3.2, df: [1, 40], pValue: 0.08, description: "2017-spring: agegroup × opinion_russia")],
            comparisons: comparisons, waves: waves)
        result.variableLabels = ["opinion_russia": words.concept, "agegroup": words.age]
        return result
    }
}
