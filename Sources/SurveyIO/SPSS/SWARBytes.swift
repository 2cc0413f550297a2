/// Byte tests on the eight bytes of a `UInt64` at once ("SIMD within a register"), exact for
/// every byte: no carry from one byte reaches the next (Hacker's Delight, 2nd ed., §6-1,
/// "find first 0-byte", in its exact form).
enum SWARBytes {
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The high bit of every byte of `word` that equals `byte`, the other bits clear.
    @inline(__always)
    static func matches(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        // A byte of x below 0x80 and not zero gets its high bit from the addition; one of 0x80
        // or more has it already: only zero bytes are left without it.
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// Whether any byte of `word` equals `byte`.
    @inline(__always)
    static func contains(_ byte: UInt8, in word: UInt64) -> Bool { matches(byte, in: word) != 0 }

    /// How many bytes of `word` equal `byte`.
    @inline(__always)
    static func count(of byte: UInt8, in word: UInt64) -> Int { matches(byte, in: word).nonzeroBitCount }
}
