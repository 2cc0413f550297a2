import Crypto
import Foundation
import SurveyCore

/// Where an analysis's data came from: the file and the SHA-256 of its bytes, so that a
/// published number can be traced to the exact file it was computed from.
public enum FileFingerprint {
    /// `sha256:<hex>` of the file at `path`.
    public static func checksum(path: String) throws(ReadError) -> String {
        "sha256:" + hex(try FileContents.read(path: path))
    }

    /// The lowercase hexadecimal SHA-256 of `data` (swift-crypto's, assembly-accelerated).
    public static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in Crypto.SHA256.hash(data: data) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The provenance of an analysis of the file at `path`.
    public static func provenance(path: String) throws(ReadError) -> Provenance {
        Provenance(file: URL(fileURLWithPath: path).lastPathComponent, checksum: try checksum(path: path))
    }
}
