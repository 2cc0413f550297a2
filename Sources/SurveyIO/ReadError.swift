import Foundation

/// A file that could not be read: one sentence that names the file, the problem, the offending
/// value and the fix.
///
/// ```
/// Cannot read 'wave3.csv': line 7 has 5 fields but the header has 6; quote fields that contain commas.
/// ```
///
/// The `kind` lets callers map the failure to an exit code or an HTTP status without parsing
/// the text.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong, in broad terms.
    public enum Kind: String, Sendable, Codable {
        /// The path names no file.
        case notFound
        /// The path names a directory, or a file that cannot be opened.
        case unreadable
        /// A file type that Barometer does not read (yet).
        case unsupportedFormat
        /// The bytes are not valid UTF-8.
        case invalidEncoding
        /// The file is not well-formed (ragged rows, an unclosed quote, a bad header).
        case malformed
        /// A file cannot be written: no such folder, permission denied, disk full, or it is the
        /// input being converted.
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
