import Foundation
import SurveyCore

/// Reads and writes codebooks as YAML, a format meant to be written and translated by hand.
///
/// ```yaml
/// language: en                 # the language of labels written as plain text (default en)
/// title: {en: Central Asia Barometer, ru: Центральноазиатский барометр}
/// documents:
///   - Wave 12, fieldwork May 2023.
/// design: {weight: indwt, strata: substratum, cluster: psu}
/// multiple-response:
///   media: {label: {en: News sources}, type: dichotomies, counted: 1, variables: [m1, m2, m3]}
/// variables:
///   q1:
///     label: {en: Opinion of Russia, ru: Мнение о России, kk: Ресей туралы пікір}
///     measurement: ordinal     # nominal, ordinal or scale
///     values:
///       1: {en: Very favourable, ru: Очень хорошее}
///       2: Somewhat favourable # plain text is in the file's language
///       98: {en: Don't know}
///     missing: [98, 99]        # user-missing codes
///   region:
///     values:
///       "01": {en: Almaty}     # a code in quotes is a stored text, not a number
/// ```
///
/// Per variable: `label`, `type` (numeric, categorical or text; checked against the data),
/// `measurement`, `values`, `missing` (codes or texts), `missing-range` (`[90, 99]`; `lo` and
/// `hi` for open ends), `format` (`F8.2`, `%td`), `temporal` (date, date-time, time), `width`.
/// The design takes the flags of `barometer estimate`: `weight`, `strata`, `cluster` and
/// `fpc` (one name or a list, first stage first), `nest` and `lonely-psu`. Language tags are
/// BCP 47 (`en`, `ru`, `kk`, `kk-Latn`). Scalars are read as written: `No` stays the word No.
///
/// Apply a document to data with ``CodebookMerger``.
public enum CodebookYAML {
    /// Reads the codebook file at `path`.
    /// - Throws: ``ReadError`` when the file is missing or unreadable, not UTF-8, not YAML, or
    ///   not a codebook; the message names the file, the line, the key and the fix.
    public static func read(path: String) throws(ReadError) -> CodebookDocument {
        let data = try FileContents.read(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(.invalidEncoding, "Cannot read codebook '\(path)': the file is not valid UTF-8; save it with UTF-8 encoding.")
        }
        return try read(string: text, name: path)
    }

    /// Reads a codebook held in a string; `name` identifies it in messages.
    public static func read(string: String, name: String) throws(ReadError) -> CodebookDocument {
        var parser = CodebookYAMLParser(name: name)
        return try parser.parse(string)
    }

    /// The YAML of `codebook`, its variables sorted by name.
    public static func string(for codebook: Codebook) throws(ReadError) -> String {
        let names = codebook.variables.keys.sorted()
        return try CodebookYAMLEmitter(variables: names.map { ($0, nil) }).yaml(codebook)
    }

    /// The YAML of a dataset's codebook listing every column in order with its storage type, so
    /// that it can serve as a template for labels and translations.
    public static func string(for dataset: Dataset) throws(ReadError) -> String {
        let variables = dataset.columns.map { column -> (name: String, type: CodebookDocument.DeclaredType?) in
            switch column.values {
            case .numeric: (column.name, .numeric)
            case .categorical: (column.name, .categorical)
            case .text: (column.name, .text)
            }
        }
        return try CodebookYAMLEmitter(variables: variables).yaml(dataset.codebook)
    }
}
