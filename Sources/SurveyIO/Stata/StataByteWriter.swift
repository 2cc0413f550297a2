/// Appends the little-endian fields of a format-118/119 `.dta` file to a byte buffer.
struct StataByteWriter {
    private(set) var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func tag(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }
    mutating func raw(_ data: ArraySlice<UInt8>) { bytes.append(contentsOf: data) }

    /// `count` zero bytes.
    mutating func zeros(_ count: Int) {
        var left = count
        while left > 0 {
            let n = min(left, StataByteWriter.zeroBlock.count)
            bytes.append(contentsOf: StataByteWriter.zeroBlock[0 ..< n])
            left -= n
        }
    }

    private static let zeroBlock = [UInt8](repeating: 0, count: 4096)

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) { integer(v) }
    mutating func u32(_ v: UInt32) { integer(v) }
    mutating func u64(_ v: UInt64) { integer(v) }

    mutating func integer<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The low `width` bytes of `v`, least significant first.
    mutating func unsigned(_ v: UInt64, width: Int) {
        for i in 0 ..< width { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    /// `text` as UTF-8 in a field of `length` bytes: cut at a character boundary to leave room
    /// for the terminating NUL, then padded with NULs.
    mutating func fixed(_ text: String, length: Int) {
        let utf8 = StataByteWriter.truncated(text, to: length - 1)
        bytes.append(contentsOf: utf8)
        zeros(length - utf8.count)
    }

    /// Overwrites 8 bytes at `offset` with `v`.
    mutating func patch(_ v: UInt64, at offset: Int) {
        for i in 0 ..< 8 { bytes[offset + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) }
    }

    /// The UTF-8 of `text`, at most `limit` bytes, never splitting a character.
    static func truncated(_ text: String, to limit: Int) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count > limit else { return utf8 }
        var end = max(limit, 0)
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return Array(utf8[0 ..< end])
    }
}
