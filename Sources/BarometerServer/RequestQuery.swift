import Foundation
import Studies
import SurveyCore

/// The query of a URL, read as HTML forms, curl `--data-urlencode` and Python `requests` write
/// it (`application/x-www-form-urlencoded`: `+` is a space, `%2B` a plus), and decoded into the
/// one request vocabulary through the one table of names (``SurveyCore/RequestParameters``):
/// the same names for the API (`/api/v1/.../trend?concept=…`) and the explorer's pages, so
/// every view has a stable URL.
struct RequestQuery: Sendable {
    /// The pairs in the order written.
    let pairs: [(String, String)]

    /// Reads a raw query string (without `?`).
    init(raw: String?) {
        var out: [(String, String)] = []
        for part in (raw ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            out.append((decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""))
        }
        pairs = out
    }

    /// A query of these pairs.
    init(pairs: [(String, String)]) {
        self.pairs = pairs
    }

    func first(_ key: String) -> String? {
        pairs.first { $0.0 == key }.map { $0.1.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// All values, each split at commas.
    func list(_ key: String) -> [String] {
        pairs.filter { $0.0 == key }.flatMap { $0.1.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    var language: String {
        let lang = first("lang") ?? "en"
        return ["en", "ru", "kk"].contains(lang) ? lang : "en"
    }

    /// The analysis request the query describes, leaving out `ignoring` (the page's own keys,
    /// such as `chart`). `concept` given: a trend; else one wave's analysis.
    /// - Throws: ``SurveyCore/SurveyError`` worded for URLs (`ci-method=…`).
    func request(concept: String? = nil, ignoring: Set<String> = []) throws(APIError) -> AnalysisRequest {
        var entries = pairs.filter { !ignoring.contains($0.0) && $0.0 != "lang" }.map { RequestParameters.Entry($0.0, $0.1) }
        if let concept { entries.insert(.init(RequestParameter.concept.name, concept), at: 0) }
        entries.append(.init(RequestParameter.lang.name, language))
        do {
            return try RequestParameters(entries, surface: .query).request()
        } catch {
            // A parameter that does not read is the client's to correct: 400.
            throw APIError(.badRequest, error.message(for: .query))
        }
    }

    /// The trend the query asks for: of a concept, or of the shares of mentions of a coded
    /// question (`mentions=` or `mentioned=`) in every wave (`wave=ID` keeps one).
    func trend(concept: String? = nil, ignoring: Set<String> = []) throws -> AnalysisRequest {
        if concept == nil && first("concept") == nil && (first("mentions") != nil || first("mentioned") != nil) {
            var across = pairs.filter { $0.0 != "wave" }
            if let wave = first("wave"), wave != "all" {
                across.append(("waves", wave))
            } else if first("waves") == nil {
                across.append(("wave", "all"))
            }
            return try RequestQuery(pairs: across).request(ignoring: ignoring)
        }
        guard concept != nil || first("concept") != nil else {
            throw APIError(.badRequest, "The request names no concept; add concept=ID (see /api/v1/studies/STUDY/concepts), or mentions=$SET for a coded question (see /api/v1/studies/STUDY/coded).")
        }
        return try request(concept: concept, ignoring: ignoring)
    }

    /// An analysis of one wave the query asks for.
    func analysis() throws -> AnalysisRequest {
        guard first("wave") != nil else {
            throw APIError(.badRequest, "The request names no wave; add wave=ID (see /api/v1/studies/STUDY/waves).")
        }
        let request = try request()
        guard !request.measures.isEmpty || request.crosstab != nil || request.trend != nil || request.regression != nil else {
            throw APIError(.badRequest, "The request estimates nothing; add proportion=NAME (or variable=NAME), mean=NAME, total=NAME or model=OUTCOME~PREDICTORS.")
        }
        return request
    }
}
