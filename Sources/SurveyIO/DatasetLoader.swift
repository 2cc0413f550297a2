import Foundation
import SurveyCore

/// Loads a data file into a ``Dataset``, choosing the reader from the file's extension.
///
/// | extension | read as |
/// | --- | --- |
/// | `.csv` | comma-separated values |
/// | `.tsv`, `.tab` | tab-separated values |
/// | `.txt` | tab-separated if the first line holds a tab, else comma-separated |
/// | `.dta` | Stata data set (``StataReader``) |
/// | `.sav`, `.zsav` | SPSS system file (``SPSSReader``) |
/// | `.por` | SPSS portable file (``SPSSPortableReader``) |
///
/// SAS, R and spreadsheet files are recognised and refused with a message that says how to
/// export CSV.
public enum DatasetLoader {
    /// The extensions ``load(path:)`` reads, without the dot.
    public static let supportedExtensions = ["csv", "tsv", "tab", "txt", "dta", "sav", "zsav", "por"]

    /// Loads the file at `path`; `progress`, if given, hears how far the reader is: bytes of a
    /// CSV file, of an SPSS file's cases, variables of a Stata file (a portable file reports
    /// only the end).
    /// - Throws: ``ReadError``: file not found, a directory, an unsupported or unknown type, or
    ///   whatever the reader reports.
    /// Loads the file at `path` and gives its ``Provenance`` too (the SHA-256 of its bytes). A
    /// CSV file is hashed on a thread of its own while it is parsed, from the same mapped bytes;
    /// other files are hashed after they are read.
    /// - Throws: ``ReadError``, as ``load(path:progress:)``.
    public static func loadWithProvenance(path: String, progress: ReadProgress? = nil) throws(ReadError) -> (dataset: Dataset, provenance: Provenance) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard ext == "csv" || ext == "tsv" || ext == "tab" else {
            let dataset = try load(path: path, progress: progress)
            return (dataset, try FileFingerprint.provenance(path: path))
        }
        try FileContents.check(path: path)
        let (dataset, checksum) = try CSVReader.readHashing(path: path, delimiter: ext == "csv" ? .comma : .tab, progress: progress)
        return (dataset, FileFingerprint.provenance(path: path, checksum: checksum))
    }

    public static func load(path: String, progress: ReadProgress? = nil) throws(ReadError) -> Dataset {
        try FileContents.check(path: path)
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "csv":
            return try CSVReader.read(path: path, delimiter: .comma, progress: progress)
        case "tsv", "tab":
            return try CSVReader.read(path: path, delimiter: .tab, progress: progress)
        case "txt":
            let data = try FileContents.read(path: path)
            let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
            let delimiter: CSVReader.Delimiter = firstLine.contains(0x09) ? .tab : .comma
            return try CSVReader.read(data: data, name: path, delimiter: delimiter, progress: progress)
        case "dta":
            let dataset = try StataReader.read(path: path, progress: progress)
            progress?(1, 1)
            return dataset
        case "sav", "zsav":
            let dataset = try SPSSReader.read(path: path, progress: progress)
            progress?(1, 1)
            return dataset
        case "por":
            let dataset = try SPSSPortableReader.read(path: path)
            progress?(1, 1)
            return dataset
        default:
            if let format = unsupportedFormats[ext] {
                throw ReadError(.unsupportedFormat, "Cannot read '\(path)': \(format.name) files are not readable yet; \(format.fix), and load the .csv file.")
            }
            let supported = supportedExtensions.map { ".\($0)" }
            let list = supported.dropLast().joined(separator: ", ") + " and " + supported.last!
            let what = ext.isEmpty ? "the file name has no extension" : "'.\(ext)' is not a known data file type"
            throw ReadError(.unsupportedFormat, "Cannot read '\(path)': \(what); Barometer reads \(list) files.")
        }
    }

    private static let unsupportedFormats: [String: (name: String, fix: String)] = {
        let sas = (name: "SAS", fix: "export the data as CSV from SAS (PROC EXPORT) or R (haven::read_sas, then write.csv)")
        let r = (name: "R", fix: "write the data frame as CSV in R (write.csv)")
        let excel = (name: "Excel", fix: "save the sheet as 'CSV UTF-8' in Excel")
        return [
            "sas7bdat": sas, "xpt": sas,
            "rds": r, "rdata": r, "rda": r,
            "xlsx": excel, "xls": excel, "ods": (name: "OpenDocument spreadsheet", fix: "save the sheet as CSV (UTF-8)"),
            "parquet": (name: "Parquet", fix: "export the data as CSV"),
        ]
    }()
}
