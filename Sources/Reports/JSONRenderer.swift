import SurveyCore

/// The JSON result object of DESIGN.md §5: `barometer`, `design`, `rows`, `tests`,
/// `warnings`, then `provenance` when present. The request that produced the result is
/// left out. Members keep the order the model encodes them in (see ``OrderedJSONEncoder``).
struct JSONRenderer {
    func render(_ result: AnalysisResult) -> String {
        var published = result
        published.request = nil
        do {
            return try OrderedJSONEncoder(prettyPrinted: true).encode(published) + "\n"
        } catch {
            // The model's encoders do not throw; keep the output valid JSON if one ever does.
            let message = try? OrderedJSONEncoder(prettyPrinted: false).encode("\(error)")
            return "{\"error\": \(message ?? "null")}\n"
        }
    }
}
