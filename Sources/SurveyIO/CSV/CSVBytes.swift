#if arch(x86_64)
import ByteClasses
#endif

/// The bytes of a delimited file and the scanning that needs nothing else: where fields and
/// lines end, and plain decimal numbers read in the same pass. A trivial value (a pointer, a
/// length and the separator), so that the row loop's calls copy nothing that is counted.
struct CSVBytes {
    let p: UnsafePointer<UInt8>
    let end: Int
    let separator: UInt8

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    enum Terminator { case separator, lineEnd, endOfFile }

    /// One field: its bytes are `p[start..<end]`, with `""` still doubled when `escaped`.
    struct Field {
        var start: Int
        var end: Int
        var next: Int
        var terminator: Terminator
        var escaped: Bool
    }

    /// The plain decimal number that is exactly `p[start..<end]` (an optional minus, digits, at
    /// most one point, at least one digit, at most 24 bytes), or `nil` for anything else,
    /// including a number this way does not take (then ``NumberParser`` decides). The value is
    /// the one ``NumberParser`` gives for the same bytes: the same mantissa and exponent go to
    /// ``NumberParser/decimal(_:exponent:)`` (or, for a long decimal, to
    /// ``NumberParser/fraction(_:digitsAfterPoint:)``, which gives the same value).
    ///
    /// The end is known (a ``FieldEndCursor`` found it), so the bytes are read as words that end
    /// at `end` (they start before the field, never past the file's end) and converted without
    /// a branch per byte: non-digits are flagged in all eight bytes of a word at once
    /// (``nonDigits(_:)``), and eight digits become a number by three multiplications
    /// (``eightDigits(_:)``). The point, when there is one, is taken out by moving the digits
    /// before it one byte on, so the words hold the mantissa's digits and the exponent is minus
    /// the number of digits after the point. A field of one or two digits is read byte by byte,
    /// one of at most eight bytes (most of the rest) as one word here, longer ones by
    /// ``longDecimal(from:to:)``.
    @inline(__always)
    func decimal(from start: Int, to end: Int) -> Double? {
        let length = end &- start
        // A weight or a score written with many digits: one check, before those for short ones.
        if length > 8 { return longDecimal(from: start, to: end) }
        // One or two digits (most answers to a closed question, and codes such as 98): no word
        // needed, and no branch on which (a column of strata 1 to 20 has both at random). With
        // one digit, the first and last bytes are the same and the tens are multiplied by zero.
        if UInt(bitPattern: length &- 1) < 2 {
            let first = p[start] &- 0x30, units = p[end &- 1] &- 0x30
            let twoDigits = UInt8(truncatingIfNeeded: length &- 1)
            if Swift.max(first, units) < 10 { return Double(first &* twoDigits &* 10 &+ units) }
            if length == 1 { return nil }
        }
        guard length &- 1 < 8, end >= 8 else { return longDecimal(from: start, to: end) }
        let raw = UnsafeRawPointer(p)
        let firstByte = UInt64((8 &- length) &<< 3)
        let x = raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self) ^ 0x3030_3030_3030_3030
        var digits: UInt64 = ~0 &<< firstByte
        let negative = (x &>> firstByte) & 0xFF == UInt64(UInt8(ascii: "-") ^ 0x30)
        if negative { digits &= ~(0xFF &<< firstByte) }
        let nonDigits = Self.nonDigits(x) & digits
        guard digits != 0 else { return nil }
        let value: Double?
        if nonDigits == 0 {
            value = NumberParser.decimal(Self.eightDigits(x & digits), exponent: 0)
        } else {
            let point = UInt64(nonDigits.trailingZeroBitCount & ~7)
            guard nonDigits & (nonDigits &- 1) == 0, (x &>> point) & 0xFF == UInt64(UInt8(ascii: ".") ^ 0x30) else { return nil }
            digits &= ~(0xFF &<< point)
            guard digits != 0 else { return nil }
            // The digits before the point move one byte on, into its place.
            let before = x & digits & ~(~0 &<< point), after = x & digits & (~0 << (point &+ 8))
            value = NumberParser.decimal(Self.eightDigits(after | before &<< 8), exponent: Int(point >> 3) &- 7)
        }
        guard let value else { return nil }
        return negative ? -value : value
    }

    /// Reads two fields, `p[start..<end]` and `p[nextStart..<nextEnd]` (the second after the
    /// first in the file, the first ending at least eight bytes from its start: the caller
    /// checks), when each is one to eight digits and nothing else: their numbers go to `out[0]`
    /// and `out[1]`, the values ``decimal(from:to:)`` gives them. Anything else (a sign, a
    /// point, an empty or longer field) gives `false` and writes nothing, and the caller reads
    /// the two one by one.
    ///
    /// A column of codes, identifiers or counts is read two fields at a time this way: each field
    /// is the word that ends with it, its digits less `'0'`, with the bytes before it cleared
    /// (they become leading zeros); on x86-64 SSE2 loads, checks and converts both words at once
    /// (``ByteClasses``), elsewhere ``nonDigits(_:)`` and ``eightDigits(_:)`` each.
    @inline(__always)
    func twoIntegers(from start: Int, to end: Int, then nextStart: Int, to nextEnd: Int, into out: UnsafeMutablePointer<Double>) -> Bool {
        let length = end &- start, nextLength = nextEnd &- nextStart
        guard UInt(bitPattern: length &- 1) | UInt(bitPattern: nextLength &- 1) < 8 else { return false }
        #if arch(x86_64)
        return byte_classes_two_integers(p, end, length, nextEnd, nextLength, out) != 0
        #else
        let raw = UnsafeRawPointer(p)
        let ascii: UInt64 = 0x3030_3030_3030_3030
        // The bytes before each field, the low ones of its word, cleared.
        let before = UInt64(truncatingIfNeeded: (8 &- length) &<< 3), nextBefore = UInt64(truncatingIfNeeded: (8 &- nextLength) &<< 3)
        let a = (raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self) ^ ascii) & ~0 &<< before
        let b = (raw.loadUnaligned(fromByteOffset: nextEnd &- 8, as: UInt64.self) ^ ascii) & ~0 &<< nextBefore
        return Self.portableTwoIntegers(a, b, into: out)
        #endif
    }

    /// ``twoIntegers(from:to:then:to:into:)``'s check and conversion of the two words in Swift.
    @inline(__always)
    static func portableTwoIntegers(_ a: UInt64, _ b: UInt64, into out: UnsafeMutablePointer<Double>) -> Bool {
        guard nonDigits(a) | nonDigits(b) == 0 else { return false }
        out[0] = Double(eightDigits(a))
        out[1] = Double(eightDigits(b))
        return true
    }

    /// ``decimal(from:to:)`` for fields of 9 to 24 bytes. The commonest, a weight or a score
    /// written with up to 16 digits after a point in the first eight bytes, is read here, in
    /// the caller's loop (the masks stay in its registers and no call is made per field); the
    /// rest by ``decimalInWords(to:length:negative:)``.
    @inline(__always)
    func longDecimal(from start: Int, to end: Int) -> Double? {
        let negative = start < end && p[start] == UInt8(ascii: "-")
        let digitsStart = negative ? start &+ 1 : start
        let length = end &- digitsStart
        guard length > 0, length <= 24, end >= 24 else { return nil }
        let raw = UnsafeRawPointer(p)
        let ascii: UInt64 = 0x3030_3030_3030_3030
        // Most long decimals are weights and scores, a few digits, the point, then up to 16
        // more: the point is in the first word, and the digits after it fill the last two.
        if length <= 19 {
            let first = raw.loadUnaligned(fromByteOffset: digitsStart, as: UInt64.self) ^ ascii
            let flags = Self.firstNonDigit(first)
            let point = flags.trailingZeroBitCount >> 3, after = length &- point &- 1
            if flags != 0, after <= 16, (first &>> UInt64(point &<< 3)) & 0xFF == UInt64(UInt8(ascii: ".") ^ 0x30) {
                // The digits after the point, the sixteen bytes that end the field (those before
                // them taken as zeros); the ones before it, moved to the top of the first word:
                // one or two (most weights) read as they are, more as eight digits.
                let fraction = sixteenDigits(endingAt: end, count: after)
                guard fraction != .max else { return nil }
                let top = first &<< UInt64(truncatingIfNeeded: (8 &- point) &<< 3)
                let whole: UInt64
                if point <= 2 {
                    whole = point == 0 ? 0 : top &>> 56 &+ (top &>> 48 & 0xFF) &* 10
                } else {
                    whole = Self.eightDigits(top)
                }
                guard let number = NumberParser.fraction(whole &* Self.powersOfTen[after] &+ fraction, digitsAfterPoint: after) else { return nil }
                return negative ? -number : number
            }
        }
        return decimalInWords(to: end, length: length, negative: negative)
    }

    /// The number written by the `count` digits (0 to 16) that end at `end` (at least 16 bytes
    /// from the file's start), or `UInt64.max` when one of them is not a digit. On x86-64 by
    /// SSE2 (``ByteClasses``), sixteen bytes at once; elsewhere by
    /// ``portableSixteenDigits(endingAt:count:)``.
    @inline(__always)
    func sixteenDigits(endingAt end: Int, count: Int) -> UInt64 {
        #if arch(x86_64)
        byte_classes_sixteen_digits(p + (end &- 16), UInt32(truncatingIfNeeded: 16 &- count))
        #else
        portableSixteenDigits(endingAt: end, count: count)
        #endif
    }

    /// ``sixteenDigits(endingAt:count:)`` in words: the two that end at `end`, the bytes before
    /// the digits masked off, non-digits flagged and eight digits converted at a time.
    @inline(__always)
    func portableSixteenDigits(endingAt end: Int, count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        let ascii: UInt64 = 0x3030_3030_3030_3030
        let low = raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self) ^ ascii
        let high = raw.loadUnaligned(fromByteOffset: end &- 16, as: UInt64.self) ^ ascii
        let lowField = Self.topBytes(count), highField = Self.topBytes(count &- 8)
        guard (Self.nonDigits(low) & lowField) | (Self.nonDigits(high) & highField) == 0 else { return .max }
        return Self.eightDigits(high & highField) &* 100_000_000 &+ Self.eightDigits(low & lowField)
    }

    /// ``longDecimal(from:to:)`` for the `length` bytes before `end` after an optional minus
    /// (`negative`; 1 to 24 of them, with at least 24 bytes before `end`): always the three
    /// words that end at `end`, with the bytes outside the field masked off, so that neither
    /// the length nor where the point falls takes a branch.
    @inline(never)
    private func decimalInWords(to end: Int, length: Int, negative: Bool) -> Double? {
        let raw = UnsafeRawPointer(p)
        let ascii: UInt64 = 0x3030_3030_3030_3030
        let x0 = raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self) ^ ascii
        let x1 = raw.loadUnaligned(fromByteOffset: end &- 16, as: UInt64.self) ^ ascii
        let x2 = raw.loadUnaligned(fromByteOffset: end &- 24, as: UInt64.self) ^ ascii
        // The field's bytes in each word: its top `length − 8·word` bytes, clamped to 0...8.
        let f0 = Self.topBytes(length), f1 = Self.topBytes(length &- 8), f2 = Self.topBytes(length &- 16)
        let n0 = Self.nonDigits(x0) & f0, n1 = Self.nonDigits(x1) & f1, n2 = Self.nonDigits(x2) & f2
        let mantissa: UInt64, exponent: Int
        if n0 | n1 | n2 == 0 {
            guard length <= 19 else { return nil }
            mantissa = Self.threeWords(x0 & f0, x1 & f1, x2 & f2)
            exponent = 0
        } else {
            // One point (one flag: in one word, and alone there; counted without a population
            // count, which the baseline x86-64 lacks), a digit beside it, and at most 18 digits.
            let flaggedWords = (n0 != 0 ? 1 : 0) &+ (n1 != 0 ? 1 : 0) &+ (n2 != 0 ? 1 : 0)
            guard flaggedWords == 1, (n0 & (n0 &- 1)) | (n1 & (n1 &- 1)) | (n2 & (n2 &- 1)) == 0,
                  length >= 2, length <= 19 else { return nil }
            // Where the point is, without a branch on which word holds it: its flag's bit in the
            // three words read as one little-endian number of 192 bits (the lowest, x2, first),
            // a count of trailing zeros that passes over empty words (each counts 64).
            let past2 = n2 == 0 ? 1 : 0, past1 = n1 == 0 ? 1 : 0
            let bit = n2.trailingZeroBitCount &+ past2 &* (n1.trailingZeroBitCount &+ past1 &* n0.trailingZeroBitCount)
            let point = end &- 24 &+ bit &>> 3
            guard p[point] == UInt8(ascii: ".") else { return nil }
            // The digits after the point stay where they are: in each word, the bytes from
            // `point + 1 − (end − 8·(word + 1))` up.
            let after = point &+ 1 &- end
            let a0 = Self.fromByte(after &+ 8), a1 = Self.fromByte(after &+ 16), a2 = Self.fromByte(after &+ 24)
            // Those before it move one byte on, into the point's place: the three words as one
            // little-endian number of 192 bits (the first word lowest), shifted by eight bits.
            let b0 = x0 & f0 & ~a0 & ~((n0 >> 7) &* 0xFF), b1 = x1 & f1 & ~a1 & ~((n1 >> 7) &* 0xFF)
            let b2 = x2 & f2 & ~a2 & ~((n2 >> 7) &* 0xFF)
            mantissa = Self.threeWords(
                x0 & f0 & a0 | b0 &<< 8 | b1 &>> 56,
                x1 & f1 & a1 | b1 &<< 8 | b2 &>> 56,
                x2 & f2 & a2 | b2 &<< 8
            )
            exponent = after
        }
        guard let number = NumberParser.decimal(mantissa, exponent: exponent) else { return nil }
        return negative ? -number : number
    }

    /// 10⁰ to 10¹⁶, for the digits after a point: written out, so that the array is made when
    /// the program is compiled rather than on first use (which would cost a call per number).
    private static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000,
    ]

    /// The number written by three words of digit values (the last word the least significant).
    @inline(__always)
    private static func threeWords(_ low: UInt64, _ middle: UInt64, _ high: UInt64) -> UInt64 {
        eightDigits(low) &+ eightDigits(middle) &* 100_000_000 &+ eightDigits(high) &* 10_000_000_000_000_000
    }

    /// A mask of the top `count` bytes of a word (`count` clamped to 0...8).
    @inline(__always)
    private static func topBytes(_ count: Int) -> UInt64 {
        ~0 << UInt64((8 &- Swift.min(Swift.max(count, 0), 8)) &<< 3)
    }

    /// A mask of the bytes of a word from byte `first` up (`first` clamped to 0...8).
    @inline(__always)
    private static func fromByte(_ first: Int) -> UInt64 {
        ~0 << UInt64(Swift.min(Swift.max(first, 0), 8) &<< 3)
    }

    /// 0x80 in each byte of `x` (a word of bytes XOR 0x30) that is not a digit, 0 in the others:
    /// a byte is a digit when it is below 10, its high nibble clear and its low nibble plus six
    /// not reaching the high nibble (the low nibbles are added alone, so no carry passes from
    /// one byte to the next).
    @inline(__always)
    static func nonDigits(_ x: UInt64) -> UInt64 {
        let tested = (x & 0xF0F0_F0F0_F0F0_F0F0) | (((x & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0)
        return (((tested & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | tested) & 0x8080_8080_8080_8080
    }

    /// 0x80 in the first byte of `x` (a word of bytes XOR 0x30) that is not a digit, perhaps in
    /// bytes after it, 0 below it: ``nonDigits(_:)`` in three operations, for a word whose
    /// lowest flag alone counts. A byte flags itself when it is 10 or more (plus 0x76 it reaches
    /// 0x80, or its own top bit is set); only a byte of 0x8A or more carries into the next, and
    /// it is itself flagged, so every flag below the first non-digit is exact.
    @inline(__always)
    static func firstNonDigit(_ x: UInt64) -> UInt64 {
        ((x &+ 0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080
    }

    /// The number written by the eight digit values (0 to 9) in the bytes of `v`, the first
    /// byte the most significant (D. Lemire's SWAR conversion: digit pairs, then quads, then the
    /// eight, by three multiplications).
    @inline(__always)
    static func eightDigits(_ digits: UInt64) -> UInt64 {
        var v = digits
        v = v &* 10 &+ (v >> 8)
        v = ((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064 &+ ((v >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001) >> 32
        return v & 0xFFFF_FFFF
    }

    /// The first offset at or after `start` that may hold the separator or a line end, found
    /// eight bytes at a time: in each word, the bytes equal to one of the three are found with
    /// the zero-byte test `(x − 0x01…01) & ~x & 0x80…80`, whose lowest flag is always a true
    /// match (a false flag needs a true match below it). The caller checks byte by byte from there.
    @inline(__always)
    func skipOrdinaryBytes(from start: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let separators = UInt64(separator) &* ones
        let newlines = UInt64(Self.newline) &* ones
        let returns = UInt64(Self.carriageReturn) &* ones
        var i = start
        while i &+ 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let a = word ^ separators, b = word ^ newlines, c = word ^ returns
            let flags = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
            if flags != 0 { return i &+ flags.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        return i
    }

    /// Whether `b` ends an unquoted field: the separator, `\n` or `\r`.
    @inline(__always)
    static func endsField(_ b: UInt8, separator: UInt8) -> Bool {
        b == separator || b == newline || b == carriageReturn
    }

    /// The offset just after the line end at `i` (`\n`, `\r\n` or a lone `\r`).
    @inline(__always)
    func lineEnd(at i: Int) -> Int {
        if p[i] == Self.carriageReturn, i &+ 1 < end, p[i &+ 1] == Self.newline { return i &+ 2 }
        return i &+ 1
    }

    func skipBlankLines(from start: Int) -> Int {
        var pos = start
        while pos < end, p[pos] == Self.newline || p[pos] == Self.carriageReturn { pos = lineEnd(at: pos) }
        return pos
    }

    /// The field from `pos` (which does not start with a quote) to `fieldEnd`, the first
    /// separator or line-end byte at or after it (the end of the file when there is none), as a
    /// ``FieldEndCursor`` finds it.
    @inline(__always)
    func unquotedField(at pos: Int, endingAt fieldEnd: Int) -> Field {
        if fieldEnd == end { return Field(start: pos, end: end, next: end, terminator: .endOfFile, escaped: false) }
        if p[fieldEnd] == separator {
            return Field(start: pos, end: fieldEnd, next: fieldEnd &+ 1, terminator: .separator, escaped: false)
        }
        return Field(start: pos, end: fieldEnd, next: lineEnd(at: fieldEnd), terminator: .lineEnd, escaped: false)
    }

    /// The field that starts at `pos`, which does not start with a quote: it runs to the next
    /// separator, line end or the end of the file.
    @inline(__always)
    func unquotedField(at pos: Int) -> Field {
        var i = skipOrdinaryBytes(from: pos)
        while i < end, !Self.endsField(p[i], separator: separator) { i &+= 1 }
        return unquotedField(at: pos, endingAt: i)
    }
}
