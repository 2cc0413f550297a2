import Foundation

// TEMPORARY (helper-reports branch): a minimal stand-in so that the CLI compiles.
// The real `ReadError` comes from the SurveyIO work and replaces this file on merge.

/// An error reading a survey file: one sentence naming the file, the problem and the fix.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong, in broad terms.
    public enum Kind: String, Sendable, Codable {
        case notFound
        case unreadable
        case malformed
    }

    public let kind: Kind
    /// The full sentence shown to the user.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
