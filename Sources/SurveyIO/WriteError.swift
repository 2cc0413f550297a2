import Foundation

/// A file that could not be written: one sentence that names the file, the problem, the
/// offending value and the fix.
///
/// ```
/// Cannot write 'wave3.dta': variable 'first name' is not a valid Stata name (letters, digits and _, not starting with a digit, at most 32 characters); rename it.
/// ```
///
/// Writers never leave a partial file behind: when writing fails, the destination is as it was.
public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong, in broad terms.
    public enum Kind: String, Sendable, Codable {
        /// The data cannot be stored in the format (a bad variable name, an infinite value).
        case invalidData
        /// The file cannot be created or replaced (no such folder, no permission, disk full).
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
