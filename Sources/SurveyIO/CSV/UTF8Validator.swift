/// Checks that bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing above
/// U+10FFFF), eight ASCII bytes at a time.
enum UTF8Validator {
    /// The offset of the first byte of the first ill-formed sequence, or `nil` when all is well.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = bytes.baseAddress else { return nil }
        let n = bytes.count
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            while i &+ 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
            }
            guard i < n else { break }
            let b0 = p[i]
            if b0 < 0x80 {
                i &+= 1
            } else if b0 < 0xC2 {
                return i  // a stray continuation byte or an overlong two-byte form
            } else if b0 < 0xE0 {
                guard i &+ 1 < n, isContinuation(p[i &+ 1]) else { return i }
                i &+= 2
            } else if b0 < 0xF0 {
                guard i &+ 2 < n else { return i }
                let b1 = p[i &+ 1]
                let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80  // no overlong forms
                let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF  // no surrogates
                guard b1 >= low, b1 <= high, isContinuation(p[i &+ 2]) else { return i }
                i &+= 3
            } else if b0 < 0xF5 {
                guard i &+ 3 < n else { return i }
                let b1 = p[i &+ 1]
                let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80  // no overlong forms
                let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF  // nothing above U+10FFFF
                guard b1 >= low, b1 <= high, isContinuation(p[i &+ 2]), isContinuation(p[i &+ 3]) else { return i }
                i &+= 4
            } else {
                return i
            }
        }
        return nil
    }

    @inline(__always)
    private static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
}
