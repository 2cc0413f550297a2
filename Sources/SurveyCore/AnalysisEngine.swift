/// Runs an ``AnalysisRequest`` on a ``Dataset``: the one entry point of the engine that the
/// command line, the report and the server share.
public enum AnalysisEngine {
    public static func run(_ request: AnalysisRequest, on dataset: Dataset) throws(SurveyError) -> AnalysisResult {
        throw SurveyError(.invalidRequest, "The engine is being built.")
    }
}
