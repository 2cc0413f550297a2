#if arch(x86_64)
import ByteClasses
#endif

/// Finds where unquoted fields end (the next separator, `\n` or `\r`) by classifying the bytes
/// of a file 64 at a time, as the structural indexes of simdjson and simdcsv do (G. Langdale and
/// D. Lemire, "Parsing Gigabytes of JSON per Second", VLDB Journal 28, 2019): four vector
/// comparisons per sixteen bytes give one bit per byte, and the offsets of the set bits are
/// written out, a few blocks at a time, into a buffer the caller lends (``bufferCapacity``
/// offsets). Taking the next end is then a load; the branch that refills the buffer is taken
/// once every few hundred fields, where one per block (about once a row of a narrow file) was
/// mispredicted nearly every time, as a row's fields fall across blocks at random.
///
/// Quotes are not tracked: a quoted field is read by the byte loop, which says where the next
/// field starts, and the cursor simply goes on from there (a quote inside an unquoted field is an
/// ordinary byte, as it is to the byte loop). Positions asked for go forward; to go back (a row
/// that the row loop reads again field by field), the cursor is forgotten (``forget()``) first.
struct FieldEndCursor {
    private let p: UnsafePointer<UInt8>
    private let end: Int
    private let separator: UInt8
    /// The ends found and not yet taken: `ends[taken..<found]`, in order, every end in
    /// `[ends[taken], scanned)` among them.
    private let ends: UnsafeMutablePointer<Int>
    private var taken = 0
    private var found = 0
    /// Where classifying goes on: every end before it that is not taken is in the buffer.
    private var scanned = 0

    /// Offsets of ends a buffer holds before it stops taking blocks.
    private static let endsPerRefill = 192
    private static let blockSize = 64
    /// The buffer a cursor needs: room for a refill, and for the eight offsets a block writes
    /// past its last end.
    static let bufferCapacity = endsPerRefill + blockSize + 8

    /// A cursor over `bytes` that keeps its ends in `buffer` (at least ``bufferCapacity``
    /// offsets, lent for the cursor's life).
    init(_ bytes: CSVBytes, buffer: UnsafeMutableBufferPointer<Int>) {
        precondition(buffer.count >= Self.bufferCapacity, "a field end cursor needs a buffer of \(Self.bufferCapacity) offsets")
        p = bytes.p
        end = bytes.end
        separator = bytes.separator
        ends = buffer.baseAddress!
    }

    /// The offset of the first separator, `\n` or `\r` at or after `position`, or the end of
    /// the file when there is none; the ends below `position` are taken out.
    @inline(__always)
    mutating func next(from position: Int) -> Int {
        skip(to: position)
        if taken == found {
            refill()
            if found == 0 { return end }
        }
        return ends[taken]
    }

    /// The next field end, taken out of the cursor: the lowest end left (the end of the file
    /// when there is none). The row loop's index reads fields this way, each end taken as it is
    /// met and those below the field's start taken out beforehand (``skip(to:)``).
    @inline(__always)
    mutating func pop() -> Int {
        if taken == found {
            refill()
            if found == 0 { return end }
        }
        let next = ends[taken]
        taken &+= 1
        return next
    }

    /// Takes out the ends below `position`, so that ``pop()`` gives the first at or after it.
    @inline(__always)
    mutating func skip(to position: Int) {
        if position >= scanned {
            // Beyond what was classified: start again from there.
            taken = 0
            found = 0
            scanned = position
            return
        }
        while taken < found, ends[taken] < position { taken &+= 1 }
    }

    /// Forgets the ends found, so that the next position asked for may lie anywhere: the row
    /// loop reads a row again after ``pop()`` took out some of its ends.
    mutating func forget() {
        taken = 0
        found = 0
        scanned = 0
    }

    /// Classifies blocks from `scanned` on until the buffer holds ``endsPerRefill`` ends or the
    /// file ends; the last bytes of the file, fewer than a block, one at a time.
    @inline(never)
    private mutating func refill() {
        var count = 0
        var at = scanned
        while count < Self.endsPerRefill, at < end {
            let bits: UInt64
            if at &+ Self.blockSize <= end {
                bits = Self.fieldEnds(UnsafeRawPointer(p + at), separator)
            } else {
                var tail: UInt64 = 0
                var k = 0
                while at &+ k < end {
                    if CSVBytes.endsField(p[at &+ k], separator: separator) { tail |= 1 << UInt64(k) }
                    k &+= 1
                }
                bits = tail
            }
            count &+= Self.flatten(bits, at: at, into: ends + count)
            at = Swift.min(at &+ Self.blockSize, end)
        }
        scanned = at
        taken = 0
        found = count
    }

    /// Writes `base` plus the index of each set bit of `bits`, lowest first, at `out`, and
    /// returns how many: eight at a time without a branch per end (past the last, the offsets
    /// written are not counted), as simdjson writes out its structural indexes.
    @inline(__always)
    private static func flatten(_ bits: UInt64, at base: Int, into out: UnsafeMutablePointer<Int>) -> Int {
        var rest = bits
        var written = 0
        repeat {
            for k in 0..<8 {
                out[written &+ k] = base &+ rest.trailingZeroBitCount
                rest &= rest &- 1
            }
            written &+= 8
        } while rest != 0
        return bits.nonzeroBitCount
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
