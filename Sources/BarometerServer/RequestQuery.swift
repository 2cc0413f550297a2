import Foundation
import Studies
import SurveyCore

/// The query parameters of a URL, read into the one request vocabulary: the same names for
/// the API (`/api/v1/.../trend?concept=…`) and the explorer's pages, so that every view has a
/// stable URL.
///
/// Trend: `concept`, `by` (repeatable or comma-separated), `filter`, `levels`, `collapse`
/// (repeatable, `name=a+b`), `waves` (comma-separated, or `wave` for one), `compare`
/// (`FROM:TO`, `consecutive`, `first-last`, `none`), `net` (`false`), `dk` (`exclude`),
/// `level` (0.95), `ci` (interval method), `lang`.
/// Analyze: `wave`, `variable` or `mean`/`total`/`proportion`, `by`, `filter`, `dk`, `level`,
/// `ci`, `lang`.
struct RequestQuery: Sendable {
    var values: [String: [String]]

    init(_ pairs: [(String, String)]) {
        var v: [String: [String]] = [:]
        for (key, value) in pairs { v[key, default: []].append(value) }
        values = v
    }

    func first(_ key: String) -> String? {
        values[key]?.first.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// All values, each split at commas.
    func list(_ key: String) -> [String] {
        (values[key] ?? []).flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    var language: String {
        let lang = first("lang") ?? "en"
        return ["en", "ru", "kk"].contains(lang) ? lang : "en"
    }

    func options() throws -> AnalysisOptions {
        var options = AnalysisOptions(language: language)
        if let text = first("level") {
            guard let level = Double(text), level > 0, level < 1 else {
                throw APIError(.badRequest, "level=\(text) is not a confidence level between 0 and 1; write level=0.95.")
            }
            options.confidenceLevel = level
        }
        if let text = first("ci") {
            guard let method = CIMethod(rawValue: text) else {
                throw APIError(.badRequest, "ci=\(text) is not an interval method; use \(CIMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            options.ciMethod = method
        }
        if let dk = first("dk") {
            guard dk == "include" || dk == "exclude" else {
                throw APIError(.badRequest, "dk=\(dk) is neither include nor exclude.")
            }
            options.missing = dk == "exclude" ? .exclude : .include
        }
        return options
    }

    /// The trend of a concept the query asks for.
    func trend(concept: String? = nil) throws -> TrendRequest {
        guard let concept = concept ?? first("concept") else {
            throw APIError(.badRequest, "The request names no concept; add concept=ID (see /api/v1/studies/STUDY/concepts).")
        }
        var request = TrendRequest(concept: concept, by: list("by"), filter: first("filter"), levels: list("levels"), options: try options())
        for text in values["collapse"] ?? [] where !text.isEmpty {
            guard let group = TrendRequest.LevelGroup(parsing: text) else {
                throw APIError(.badRequest, "collapse=\(text) is not NAME=LEVEL+LEVEL, e.g. favourable=very_favourable+somewhat_favourable.")
            }
            request.collapse.append(group)
        }
        request.waves = list("waves") + list("wave").filter { $0 != "all" }
        let (changes, invalid) = TrendRequest.Changes.parse(list("compare"))
        if let invalid { throw APIError(.badRequest, "compare=\(invalid) is not FROM:TO, consecutive, first-last or none.") }
        request.changes = changes
        if first("net") == "false" { request.netScore = false }
        return request
    }

    /// An analysis of one wave the query asks for.
    func analysis() throws -> (wave: String, request: AnalysisRequest) {
        guard let wave = first("wave") else {
            throw APIError(.badRequest, "The request names no wave; add wave=ID (see /api/v1/studies/STUDY/waves).")
        }
        var measures: [Measure] = []
        for statistic in [Statistic.mean, .total, .proportion] {
            measures += list(statistic.rawValue).map { Measure(statistic, $0) }
        }
        measures += list("variable").map { Measure(.proportion, $0) }
        guard !measures.isEmpty else {
            throw APIError(.badRequest, "The request estimates nothing; add variable=NAME (proportions), mean=NAME or total=NAME.")
        }
        return (wave, AnalysisRequest(design: DesignSpec(), measures: measures, by: list("by"), filter: first("filter"), options: try options()))
    }
}
