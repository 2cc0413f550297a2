import Dispatch

/// The SHA-256 checksum of bytes, computed on a thread of its own from the moment it is made;
/// ``wait()`` gives it. The bytes must stay valid until ``wait()`` returns.
final class ChecksumInBackground: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written by the hashing thread before it signals `done`, read only after `wait`.
    private var checksum = ""

    init(_ bytes: UnsafeRawBufferPointer) {
        let shared = SharedBuffer(bytes: bytes)
        DispatchQueue.global().async { [self] in
            checksum = FileFingerprint.checksum(shared.bytes)
            done.signal()
        }
    }

    /// The `sha256:<hex>` checksum, once computed.
    func wait() -> String {
        done.wait()
        return checksum
    }

    /// Bytes that outlive the hashing thread's work (the caller waits for it).
    private struct SharedBuffer: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }
}
