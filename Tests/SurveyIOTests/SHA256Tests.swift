import Foundation
import SurveyIO
import Testing

/// The file checksum of provenance: SHA-256 as FIPS 180-4 defines it.
@Suite struct SHA256Tests {
    /// FIPS 180-4 example vectors and block-boundary lengths (digests from `sha256sum`).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func knownDigests(_ text: String, _ digest: String) {
        #expect(FileFingerprint.hex(Data(text.utf8)) == digest)
    }

    @Test func checksumOfAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try FileFingerprint.checksum(path: path) == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
