import Foundation
import SurveyCore

/// Where an analysis's data came from: the file and the SHA-256 of its bytes, so that a
/// published number can be traced to the exact file it was computed from.
public enum FileFingerprint {
    /// `sha256:<hex>` of the file at `path`.
    public static func checksum(path: String) throws(ReadError) -> String {
        "sha256:" + SHA256.hex(try FileContents.read(path: path))
    }

    /// The provenance of an analysis of the file at `path`.
    public static func provenance(path: String) throws(ReadError) -> Provenance {
        Provenance(file: URL(fileURLWithPath: path).lastPathComponent, checksum: try checksum(path: path))
    }
}
