import Foundation
import SurveyCore

/// The engine behind ``CSVReader``: one pass over the bytes of a delimited file, converting each
/// field as it goes.
///
/// Every column starts out numeric and stores `Double`s. When a column meets its first field that
/// is neither missing nor a number, it becomes categorical: the fields of earlier rows are read
/// again (from the recorded starts of rows) and interned, and so are the rest. Levels are sorted
/// once at the end with ``FactorLevelOrder``.
struct CSVParser {
    /// The file's bytes, and the scanning that needs nothing else (cheap to pass around).
    private let bytes: CSVBytes
    private var p: UnsafePointer<UInt8> { bytes.p }
    private var end: Int { bytes.end }
    private var separator: UInt8 { bytes.separator }
    private let name: String
    private var scratch: [UInt8] = []
    /// Where the header row starts, to word messages about it.
    private var headerStart = -1
    /// Told how far the pass has got, about every 1/200 of the bytes.
    private var progress: ReadProgress?
    /// Whether a header name is not valid UTF-8 (texts of the rows are checked by their interner).
    private var headerInvalidUTF8 = false
    /// Rows read in one batch (``readRows``); 0 reads every row field by field, as tests do to
    /// check the batches against that reading.
    var rowsPerBatch = CSVParser.batchRows

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private typealias Field = CSVBytes.Field
    /// One column of the rows read so far: numbers until its first field that is neither missing
    /// nor a number, then codes of the distinct texts in order of first appearance.
    struct ColumnBuilder {
        var isNumeric = true
        /// The numbers, while the column holds only numbers.
        var numbers: ColumnBlock<Double>?
        /// The codes, once the column holds a text (in the run's own memory, not copied); none
        /// when they were written in place (``ColumnTargets``).
        var codes: ColumnBlock<Int32>?
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
        bytes = CSVBytes(p: p, end: count, separator: separator)
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
    ///
    /// `rowsPerBatch` is for tests (see ``rowsPerBatch``).
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, name: String, progress: ReadProgress? = nil,
        rowsPerBatch: Int = CSVParser.batchRows
    ) throws(ReadError) -> Dataset {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw ReadError(.malformed, "Cannot read '\(name)': the file is empty; a CSV file needs a header row of variable names.")
        }
        var parser = CSVParser(base, bytes.count, separator: separator, name: name)
        parser.progress = progress
        parser.rowsPerBatch = rowsPerBatch
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
        pos = bytes.skipBlankLines(from: pos)
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
    ///
    /// With `targets`, each column's numbers, or its codes once it holds a text, are written
    /// there rather than into memory of the stretch's own: each target has room for
    /// `expectedRows` rows, and a row beyond that throws (the caller then reads the file in one
    /// pass). The builders of such columns hold no numbers and no codes.
    mutating func parseRows(
        from start: Int, until limit: Int, columnCount: Int, expectedRows: Int,
        into targets: ColumnTargets? = nil, report: ((Int) -> Void)?
    ) throws(ReadError) -> CSVRows {
        var builders = [ColumnBuilder](repeating: ColumnBuilder(), count: columnCount)
        // While the rows are read, each column's values go to a raw run: numbers until its first
        // text, codes after that. All runs have room for `capacity` rows.
        let lent = targets != nil
        var capacity = lent ? expectedRows : Swift.max(expectedRows, 1024)
        let numbers = UnsafeMutableBufferPointer<ColumnRun<Double>>.allocate(capacity: columnCount)
        let codes = UnsafeMutableBufferPointer<ColumnRun<Int32>>.allocate(capacity: columnCount)
        for column in 0..<columnCount {
            (numbers.baseAddress! + column).initialize(to: targets.map { ColumnRun(writingInto: $0.numbers(column)) } ?? ColumnRun(capacity: capacity))
            (codes.baseAddress! + column).initialize(to: targets.map { ColumnRun(writingInto: $0.codes(column)) } ?? ColumnRun())
        }
        defer {
            for column in 0..<columnCount {
                numbers[column].free()
                codes[column].free()
            }
            numbers.deallocate()
            codes.deallocate()
        }
        var pos = start
        var row = 0
        // The builders through a pointer, so that an append does not first check whether the
        // array of builders is shared.
        try builders.withUnsafeMutableBufferPointer { builders throws(ReadError) in
            try readRows(
                from: start, until: limit, pos: &pos, row: &row, capacity: &capacity, lent: targets,
                numbers: numbers, codes: codes, builders: builders, report: report
            )
        }
        for column in 0..<columnCount {
            if numbers[column].isLent {
                numbers[column].free()
            } else if numbers[column].isActive {
                builders[column].numbers = numbers[column].finish(count: row)
            } else {
                builders[column].isNumeric = false
                // Codes written in place stay there (the builder holds none).
                if !codes[column].isLent { builders[column].codes = codes[column].finish(count: row) }
            }
        }
        return CSVRows(builders: builders, rowCount: row, start: start, end: pos)
    }

    /// Reads the rows whose first byte lies in `pos..<limit` (rows are counted from `start`,
    /// `row` of them so far), each field into its column, leaving `pos` where the next row may
    /// start and `row` the rows read. Runs that are full get twice the room (`capacity`), unless
    /// they are `lent`: then a row beyond them throws.
    ///
    /// The rows go in batches, as columnar readers do: first where every field of up to
    /// ``batchRows`` rows starts and ends (``indexRows``), then column by column, each column's
    /// fields of the batch converted in one loop (``convert``), in which the column's kind and
    /// memory stay the same from field to field. A row that the index does not take (a quoted
    /// field with doubled quotes or not closed where a field ends, the wrong number of fields)
    /// is read field by field (``readRowByFields``), which throws the error one pass throws for
    /// it. The index and the conversion are functions of their own, so that each loop keeps its
    /// few values in registers.
    ///
    /// On the 1,000,000 × 50 file of `bench/readers.py` this takes about 15% less CPU than
    /// reading each row field by field, every field's kind decided as it was met.
    @inline(never)
    private mutating func readRows(
        from start: Int, until limit: Int, pos: inout Int, row: inout Int, capacity: inout Int, lent targets: ColumnTargets?,
        numbers: UnsafeMutableBufferPointer<ColumnRun<Double>>, codes: UnsafeMutableBufferPointer<ColumnRun<Int32>>,
        builders: UnsafeMutableBufferPointer<ColumnBuilder>, report: ((Int) -> Void)?
    ) throws(ReadError) {
        let columnCount = builders.count
        let lent = targets != nil
        // Lent storage is settled (``ColumnTargets/settle(column:numeric:)``) once the first rows
        // are in and each column's form is known.
        var settled = !lent
        let rowsBefore = row
        var at = pos, r = row, room = capacity
        var ends = FieldEndCursor(bytes)
        defer { pos = at; row = r; capacity = room }
        let reportEvery = max(bytes.end / 200, 1 << 16)
        var nextReport = at &+ reportEvery
        let batch = rowsPerBatch == 0 ? 0 : Swift.max(1, Swift.min(rowsPerBatch, Self.batchFields / Swift.max(columnCount, 1)))
        let spans = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: batch &* columnCount)
        defer { spans.deallocate() }
        while true {
            if !settled, r > rowsBefore, let targets {
                for column in 0..<columnCount { targets.settle(column: column, numeric: numbers[column].isActive) }
                settled = true
            }
            if at >= nextReport, let report {
                report(at)
                nextReport = at &+ reportEvery
            }
            if room &- r < batch, !lent {
                while room &- r < batch { room &*= 2 }
                Self.resize(numbers, codes, columnCount: columnCount, to: room)
            }
            let wanted = Swift.min(batch, room &- r)
            // No room left in lent runs (or no batches): the next row, if any, is read field by
            // field, which throws when the room is lent.
            let (indexed, stop) = wanted > 0
                ? indexRows(from: &at, until: limit, count: wanted, columnCount: columnCount, ends: &ends, into: spans)
                : (0, .byFields)
            if indexed > 0 {
                try convert(
                    spans, rows: indexed, firstRow: r, from: start, capacity: room,
                    numbers: numbers, codes: codes, builders: builders
                )
                r &+= indexed
            }
            switch stop {
            case .limit:
                return
            case .batchFull:
                continue
            case .byFields:
                guard try readRowByFields(
                    from: start, until: limit, at: &at, row: r, capacity: &room, lent: lent, ends: &ends,
                    numbers: numbers, codes: codes, builders: builders
                ) else { return }
                r &+= 1
            }
        }
    }

    /// Rows per batch of ``readRows``, and at most this many fields in one (a wide file has
    /// fewer rows per batch, so that the batch's bytes and spans stay in the cache).
    static let batchRows = 256
    static let batchFields = 4096

    /// Where one field's bytes are: `p[start..<end]`, quotes taken off.
    struct FieldSpan {
        var start: Int
        var end: Int
    }

    /// Why ``indexRows`` stopped.
    enum IndexStop {
        /// The next row starts at or past the limit (or the file ends).
        case limit
        /// It indexed as many rows as asked for.
        case batchFull
        /// The row at the position it leaves is not one it takes; ``readRowByFields`` reads it.
        case byFields
    }

    /// Finds where each field of up to `count` rows from `at` starts and ends, row after row
    /// (field `c` of row `i` in `spans[i · columnCount + c]`), leaving `at` where the next row
    /// may start; blank lines are skipped. It takes rows whose fields are unquoted or quoted
    /// without doubled quotes, one per column; at any other row it stops before it.
    @inline(never)
    private func indexRows(
        from at: inout Int, until limit: Int, count: Int, columnCount: Int, ends: inout FieldEndCursor,
        into spans: UnsafeMutableBufferPointer<FieldSpan>
    ) -> (rows: Int, stop: IndexStop) {
        let bytes = self.bytes
        let p = bytes.p, fileEnd = bytes.end, separator = bytes.separator
        let last = columnCount &- 1
        var position = at
        var rows = 0
        var slot = spans.baseAddress!
        // The cursor as a local, so that its block and bits stay in registers.
        var cursor = ends
        defer {
            at = position
            ends = cursor
        }
        cursor.skip(to: position)
        while rows < count {
            if position < fileEnd, p[position] == Self.newline || p[position] == Self.carriageReturn {
                position = bytes.skipBlankLines(from: position)
                cursor.skip(to: position)
            }
            guard position < limit else { return (rows, .limit) }
            let rowStart = position
            var taken = true
            // The fields before the last: the separator must end each.
            var column = 0
            while column < last {
                if position < fileEnd, p[position] == Self.quote {
                    // Quoted: the byte loop finds its end and where the next field starts.
                    guard let field = indexedQuotedField(at: position, row: rowStart, column: column, isLast: false) else {
                        taken = false
                        break
                    }
                    slot.initialize(to: FieldSpan(start: field.start, end: field.end))
                    position = field.next
                    cursor.skip(to: position)
                } else {
                    // Each end is the lowest left: those below the field's start are taken out.
                    let fieldEnd = cursor.pop()
                    slot.initialize(to: FieldSpan(start: position, end: fieldEnd))
                    guard fieldEnd < fileEnd, p[fieldEnd] == separator else {
                        taken = false
                        break
                    }
                    position = fieldEnd &+ 1
                }
                slot += 1
                column &+= 1
            }
            // The row's last field: a line end (`\r\n` holds two ends) or the file's end must end it.
            if taken {
                if position < fileEnd, p[position] == Self.quote {
                    if let field = indexedQuotedField(at: position, row: rowStart, column: last, isLast: true) {
                        slot.initialize(to: FieldSpan(start: field.start, end: field.end))
                        position = field.next
                        cursor.skip(to: position)
                    } else {
                        taken = false
                    }
                } else {
                    let fieldEnd = cursor.pop()
                    slot.initialize(to: FieldSpan(start: position, end: fieldEnd))
                    if fieldEnd == fileEnd {
                        position = fileEnd
                    } else if p[fieldEnd] != separator {
                        position = bytes.lineEnd(at: fieldEnd)
                        if position != fieldEnd &+ 1 { cursor.skip(to: position) }
                    } else {
                        taken = false
                    }
                }
            }
            guard taken else {
                // A row it does not take: start it again, field by field, with a cursor that
                // has not had the row's ends taken out.
                position = rowStart
                cursor.forget()
                return (rows, .byFields)
            }
            slot += 1
            rows &+= 1
        }
        return (rows, .batchFull)
    }

    /// The quoted field at `position` (in column `column`, the row's last when `isLast`) as the
    /// index takes it: without doubled quotes, and ended by the separator unless it is the
    /// row's last; `nil` for any other (the row is then read field by field).
    @inline(__always)
    private func indexedQuotedField(at position: Int, row rowStart: Int, column: Int, isLast: Bool) -> Field? {
        guard let field = try? scanQuotedField(at: position, row: rowStart, field: column &+ 1), !field.escaped,
              (field.terminator == .separator) != isLast else { return nil }
        return field
    }

    /// Stores the fields of `rows` indexed rows (``indexRows``), the first of them row
    /// `firstRow`, column by column: a numeric column's plain decimals in one loop, anything
    /// else through ``store(_:numbers:codes:interner:capacity:column:row:from:)`` (which may
    /// turn the column to text); a text column's fields interned in another loop.
    @inline(never)
    private mutating func convert(
        _ spans: UnsafeMutableBufferPointer<FieldSpan>, rows: Int, firstRow: Int, from start: Int, capacity: Int,
        numbers: UnsafeMutableBufferPointer<ColumnRun<Double>>, codes: UnsafeMutableBufferPointer<ColumnRun<Int32>>,
        builders: UnsafeMutableBufferPointer<ColumnBuilder>
    ) throws(ReadError) {
        let bytes = self.bytes
        let columnCount = builders.count
        for column in 0..<columnCount {
            let fields = spans.baseAddress! + column
            var i = 0
            while i < rows {
                if numbers[column].isActive {
                    i = Self.storeDecimals(bytes, fields, stride: columnCount, from: i, to: rows, into: numbers[column], firstRow: firstRow)
                    guard i < rows else { break }
                    // Missing, a number written another way, or the column's first text.
                    let span = fields[i &* columnCount]
                    try store(
                        Field(start: span.start, end: span.end, next: span.end, terminator: .separator, escaped: false),
                        numbers: &numbers[column], codes: &codes[column], interner: &builders[column].interner,
                        capacity: capacity, column: column, row: firstRow &+ i, from: start
                    )
                    i &+= 1
                } else {
                    // The interner as a local for the loop (swapped out, so not copied), and the
                    // fields by a pointer that steps from row to row.
                    let run = codes[column]
                    var interner = ByteInterner()
                    swap(&interner, &builders[column].interner)
                    var field = fields + i &* columnCount
                    while i < rows {
                        run.store(Self.code(bytes.p, field.pointee.start, field.pointee.end, in: &interner), at: firstRow &+ i)
                        field += columnCount
                        i &+= 1
                    }
                    swap(&interner, &builders[column].interner)
                }
            }
        }
    }

    /// Stores the numbers of the fields `fields[k · stride]`, `k` from `i` up to `rows` (each as
    /// row `firstRow + k` of `run`), until one is not a plain decimal (``CSVBytes/decimal(from:to:)``);
    /// where it stopped. Codes, identifiers and counts are read two at a time while they last
    /// (``CSVBytes/twoIntegers(from:to:then:to:into:)``), the rest of the batch one by one. A
    /// function of its own, so that the readings inlined into its loops are not too much for the
    /// optimizer in ``convert``.
    @inline(never)
    private static func storeDecimals(
        _ bytes: CSVBytes, _ fields: UnsafePointer<FieldSpan>, stride: Int, from start: Int, to rows: Int,
        into run: ColumnRun<Double>, firstRow: Int
    ) -> Int {
        var i = start
        // The words read end with the fields, so the first must end eight bytes into the file;
        // those after it end later.
        let wordsFit = start < rows && fields[start &* stride].end >= 8
        while wordsFit, i &+ 1 < rows {
            let first = fields[i &* stride], second = fields[(i &+ 1) &* stride]
            guard bytes.twoIntegers(from: first.start, to: first.end, then: second.start, to: second.end, into: run.slot(firstRow &+ i)) else {
                break
            }
            i &+= 2
        }
        while i < rows {
            let span = fields[i &* stride]
            guard let number = bytes.decimal(from: span.start, to: span.end) else { break }
            run.store(number, at: firstRow &+ i)
            i &+= 1
        }
        return i
    }

    /// Reads one row field by field, as row `row`: the rows ``indexRows`` does not take. Skips
    /// blank lines first; `false` when no row starts before `limit`. A full run grows (or, when
    /// `lent`, throws), and a malformed row throws the error one pass throws for it.
    @inline(never)
    private mutating func readRowByFields(
        from start: Int, until limit: Int, at: inout Int, row r: Int, capacity room: inout Int, lent: Bool,
        ends: inout FieldEndCursor,
        numbers: UnsafeMutableBufferPointer<ColumnRun<Double>>, codes: UnsafeMutableBufferPointer<ColumnRun<Int32>>,
        builders: UnsafeMutableBufferPointer<ColumnBuilder>
    ) throws(ReadError) -> Bool {
        let columnCount = builders.count
        let bytes = self.bytes
        at = bytes.skipBlankLines(from: at)
        guard at < limit else { return false }
        let rowStart = at
        if r == room {
            if lent { throw rowLimitError(at: rowStart) }
            room &*= 2
            Self.resize(numbers, codes, columnCount: columnCount, to: room)
        }
        for column in 0..<columnCount {
            let field: Field
            var number: Double?
            if at < bytes.end, bytes.p[at] == Self.quote {
                field = try scanQuotedField(at: at, row: rowStart, field: column &+ 1)
            } else {
                field = bytes.unquotedField(at: at, endingAt: ends.next(from: at))
                if numbers[column].isActive { number = bytes.decimal(from: at, to: field.end) }
            }
            if column &+ 1 < columnCount ? field.terminator != .separator : field.terminator == .separator {
                throw fieldCountError(rowStart: rowStart, column: column, expected: columnCount)
            }
            if let number {
                numbers[column].store(number, at: r)
            } else if !numbers[column].isActive, !field.escaped {
                codes[column].store(Self.code(bytes.p, field.start, field.end, in: &builders[column].interner), at: r)
            } else {
                try store(
                    field, numbers: &numbers[column], codes: &codes[column], interner: &builders[column].interner,
                    capacity: room, column: column, row: r, from: start
                )
            }
            at = field.next
        }
        return true
    }

    /// Gives every column's current run room for `capacity` rows.
    @inline(never)
    private static func resize(
        _ numbers: UnsafeMutableBufferPointer<ColumnRun<Double>>, _ codes: UnsafeMutableBufferPointer<ColumnRun<Int32>>,
        columnCount: Int, to capacity: Int
    ) {
        for column in 0..<columnCount {
            if numbers[column].isActive { numbers[column].resize(to: capacity) } else { codes[column].resize(to: capacity) }
        }
    }

    /// `builder` (a column of the `rows` rows from `start`) as a categorical column, its fields
    /// read again when it is numeric: their codes written to `target` when given (the builder
    /// then holds none, as when a stretch writes codes in place), otherwise kept by the builder.
    mutating func categorical(
        _ builder: ColumnBuilder, column: Int, rows: Int, from start: Int, into target: UnsafeMutablePointer<Int32>? = nil
    ) throws(ReadError) -> ColumnBuilder {
        guard builder.isNumeric else { return builder }
        var interner = ByteInterner()
        var codes = target.map { ColumnRun<Int32>(writingInto: $0) } ?? ColumnRun<Int32>(capacity: rows)
        do {
            try internAgain(column: column, rows: rows, from: start, into: &interner) { row, code in codes.store(code, at: row) }
        } catch {
            codes.free()
            throw error
        }
        let kept = codes.isLent ? nil : codes.finish(count: rows)
        return ColumnBuilder(isNumeric: false, numbers: nil, codes: kept, interner: interner)
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

    /// Converts one field of row `row` (rows are read from `start`) and stores it in its column:
    /// in `numbers` while the column holds numbers; at its first text, the column's earlier rows
    /// are interned again into `codes` (given room for `capacity` rows), and so is this field.
    @inline(never)
    private mutating func store(
        _ field: Field, numbers: inout ColumnRun<Double>, codes: inout ColumnRun<Int32>, interner: inout ByteInterner,
        capacity: Int, column: Int, row: Int, from start: Int
    ) throws(ReadError) {
        if numbers.isActive {
            let value: Double? = withBytes(of: field) { q, s, e in
                Self.isMissing(q, s, e) ? .nan : NumberParser.parse(q, s, e)
            }
            if let value {
                numbers.store(value, at: row)
                return
            }
            numbers.free()
            if !codes.isLent { codes.resize(to: capacity) }
            try internAgain(column: column, rows: row, from: start, into: &interner) { earlier, code in codes.store(code, at: earlier) }
        }
        let code: Int32 = withBytes(of: field) { q, s, e in
            Self.code(q, s, e, in: &interner)
        }
        codes.store(code, at: row)
    }

    /// Reads again the fields of column `column` in the `rows` rows that follow `start` (rows
    /// already read without error), interning each into `interner` and telling `emit` the row
    /// and its code, as the column's first text makes it categorical.
    private mutating func internAgain(
        column: Int, rows: Int, from start: Int, into interner: inout ByteInterner, _ emit: (Int, Int32) -> Void
    ) throws(ReadError) {
        var pos = start
        for row in 0..<rows {
            pos = bytes.skipBlankLines(from: pos)
            let rowStart = pos
            var index = 0
            while true {
                let field = try scanField(at: pos, row: rowStart, field: index &+ 1)
                if index == column {
                    let code: Int32 = withBytes(of: field) { q, s, e in
                        Self.code(q, s, e, in: &interner)
                    }
                    emit(row, code)
                }
                pos = field.next
                index &+= 1
                if field.terminator != .separator { break }
            }
        }
    }

    static func finish(_ builder: ColumnBuilder, name: String) -> Column {
        if builder.isNumeric { return .numeric(name, builder.numbers?.array ?? []) }
        let (levels, recode) = factorLevels(builder.interner)
        let codes: [Int32] = builder.codes?.withValues { stored in
            stored.map { code in code < 0 ? Column.missingCode : recode[Int(code)] }
        } ?? []
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

    /// The code of the text in `q[s..<e]` in a text column: missing when it is empty, `NA` or
    /// white space, otherwise its index in `interner` (added if new).
    @inline(__always)
    private static func code(_ q: UnsafePointer<UInt8>, _ s: Int, _ e: Int, in interner: inout ByteInterner) -> Int32 {
        isMissing(q, s, e) ? Column.missingCode : interner.intern(q, s, e)
    }

    /// Empty, `NA`, or only white space. Most texts are known not to be by their first byte.
    @inline(__always)
    private static func isMissing(_ q: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if s == e { return true }
        // Neither white space (all at or below the space) nor the N of NA.
        if q[s] > 0x20, q[s] != UInt8(ascii: "N") { return false }
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
        return bytes.unquotedField(at: pos)
    }

    private func scanQuotedField(at pos: Int, row: Int, field index: Int) throws(ReadError) -> Field {
        var i = pos &+ 1
        var escaped = false
        while true {
            // The next quote, found by the C library's vectorized search rather than byte by byte.
            if i < end {
                let found = memchr(p + i, Int32(Self.quote), end &- i)
                i = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(p) } ?? end
            }
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
            return Field(start: pos &+ 1, end: contentEnd, next: bytes.lineEnd(at: i), terminator: .lineEnd, escaped: escaped)
        }
        let place = row == headerStart ? "the header" : "line \(lineNumber(at: row))"
        throw ReadError(.malformed, "Cannot read '\(name)': field \(index) of \(place) has text after its closing quote; write a quote inside a quoted field as two quotes (\"\").")
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

    /// The error for a row whose field `column` (0-based) ends wrongly: the row ends there
    /// although more columns follow, or the last column is followed by a separator.
    @inline(never)
    private func fieldCountError(rowStart: Int, column: Int, expected: Int) -> ReadError {
        if column &+ 1 < expected { return fieldCountError(rowStart: rowStart, fields: column &+ 1, expected: expected) }
        do {
            return fieldCountError(rowStart: rowStart, fields: try countFields(rowStart: rowStart), expected: expected)
        } catch {
            return error
        }
    }

    /// A stretch read into lent memory met more rows than its line ends allow (a wrong split).
    @inline(never)
    private func rowLimitError(at rowStart: Int) -> ReadError {
        ReadError(.malformed, "Cannot read '\(name)': more rows than line ends at offset \(rowStart).")
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
