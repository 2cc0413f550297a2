import SurveyCore

/// The engine behind ``CSVReader``: one pass over the bytes of a delimited file, converting each
/// field as it goes.
///
/// Every column starts out numeric and stores `Double`s. When a column meets its first field that
/// is neither missing nor a number, it becomes categorical: the fields of earlier rows are read
/// again (from the recorded starts of rows) and interned, and so are the rest. Levels are sorted
/// once at the end with ``FactorLevelOrder``.
struct CSVParser {
    private let p: UnsafePointer<UInt8>
    private let end: Int
    private let separator: UInt8
    private let name: String
    private var scratch: [UInt8] = []
    /// Where the header row starts, to word messages about it.
    private var headerStart = -1
    /// Told how far the pass has got, about every 1/200 of the bytes.
    private var progress: ReadProgress?
    /// Whether a header name is not valid UTF-8 (texts of the rows are checked by their interner).
    private var headerInvalidUTF8 = false

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private enum Terminator { case separator, lineEnd, endOfFile }

    /// One field: its bytes are `p[start..<end]`, with `""` still doubled when `escaped`.
    private struct Field {
        var start: Int
        var end: Int
        var next: Int
        var terminator: Terminator
        var escaped: Bool
    }

    /// One column of the rows read so far: numbers until its first field that is neither missing
    /// nor a number, then codes of the distinct texts in order of first appearance.
    struct ColumnBuilder {
        var isNumeric = true
        var numbers: [Double] = []
        var codes: [Int32] = []
        var interner = ByteInterner()
    }

    /// The rows of one stretch of the file.
    struct CSVRows {
        /// One builder per column.
        var builders: [ColumnBuilder]
        /// How many rows were read.
        var rowCount: Int
        /// Where the first row was looked for.
        var start: Int
        /// Where the next row would start (blank lines skipped).
        var end: Int
    }

    init(_ p: UnsafePointer<UInt8>, _ count: Int, separator: UInt8, name: String) {
        self.p = p
        self.end = count
        self.separator = separator
        self.name = name
    }

    /// Parses a whole file held in `bytes`.
    ///
    /// UTF-8 is checked where it can go wrong: every byte outside a field is ASCII in a
    /// well-formed file, numbers and missing values are ASCII, and every other field is interned,
    /// so checking each distinct text once (and the header) checks the file. When a text fails,
    /// or the pass fails for another reason, the whole file is validated, so that the first
    /// invalid byte is reported (with its line) before any other error, as a check made first
    /// would report it.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, name: String, progress: ReadProgress? = nil
    ) throws(ReadError) -> Dataset {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw ReadError(.malformed, "Cannot read '\(name)': the file is empty; a CSV file needs a header row of variable names.")
        }
        var parser = CSVParser(base, bytes.count, separator: separator, name: name)
        parser.progress = progress
        let dataset: Dataset
        do {
            dataset = try parser.run()
        } catch {
            try parser.checkUTF8()
            throw error
        }
        if parser.sawInvalidUTF8 { try parser.checkUTF8() }
        return dataset
    }

    /// Throws the error for the file's first byte that is not valid UTF-8, if any.
    func checkUTF8() throws(ReadError) {
        guard let bad = UTF8Validator.firstInvalidOffset(UnsafeBufferPointer(start: p, count: end)) else { return }
        let byte = String(p[bad], radix: 16, uppercase: true)
        throw ReadError(.invalidEncoding, "Cannot read '\(name)': line \(lineNumber(at: bad)) is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte)); save the file with UTF-8 encoding.")
    }

    // MARK: - The pass

    private mutating func run() throws(ReadError) -> Dataset {
        var pos = try headerStartOffset()
        let names = try readHeader(&pos)
        let rows = try parseRows(from: pos, until: end, columnCount: names.count, expectedRows: 0, report: progress.map { progress in
            let total = end
            return { position in progress(position, total) }
        })
        progress?(end, end)
        rowsInvalidUTF8 = rows.builders.contains { $0.interner.holdsInvalidUTF8 }
        var columns: [Column] = []
        columns.reserveCapacity(names.count)
        for (column, builder) in rows.builders.enumerated() {
            columns.append(Self.finish(builder, name: names[column]))
        }
        return try dataset(columns)
    }

    /// Whether the header or a text read by ``run()`` is not valid UTF-8.
    var sawInvalidUTF8: Bool { headerInvalidUTF8 || rowsInvalidUTF8 }
    private var rowsInvalidUTF8 = false

    /// The columns as a ``Dataset``, or the reason they cannot be one.
    func dataset(_ columns: [Column]) throws(ReadError) -> Dataset {
        do {
            return try Dataset(columns: columns)
        } catch {
            throw ReadError(.malformed, "Cannot read '\(name)': \(error.message)")
        }
    }

    /// Where the header row starts: after a UTF-8 byte order mark and blank lines.
    private func headerStartOffset() throws(ReadError) -> Int {
        var pos = 0
        if end >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { pos = 3 }
        pos = skipBlankLines(from: pos)
        guard pos < end else {
            throw ReadError(.malformed, "Cannot read '\(name)': the file is empty; a CSV file needs a header row of variable names.")
        }
        return pos
    }

    /// The variable names of the header row, the offset where the data rows start, and whether
    /// the names are valid UTF-8.
    mutating func header() throws(ReadError) -> (names: [String], dataStart: Int, validUTF8: Bool) {
        var pos = try headerStartOffset()
        let names = try readHeader(&pos)
        return (names, pos, !headerInvalidUTF8)
    }

    /// The rows whose first byte lies in `start..<limit` (blank lines skipped), each field
    /// converted and appended to its column. A row that begins before `limit` is read to its
    /// end even past `limit`, so ``CSVRows/end`` is where the next row would begin.
    ///
    /// `expectedRows` reserves room in every column (0: none); `report`, when given, hears the
    /// offset reached about every 1/200 of the file.
    mutating func parseRows(
        from start: Int, until limit: Int, columnCount: Int, expectedRows: Int, report: ((Int) -> Void)?
    ) throws(ReadError) -> CSVRows {
        var builders = [ColumnBuilder](repeating: ColumnBuilder(), count: columnCount)
        if expectedRows > 0 {
            for column in 0..<columnCount { builders[column].numbers.reserveCapacity(expectedRows) }
        }
        var pos = start
        var row = 0
        let reportEvery = max(end / 200, 1 << 16)
        var nextReport = pos &+ reportEvery
        // The builders through a pointer, so that an append does not first check whether the
        // array of builders is shared.
        try builders.withUnsafeMutableBufferPointer { builders throws(ReadError) in
            while true {
                pos = skipBlankLines(from: pos)
                guard pos < limit else { break }
                if pos >= nextReport, let report {
                    report(pos)
                    nextReport = pos &+ reportEvery
                }
                let rowStart = pos
                for column in 0..<columnCount {
                    // Most fields of a numeric column are plain decimals: read them as they are found.
                    let number = builders[column].isNumeric ? plainNumber(at: pos) : nil
                    let field: Field
                    if let number { field = number.field } else { field = try scanField(at: pos, row: rowStart, field: column &+ 1) }
                    if column &+ 1 < columnCount {
                        guard field.terminator == .separator else {
                            throw fieldCountError(rowStart: rowStart, fields: column &+ 1, expected: columnCount)
                        }
                    } else if field.terminator == .separator {
                        throw fieldCountError(rowStart: rowStart, fields: try countFields(rowStart: rowStart), expected: columnCount)
                    }
                    if let number {
                        builders[column].numbers.append(number.value)
                    } else {
                        try store(field, in: &builders[column], column: column, rows: row, from: start)
                    }
                    pos = field.next
                }
                row &+= 1
            }
        }
        return CSVRows(builders: builders, rowCount: row, start: start, end: pos)
    }

    /// A plain decimal number (`-12`, `3.25`, `0.30000000000000004`: an optional minus, digits,
    /// an optional fraction, at most 19 significant digits) that fills the field starting at
    /// `pos`, read in the same pass that finds the field's end; `nil` for anything else (the
    /// field is then scanned and converted by the general rules). The value is the one
    /// ``NumberParser`` gives for the same text.
    @inline(__always)
    private func plainNumber(at pos: Int) -> (value: Double, field: Field)? {
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

    /// `builder` (a column of the `rows` rows from `start`) as a categorical column, its fields
    /// read again when it is numeric.
    mutating func categorical(_ builder: ColumnBuilder, column: Int, rows: Int, from start: Int) throws(ReadError) -> ColumnBuilder {
        guard builder.isNumeric else { return builder }
        var converted = builder
        try becomeCategorical(&converted, column: column, rows: rows, from: start)
        return converted
    }

    private mutating func readHeader(_ pos: inout Int) throws(ReadError) -> [String] {
        var names: [String] = []
        var seen: [String: Int] = [:]
        headerStart = pos
        while true {
            let field = try scanField(at: pos, row: headerStart, field: names.count &+ 1)
            let (text, valid) = withBytes(of: field) { q, s, e in
                let bytes = UnsafeBufferPointer(start: q + s, count: e &- s)
                return (String(decoding: bytes, as: UTF8.self), UTF8Validator.firstInvalidOffset(bytes) == nil)
            }
            if !valid { headerInvalidUTF8 = true }
            let column = names.count &+ 1
            if text.allSatisfy(\.isWhitespace) {
                throw ReadError(.malformed, "Cannot read '\(name)': column \(column) of the header has no name; give every column a name in the first row.")
            }
            if let earlier = seen[text] {
                throw ReadError(.malformed, "Cannot read '\(name)': the header names two columns '\(text)' (columns \(earlier) and \(column)); rename one so that every variable name is unique.")
            }
            seen[text] = column
            names.append(text)
            pos = field.next
            if field.terminator != .separator { break }
        }
        return names
    }

    /// Converts one field and appends it to its column, which holds `rows` rows read from `start`.
    private mutating func store(
        _ field: Field, in builder: inout ColumnBuilder, column: Int, rows: Int, from start: Int
    ) throws(ReadError) {
        if builder.isNumeric {
            let value: Double? = withBytes(of: field) { q, s, e in
                Self.isMissing(q, s, e) ? .nan : NumberParser.parse(q, s, e)
            }
            if let value {
                builder.numbers.append(value)
                return
            }
            try becomeCategorical(&builder, column: column, rows: rows, from: start)
        }
        let code: Int32 = withBytes(of: field) { q, s, e in
            Self.isMissing(q, s, e) ? Column.missingCode : builder.interner.intern(q, s, e)
        }
        builder.codes.append(code)
    }

    /// Turns a numeric column into a categorical one, reading again its fields in the `rows`
    /// rows that follow `start` (rows already read without error).
    private mutating func becomeCategorical(
        _ builder: inout ColumnBuilder, column: Int, rows: Int, from start: Int
    ) throws(ReadError) {
        builder.isNumeric = false
        // The room reserved for the column's numbers (the rows expected) is what its codes need.
        let room = Swift.max(rows &* 2, builder.numbers.capacity, 16)
        builder.numbers = []
        builder.codes.reserveCapacity(room)
        var pos = start
        for _ in 0..<rows {
            pos = skipBlankLines(from: pos)
            let rowStart = pos
            var index = 0
            while true {
                let field = try scanField(at: pos, row: rowStart, field: index &+ 1)
                if index == column {
                    let code: Int32 = withBytes(of: field) { q, s, e in
                        Self.isMissing(q, s, e) ? Column.missingCode : builder.interner.intern(q, s, e)
                    }
                    builder.codes.append(code)
                }
                pos = field.next
                index &+= 1
                if field.terminator != .separator { break }
            }
        }
    }

    static func finish(_ builder: ColumnBuilder, name: String) -> Column {
        if builder.isNumeric { return .numeric(name, builder.numbers) }
        let (levels, recode) = factorLevels(builder.interner)
        let codes = builder.codes.map { $0 < 0 ? Column.missingCode : recode[Int($0)] }
        return .categorical(name, codes: codes, levels: levels)
    }

    /// The distinct texts of `interner` sorted as R sorts factor levels (``FactorLevelOrder``),
    /// and for each text (by its index in the interner) its position among the levels.
    static func factorLevels(_ interner: ByteInterner) -> (levels: [String], recode: [Int32]) {
        let strings = (0..<interner.count).map { interner.string($0) }
        let order = FactorLevelOrder.order(strings)
        var recode = [Int32](repeating: 0, count: strings.count)
        for (position, index) in order.enumerated() { recode[index] = Int32(position) }
        return (order.map { strings[$0] }, recode)
    }

    // MARK: - Fields

    /// Empty, `NA`, or only white space.
    @inline(__always)
    private static func isMissing(_ q: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if s == e { return true }
        if e &- s == 2, q[s] == UInt8(ascii: "N"), q[s &+ 1] == UInt8(ascii: "A") { return true }
        var i = s
        while i < e, NumberParser.isSpace(q[i]) { i &+= 1 }
        return i == e
    }

    /// Calls `body` with the bytes of `field`, its doubled quotes undone.
    @inline(__always)
    private mutating func withBytes<R>(of field: Field, _ body: (UnsafePointer<UInt8>, Int, Int) -> R) -> R {
        if !field.escaped { return body(p, field.start, field.end) }
        scratch.removeAll(keepingCapacity: true)
        var i = field.start
        while i < field.end {
            let b = p[i]
            scratch.append(b)
            i &+= b == Self.quote ? 2 : 1
        }
        return scratch.withUnsafeBufferPointer { body($0.baseAddress ?? p, 0, $0.count) }
    }

    /// Reads the field that starts at `pos`. `row` (the offset where its row starts) and `field`
    /// (1-based) are for messages.
    @inline(__always)
    private func scanField(at pos: Int, row: Int, field index: Int) throws(ReadError) -> Field {
        if pos < end, p[pos] == Self.quote { return try scanQuotedField(at: pos, row: row, field: index) }
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

    /// Reads the decimal digits from `i` on into `mantissa` (times ten per digit), eight at a
    /// time where eight digits follow (D. Lemire's SWAR conversion: digit pairs, then quads,
    /// then the eight, by three multiplications). The number of digits read, or `nil` once the
    /// mantissa would pass 19 significant digits (leading zeros do not count, as in
    /// ``NumberParser``).
    @inline(__always)
    private func digitRun(_ i: inout Int, _ mantissa: inout UInt64) -> Int? {
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
    private func skipOrdinaryBytes(from start: Int) -> Int {
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

    private func scanQuotedField(at pos: Int, row: Int, field index: Int) throws(ReadError) -> Field {
        var i = pos &+ 1
        var escaped = false
        while true {
            while i < end, p[i] != Self.quote { i &+= 1 }
            guard i < end else {
                throw ReadError(.malformed, "Cannot read '\(name)': the quote that opens field \(index) on line \(lineNumber(at: pos)) is never closed; close it, and write a quote inside a quoted field as two quotes (\"\").")
            }
            if i &+ 1 < end, p[i &+ 1] == Self.quote {
                escaped = true
                i &+= 2
                continue
            }
            break
        }
        let contentEnd = i
        i &+= 1
        while i < end, p[i] != separator, p[i] == 0x20 || p[i] == 0x09 { i &+= 1 }
        if i == end {
            return Field(start: pos &+ 1, end: contentEnd, next: end, terminator: .endOfFile, escaped: escaped)
        }
        let b = p[i]
        if b == separator {
            return Field(start: pos &+ 1, end: contentEnd, next: i &+ 1, terminator: .separator, escaped: escaped)
        }
        if b == Self.newline || b == Self.carriageReturn {
            return Field(start: pos &+ 1, end: contentEnd, next: lineEnd(at: i), terminator: .lineEnd, escaped: escaped)
        }
        let place = row == headerStart ? "the header" : "line \(lineNumber(at: row))"
        throw ReadError(.malformed, "Cannot read '\(name)': field \(index) of \(place) has text after its closing quote; write a quote inside a quoted field as two quotes (\"\").")
    }

    /// The offset just after the line end at `i` (`\n`, `\r\n` or a lone `\r`).
    @inline(__always)
    private func lineEnd(at i: Int) -> Int {
        if p[i] == Self.carriageReturn, i &+ 1 < end, p[i &+ 1] == Self.newline { return i &+ 2 }
        return i &+ 1
    }

    private func skipBlankLines(from start: Int) -> Int {
        var pos = start
        while pos < end, p[pos] == Self.newline || p[pos] == Self.carriageReturn { pos = lineEnd(at: pos) }
        return pos
    }

    // MARK: - Messages

    /// The number of fields in the row that starts at `rowStart`.
    private func countFields(rowStart: Int) throws(ReadError) -> Int {
        var pos = rowStart
        var count = 0
        while true {
            let field = try scanField(at: pos, row: rowStart, field: count &+ 1)
            count &+= 1
            if field.terminator != .separator { return count }
            pos = field.next
        }
    }

    private func fieldCountError(rowStart: Int, fields: Int, expected: Int) -> ReadError {
        let line = lineNumber(at: rowStart)
        let fix = fields > expected
            ? "quote fields that contain \(separatorName)s"
            : "every line needs one field per column (leave a field empty for a missing value)"
        return ReadError(.malformed, "Cannot read '\(name)': line \(line) has \(fields) field\(fields == 1 ? "" : "s") but the header has \(expected); \(fix).")
    }

    private var separatorName: String {
        switch separator {
        case 0x09: "tab"
        case UInt8(ascii: ";"): "semicolon"
        default: "comma"
        }
    }

    /// The 1-based line of the byte at `offset`, counting `\n`, `\r\n` and a lone `\r` as line ends.
    private func lineNumber(at offset: Int) -> Int {
        var line = 1
        var i = 0
        let limit = Swift.min(offset, end)
        while i < limit {
            let b = p[i]
            if b == Self.newline {
                line &+= 1
            } else if b == Self.carriageReturn, !(i &+ 1 < end && p[i &+ 1] == Self.newline) {
                line &+= 1
            }
            i &+= 1
        }
        return line
    }
}
