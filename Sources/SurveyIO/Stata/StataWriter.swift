import Foundation
import SurveyCore

/// Writes a ``Dataset`` as a Stata data set (`.dta`), format 118 (Stata 14 to 19, UTF-8), or
/// format 119 when it has more than 32,767 variables, as Stata's `help dta` describes.
///
/// ## What is written
///
/// - Numeric columns in the smallest storage type that holds every value exactly (`byte`,
///   `int`, `long`, `float`, else `double`); `NaN` as `.` and the extended missing codes of
///   ``StataMissingValues`` as `.a` … `.z`.
/// - Dates and times (``VariableMetadata/temporal``) converted back to Stata's units: by the
///   column's Stata display format when it has one (`%td`, `%tc`, `%tC`, `%tm`, …), else as
///   `%td` (dates), `%tc` (date-times) or `%tcHH:MM:SS` (times); date-times are rounded to the
///   millisecond.
/// - Text columns as `str1` … `str2045` (at least the declared ``VariableMetadata/stringWidth``)
///   or as `strL` when a value is longer; a missing text is written as the empty string.
/// - Categorical columns as integer codes 1…k labelled with their levels (how R's haven writes
///   factors).
/// - Variable labels, value labels (integer codes and `.a` … `.z` only, as Stata requires; other
///   codes are left out), display formats, the data label, documents as notes
///   (`_dta[note1]` …), and ``Codebook/design`` as the characteristics `svyset` stores
///   (`_dta[_svy_su1]`, `_svy_strata1`, `_svy_fpc1`, …, `_svy_wvar` as a `pweight`,
///   `_svy_singleunit`), which Stata's `svy` commands then use; the lonely-PSU policy `remove`,
///   which Stata lacks, is written as `certainty`.
/// - Labels in several languages as Stata label languages: English (or else the first tag in
///   alphabetical order) is the current language, the others go into `_lang_v_*` and
///   `_lang_l_*` characteristics, so that ``StataReader`` reads the same ``LocalizedText`` back.
/// - Stata's limits apply: variable and data labels are cut at 320 bytes, value labels at
///   32,000, notes at 67,783 (never inside a character). The time stamp is left empty, so the
///   same data set always gives the same bytes.
///
/// Stata has no user-missing codes other than `.a` … `.z`, so ``VariableMetadata/missingCodes``
/// such as SPSS's 98 and 99 are written as ordinary values, and measurement levels are dropped.
///
/// ## Atomicity
///
/// The file is written to a temporary file beside `path` and renamed over it only when
/// complete; when anything fails, `path` is as it was and no temporary file is left.
public enum StataWriter {
    /// Writes `dataset` to `path`, replacing any file there.
    /// - Throws: ``WriteError``: a variable name Stata does not accept, a value it cannot store
    ///   (±infinity), or a file that cannot be written.
    public static func write(_ dataset: Dataset, to path: String) throws(WriteError) {
        let bytes = try StataFileEncoder(dataset: dataset, name: path).encode()
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(.unwritable, "Cannot write '\(path)': \(error.localizedDescription); check that the folder exists and that you may write to it.")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(.unwritable, "Cannot write '\(path)': \(reason); check that the path names a file in a folder you may write to.")
        }
    }

    /// The bytes of the `.dta` file for `dataset`; `name` identifies it in messages.
    /// - Throws: ``WriteError`` as ``write(_:to:)`` does for the data.
    public static func data(for dataset: Dataset, name: String = "data.dta") throws(WriteError) -> Data {
        Data(try StataFileEncoder(dataset: dataset, name: name).encode())
    }
}
