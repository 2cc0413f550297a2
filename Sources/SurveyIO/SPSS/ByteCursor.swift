/// A bounds-checked reader of binary fields, in either byte order.
///
/// Every read checks the remaining length first and throws ``SPSSFormatError`` naming the
/// structure being read when the bytes run out, so no input can make a reader trap.
///
/// `Bytes` is a whole file (an `UnsafeRawBufferPointer` over its mapping, valid while the file
/// is decoded) or a record copied out of it (`[UInt8]`); either way it is indexed from 0.
struct ByteCursor<Bytes: RandomAccessCollection<UInt8>> where Bytes.Index == Int {
    let bytes: Bytes
    private(set) var offset: Int
    /// Multi-byte numbers are stored most significant byte first.
    var bigEndian: Bool

    init(_ bytes: Bytes, offset: Int = 0, bigEndian: Bool = false) {
        precondition(bytes.startIndex == 0, "a ByteCursor reads bytes indexed from 0")
        self.bytes = bytes
        self.offset = min(max(offset, 0), bytes.count)
        self.bigEndian = bigEndian
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset >= bytes.count }

    /// Fails unless `count` more bytes are there.
    func require(_ count: Int, _ what: @autoclosure () -> String) throws(SPSSFormatError) {
        guard count >= 0, count <= remaining else { throw .truncated(what(), at: bytes.count) }
    }

    mutating func skip(_ count: Int, _ what: @autoclosure () -> String) throws(SPSSFormatError) {
        try require(count, what())
        offset += count
    }

    mutating func seek(to position: Int, _ what: @autoclosure () -> String) throws(SPSSFormatError) {
        guard position >= 0, position <= bytes.count else { throw .truncated(what(), at: bytes.count) }
        offset = position
    }

    mutating func byte(_ what: @autoclosure () -> String) throws(SPSSFormatError) -> UInt8 {
        try require(1, what())
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bytes(_ count: Int, _ what: @autoclosure () -> String) throws(SPSSFormatError) -> [UInt8] {
        try require(count, what())
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func uint32(_ what: @autoclosure () -> String) throws(SPSSFormatError) -> UInt32 {
        try require(4, what())
        defer { offset += 4 }
        return Self.uint32(bytes, at: offset, bigEndian: bigEndian)
    }

    mutating func int32(_ what: @autoclosure () -> String) throws(SPSSFormatError) -> Int32 {
        Int32(bitPattern: try uint32(what()))
    }

    /// A 32-bit count or length as an `Int`.
    mutating func int(_ what: @autoclosure () -> String) throws(SPSSFormatError) -> Int {
        Int(try int32(what()))
    }

    mutating func uint64(_ what: @autoclosure () -> String) throws(SPSSFormatError) -> UInt64 {
        try require(8, what())
        defer { offset += 8 }
        return Self.uint64(bytes, at: offset, bigEndian: bigEndian)
    }

    mutating func int64(_ what: @autoclosure () -> String) throws(SPSSFormatError) -> Int64 {
        Int64(bitPattern: try uint64(what()))
    }

    mutating func double(_ what: @autoclosure () -> String) throws(SPSSFormatError) -> Double {
        Double(bitPattern: try uint64(what()))
    }

    /// The 32-bit number at `position`; the caller has checked the bounds.
    static func uint32(_ bytes: Bytes, at position: Int, bigEndian: Bool) -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<4 {
            let b = UInt32(bytes[position + (bigEndian ? i : 3 - i)])
            value = value << 8 | b
        }
        return value
    }

    /// The 64-bit number at `position`; the caller has checked the bounds.
    static func uint64(_ bytes: Bytes, at position: Int, bigEndian: Bool) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 {
            let b = UInt64(bytes[position + (bigEndian ? i : 7 - i)])
            value = value << 8 | b
        }
        return value
    }
}
