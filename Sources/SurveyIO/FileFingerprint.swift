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
        hex(digest: Crypto.SHA256.hash(data: data))
    }

    private static func hex(digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `sha256:<hex>` of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> String {
        var hasher = Crypto.SHA256()
        hasher.update(bufferPointer: bytes)
        return "sha256:" + hex(digest: hasher.finalize())
    }

    /// The provenance of an analysis of the file at `path`.
    public static func provenance(path: String) throws(ReadError) -> Provenance {
        provenance(path: path, checksum: try checksum(path: path))
    }

    /// The provenance of an analysis of the file at `path` whose checksum is known.
    static func provenance(path: String, checksum: String) -> Provenance {
        Provenance(file: URL(fileURLWithPath: path).lastPathComponent, checksum: checksum)
    }
}
