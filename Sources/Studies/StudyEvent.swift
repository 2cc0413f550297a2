import SurveyCore

/// Something that happened, marked on trend charts: a date (ISO 8601 day or month) and a
/// label in several languages.
public struct StudyEvent: Sendable, Equatable {
    public var date: String
    public var label: LocalizedText

    public init(date: String, label: LocalizedText) {
        self.date = date
        self.label = label
    }

    public var fractionalYear: Double { StudyDate.fractionalYear(date) }
}
