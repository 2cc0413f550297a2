import SurveyCore

/// Reads the cases of a system file's data record into its columns (``SystemFileCaseLayout``
/// says where each value lies in a case).
///
/// A long file with a modest number of numeric variables is read in parts at once, on every
/// core: one pass over the data finds where every part of 65,536 cases starts
/// (``SystemFileCaseReader/skip(upTo:)``, which for bytecode passes over a whole group of eight
/// commands at a time), then the parts are decoded concurrently, each straight into the rows
/// of the numeric columns it holds, and the same cases are read again, part by part in order,
/// for their strings (a column of strings is built in row order). Other files
/// are read a block of cases at a time, the numbers appended to their columns. Either way the
/// values, and the errors, are the same.
struct SystemFileColumnReader {
    let layout: SystemFileCaseLayout
    let text: TextDecoder
    /// The cases the file declares (its header, else its extended number of cases record);
    /// -1 when it does not say.
    let declared: Int
    /// Whether `declared` is the header's count, the only one trusted to be exact: a file
    /// whose data holds fewer cases is truncated. The extended record only stops the reading.
    let declaredByHeader: Bool

    /// Bytes of cases decoded at a time: small enough to stay in the processor's cache while
    /// they are spread over the columns.
    private static let blockBytes = 256 * 1024
    /// Cases in a part of the data read on its own.
    static let casesPerPart = 1 << 16
    /// Parts read at once, before the strings of their cases are read and progress is told.
    private static let partsAtOnce = 4
    /// Most numeric columns made at once in place (``InPlaceArrays``, one nested closure each).
    static let mostColumnsInParts = 256
    /// When set, files with numeric columns are read in parts of this many cases whatever
    /// their length, or (0) a block at a time: tests compare the two ways on the same bytes.
    @TaskLocal static var testPartCases: Int? = nil

    /// The numeric columns, in the order of ``SystemFileCaseLayout/numbers``, and the string
    /// columns', in that of ``SystemFileCaseLayout/strings``.
    func read(_ reader: SystemFileCaseReader, progress: ReadProgress?) throws(SPSSFormatError) -> (numbers: [[Double]], strings: [StringColumnBuilder]) {
        let bound = min(declared < 0 ? Int.max : declared, reader.caseBound)
        let partCases = Self.testPartCases ?? (bound >= 2 * Self.casesPerPart ? Self.casesPerPart : 0)
        if partCases > 0, (1...Self.mostColumnsInParts).contains(layout.numbers.count) {
            return try readInParts(reader, partCases: partCases, progress: progress)
        }
        return try readInBlocks(reader, progress: progress)
    }

    /// Cases wanted after `read` have been read, at most `most` at a time.
    private func wanted(after read: Int, most: Int) -> Int {
        declared < 0 ? most : min(most, declared - read)
    }

    /// Room for a block of cases (``blockBytes``, and at least one case): the caller frees it.
    private func newBlock() -> (buffer: UnsafeMutableRawBufferPointer, rows: Int) {
        let rows = layout.caseSize > 0 ? max(1, Self.blockBytes / layout.caseSize) : 1
        return (UnsafeMutableRawBufferPointer.allocate(byteCount: max(rows * layout.caseSize, 8), alignment: 8), rows)
    }

    /// A part of the data read on its own: a reader where it starts, the row of its first case,
    /// and its cases.
    private struct Part {
        let reader: SystemFileCaseReader
        let firstRow: Int
        let count: Int
    }

    /// Fails when the header declares more cases than the data holds.
    private func checkDeclared(read: Int) throws(SPSSFormatError) {
        if declaredByHeader && read < declared {
            throw SPSSFormatError(.malformed, "the header declares \(declared) cases but the data holds only \(read); the file is truncated, so copy it again from its source")
        }
    }

    /// A block of cases at a time, from the first to the last, each spread over the columns.
    private func readInBlocks(_ start: SystemFileCaseReader, progress: ReadProgress?) throws(SPSSFormatError) -> (numbers: [[Double]], strings: [StringColumnBuilder]) {
        var reader = start
        let expected = min(max(declared, 0), reader.caseBound)
        var numbers = layout.numbers.map { _ in LargePages.emptyArray(reserving: expected, of: Double.self) }
        var strings = [StringColumnBuilder](repeating: StringColumnBuilder(), count: layout.strings.count)
        let (block, blockRows) = newBlock()
        defer { block.deallocate() }
        var scratch: [UInt8] = []
        while true {
            let wanted = wanted(after: reader.casesRead, most: blockRows)
            guard wanted > 0 else { break }
            let (count, cases) = try reader.read(upTo: wanted, into: block)
            layout.appendNumbers(of: cases, count: count, to: &numbers)
            layout.appendStrings(of: cases, count: count, to: &strings, decoder: text, scratch: &scratch)
            progress?(reader.bytePosition, reader.byteEnd)
            if count < wanted { break }
        }
        try checkDeclared(read: reader.casesRead)
        return (numbers, strings)
    }

    /// Parts of `partCases` cases read at once (see the type's description).
    private func readInParts(_ start: SystemFileCaseReader, partCases: Int, progress: ReadProgress?) throws(SPSSFormatError) -> (numbers: [[Double]], strings: [StringColumnBuilder]) {
        // Where each part starts (a reader there), and its cases.
        var scout = start
        var parts: [Part] = []
        while true {
            let wanted = wanted(after: scout.casesRead, most: partCases)
            guard wanted > 0 else { break }
            let part = scout
            let count = try scout.skip(upTo: wanted)
            if count > 0 { parts.append(Part(reader: part, firstRow: part.casesRead, count: count)) }
            if count < wanted { break }
        }
        try checkDeclared(read: scout.casesRead)
        let rows = scout.casesRead
        var strings = [StringColumnBuilder](repeating: StringColumnBuilder(), count: layout.strings.count)
        var stringReader = start
        let made = InPlaceArrays.make(count: layout.numbers.count, capacity: rows, of: Double.self) { columns in
            var failure: SPSSFormatError?
            var scratch: [UInt8] = []
            for first in stride(from: 0, to: parts.count, by: Self.partsAtOnce) {
                let group = first..<min(first + Self.partsAtOnce, parts.count)
                let failures = RowChunks.map(group.map { $0..<($0 + 1) }) { index in
                    let part = parts[index.lowerBound]
                    var reader = part.reader
                    return readCases(part.count, from: &reader) { cases, count, done in
                        layout.writeNumbers(of: cases, count: count, to: columns, from: part.firstRow + done)
                    }
                }
                failure = failures.lazy.compactMap { $0 }.first
                if failure == nil, !layout.strings.isEmpty {
                    // Read again for their strings, which go to their columns in order.
                    failure = readCases(group.reduce(0) { $0 + parts[$1].count }, from: &stringReader) { cases, count, _ in
                        layout.appendStrings(of: cases, count: count, to: &strings, decoder: text, scratch: &scratch)
                    }
                }
                if failure != nil { break }
                progress?(group.upperBound < parts.count ? parts[group.upperBound].reader.bytePosition : start.byteEnd, start.byteEnd)
            }
            // The numbers are plain values: storage that a failure left unwritten is never read.
            return (Array(repeating: failure == nil ? rows : 0, count: layout.numbers.count), failure)
        }
        if let failure = made.result { throw failure }
        return (made.arrays, strings)
    }

    /// Reads the next `count` cases, a block at a time, handing each block to `take` with its
    /// cases and how many were read before it; the error, if the data no longer reads as it
    /// did when the parts were found.
    private func readCases(_ count: Int, from reader: inout SystemFileCaseReader,
                           _ take: (_ cases: UnsafeRawPointer, _ count: Int, _ done: Int) -> Void) -> SPSSFormatError? {
        let (block, blockRows) = newBlock()
        defer { block.deallocate() }
        var done = 0
        do {
            while done < count {
                let (got, cases) = try reader.read(upTo: min(blockRows, count - done), into: block)
                guard got > 0 else { return Self.changed }
                take(cases, got, done)
                done += got
            }
        } catch {
            return error
        }
        return nil
    }

    /// The data read differently the second time: the file changed while it was read.
    private static let changed = SPSSFormatError(.malformed, "its data changed while it was being read; read it again once nothing is writing to it")
}
