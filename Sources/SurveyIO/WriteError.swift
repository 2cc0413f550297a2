import Foundation

/// A data set that could not be written: one sentence that names the file, the problem, the
/// offending value and the fix.
///
/// ```
/// Cannot write 'wave3.sav': variable 'q1' has 4 user-missing codes, but SPSS allows at most 3; drop one from the codebook.
/// ```
///
/// Writers build the whole file in memory and then replace the target in one step, so a
/// failure leaves no partial file behind.
public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong, in broad terms.
    public enum Kind: String, Sendable, Codable {
        /// The data or its codebook cannot be expressed in the target format.
        case unrepresentable
        /// The file could not be created or replaced.
        case unwritable
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
