import Foundation
import SurveyCore

/// A study as the store lists it: enough for an index page without reading its waves' data.
public struct StudySummary: Sendable, Equatable {
    /// The study's name in URLs and commands (`cab`).
    public var slug: String
    /// The title in every language the study gives.
    public var title: LocalizedText
    /// Its waves; in an embargo-aware listing, only those public on the day asked about.
    public var waveCount: Int
    /// Whether the data are simulated; every output then says so.
    public var simulated: Bool
    /// When the study was first imported.
    public var createdAt: Date
    /// When it was last imported (equal to `createdAt` until it is replaced).
    public var updatedAt: Date

    public init(slug: String, title: LocalizedText, waveCount: Int, simulated: Bool, createdAt: Date, updatedAt: Date) {
        self.slug = slug
        self.title = title
        self.waveCount = waveCount
        self.simulated = simulated
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
