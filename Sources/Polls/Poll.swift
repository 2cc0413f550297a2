import SurveyCore

/// A published poll: who asked whom, when and how, the question, and the shares of its
/// answers — the AAPOR transparency items and what Kazakhstan's election law (Art. 28 §9)
/// requires a publication to state.
public struct Poll: Sendable, Equatable, Codable {
    /// One answer and its published share, in percent (0–100).
    public struct Answer: Sendable, Equatable, Codable {
        public var answer: String
        public var share: Double

        public init(_ answer: String, share: Double) {
            self.answer = answer
            self.share = share
        }
    }

    public var pollster: String
    /// Who commissioned the poll (the client), when known.
    public var sponsor: String?
    /// Who paid for it, when the publication says and it is not the sponsor.
    public var paidBy: String?
    public var fieldStart: CivilDay
    public var fieldEnd: CivilDay
    /// `telephone`, `face-to-face`, `online`, …
    public var mode: String?
    /// Who was asked ("adults 18+ in Kazakhstan").
    public var population: String?
    /// The number of respondents; nil when the source does not publish it (`unpublished` in
    /// a file). Such a poll is kept and listed, but the average, which weighs polls by their
    /// sampling variance, leaves it out and says so.
    public var sampleSize: Int?
    /// The stated margin of error, in percentage points.
    public var marginOfError: Double?
    public var weighting: String?
    /// The question's id, shared by polls that asked the same thing.
    public var question: String
    /// The wording as published, by language (`en`, `ru`, `kk`).
    public var wording: [String: String]
    /// A short title of the question by language, for lists and charts — an editor's name for
    /// it, not the pollster's words (which are ``wording``); nil when none is given (and in
    /// polls stored before titles existed).
    public var title: [String: String]?
    public var answers: [Answer]
    /// Whether the answers cover every respondent (their shares then sum to about 100).
    public var exhaustive: Bool
    /// The design effect, when the pollster published one (1 is assumed otherwise).
    public var designEffect: Double?
    public var source: String?
    public var url: String?
    public var notes: String?

    public init(
        pollster: String, sponsor: String? = nil, paidBy: String? = nil, fieldStart: CivilDay, fieldEnd: CivilDay, mode: String? = nil,
        population: String? = nil, sampleSize: Int?, marginOfError: Double? = nil, weighting: String? = nil,
        question: String, wording: [String: String] = [:], title: [String: String]? = nil, answers: [Answer], exhaustive: Bool = false,
        designEffect: Double? = nil, source: String? = nil, url: String? = nil, notes: String? = nil
    ) {
        self.pollster = pollster
        self.sponsor = sponsor
        self.paidBy = paidBy
        self.fieldStart = fieldStart
        self.fieldEnd = fieldEnd
        self.mode = mode
        self.population = population
        self.sampleSize = sampleSize
        self.marginOfError = marginOfError
        self.weighting = weighting
        self.question = question
        self.wording = wording
        self.title = title
        self.answers = answers
        self.exhaustive = exhaustive
        self.designEffect = designEffect
        self.source = source
        self.url = url
        self.notes = notes
    }

    /// The fieldwork midpoint, `start + floor((end − start)/2)`: the day the model places the poll on.
    public var midpoint: CivilDay { fieldStart.adding((fieldEnd.number - fieldStart.number) / 2) }

    /// The share of `answer` as a proportion (0–1), nil when the poll does not report it.
    public func proportion(of answer: String) -> Double? {
        answers.first { $0.answer == answer }.map { $0.share / 100 }
    }
}
