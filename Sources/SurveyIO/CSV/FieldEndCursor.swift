#if arch(x86_64)
import ByteClasses
#endif

/// Finds where unquoted fields end (the next separator, `\n` or `\r`) by classifying the bytes
/// of a file 64 at a time, as the structural indexes of simdjson and simdcsv do (G. Langdale and
/// D. Lemire, "Parsing Gigabytes of JSON per Second", VLDB Journal 28, 2019): four vector
/// comparisons per sixteen bytes give one bit per byte, and each field end is then the lowest set
/// bit at or after the field's start. A row loop asks for every field, so each byte is classified
/// about once, and finding an end costs a count of trailing zeros rather than a loop over the
/// field's bytes with a branch per byte.
///
/// Quotes are not tracked: a quoted field is read by the byte loop, which says where the next
/// field starts, and the cursor simply goes on from there (a quote inside an unquoted field is an
/// ordinary byte, as it is to the byte loop). A position may go back (a row that the row loop
/// reads again field by field): one inside the classified block is found in its bits, one
/// before it classifies afresh.
struct FieldEndCursor {
    private let p: UnsafePointer<UInt8>
    private let end: Int
    private let separator: UInt8
    /// The 64 bytes from `blockStart` (fewer at the end of the file) that `bits` describes: bit
    /// k is set when byte `blockStart + k` is a separator or a line-end byte.
    private var blockStart: Int
    private var bits: UInt64 = 0

    private static let blockSize = 64

    init(_ bytes: CSVBytes) {
        p = bytes.p
        end = bytes.end
        separator = bytes.separator
        blockStart = -Self.blockSize
    }

    /// The offset of the first separator, `\n` or `\r` at or after `position`, or the end of
    /// the file when there is none.
    @inline(__always)
    mutating func next(from position: Int) -> Int {
        let offset = position &- blockStart
        if UInt(bitPattern: offset) < UInt(Self.blockSize) {
            let ahead = bits & (~0 << UInt64(offset))
            if ahead != 0 { return blockStart &+ ahead.trailingZeroBitCount }
            (blockStart, bits) = Self.block(p, end, separator, from: blockStart &+ Self.blockSize)
        } else {
            (blockStart, bits) = Self.block(p, end, separator, from: position)
        }
        return bits != 0 ? blockStart &+ bits.trailingZeroBitCount : end
    }

    /// The next field end, taken out of the cursor: the lowest end left in the block, or the
    /// first in the blocks after it (the end of the file when there is none). The row loop's
    /// index reads fields this way, each end taken as it is met and those below the field's
    /// start taken out beforehand (``skip(to:)``), so that finding an end waits only for the
    /// last one taken, not for where the field starts, as ``next(from:)`` does.
    @inline(__always)
    mutating func pop() -> Int {
        if bits == 0 {
            (blockStart, bits) = Self.block(p, end, separator, from: blockStart &+ Self.blockSize)
            if bits == 0 { return end }
        }
        let found = blockStart &+ bits.trailingZeroBitCount
        bits &= bits &- 1
        return found
    }

    /// Takes out the ends below `position`, so that ``pop()`` gives the first at or after it
    /// (the ends below must not have been taken out by ``pop()`` beyond `position`).
    @inline(__always)
    mutating func skip(to position: Int) {
        let offset = position &- blockStart
        if UInt(bitPattern: offset) < UInt(Self.blockSize) {
            bits &= ~0 << UInt64(offset)
        } else {
            (blockStart, bits) = Self.block(p, end, separator, from: position)
        }
    }

    /// Forgets the classified block, so that the next position asked for may lie anywhere: the
    /// row loop reads a row again after ``pop()`` took out some of its ends.
    mutating func forget() {
        blockStart = -Self.blockSize
        bits = 0
    }

    /// The first block from `start` on that holds a field end, classified; or the last bytes
    /// of the file (fewer than a block, perhaps none) when no whole block does. A function of
    /// its arguments, so that the cursor's state stays in the caller's registers.
    @inline(never)
    private static func block(_ p: UnsafePointer<UInt8>, _ end: Int, _ separator: UInt8, from start: Int) -> (start: Int, bits: UInt64) {
        var at = start
        while at &+ blockSize <= end {
            let bits = fieldEnds(UnsafeRawPointer(p + at), separator)
            if bits != 0 { return (at, bits) }
            at &+= blockSize
        }
        // The last bytes, fewer than a block: one at a time.
        var bits: UInt64 = 0
        var k = 0
        while at &+ k < end {
            if CSVBytes.endsField(p[at &+ k], separator: separator) { bits |= 1 << UInt64(k) }
            k &+= 1
        }
        return (at, bits)
    }

    /// One bit per byte of the 64 at `raw`: set for the separator, `\n` and `\r`. On x86-64,
    /// by SSE2's movemask (``ByteClasses``); elsewhere by Swift's vectors
    /// (``portableFieldEnds(_:_:)``).
    @inline(__always)
    static func fieldEnds(_ raw: UnsafeRawPointer, _ separator: UInt8) -> UInt64 {
        #if arch(x86_64)
        byte_classes_field_ends_64(raw.assumingMemoryBound(to: UInt8.self), separator)
        #else
        portableFieldEnds(raw, separator)
        #endif
    }

    /// ``fieldEnds(_:_:)`` in Swift's vectors: four comparisons per sixteen bytes, and each
    /// eight comparison results gathered into eight bits by a multiplication (``highBits(_:)``).
    @inline(__always)
    static func portableFieldEnds(_ raw: UnsafeRawPointer, _ separator: UInt8) -> UInt64 {
        typealias Vector = SIMD16<UInt8>
        let separators = Vector(repeating: separator)
        let newlines = Vector(repeating: UInt8(ascii: "\n")), returns = Vector(repeating: UInt8(ascii: "\r"))
        var result: UInt64 = 0
        for k in 0..<4 {
            let bytes = raw.loadUnaligned(fromByteOffset: k &* 16, as: Vector.self)
            let matches = (bytes .== separators) .| (bytes .== newlines) .| (bytes .== returns)
            let halves = unsafeBitCast(matches, to: SIMD2<UInt64>.self)
            result |= (highBits(halves[0]) | highBits(halves[1]) << 8) << UInt64(k &* 16)
        }
        return result
    }

    /// The top bit of each of the eight bytes of `lanes` (each 0x00 or 0xFF), gathered into the
    /// low eight bits by one multiplication (byte k's bit lands at bit 56 + k, and no two
    /// partial products overlap).
    @inline(__always)
    private static func highBits(_ lanes: UInt64) -> UInt64 {
        ((lanes & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
    }
}
