import Foundation

/// An error from the engine: one sentence that names the thing, the offending value and the fix.
///
/// Every failure the engine reports (an unknown variable, bad weights, a lonely PSU, a
/// malformed filter) is a `SurveyError`. The `kind` lets callers map it to an exit code or an
/// HTTP status without parsing the text.
public struct SurveyError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong, in broad terms.
    public enum Kind: String, Sendable, Codable {
        case unknownVariable
        case invalidVariable
        case invalidWeights
        case invalidDesign
        case lonelyPSU
        case emptyDomain
        case invalidFilter
        case invalidRequest
        case invalidData
        /// Weighting targets that do not fit the data (a level without a target, shares not summing to 1).
        case invalidTargets
        /// A calibration that did not converge or whose bounds cannot be met.
        case calibrationFailed
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
