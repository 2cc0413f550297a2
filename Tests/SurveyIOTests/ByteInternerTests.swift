@testable import SurveyIO
import SurveyCore
import Testing

/// The interner gives each distinct byte string one index, in order of first appearance, at
/// every length its hash and comparison treat apart (under 8 bytes, read alone or with the bytes
/// before them, 8 to 16 as two words that may overlap, 17 to 64 by words, two lanes of the hash
/// from 16, longer by `memcmp`).
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
        for (round, value) in (values.map { (0, $0) } + values.reversed().map { (1, $0) }) {
            let before = round == 0 ? [] : [UInt8](repeating: 0x2C, count: Int(rng.next() % 13))
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
}
