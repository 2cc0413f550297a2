import Foundation
import SurveyCore

/// Reads SPSS system files (`.sav`, and `.zsav` with ZLIB-compressed data) into a ``Dataset``.
///
/// Follows the system file format as documented by GNU PSPP (*PSPP Developers Guide*, chapter
/// "System File Format"): uncompressed, bytecode-compressed and ZLIB-compressed data; little- and
/// big-endian files; long strings (continuation records) and very long strings (record 7,
/// subtype 14); long variable names (subtype 13); the text encoding from the character encoding
/// record (subtype 20) or the code page of the machine integer info record (subtype 3).
///
/// What arrives in the data set:
/// - A numeric variable becomes a numeric column, system-missing as `NaN`. User-missing codes
///   stay values and are listed in the codebook (`missingCodes`, `missingRange`; LO and HI ends
///   of a range as infinities). Variables with date, date-time or time formats are flagged
///   `temporal` and their values converted from seconds since 1582-10-14 to seconds since
///   1970-01-01 UTC (times stay seconds since midnight).
/// - A string variable loses its padding spaces; an empty string is missing. It becomes a
///   categorical column when it has value labels or few distinct values
///   (at most 50, each seen twice on average), else a text column. User-missing strings are listed
///   in `missingStrings`.
/// - The codebook gets variable labels, numeric and string value labels, measurement levels
///   (subtype 11), display formats (`F8.2`, `A20`, `DATE11`), string widths, the file label,
///   documents (record type 6), multiple response sets (subtypes 7 and 19), the encoding, and
///   the weight variable as `design.weights`. Labels are stored under the language tag `en`:
///   a system file does not say what language its labels are in.
///
/// The text encoding can be forced with `encoding:` when a file declares the wrong one (old
/// files often declare none, or "7-bit ASCII" whatever their text; Barometer then guesses among
/// UTF-8, windows-1251 and windows-1252).
///
/// Malformed input of any kind (truncation, damaged records, absurd counts) gives a
/// ``ReadError`` naming the file; nothing is allocated beyond what the file's size supports.
/// Password-encrypted files are refused with a message saying how to decrypt them.
public enum SPSSReader {
    /// Reads the system file at `path`.
    /// - Parameter encoding: the character encoding of the file's text (`windows-1251`, `UTF-8`,
    ///   `CP866`, ...), to use instead of what the file declares; `nil` to trust the file.
    /// - Throws: ``ReadError`` when the file is missing, unreadable, encrypted or malformed, or
    ///   the encoding is unknown.
    /// - Parameter progress: hears how far through the cases the reader is.
    public static func read(path: String, encoding: String? = nil, progress: ReadProgress? = nil) throws(ReadError) -> Dataset {
        let decoder = try TextDecoder.requested(encoding, file: path)
        // Mapped: the cases are read where they lie in the page cache, without first copying
        // the file into a buffer of fresh pages.
        return try FileContents.withMappedBytes(path: path) { bytes, _ throws(ReadError) in
            try decode(UnsafeRawBufferPointer(bytes), name: path, encoding: decoder, progress: progress)
        }
    }

    /// Reads a system file held in memory; `name` identifies it in messages.
    public static func read(data: Data, name: String, encoding: String? = nil) throws(ReadError) -> Dataset {
        let decoder = try TextDecoder.requested(encoding, file: name)
        return try data.withUnsafeBytes { raw in
            Result { () throws(ReadError) in try decode(raw, name: name, encoding: decoder, progress: nil) }
        }.get()
    }

    /// Reads a system file held in memory as bytes; `name` identifies it in messages.
    public static func read(bytes: [UInt8], name: String, encoding: String? = nil, progress: ReadProgress? = nil) throws(ReadError) -> Dataset {
        let decoder = try TextDecoder.requested(encoding, file: name)
        return try bytes.withUnsafeBufferPointer { buffer throws(ReadError) in
            try decode(UnsafeRawBufferPointer(buffer), name: name, encoding: decoder, progress: progress)
        }
    }

    private static func decode(_ file: UnsafeRawBufferPointer, name: String, encoding: TextDecoder?,
                               progress: ReadProgress?) throws(ReadError) -> Dataset {
        do {
            return try SystemFileDecoder.decode(file, encoding: encoding, progress: progress)
        } catch {
            throw error.readError(name: name)
        }
    }
}
