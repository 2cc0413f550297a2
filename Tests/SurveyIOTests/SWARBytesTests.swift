@testable import SurveyIO
import Testing

/// The byte tests the bytecode reader uses to take eight commands at once.
@Suite("SWAR byte tests")
struct SWARBytesTests {
    @Test("Every byte value in every lane, beside random bytes, is matched exactly: no false match from a neighbour's carry")
    func matchesAreExact() {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<300 {
            var bytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }
            for lane in 0..<8 {
                for value in [UInt8(0), 1, 0x7F, 0x80, 0xFC, 0xFD, 0xFE, 0xFF, UInt8.random(in: 0...255, using: &rng)] {
                    bytes[lane] = value
                    let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
                    for wanted in [UInt8(0), 252, 253, value] {
                        let expected = bytes.enumerated().reduce(UInt64(0)) { $1.element == wanted ? $0 | 0x80 << UInt64($1.offset * 8) : $0 }
                        #expect(SWARBytes.matches(wanted, in: word) == expected)
                        #expect(SWARBytes.count(of: wanted, in: word) == bytes.filter { $0 == wanted }.count)
                        #expect(SWARBytes.contains(wanted, in: word) == bytes.contains(wanted))
                    }
                }
            }
        }
    }
}
