import Foundation
@testable import SurveyIO
import Testing

/// ``NumberParser``: numbers of 16 to 19 digits, converted exactly, against the C library, and the
/// pieces of that conversion (the reciprocals of 5ᵏ, division through them, a `Double` made from
/// its bits, halfway cases).
@Suite("Number parser")
struct NumberParserTests {
    @Test("Numbers of 16 to 19 digits convert as the C library converts them, bit for bit")
    func wideNumbers() {
        var rng = SeededGenerator(seed: 0xD161)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 16...19, using: &rng)
            var text = String(UInt64.random(in: 1...9, using: &rng))
            for _ in 1..<digits { text += String(UInt64.random(in: 0...9, using: &rng)) }
            let point = Int.random(in: 0...digits, using: &rng)
            if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if Bool.random(using: &rng) { text += "e\(Int.random(in: -22...22, using: &rng))" }
            let bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, 0, $0.count) }
            #expect(parsed?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
        }
    }

    @Test("The written-out reciprocals of five are the top 128 bits of 2^s / 5^k, s putting them in [2^127, 2^128)")
    func reciprocalTable() {
        // 5⁰ = 1: 2¹²⁷ itself.
        #expect(NumberParser.reciprocalHighs[0] == 1 << 63 && NumberParser.reciprocalLows[0] == 0 && NumberParser.reciprocalShifts[0] == 127)
        for k in 1...22 {
            let power = (0..<k).reduce(UInt128(1)) { p, _ in p * 5 }
            // 2^s / 5^k by long division of three 64-bit limbs, the first holding bit s.
            let shift = 127 + (128 - power.leadingZeroBitCount)
            var remainder: UInt128 = 0
            var quotient: [UInt64] = []
            for limb in [UInt64(1) << (shift - 128), 0, 0] {
                let numerator = remainder << 64 | UInt128(limb)
                quotient.append(UInt64(numerator / power))
                remainder = numerator % power
            }
            #expect(quotient[0] == 0 && quotient[1] >> 63 == 1, "5^\(k): not in [2^127, 2^128)")
            #expect(NumberParser.reciprocalHighs[k] == quotient[1], "5^\(k): high word")
            #expect(NumberParser.reciprocalLows[k] == quotient[2], "5^\(k): low word")
            #expect(NumberParser.reciprocalShifts[k] == shift, "5^\(k): shift")
        }
    }

    @Test("A significand and a power of two make their Double from bits, a rounding carry to 2^53 included", arguments: [
        (UInt64(1) << 52, 0, 4_503_599_627_370_496.0),
        (UInt64(1) << 52, -52, 1.0),
        ((UInt64(1) << 53) - 1, -52, 2.0 - 0x1p-52),
        (UInt64(1) << 53, -53, 1.0),
        (UInt64(1) << 53, -60, 0x1p-7),
        ((UInt64(1) << 52) | 1, -100, 0x1p-48 + 0x1p-100),
    ])
    func scaledSignificand(significand: UInt64, exponent: Int, expected: Double) {
        #expect(NumberParser.scaled(significand, by: exponent).bitPattern == expected.bitPattern)
        #expect(NumberParser.scaled(significand, by: exponent) == Double(significand) * NumberParser.powerOfTwo(exponent))
    }

    @Test("Division by a power of ten through the reciprocal of five equals exact division, or leaves it to division")
    func reciprocalQuotient() {
        var rng = SeededGenerator(seed: 0x5EC1)
        var undecided = 0
        for index in 0..<200_000 {
            let k = Int.random(in: 1...22, using: &rng)
            var mantissa = max(1, UInt64.random(in: 1...UInt64.max, using: &rng) >> UInt64.random(in: 0...63, using: &rng))
            if index % 4 == 0 {
                // A multiple of 5ᵏ can fall exactly halfway between two doubles: a tie.
                let power = (0..<min(k, 27)).reduce(UInt64(1)) { p, _ in p * 5 }
                mantissa = max(1, mantissa / power) * power
            }
            let exact = NumberParser.quotientByDivision(mantissa, tenToThe: k)
            if let fast = NumberParser.quotientByReciprocal(mantissa, tenToThe: k) {
                #expect(fast.bitPattern == exact.bitPattern, "\(mantissa) / 10^\(k)")
            } else {
                undecided += 1
            }
        }
        // Only numbers within 2⁻⁷⁰ or so of halfway are left to division, ties among them.
        #expect(undecided < 2_000)
    }

    @Test("Halfway cases round to even", arguments: [
        ("9007199254740993", 9007199254740992.0),   // 2^53 + 1: halfway, down to the even 2^53
        ("9007199254740995", 9007199254740996.0),   // halfway, up to the even neighbour
        ("9007199254740993.0000000001", 9007199254740994.0),  // just above halfway (21 digits)
        ("18014398509481990", 18014398509481992.0),
        ("1.7976931348623157e308", Double.greatestFiniteMagnitude),
        ("2.2250738585072014e-308", Double.leastNormalMagnitude),
        ("4.9e-324", Double.leastNonzeroMagnitude),
        ("0.1000000000000000055511151231257827", 0.1),
        ("1844674407370955161.5e-3", 1844674407370955.1615),
    ])
    func halfway(text: String, expected: Double) {
        let bytes = Array(text.utf8)
        let parsed = bytes.withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, 0, $0.count) }
        #expect(parsed?.bitPattern == expected.bitPattern)
    }
}
