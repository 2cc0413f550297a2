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

    /// A plain decimal number (`-12`, `3.25`, `0.30000000000000004`: an optional minus, digits,
    /// an optional fraction, at most 19 significant digits) that fills the field starting at
    /// `pos`, read in the same pass that finds the field's end; `nil` for anything else (the
    /// field is then scanned and converted by the general rules). The value is the one
    /// ``NumberParser`` gives for the same text.
    @inline(__always)
    func plainNumber(at pos: Int) -> (value: Double, field: Field)? {
        var i = pos
        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative { i &+= 1 }
        var mantissa: UInt64 = 0
        guard let whole = digitRun(&i, &mantissa) else { return nil }
        var digits = whole
        var exponent = 0
        if i < end, p[i] == UInt8(ascii: ".") {
            i &+= 1
            guard let fraction = digitRun(&i, &mantissa) else { return nil }
            digits &+= fraction
            exponent = -fraction
        }
        guard digits > 0, exponent >= -22 else { return nil }
        let field: Field
        if i == end {
            field = Field(start: pos, end: i, next: i, terminator: .endOfFile, escaped: false)
        } else if p[i] == separator {
            field = Field(start: pos, end: i, next: i &+ 1, terminator: .separator, escaped: false)
        } else if p[i] == Self.newline || p[i] == Self.carriageReturn {
            field = Field(start: pos, end: i, next: lineEnd(at: i), terminator: .lineEnd, escaped: false)
        } else {
            return nil
        }
        guard let value = NumberParser.decimal(mantissa, exponent: exponent) else { return nil }
        return (negative ? -value : value, field)
    }

    /// Reads the decimal digits from `i` on into `mantissa` (times ten per digit), eight at a
    /// time where eight digits follow (D. Lemire's SWAR conversion: digit pairs, then quads,
    /// then the eight, by three multiplications). The number of digits read, or `nil` once the
    /// mantissa would pass 19 significant digits (leading zeros do not count, as in
    /// ``NumberParser``).
    @inline(__always)
    func digitRun(_ i: inout Int, _ mantissa: inout UInt64) -> Int? {
        let raw = UnsafeRawPointer(p)
        let start = i
        while i &+ 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Eight digits: every high nibble 3, and no low nibble above 9 (adding 6 would carry).
            guard (word & 0xF0F0_F0F0_F0F0_F0F0) | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
                == 0x3333_3333_3333_3333 else { break }
            guard mantissa < 100_000_000_000 else { return nil }
            var v = word &- 0x3030_3030_3030_3030
            v = v &* 10 &+ (v >> 8)
            v = ((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064 &+ ((v >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001) >> 32
            mantissa = mantissa &* 100_000_000 &+ (v & 0xFFFF_FFFF)
            i &+= 8
        }
        while i < end {
            let d = p[i] &- 0x30
            guard d < 10 else { break }
            guard mantissa < 1_000_000_000_000_000_000 else { return nil }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i &+= 1
        }
        return i &- start
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

    /// The field that starts at `pos`, which does not start with a quote: it runs to the next
    /// separator, line end or the end of the file.
    @inline(__always)
    func unquotedField(at pos: Int) -> Field {
        var i = skipOrdinaryBytes(from: pos)
        while i < end {
            let b = p[i]
            if b == separator {
                return Field(start: pos, end: i, next: i &+ 1, terminator: .separator, escaped: false)
            }
            if b == Self.newline || b == Self.carriageReturn {
                return Field(start: pos, end: i, next: lineEnd(at: i), terminator: .lineEnd, escaped: false)
            }
            i &+= 1
        }
        return Field(start: pos, end: end, next: end, terminator: .endOfFile, escaped: false)
    }
}
