import Dispatch
import Foundation
import SurveyCore
import Synchronization

/// Reads a CSV file on every core, with the same result, bit for bit, as one pass of
/// ``CSVParser``.
///
/// 1. The header is read as in one pass; the data rows are split at row starts
///    (``CSVChunkBoundaries``) into a few stretches per core.
/// 2. UTF-8 is checked as one pass checks it: the header's names and each distinct text.
/// 3. Each stretch is read by its own ``CSVParser`` into columns of its own: numbers while a
///    column holds only numbers, codes in order of first appearance after that.
/// 4. Each stretch must end exactly where the next begins. That proves the splits are where one
///    pass would start rows, so the stretches read exactly the rows one pass reads.
/// 5. Columns are joined in order. A column that turned to text in any stretch is text in all
///    (the stretches where it held numbers read it again as text, as one pass does when it
///    meets the first text). The distinct texts are interned again stretch after stretch, so
///    they come in the order one pass meets them, then sorted into factor levels.
///
/// Whatever goes wrong in a stretch (malformed rows, a split inside a field after a stray quote,
/// invalid UTF-8), the whole file is read again in one pass, so that errors and their line
/// numbers are exactly those of ``CSVParser``.
enum ParallelCSVParser {
    /// Files smaller than this are read in one pass: splitting them would not pay.
    static let minimumBytes = 1 << 22
    /// Stretches per core: more than one, so that a core that finishes early takes another.
    static let stretchesPerCore = 4

    /// Parses a whole file held in `bytes`, like ``CSVParser/parse(_:separator:name:progress:)``,
    /// in `stretches` parts (by default a few per core for a file of ``minimumBytes`` or more,
    /// otherwise one pass; tests and the fuzzer ask for a number to compare the two). The pages
    /// of a mapped file are given back as each stretch is read (`pages`).
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, name: String, progress: ReadProgress? = nil,
        stretches wanted: Int? = nil, pages: MappedPages = .unmapped
    ) throws(ReadError) -> Dataset {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let stretches = wanted ?? (bytes.count >= minimumBytes && cores > 1 ? cores * stretchesPerCore : 1)
        guard stretches > 1, let base = bytes.baseAddress,
              let dataset = parseInStretches(base, bytes.count, stretches: stretches, separator: separator, name: name, progress: progress, pages: pages)
        else {
            return try CSVParser.parse(bytes, separator: separator, name: name, progress: progress)
        }
        return dataset
    }

    /// The dataset read in `stretches` parts, or `nil` when one pass must decide (an error, or
    /// splits that turned out not to be row starts).
    static func parseInStretches(
        _ p: UnsafePointer<UInt8>, _ count: Int, stretches: Int, separator: UInt8, name: String, progress: ReadProgress?,
        pages: MappedPages = .unmapped
    ) -> Dataset? {
        let file = SharedBytes(p: p, count: count)
        let bytesRead = BytesRead()
        let columns: [Column]? = reporting(progress, total: count, bytesRead: bytesRead) {
            read(file, stretches: stretches, separator: separator, name: name, bytesRead: bytesRead, pages: pages)
        }
        guard let columns else { return nil }
        return try? CSVParser(p, count, separator: separator, name: name).dataset(columns)
    }

    private static func read(
        _ file: SharedBytes, stretches: Int, separator: UInt8, name: String, bytesRead: BytesRead, pages: MappedPages
    ) -> [Column]? {
        let p = file.p, count = file.count
        var headerParser = CSVParser(p, count, separator: separator, name: name)
        guard let (names, dataStart, validUTF8) = try? headerParser.header(), validUTF8 else { return nil }
        let bounds = CSVChunkBoundaries.boundaries(p, start: dataStart, end: count, chunks: stretches)
        let ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        let expected = expectedRows(p, from: dataStart, end: count, stretchLength: (count - dataStart) / max(ranges.count, 1))

        let parts: [CSVParser.CSVRows?] = RowChunks.map(ranges) { range in
            var parser = CSVParser(p, count, separator: separator, name: name)
            var reported = range.lowerBound
            let rows = try? parser.parseRows(
                from: range.lowerBound, until: range.upperBound, columnCount: names.count, expectedRows: expected
            ) { position in
                bytesRead.add(position - reported)
                reported = position
            }
            bytesRead.add(range.upperBound - reported)
            pages.release(p, range)
            // A stretch that does not end exactly where the next begins was split inside a row.
            guard let rows, rows.end == range.upperBound else { return nil }
            return rows
        }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        // Texts that are not UTF-8: one pass finds the first bad byte and its line.
        if parts.contains(where: { $0!.builders.contains { $0.interner.holdsInvalidUTF8 } }) { return nil }
        let table = StretchColumns(parts.map { $0! }, columnCount: names.count)
        defer { table.release() }

        let columns: [Column?] = RowChunks.map((0..<names.count).map { $0..<($0 + 1) }) { column in
            join(table, column: column.lowerBound, name: names[column.lowerBound], parser: CSVParser(p, count, separator: separator, name: name))
        }
        guard columns.allSatisfy({ $0 != nil }) else { return nil }
        return columns.map { $0! }
    }

    /// One column of every stretch joined in order; the stretches' parts of it are freed as
    /// they are copied, so that memory holds little more than the finished columns.
    private static func join(_ table: StretchColumns, column: Int, name: String, parser: CSVParser) -> Column? {
        var parser = parser
        let stretches = table.stretches
        let rows = table.rowCount
        if (0..<stretches).allSatisfy({ table.builder(stretch: $0, column: column).isNumeric }) {
            let numbers = [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
                var at = 0
                for s in 0..<stretches {
                    guard let part = table.take(stretch: s, column: column).numbers else { continue }
                    part.withValues { source in
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[at..<(at + source.count)]).initialize(fromContentsOf: source)
                    }
                    at += part.count
                }
                initialized = at
            }
            return .numeric(name, numbers)
        }

        // Text: every stretch's codes in order of first appearance, then one interner over all.
        var interner = ByteInterner()
        var parts: [(codes: [Int32], toJoined: [Int32])] = []
        parts.reserveCapacity(stretches)
        for s in 0..<stretches {
            guard let builder = try? parser.categorical(
                table.take(stretch: s, column: column), column: column, rows: table.rowCount(stretch: s), from: table.start(stretch: s)
            ) else { return nil }
            let toJoined = (0..<builder.interner.count).map { interner.intern(valueAt: $0, of: builder.interner) }
            parts.append((builder.codes, toJoined))
        }
        if interner.holdsInvalidUTF8 { return nil }
        let (levels, level) = CSVParser.factorLevels(interner)
        let codes = [Int32](unsafeUninitializedCapacity: rows) { buffer, initialized in
            var at = 0
            for s in parts.indices {
                let toJoined = parts[s].toJoined
                for code in parts[s].codes {
                    buffer[at] = code < 0 ? Column.missingCode : level[Int(toJoined[Int(code)])]
                    at += 1
                }
                parts[s].codes = []
            }
            initialized = at
        }
        return .categorical(name, codes: codes, levels: levels)
    }

    /// Rows to reserve room for in each stretch: its length over the mean length of the first
    /// rows (up to 64 KiB of them), with 10% to spare.
    private static func expectedRows(_ p: UnsafePointer<UInt8>, from start: Int, end: Int, stretchLength: Int) -> Int {
        let sampleEnd = min(end, start + (1 << 16))
        var lines = 0
        for i in start..<sampleEnd where p[i] == UInt8(ascii: "\n") { lines += 1 }
        guard lines > 0 else { return 0 }
        let meanLength = Double(sampleEnd - start) / Double(lines)
        return Int(Double(stretchLength) / meanLength * 1.1) + 16
    }

    /// Runs `work`, telling `progress` (on the calling thread, every 50 ms) how many bytes the
    /// stretches have read.
    private static func reporting<T>(_ progress: ReadProgress?, total: Int, bytesRead: BytesRead, _ work: @escaping @Sendable () -> T) -> T {
        guard let progress else { return work() }
        let result = ResultSlot<T>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            result.value = work()
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            progress(min(bytesRead.total, total), total)
        }
        progress(total, total)
        return result.value!
    }
}

/// The file's bytes, shared read-only by the threads that read its stretches.
private struct SharedBytes: @unchecked Sendable {
    let p: UnsafePointer<UInt8>
    let count: Int
}

/// How many bytes the stretches have read so far, added to from every thread.
private final class BytesRead: Sendable {
    private let counter = Atomic<Int>(0)
    var total: Int { counter.load(ordering: .relaxed) }
    func add(_ bytes: Int) { counter.add(bytes, ordering: .relaxed) }
}

/// Where the worker leaves its result; read only after the worker signals it is done.
private final class ResultSlot<T>: @unchecked Sendable {
    var value: T?
}

/// The columns of every stretch, taken out one by one as the columns are joined. Each
/// (stretch, column) cell is touched by the one thread joining that column.
private final class StretchColumns: @unchecked Sendable {
    let stretches: Int
    let columnCount: Int
    let rowCount: Int
    private let cells: UnsafeMutableBufferPointer<CSVParser.ColumnBuilder>
    private let rows: [Int]
    private let starts: [Int]

    init(_ parts: [CSVParser.CSVRows], columnCount: Int) {
        stretches = parts.count
        self.columnCount = columnCount
        rowCount = parts.reduce(0) { $0 + $1.rowCount }
        cells = .allocate(capacity: parts.count * columnCount)
        for (s, part) in parts.enumerated() {
            for column in 0..<columnCount {
                (cells.baseAddress! + s * columnCount + column).initialize(to: part.builders[column])
            }
        }
        rows = parts.map(\.rowCount)
        starts = parts.map(\.start)
    }

    func builder(stretch: Int, column: Int) -> CSVParser.ColumnBuilder { cells[stretch * columnCount + column] }

    /// The cell's builder, leaving an empty one behind so that its memory can go.
    func take(stretch: Int, column: Int) -> CSVParser.ColumnBuilder {
        let index = stretch * columnCount + column
        var taken = CSVParser.ColumnBuilder()
        swap(&taken, &cells[index])
        return taken
    }

    /// How many rows the stretch holds, and where it starts.
    func rowCount(stretch: Int) -> Int { rows[stretch] }
    func start(stretch: Int) -> Int { starts[stretch] }

    func release() {
        cells.deinitialize()
        cells.deallocate()
    }
}
