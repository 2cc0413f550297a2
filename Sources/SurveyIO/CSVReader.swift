import Foundation
import SurveyCore

/// Reads delimited text (RFC 4180 CSV) into a ``Dataset``, converting columns as R's `read.csv`
/// and `type.convert` do.
///
/// - The first non-blank row names the variables; names must be non-empty and unique.
/// - Fields are separated by the delimiter (a comma by default); a field in double quotes may hold
///   the delimiter, line ends, and quotes written twice (`""`). Spaces after a closing quote are
///   ignored. Lines end with LF, CRLF or CR; blank lines are skipped (as R does); a UTF-8 byte
///   order mark is skipped. Every row must have as many fields as the header.
/// - An empty field, `NA` (quoted or not) and a field of only white space are missing. (R keeps
///   an empty or blank string in a text column as `""`; Barometer treats it as missing.)
/// - A column whose non-missing fields are all numbers becomes ``Column/Values/numeric(_:)``,
///   missing as `NaN`. Numbers are R's: optional surrounding white space and sign, decimals,
///   exponents (`1e-3`; a bare `1e` reads as 1, as in R), hexadecimal (`0x1A`), and `Inf`,
///   `Infinity` and `NaN` in any case. A column with no value at all is numeric, all `NaN`.
/// - Any other column becomes categorical, its levels the distinct texts (unchanged, spaces
///   kept) sorted as R sorts factor levels (``FactorLevelOrder``).
///
/// The reader works on the bytes directly, with no `String` per field and distinct texts interned
/// in a hash table. A file of 4 MiB or more is split at row starts and read on every core
/// (``ParallelCSVParser``), with the same result as one pass.
public enum CSVReader {
    /// The byte between fields.
    public enum Delimiter: UInt8, Sendable, CaseIterable {
        case comma = 0x2C
        case tab = 0x09
        case semicolon = 0x3B
    }

    /// Reads the file at `path`, telling `progress` how many bytes have been parsed.
    /// - Throws: ``ReadError`` when the file is missing or unreadable, is not UTF-8, or is not
    ///   well-formed; the message names the file and, where it applies, the line.
    public static func read(path: String, delimiter: Delimiter = .comma, progress: ReadProgress? = nil) throws(ReadError) -> Dataset {
        try FileContents.withMappedBytes(path: path, populate: false) { bytes, pages throws(ReadError) in
            try typed { try ParallelCSVParser.parse(bytes, separator: delimiter.rawValue, name: path, progress: progress, pages: pages) }
        }
    }

    /// Reads the file at `path` as ``read(path:delimiter:progress:)`` does, and gives the
    /// `sha256:` checksum of its bytes, computed on another thread while the rows are parsed.
    static func readHashing(path: String, delimiter: Delimiter, progress: ReadProgress?) throws(ReadError) -> (Dataset, String) {
        try FileContents.withMappedBytes(path: path, populate: false) { bytes, pages throws(ReadError) in
            let hashing = ChecksumInBackground(UnsafeRawBufferPointer(bytes))
            let dataset: Dataset
            do throws(ReadError) {
                dataset = try typed { try ParallelCSVParser.parse(bytes, separator: delimiter.rawValue, name: path, progress: progress, pages: pages) }
            } catch {
                _ = hashing.wait()
                throw error
            }
            return (dataset, hashing.wait())
        }
    }

    /// Reads CSV held in memory; `name` identifies it in messages (usually the file name).
    public static func read(
        data: Data, name: String, delimiter: Delimiter = .comma, progress: ReadProgress? = nil
    ) throws(ReadError) -> Dataset {
        try typed {
            try data.withUnsafeBytes { raw in
                try ParallelCSVParser.parse(raw.bindMemory(to: UInt8.self), separator: delimiter.rawValue, name: name, progress: progress)
            }
        }
    }

    /// Reads CSV held in memory as bytes.
    public static func read(bytes: [UInt8], name: String, delimiter: Delimiter = .comma) throws(ReadError) -> Dataset {
        try typed {
            try bytes.withUnsafeBufferPointer { buffer in
                try ParallelCSVParser.parse(buffer, separator: delimiter.rawValue, name: name)
            }
        }
    }

    /// Reads CSV bytes split into `stretches` parts whatever their size (1: in one pass), so that
    /// tests and the fuzzer can check that every split gives the same dataset as one pass.
    package static func read(bytes: [UInt8], name: String, delimiter: Delimiter = .comma, stretches: Int) throws(ReadError) -> Dataset {
        try typed {
            try bytes.withUnsafeBufferPointer { buffer in
                stretches == 1
                    ? try CSVParser.parse(buffer, separator: delimiter.rawValue, name: name)
                    : try ParallelCSVParser.parse(buffer, separator: delimiter.rawValue, name: name, stretches: stretches)
            }
        }
    }

    /// Reads CSV held in a string.
    public static func read(string: String, name: String, delimiter: Delimiter = .comma) throws(ReadError) -> Dataset {
        try read(bytes: Array(string.utf8), name: name, delimiter: delimiter)
    }

    /// Runs a parse through the buffer APIs, whose closures throw untyped errors, and gives back
    /// the parser's ``ReadError``. (Returning a `Result` of the large `Dataset` from inside those
    /// closures crashed at run time with Swift 6.3, so the error is recovered by a cast instead.)
    private static func typed(_ body: () throws -> Dataset) throws(ReadError) -> Dataset {
        do {
            return try body()
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(.unreadable, "Cannot read the data: \(error.localizedDescription).")
        }
    }
}
