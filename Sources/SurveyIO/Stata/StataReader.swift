import Foundation
import SurveyCore

/// Reads Stata data sets (`.dta`) into a ``Dataset``.
///
/// Formats 102 to 119 (Stata 1 to 19), either byte order, as Stata's `help dta` documents
/// formats 113 to 119. Formats 120 and 121 (alias variables, Stata 18) are refused with a
/// message saying how to re-save the file.
///
/// ## What comes out
///
/// - `byte`, `int`, `long`, `float` and `double` variables become numeric columns; `str1` to
///   `str2045` and `strL` become text columns, an empty string being missing (as Stata's
///   `missing()` treats it). A binary `strL` that is not text reads as `[binary data, N bytes]`.
/// - Missing values: `.` is `NaN`; `.a` to `.z` are user-missing codes with value labels, as
///   described in ``StataMissingValues``.
/// - The codebook gets each variable's label, its value labels (the set attached to it, in every
///   label language, see below), its display format (`%9.0g`, `%td`), the width of `str#`
///   variables, the file's data label, its notes (`_dta[note1]` …, then each variable's notes as
///   `name: text`) as documents, and the encoding.
/// - Labels lose trailing blanks (as ReadStat and haven read them).
/// - Dates and times (`%td`, `%tc`, `%tC`, `%tw`, `%tm`, `%tq`, `%th`) become seconds since
///   1970 with ``VariableMetadata/temporal`` set (`%ty` years stay numbers). The labelled codes
///   such variables often carry ("-3 interviewer error") are converted with the values, so each
///   label still names the same observations.
/// - Label languages (`label language`): the labels of every language go into the
///   ``LocalizedText`` values, keyed by language tag (`en`, `es`, `pt`); a file without label
///   languages is read as English.
/// - A design declared with `svyset` becomes ``Codebook/design``: `_dta[_svy_wvar]` the weights,
///   `_dta[_svy_strata1]` the strata, `_dta[_svy_su1]`, `_dta[_svy_su2]`, … the clusters of each
///   stage up to the first `_n` (individuals; an fpc given for that stage is dropped),
///   `_dta[_svy_fpc1]`, … the finite population corrections, `nest` set when there are strata
///   and clusters (Stata reads PSUs within strata), and `_dta[_svy_singleunit]` the lonely-PSU
///   policy: `missing` → `fail`, `certainty` → `certainty`, `scaled` → `average`, `centered` →
///   `adjust`. The design is reported as stored, even when it names a variable the file lacks.
///   Strata of later stages, post-strata and replicate weights are not read.
/// - Text is UTF-8 in formats 118 and 119. Older formats have no declared encoding: each text is
///   read as UTF-8 when it is valid UTF-8 and as windows-1252 otherwise, and
///   ``Codebook/encoding`` reports `UTF-8` or `windows-1252` accordingly.
///
/// ## Damaged files
///
/// Any truncation, impossible count or bad tag ends in one ``ReadError`` sentence naming the
/// file, the part that is wrong and the byte where it was met. Counts in the header are checked
/// against the size of the file before anything is allocated for them.
public enum StataReader {
    /// Reads the `.dta` file at `path`.
    /// - Throws: ``ReadError`` when the file is missing or unreadable, is not a Stata file of a
    ///   known format, or is damaged.
    /// - Parameter progress: hears how many of the file's values (variables × observations) have
    ///   been decoded, as the rows are decoded.
    public static func read(path: String, progress: ReadProgress? = nil) throws(ReadError) -> Dataset {
        // Mapped: the pages come straight from the page cache, without a copy of the file.
        let file = try FileContents.withMappedBytes(path: path) { bytes, _ throws(ReadError) in
            try StataFileParser.parse(UnsafeRawBufferPointer(bytes), name: path, progress: progress)
        }
        return try StataDatasetBuilder.dataset(from: file, name: path)
    }

    /// Reads a `.dta` file held in memory; `name` identifies it in messages.
    public static func read(data: Data, name: String, progress: ReadProgress? = nil) throws(ReadError) -> Dataset {
        let file: StataFile
        do {
            file = try data.withUnsafeBytes { raw in try StataFileParser.parse(raw, name: name, progress: progress) }
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(.unreadable, "Cannot read '\(name)': \(error.localizedDescription).")
        }
        return try StataDatasetBuilder.dataset(from: file, name: name)
    }
}
