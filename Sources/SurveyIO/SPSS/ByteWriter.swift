/// Appends little-endian binary fields to a byte buffer, for the system file writer.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int32(_ value: Int) {
        let v = UInt32(truncatingIfNeeded: value)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    mutating func int64(_ value: Int) {
        uint64(UInt64(bitPattern: Int64(value)))
    }

    mutating func uint64(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    mutating func double(_ value: Double) { uint64(value.bitPattern) }

    mutating func append<C: Collection>(_ data: C) where C.Element == UInt8 { bytes.append(contentsOf: data) }

    /// `data` cut or padded with `pad` to exactly `count` bytes.
    mutating func fixed<C: Collection>(_ data: C, count: Int, pad: UInt8 = 0x20) where C.Element == UInt8 {
        let taken = data.prefix(count)
        bytes.append(contentsOf: taken)
        bytes.append(contentsOf: repeatElement(pad, count: count - taken.count))
    }

    /// Zero bytes up to the next multiple of `alignment` counted from `start`.
    mutating func pad(toMultipleOf alignment: Int, from start: Int, with byte: UInt8 = 0) {
        let length = bytes.count - start
        bytes.append(contentsOf: repeatElement(byte, count: (alignment - length % alignment) % alignment))
    }

    mutating func patchInt32(_ value: Int, at offset: Int) {
        let v = UInt32(truncatingIfNeeded: value)
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: v >> UInt32(8 * i)) }
    }

    mutating func patchInt64(_ value: Int, at offset: Int) {
        let v = UInt64(bitPattern: Int64(value))
        for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: v >> UInt64(8 * i)) }
    }
}
