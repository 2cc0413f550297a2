@testable import SurveyIO
import SurveyCore
import Testing

/// The interner gives each distinct byte string one index, in order of first appearance, at
/// every length its hash and comparison treat apart (under 8 bytes, read alone or with the bytes
/// before them, 8 to 16 as two words that may overlap, 8 to 64 against a recent value by chunks
/// of sixteen, or by words near the start of a buffer, two lanes of the hash from 16, longer by
/// `memcmp`).
@Suite("Byte interner")
struct ByteInternerTests {
    @Test("Distinct values get distinct indices in order of first appearance; repeats get theirs back")
    func distinctValues() {
        var rng = SplitMix64(seed: 0x1A7E)
        var values: [[UInt8]] = []
        for length in 0...72 {
            for _ in 0..<20 {
                values.append((0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next() % 4) + 0x61 })
            }
            // Values that differ in one byte only, at each position: the middle of a long value,
            // or a byte that both words of a 9-to-15-byte value hold.
            let base = [UInt8](repeating: 0x41, count: length)
            for position in 0..<length {
                var changed = base
                changed[position] = 0x42
                values.append(changed)
            }
            values.append(base)
        }
        var interner = ByteInterner()
        var firstIndex: [[UInt8]: Int32] = [:]
        // The second time round, each value lies after 0 to 12 other bytes of its buffer (as a
        // field does in a file): values under eight bytes are then read with the bytes before.
        // The third, after 16 to 40 bytes of any kind: values of 8 to 64 bytes are then compared
        // with recent ones in chunks that reach before them.
        let rounds = values.map { (0, $0) } + values.reversed().map { (1, $0) } + values.map { (2, $0) }
        for (round, value) in rounds {
            let before: [UInt8] = switch round {
            case 0: []
            case 1: [UInt8](repeating: 0x2C, count: Int(rng.next() % 13))
            default: (0..<(16 + Int(rng.next() % 25))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            }
            let index = (before + value).withUnsafeBufferPointer { buffer -> Int32 in
                var nothing: UInt8 = 0
                return buffer.isEmpty ? interner.intern(&nothing, 0, 0) : interner.intern(buffer.baseAddress!, before.count, buffer.count)
            }
            if let known = firstIndex[value] {
                #expect(index == known, "\(value)")
            } else {
                #expect(Int(index) == firstIndex.count, "\(value)")
                firstIndex[value] = index
            }
        }
        #expect(interner.count == firstIndex.count)
        for (value, index) in firstIndex {
            #expect(Array(interner.string(Int(index)).utf8) == value)
        }
    }

    @Test("Values of 8 to 64 bytes compared in chunks (SSE2 on x86-64), and in words once their outer words match, agree with byte equality, whatever lies before them")
    func chunkComparison() {
        var rng = SplitMix64(seed: 0xC4A7)
        for round in 0..<20_000 {
            let length = 8 + Int(rng.next() % 57)
            // Sixteen bytes of anything before each value; the two values alike but for a byte or
            // two now and then, anywhere in them.
            var held = (0..<(16 + length)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var value = (0..<16).map { _ in UInt8(truncatingIfNeeded: rng.next()) } + held[16...]
            if round % 2 == 0 {
                value[16 + Int(rng.next() % UInt64(length))] ^= UInt8(truncatingIfNeeded: 1 + rng.next() % 255)
            }
            if round % 5 == 0 { held[16 + Int(rng.next() % UInt64(length))] = value[16 + Int(rng.next() % UInt64(length))] }
            let expected = held[16...] == value[16...]
            held.withUnsafeBufferPointer { h in
                value.withUnsafeBufferPointer { v in
                    #expect(ByteInterner.sameInChunks(h.baseAddress! + 16, v.baseAddress! + 16, length) == expected, "\(length)")
                    // The words are compared only once the outer eight bytes are known alike.
                    if held[16..<24] == value[16..<24], held.suffix(8) == value.suffix(8) {
                        #expect(ByteInterner.sameInWords(h.baseAddress! + 16, v.baseAddress! + 16, length) == expected, "\(length)")
                    }
                }
            }
        }
    }
}
