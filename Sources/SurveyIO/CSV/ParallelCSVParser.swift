import Dispatch
import Foundation
import SurveyCore

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
    /// Stretches per core: several, so that a core that finishes early takes another; they
    /// shrink towards the end (``CSVChunkBoundaries/nominalSplits(start:length:chunks:)``), so
    /// that the last, read while the other cores wait, is short. Each stretch costs little
    /// beyond its own interners.
    static let stretchesPerCore = 8

    /// Parses a whole file held in `bytes`, like ``CSVParser/parse(_:separator:name:progress:)``,
    /// in `stretches` parts (by default a few per core for a file of ``minimumBytes`` or more,
    /// otherwise one pass; tests and the fuzzer ask for a number to compare the two). The pages
    /// of a mapped file are mapped by each stretch (or, for one pass, all at once) and given
    /// back as each stretch is read (`pages`).
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, name: String, progress: ReadProgress? = nil,
        stretches wanted: Int? = nil, pages: MappedPages = .unmapped
    ) throws(ReadError) -> Dataset {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let stretches = wanted ?? (bytes.count >= minimumBytes && cores > 1 ? cores * stretchesPerCore : 1)
        guard stretches > 1, let base = bytes.baseAddress,
              let dataset = parseInStretches(base, bytes.count, stretches: stretches, separator: separator, name: name, progress: progress, pages: pages)
        else {
            if let base = bytes.baseAddress { pages.populate(base, 0..<bytes.count) }
            return try CSVParser.parse(bytes, separator: separator, name: name, progress: progress)
        }
        return dataset
    }

    /// The dataset read in `stretches` parts, or `nil` when one pass must decide (an error, or
    /// splits that turned out not to be row starts). Files of more than `columnsInPlace`
    /// columns have their numbers copied from the stretches (tests ask for 0 to check that way).
    static func parseInStretches(
        _ p: UnsafePointer<UInt8>, _ count: Int, stretches: Int, separator: UInt8, name: String, progress: ReadProgress?,
        pages: MappedPages = .unmapped, columnsInPlace: Int = maximumColumnsInPlace
    ) -> Dataset? {
        let file = SharedBytes(p: p, count: count)
        let bytesRead = BytesRead()
        let columns: [Column]? = reporting(progress, total: count, bytesRead: bytesRead) {
            read(file, stretches: stretches, separator: separator, name: name, bytesRead: bytesRead, pages: pages, columnsInPlace: columnsInPlace)
        }
        guard let columns else { return nil }
        return try? CSVParser(p, count, separator: separator, name: name).dataset(columns)
    }

    /// Most columns whose values are written in place, straight into the finished columns
    /// (``InPlaceArrays``, which nests two closures per column: one for its numbers, one for its
    /// codes); a wider file has each stretch keep its values in memory of its own, copied into
    /// the columns as they are joined.
    static let maximumColumnsInPlace = 512

    private static func read(
        _ file: SharedBytes, stretches: Int, separator: UInt8, name: String, bytesRead: BytesRead, pages: MappedPages,
        columnsInPlace: Int
    ) -> [Column]? {
        let p = file.p, count = file.count
        var headerParser = CSVParser(p, count, separator: separator, name: name)
        guard let (names, dataStart, validUTF8) = try? headerParser.header(), validUTF8 else { return nil }
        let split = CSVChunkBoundaries.boundaries(p, start: dataStart, end: count, chunks: stretches, pages: pages)
        let layout = StretchLayout(bounds: split.bounds, rowLimits: split.rowLimits)
        let reading = StretchReading(file: file, names: names, separator: separator, name: name, bytesRead: bytesRead, pages: pages)
        guard names.count <= columnsInPlace else {
            return reading.columns(layout, targets: nil).map { joined in
                joined.map { if case .built(let column) = $0 { column } else { preconditionFailure("a column was joined in place") } }
            }
        }
        // Every column gets room for numbers and for codes; only the one its form uses is
        // written (the other stays address space), and only its rows count as initialized.
        let columnCount = names.count
        let made = InPlaceArrays.make(count: columnCount, capacity: layout.rowLimit, of: Double.self) { numbers in
            let codesMade = InPlaceArrays.make(count: columnCount, capacity: layout.rowLimit, of: Int32.self) { codes in
                let targets = ColumnTargets(numberArrays: numbers, codeArrays: codes, capacity: layout.rowLimit, firstRow: 0, rows: layout.rowLimit)
                let joined = reading.columns(layout, targets: targets)
                let codeCounts = (0..<columnCount).map { column -> Int in
                    if case .codesInPlace(let rows, _) = joined?[column] { rows } else { 0 }
                }
                return (codeCounts, joined)
            }
            let joined = codesMade.result
            let numberCounts = (0..<columnCount).map { column -> Int in
                if case .numbersInPlace(let rows) = joined?[column] { rows } else { 0 }
            }
            return (numberCounts, (joined: joined, codes: codesMade.arrays))
        }
        guard let joined = made.result.joined else { return nil }
        return joined.indices.map { column in
            switch joined[column] {
            case .built(let built): built
            case .numbersInPlace: .numeric(names[column], made.arrays[column])
            case .codesInPlace(_, let levels): .categorical(names[column], codes: made.result.codes[column], levels: levels)
            }
        }
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

/// Where the worker leaves its result; read only after the worker signals it is done.
private final class ResultSlot<T>: @unchecked Sendable {
    var value: T?
}
