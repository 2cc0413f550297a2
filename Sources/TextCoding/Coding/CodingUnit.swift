/// One answer to code: a respondent's mention in one open-ended column. Answers are coded per
/// answer, never per character: a unit gets one or several codes.
public struct CodingUnit: Sendable, Equatable, Hashable, Codable {
    /// The unit's identity, `RESPONDENT:COLUMN` (stable across exports and imports).
    public var id: String
    /// The respondent's identifier in the survey file.
    public var respondent: String
    /// The open-ended column the answer comes from (`russia_reason1`).
    public var question: String
    /// The language of the interview, where the file has it (`kk`, `ru`).
    public var language: String?
    /// The answer as typed.
    public var answer: String

    public init(respondent: String, question: String, language: String? = nil, answer: String) {
        self.id = "\(respondent):\(question)"
        self.respondent = respondent
        self.question = question
        self.language = language
        self.answer = answer
    }
}
