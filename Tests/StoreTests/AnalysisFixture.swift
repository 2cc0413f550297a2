import SurveyCore

/// A real request and the result the engine gives for it on a fixture wave.
enum AnalysisFixture {
    static let request = AnalysisRequest(
        design: StoreFixture.design, measures: [Measure(.proportion, "q_ru"), Measure(.mean, "w")], by: ["stratum"],
        options: AnalysisOptions(language: "kk", designEffects: true))

    static func result() throws -> AnalysisResult {
        try AnalysisEngine.run(request, on: StoreFixture.dataset(rows: 40, seed: 0))
    }
}
