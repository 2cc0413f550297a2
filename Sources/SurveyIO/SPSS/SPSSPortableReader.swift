import Foundation
import SurveyCore

/// Reads SPSS portable files (`.por`) into a ``Dataset``.
///
/// Follows the portable file format as documented by GNU PSPP (*PSPP Developers Guide*,
/// "Portable File Format"): 80-character lines, the character translation table, base-30
/// numbers, variables with print formats, missing values (discrete values and ranges), variable
/// labels, value labels, documents and the weight variable. A portable file has no measurement
/// levels, long names or multiple response sets.
///
/// Values arrive as from ``SPSSReader``: numbers with system-missing as `NaN` and dates
/// converted to seconds since 1970-01-01 UTC; strings without padding, empty as missing,
/// categorical when labelled or few-valued.
///
/// Text in a file laid out in ASCII is decoded as `encoding` (a name such as `windows-1251`);
/// when none is given, as UTF-8 if the file's non-ASCII bytes are valid UTF-8, else as
/// windows-1252. Text in other layouts (EBCDIC) is translated through the file's table.
public enum SPSSPortableReader {
    /// Reads the portable file at `path`.
    /// - Parameter encoding: the character encoding of the file's text, when it is not UTF-8 or
    ///   windows-1252 (portable files do not record it).
    /// - Throws: ``ReadError`` when the file is missing, unreadable or malformed, or the
    ///   encoding is unknown.
    public static func read(path: String, encoding: String? = nil) throws(ReadError) -> Dataset {
        try read(bytes: FileContents.bytes(path: path), name: path, encoding: encoding)
    }

    /// Reads a portable file held in memory; `name` identifies it in messages.
    public static func read(data: Data, name: String, encoding: String? = nil) throws(ReadError) -> Dataset {
        try read(bytes: [UInt8](data), name: name, encoding: encoding)
    }

    /// Reads a portable file held in memory as bytes; `name` identifies it in messages.
    public static func read(bytes: [UInt8], name: String, encoding: String? = nil) throws(ReadError) -> Dataset {
        let decoder = try TextDecoder.requested(encoding, file: name)
        do {
            return try PortableFileDecoder.decode(bytes, encoding: decoder)
        } catch {
            throw error.readError(name: name)
        }
    }
}
