import Foundation
import SurveyCore

/// Writes a ``Dataset`` to a file, choosing the format from the file's extension.
///
/// | extension | written as |
/// | --- | --- |
/// | `.csv` | CSV (``CSVWriter``), plus the sidecar codebook `NAME.codebook.yaml` (``CodebookYAML``) when the data has labels, missing codes, a design or other metadata |
/// | `.sav`, `.zsav` | SPSS system file (``SPSSWriter``: bytecode- / zlib-compressed) |
/// | `.dta` | Stata file |
///
/// Every file is written atomically (a temporary file renamed into place): a failure leaves
/// nothing half-written and any earlier file as it was. The input of a conversion is never
/// overwritten.
public enum DatasetWriter {
    /// The extensions ``write(_:to:input:)`` accepts, without the dot.
    public static let supportedExtensions = ["csv", "sav", "zsav", "dta"]

    /// The binary formats written by the SPSS and Stata writers.
    enum NativeFormat {
        case sav, zsav, dta
    }

    /// Writes `dataset` to `path`; `input`, when given, is the file the data was read from and
    /// must not be overwritten (neither by the data nor by its sidecar codebook).
    /// - Returns: the paths written, the data file first.
    /// - Throws: ``ReadError``: an unknown extension, `path` is the input, the folder does not
    ///   exist or cannot be written, or what the format's writer reports.
    @discardableResult
    public static func write(_ dataset: Dataset, to path: String, input: String? = nil) throws(ReadError) -> [String] {
        let ext = (path as NSString).pathExtension.lowercased()
        let sidecar = ext == "csv" && hasMetadata(dataset) ? sidecarPath(for: path) : nil
        if let input {
            try check(output: path, input: input)
            if let sidecar { try checkNotInput(sidecar, input: input) }
        }
        switch ext {
        case "csv":
            var codebookYAML: String?
            if sidecar != nil { codebookYAML = try CodebookYAML.string(for: sidecarDataset(dataset)) }
            try AtomicFile.write(to: path) { temporary throws(ReadError) in try CSVWriter.write(dataset, to: temporary) }
            guard let sidecar, let codebookYAML else { return [path] }
            try AtomicFile.write(Data(codebookYAML.utf8), to: sidecar)
            return [path, sidecar]
        case "sav":
            try AtomicFile.write(to: path) { temporary throws(ReadError) in try writeNative(dataset, as: .sav, to: temporary, named: path) }
            return [path]
        case "zsav":
            try AtomicFile.write(to: path) { temporary throws(ReadError) in try writeNative(dataset, as: .zsav, to: temporary, named: path) }
            return [path]
        case "dta":
            try AtomicFile.write(to: path) { temporary throws(ReadError) in try writeNative(dataset, as: .dta, to: temporary, named: path) }
            return [path]
        default:
            throw unsupported(path, ext: ext)
        }
    }

    /// Checks, before any data is read, that `output` names a format this writer knows and is
    /// not the file `input` (nor, for a CSV output, is its sidecar codebook).
    /// - Throws: ``ReadError`` as ``write(_:to:input:)`` would.
    public static func check(output: String, input: String) throws(ReadError) {
        let ext = (output as NSString).pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else { throw unsupported(output, ext: ext) }
        try checkNotInput(output, input: input)
        if ext == "csv" { try checkNotInput(sidecarPath(for: output), input: input) }
    }

    private static func checkNotInput(_ target: String, input: String) throws(ReadError) {
        guard FileIdentity.same(input, target) else { return }
        throw ReadError(.unwritable, "Cannot write '\(target)': it is the input file '\(input)', which a conversion never overwrites; choose another output name.")
    }

    private static func unsupported(_ path: String, ext: String) -> ReadError {
        let supported = supportedExtensions.map { ".\($0)" }
        let list = supported.dropLast().joined(separator: ", ") + " or " + supported.last!
        let what = ext.isEmpty ? "the file name has no extension" : "'.\(ext)' is not a format Barometer writes"
        return ReadError(.unsupportedFormat, "Cannot write '\(path)': \(what); name the output \(list).")
    }

    /// The sidecar codebook of a CSV file: `wave3.csv` → `wave3.codebook.yaml`.
    public static func sidecarPath(for csvPath: String) -> String {
        ((csvPath as NSString).deletingPathExtension) + ".codebook.yaml"
    }

    /// Whether the codebook says anything a CSV file cannot hold: labels, missing codes,
    /// measurement, formats, a file label, documents, sets or a design.
    static func hasMetadata(_ dataset: Dataset) -> Bool {
        let codebook = dataset.codebook
        if codebook.fileLabel.map({ !$0.isEmpty }) == true || !codebook.documents.isEmpty
            || !codebook.multipleResponseSets.isEmpty || codebook.design != nil {
            return true
        }
        return dataset.columns.contains { column in
            guard let meta = codebook[column.name] else { return false }
            return meta != VariableMetadata()
        }
    }

    /// The dataset whose codebook goes beside a CSV file: the source's encoding is dropped, the
    /// CSV being UTF-8.
    private static func sidecarDataset(_ dataset: Dataset) -> Dataset {
        var copy = dataset
        copy.codebook.encoding = nil
        return copy
    }
}
