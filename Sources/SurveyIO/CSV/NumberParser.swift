import Foundation

/// Reads a number from the bytes of one field as R's `type.convert` does: optional surrounding
/// white space, an optional sign, then a decimal number with an optional exponent (`1`, `-2.5`,
/// `.5`, `5.`, `1e-3`), a hexadecimal one (`0x1A`), or `Inf`, `Infinity`, `NaN` in any case.
///
/// Like R, an exponent marker without digits is ignored (`1e` reads as 1). Every conversion is
/// correctly rounded (to nearest, ties to even), in one of three ways, fastest first:
///
/// 1. Clinger's fast path (W. D. Clinger, "How to Read Floating Point Numbers Accurately",
///    PLDI 1990): up to 19 significant digits whose value is exact in a `Double` (at most 2⁵³)
///    and a power of ten within ±22, both exact, so one multiplication or division rounds once.
/// 2. Exact integer arithmetic on 128 bits (``wide(_:exponent:)``) for the digits Clinger's path
///    cannot take but that are common in survey files: 16 to 19 significant digits, as written
///    by `repr` of a weight or a score, with a power of ten within ±22.
/// 3. The C library's `strtod` (correctly rounded in glibc) on a copy of the bytes, for more
///    than 19 significant digits, powers of ten beyond ±22 and hexadecimal numbers.
///
/// No path makes a `String`.
enum NumberParser {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    @inline(__always)
    private static func digit(_ b: UInt8) -> UInt64? {
        let d = b &- 0x30
        return d < 10 ? UInt64(d) : nil
    }

    /// The number in `p[start..<end]`, or `nil` when the text is not a number.
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var s = start, e = end
        while s < e, isSpace(p[s]) { s &+= 1 }
        while e > s, isSpace(p[e &- 1]) { e &-= 1 }
        guard s < e else { return nil }

        var i = s
        var negative = false
        if p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
            negative = p[i] == UInt8(ascii: "-")
            i &+= 1
            guard i < e else { return nil }
        }
        let first = p[i] | 0x20
        if first == UInt8(ascii: "i") || first == UInt8(ascii: "n") {
            return special(p, i, e, negative: negative)
        }
        if p[i] == UInt8(ascii: "0"), i &+ 1 < e, p[i &+ 1] | 0x20 == UInt8(ascii: "x") {
            return hexadecimal(p, s, i &+ 2, e)
        }

        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var truncated = false
        var sawDigit = false
        while i < e, let d = digit(p[i]) {
            sawDigit = true
            if mantissa == 0, d == 0 {
                // a leading zero
            } else if significant < 19 {
                mantissa = mantissa &* 10 &+ d
                significant &+= 1
            } else {
                exponent &+= 1
                truncated = truncated || d != 0
            }
            i &+= 1
        }
        if i < e, p[i] == UInt8(ascii: ".") {
            i &+= 1
            while i < e, let d = digit(p[i]) {
                sawDigit = true
                if mantissa == 0, d == 0 {
                    exponent &-= 1
                } else if significant < 19 {
                    mantissa = mantissa &* 10 &+ d
                    significant &+= 1
                    exponent &-= 1
                } else {
                    truncated = truncated || d != 0
                }
                i &+= 1
            }
        }
        guard sawDigit else { return nil }
        var mantissaEnd = i
        var hasExponentDigits = false
        if i < e, p[i] | 0x20 == UInt8(ascii: "e") {
            mantissaEnd = i
            i &+= 1
            var exponentNegative = false
            if i < e, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i &+= 1
            }
            var value = 0
            while i < e, let d = digit(p[i]) {
                hasExponentDigits = true
                value = min(value &* 10 &+ Int(d), 1_000_000)
                i &+= 1
            }
            exponent &+= exponentNegative ? -value : value
        } else {
            mantissaEnd = e
        }
        guard i == e else { return nil }

        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !truncated, let v = decimal(mantissa, exponent: exponent) { return negative ? -v : v }
        // The rest: the C library on the text without a bare exponent marker.
        return cLibrary(p, s, hasExponentDigits ? e : mantissaEnd)
    }

    /// `mantissa × 10^exponent` correctly rounded, by the first two ways (Clinger's fast path,
    /// then ``wide(_:exponent:)``); `nil` when `exponent` is beyond ±22 or the product needs
    /// more than 128 bits.
    @inline(__always)
    static func decimal(_ mantissa: UInt64, exponent: Int) -> Double? {
        guard exponent >= -22, exponent <= 22 else { return nil }
        if mantissa <= 1 << 53 {
            let m = Double(mantissa)
            if exponent == 0 { return m }
            return exponent > 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
        }
        return wide(mantissa, exponent: exponent)
    }

    /// `mantissa ÷ 10ᵏ` correctly rounded, for the k digits after a decimal point (k from 0 to
    /// 22): the value ``decimal(_:exponent:)`` gives for exponent −k, but with a nonzero k always
    /// by ``quotientByReciprocal(_:tenToThe:)`` (division only when it cannot decide), never
    /// Clinger's division. A column of weights written with 16 or 17 significant digits has
    /// mantissas on both sides of 2⁵³ at random, and choosing between the two ways per number
    /// was a branch mispredicted about every other time.
    @inline(__always)
    static func fraction(_ mantissa: UInt64, digitsAfterPoint k: Int) -> Double? {
        guard k != 0, mantissa != 0 else { return decimal(mantissa, exponent: -k) }
        return quotient(mantissa, tenToThe: k)
    }

    /// `mantissa ÷ 10ᵏ` (a mantissa above 0, k from 1 to 22) correctly rounded: by
    /// ``quotientByReciprocal(_:tenToThe:)``, or by ``quotientByDivision(_:tenToThe:)`` when that
    /// cannot decide the rounding.
    @inline(__always)
    static func quotient(_ mantissa: UInt64, tenToThe k: Int) -> Double {
        quotientByReciprocal(mantissa, tenToThe: k) ?? quotientByDivision(mantissa, tenToThe: k)
    }

    /// Powers of ten from 10⁰ to 10²², exact in 128 bits.
    private static let widePowersOfTen: [UInt128] = (0...22).map { k in (0..<k).reduce(UInt128(1)) { power, _ in power * 10 } }

    /// `mantissa × 10^exponent` correctly rounded, for `exponent` within ±22, by exact integer
    /// arithmetic: a product on 128 bits; a quotient by a multiplication (``quotientByReciprocal``)
    /// or, when that cannot decide the rounding, by a division (``quotientByDivision``).
    static func wide(_ mantissa: UInt64, exponent: Int) -> Double? {
        if exponent >= 0 {
            let (product, overflow) = UInt128(mantissa).multipliedReportingOverflow(by: widePowersOfTen[exponent])
            // The standard library rounds an integer to the nearest Double, ties to even.
            return overflow ? nil : Double(product)
        }
        return quotient(mantissa, tenToThe: -exponent)
    }

    /// For k from 0 to 22, the top 128 bits of 1/5ᵏ: T = ⌊2ˢ / 5ᵏ⌋ with the shift s that puts T
    /// in [2¹²⁷, 2¹²⁸) (s = 127 + the bit length of 5ᵏ, and 127 for k = 0), as its high and low
    /// words and s. Written out, so that the tables are made when the program is compiled rather
    /// than on first use (a call per number); a test (`NumberParserTests.reciprocalTable`)
    /// works them out again by long division and compares.
    static let reciprocalHighs: [UInt64] = [
        0x8000_0000_0000_0000, 0xCCCC_CCCC_CCCC_CCCC, 0xA3D7_0A3D_70A3_D70A,
        0x8312_6E97_8D4F_DF3B, 0xD1B7_1758_E219_652B, 0xA7C5_AC47_1B47_8423,
        0x8637_BD05_AF6C_69B5, 0xD6BF_94D5_E57A_42BC, 0xABCC_7711_8461_CEFC,
        0x8970_5F41_36B4_A597, 0xDBE6_FECE_BDED_D5BE, 0xAFEB_FF0B_CB24_AAFE,
        0x8CBC_CC09_6F50_88CB, 0xE12E_1342_4BB4_0E13, 0xB424_DC35_095C_D80F,
        0x901D_7CF7_3AB0_ACD9, 0xE695_94BE_C44D_E15B, 0xB877_AA32_36A4_B449,
        0x9392_EE8E_921D_5D07, 0xEC1E_4A7D_B695_61A5, 0xBCE5_0864_9211_1AEA,
        0x971D_A050_74DA_7BEE, 0xF1C9_0080_BAF7_2CB1,
    ]
    static let reciprocalLows: [UInt64] = [
        0x0000_0000_0000_0000, 0xCCCC_CCCC_CCCC_CCCC, 0x3D70_A3D7_0A3D_70A3,
        0x645A_1CAC_0831_26E9, 0xD3C3_6113_404E_A4A8, 0x0FCF_80DC_3372_1D53,
        0xA63F_9A49_C2C1_B10F, 0x3D32_9076_0469_1B4C, 0xFDC2_0D2B_36BA_7C3D,
        0x3168_0A88_F895_3030, 0xB573_440E_5A88_4D1B, 0xF78F_69A5_1539_D748,
        0xF93F_87B7_442E_45D3, 0x2865_A5F2_06B0_6FB9, 0x5384_84C1_9EF3_8C94,
        0x0F9D_3701_4BF6_0A10, 0x4C2E_BE68_7989_A9B3, 0x09BE_FEB9_FAD4_87C2,
        0x3AFF_322E_6243_9FCF, 0x2B31_E9E3_D06C_32E5, 0x88F4_BB1C_A6BC_F584,
        0xD3F6_FC16_EBCA_5E03, 0x5324_C68B_12DD_6338,
    ]
    static let reciprocalShifts: [Int] = [
        127, 130, 132, 134, 137, 139, 141, 144, 146, 148, 151, 153, 155, 158, 160, 162, 165, 167, 169, 172, 174, 176, 179,
    ]

    /// `mantissa ÷ 10ᵏ` (k from 1 to 22) correctly rounded, in the way of Eisel and Lemire
    /// (D. Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and Experience
    /// 51(8), 2021): the mantissa, shifted to fill 64 bits, times the 128-bit reciprocal T of
    /// 5ᵏ gives a 192-bit product P. As T is 2ˢ/5ᵏ cut short, the exact m·2ˢ/5ᵏ lies in
    /// [P, P + 2⁶⁴); the bits below the 53 kept decide the rounding unless that interval
    /// reaches the halfway point, in which case `nil` hands the number to exact division.
    ///
    /// All on 64-bit words: the top 128 bits of P are `high` and `low`, and as P has 191 or 192
    /// bits, the 53 kept are the top of `high` and the bits dropped are the rest of `high`
    /// (10 or 11 of them) and all of `low`.
    @inline(__always)
    static func quotientByReciprocal(_ mantissa: UInt64, tenToThe k: Int) -> Double? {
        guard mantissa != 0, k >= 1, k <= 22 else { return nil }
        let shift = mantissa.leadingZeroBitCount
        let m = mantissa &<< UInt64(shift)
        let highByLow = m.multipliedFullWidth(by: reciprocalLows[k]).high
        let (highByHigh, lowByHigh) = m.multipliedFullWidth(by: reciprocalHighs[k])
        let (low, carry) = lowByHigh.addingReportingOverflow(highByLow)
        let high = highByHigh &+ (carry ? 1 : 0)
        // The bits of `high` below the 53 kept: 11 when its top bit is set, else 10.
        let below = 10 &+ high &>> 63
        var significand = high &>> below
        let rest = high & ((1 &<< below) &- 1), half: UInt64 = 1 &<< (below &- 1)
        // In units of `low`, the exact value lies within two of P's top 128 bits. The bits
        // dropped are `rest` then `low`: one below halfway with `low` full, undecided; at or
        // above halfway, round up (the exact value is above P); below it, round down. Up or
        // down is a data-dependent choice made without a branch, which would be mispredicted
        // about every other number.
        if rest == half &- 1, low == .max { return nil }
        significand &+= rest >= half ? 1 : 0
        // value = m·2ˢ/5ᵏ × 2^-(shift + s + k) ≈ significand × 2^(below + 128 − shift − s − k).
        return scaled(significand, by: Int(below) &+ 128 &- shift &- reciprocalShifts[k] &- k)
    }

    /// `significand × 2ᵉ` for a significand from 2⁵² to 2⁵³ whose product is a normal `Double`,
    /// exactly, from bits alone: the significand's leading bit is the implicit one, so the
    /// exponent field is one less than a `Double` of 2⁵² would need, and the sum carries into
    /// it when rounding made the significand 2⁵³. No conversion to floating point and no
    /// multiplication, each waiting for the one before.
    @inline(__always)
    static func scaled(_ significand: UInt64, by exponent: Int) -> Double {
        Double(bitPattern: UInt64(truncatingIfNeeded: 1023 &+ 52 &- 1 &+ exponent) &<< 52 &+ significand)
    }

    /// 2ᵉ for an exponent of a normal `Double` (−1022 to 1023), from its bits. A significand of
    /// at most 2⁵³ times it is exact (no rounding) while the product stays normal, as it does for
    /// every quotient here (at least 2⁻⁷⁴ × 1, far above 2⁻¹⁰²²); it is what
    /// `Double(sign:exponent:significand:)` gives, without its generic code.
    @inline(__always)
    static func powerOfTwo(_ exponent: Int) -> Double {
        Double(bitPattern: UInt64(1023 &+ exponent) &<< 52)
    }

    /// `mantissa ÷ 10ᵏ` (a mantissa above 0, k from 1 to 22) correctly rounded by an exact
    /// division on 128 bits.
    static func quotientByDivision(_ mantissa: UInt64, tenToThe k: Int) -> Double {
        precondition(mantissa != 0 && (1...22).contains(k), "a nonzero mantissa and a power of ten within 1...22")
        // Shift the mantissa to the top of 64 bits, then 64 more: the numerator is at least
        // 2¹²⁷ and the divisor (at most 10²²) below 2⁷⁴, so the quotient has at least 54 bits:
        // the 53 kept, one to round on, and the remainder says whether more is left.
        let shift = mantissa.leadingZeroBitCount
        let numerator = UInt128(mantissa << shift) << 64
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: widePowersOfTen[k])
        let bits = 128 - quotient.leadingZeroBitCount
        let dropped = bits - 53
        var significand = quotient >> dropped
        let rest = quotient & ((UInt128(1) << dropped) - 1)
        let half = UInt128(1) << (dropped - 1)
        if rest > half || (rest == half && (remainder != 0 || significand & 1 == 1)) {
            significand += 1
        }
        // value = quotient × 2^-(64 + shift) ≈ significand × 2^(dropped - 64 - shift); a carry to
        // 2⁵³ stays exact in a Double, so the scaling below is exact too.
        return Double(UInt64(significand)) * powerOfTwo(dropped - 64 - shift)
    }

    /// `strtod` of the bytes in `p[start..<end]` (ASCII), copied and terminated; the decimal
    /// point is `.` in the C locale, which a program keeps unless it calls `setlocale`.
    private static func cLibrary(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let count = end &- start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count &+ 1) { buffer in
            for k in 0..<count { buffer[k] = CChar(bitPattern: p[start &+ k]) }
            buffer[count] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &stop)
            return stop == buffer.baseAddress! + count ? value : nil
        }
    }

    /// `inf`, `infinity` or `nan` in any case, after an optional sign.
    private static func special(_ p: UnsafePointer<UInt8>, _ i: Int, _ e: Int, negative: Bool) -> Double? {
        func matches(_ word: StaticString) -> Bool {
            guard e &- i == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for k in 0..<word.utf8CodeUnitCount where p[i &+ k] | 0x20 != w[k] { return false }
            return true
        }
        if matches("inf") || matches("infinity") { return negative ? -.infinity : .infinity }
        if matches("nan") { return .nan }
        return nil
    }

    /// `0x` followed by hexadecimal digits, an optional fraction and an optional binary exponent.
    private static func hexadecimal(_ p: UnsafePointer<UInt8>, _ s: Int, _ digitsStart: Int, _ e: Int) -> Double? {
        var i = digitsStart
        var sawDigit = false
        func isHex(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "f"))
        }
        while i < e, isHex(p[i]) { sawDigit = true; i &+= 1 }
        if i < e, p[i] == UInt8(ascii: ".") {
            i &+= 1
            while i < e, isHex(p[i]) { sawDigit = true; i &+= 1 }
        }
        guard sawDigit else { return nil }
        if i < e, p[i] | 0x20 == UInt8(ascii: "p") {
            i &+= 1
            if i < e, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i &+= 1 }
            let exponentStart = i
            while i < e, digit(p[i]) != nil { i &+= 1 }
            guard i > exponentStart else { return nil }
        }
        guard i == e else { return nil }
        return cLibrary(p, s, e)
    }
}
