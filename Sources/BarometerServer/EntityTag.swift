import Hummingbird

/// The entity tag of a response body: a strong validator (`"…"`), the FNV-1a 64-bit hash of
/// its bytes in hexadecimal. Bodies are rendered from immutable waves, so equal requests give
/// equal bytes and equal tags; a client that sends the tag back in `If-None-Match` is answered
/// `304 Not Modified` without the body (``ConditionalRequestMiddleware``).
enum EntityTag {
    static func of(_ buffer: ByteBuffer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        buffer.withUnsafeReadableBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// Whether an `If-None-Match` header value names `tag` (or is `*`); weak tags match by
    /// their opaque part, as RFC 9110 §13.1.2 asks of this weak comparison.
    static func matches(_ header: String, _ tag: String) -> Bool {
        header.split(separator: ",").contains { part in
            var candidate = part.trimmingCharacters(in: .whitespaces)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            return candidate == tag
        }
    }
}
