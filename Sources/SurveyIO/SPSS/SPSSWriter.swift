import Foundation
import SurveyCore

/// Writes a ``Dataset`` as an SPSS system file (`.sav`, or `.zsav` with ZLIB compression).
///
/// The file follows the system file format as documented by GNU PSPP (*PSPP Developers Guide*,
/// "System File Format"): little-endian, UTF-8 text declared in the character encoding record,
/// with every part of the codebook that SPSS can hold: variable labels, numeric and string
/// value labels, user-missing codes, ranges and strings, measurement levels, display formats,
/// long variable names, very long strings, documents, multiple response sets, the file label
/// and the weight variable (`design.weights`). Labels are written in the codebook's default
/// language (``LocalizedText/text(in:)`` for `en`); SPSS holds one language.
///
/// - Numeric columns are numeric variables, `NaN` as system-missing. Columns flagged `temporal`
///   `date` or `dateTime` are converted back to seconds since 1582-10-14.
/// - Categorical and text columns are string variables as wide as their longest value (or the
///   codebook's `stringWidth`, if larger); a missing value is written as an empty string.
///
/// Limits of the format are reported, not silently broken: at most three user-missing codes
/// (or a range and one code), user-missing strings of at most 8 bytes, strings of at most
/// 32 767 bytes, variable names of 1 to 64 bytes. Value labels longer than 255 bytes and a file
/// label longer than 64 bytes are cut (at a character boundary), as SPSS itself does.
///
/// The file is built in memory and then moved into place in one step, so a failure never
/// leaves a partial file.
public enum SPSSWriter {
    /// How the data record is compressed.
    public enum Compression: String, Sendable, CaseIterable {
        /// Uncompressed 8-byte values.
        case none
        /// SPSS bytecode compression, what SPSS writes by default (`.sav`).
        case bytecode
        /// Bytecode compression further compressed with zlib (`.zsav`, SPSS 21 and later).
        case zlib
    }

    /// Writes `dataset` to `path`, replacing any file there.
    /// - Throws: ``WriteError`` when the data cannot be expressed in SPSS or the file cannot be
    ///   written.
    public static func write(_ dataset: Dataset, to path: String, compression: Compression = .bytecode) throws(WriteError) {
        let bytes = try encode(dataset, compression: compression, name: path)
        do {
            try AtomicFile.write(Data(bytes), to: path)
        } catch {
            throw WriteError(.unwritable, error.message)
        }
    }

    /// The bytes of `dataset` as a system file; `name` identifies it in messages.
    /// - Parameter created: the creation time the header records (fix it for reproducible files).
    public static func encode(
        _ dataset: Dataset, compression: Compression = .bytecode, name: String = "the SPSS file", created: Date = Date()
    ) throws(WriteError) -> [UInt8] {
        var encoder = SystemFileEncoder(dataset: dataset, compression: compression, created: created)
        do {
            return try encoder.encode()
        } catch {
            throw WriteError(.invalidData, "Cannot write '\(name)': \(error.detail).")
        }
    }
}
