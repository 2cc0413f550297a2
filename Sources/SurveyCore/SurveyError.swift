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
        /// A request the public may not make: a variable that is not public, another design, or
        /// groups small enough to single respondents out (the server's disclosure policy).
        case notPublic
        /// A public request whose groups would be small enough to single respondents out
        /// (`value` names the variables cross-classified, joined by " × ").
        case smallGroups
    }

    public let kind: Kind
    /// The sentence, with the parameters its fix names kept apart so each surface spells them.
    public let text: ErrorText
    /// The request parameter at fault, when one is (`ci-method`, `filter`, `by`, …).
    public let field: RequestParameter?
    /// The offending value of that parameter, as given.
    public let value: String?

    /// - Parameters:
    ///   - text: one sentence naming the thing, the value and the fix; parameters written as
    ///     `\(parameter: .ciMethod, "wald")` so that each surface words them its own way.
    ///   - field: the parameter at fault; `value`: what was given for it.
    public init(_ kind: Kind, _ text: ErrorText, field: RequestParameter? = nil, value: String? = nil) {
        self.kind = kind
        self.text = text
        self.field = field
        self.value = value
    }

    /// The sentence as the command line words it.
    public var message: String { text.rendered(for: .commandLine) }

    /// The sentence in the words of `surface` (`ci-method=wald` in a URL, …).
    public func message(for surface: RequestSurface) -> String { text.rendered(for: surface) }

    /// The same error with its sentence prefixed, e.g. by the wave it happened in.
    public func prefixed(_ prefix: String) -> SurveyError {
        SurveyError(kind, "\(prefix)\(text)", field: field, value: value)
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// Errors are equal when they say the same thing about the same parameter.
    public static func == (a: SurveyError, b: SurveyError) -> Bool {
        a.kind == b.kind && a.message == b.message && a.field == b.field && a.value == b.value
    }
}
