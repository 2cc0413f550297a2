import Foundation
import SurveyCore

/// An analysis kept for later: the request, the result it gave, and when it was saved. Its
/// `id` is random, so it can appear in a permalink without revealing how many there are.
public struct SavedAnalysis: Sendable, Equatable {
    /// 20 random hex digits.
    public var id: String
    /// The study it was run on.
    public var study: String
    public var request: AnalysisRequest
    public var result: AnalysisResult
    /// When it was saved.
    public var createdAt: Date
    /// The name an analyst gave it in the explorer; nil for one saved otherwise.
    public var name: String?
    /// The user name of the analyst who saved it in the explorer.
    public var savedBy: String?
    /// The explorer's live view of the same question and choices (path and query).
    public var viewPath: String?

    public init(id: String, study: String, request: AnalysisRequest, result: AnalysisResult, createdAt: Date,
                name: String? = nil, savedBy: String? = nil, viewPath: String? = nil) {
        self.name = name
        self.savedBy = savedBy
        self.viewPath = viewPath
        self.id = id
        self.study = study
        self.request = request
        self.result = result
        self.createdAt = createdAt
    }
}
