import Foundation
import SurveyCore

/// The reading of a CSV file's stretches on every core and the joining of their columns: what
/// ``ParallelCSVParser`` does between splitting the file and handing back its columns.
struct StretchReading {
    let file: SharedBytes
    let names: [String]
    let separator: UInt8
    let name: String
    let bytesRead: BytesRead
    let pages: MappedPages

    /// One joined column: built (texts, or numbers copied from the stretches), or numbers
    /// already in place in the column's storage (how many).
    struct Joined {
        var column: Column?
        var numbersInPlace: Int
    }

    /// The columns of the stretches of `layout`, or `nil` when one pass must decide (an error,
    /// or splits that turned out not to be row starts).
    ///
    /// With `targets` (one per column, room for `layout.rowLimit` numbers each), each stretch
    /// writes its numbers into them from its offset, and a column that stays numeric is moved
    /// together there (when a stretch held fewer rows than its limit); without, the numbers are
    /// copied from the stretches into new columns.
    func columns(_ layout: StretchLayout, targets: [UnsafeMutablePointer<Double>]?) -> [Joined]? {
        let p = file.p, count = file.count
        let stretches = layout.ranges.indices.map { $0..<($0 + 1) }
        let parts: [CSVParser.CSVRows?] = RowChunks.map(stretches) { stretch in
            let s = stretch.lowerBound, range = layout.ranges[s]
            var parser = CSVParser(p, count, separator: separator, name: name)
            var reported = range.lowerBound
            let rows = try? parser.parseRows(
                from: range.lowerBound, until: range.upperBound, columnCount: names.count, expectedRows: layout.rowLimits[s],
                numbersInto: targets?.map { $0 + layout.offsets[s] }
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

        let joined: [Joined?] = RowChunks.map(names.indices.map { $0..<($0 + 1) }) { column in
            join(table, column: column.lowerBound, layout: layout, target: targets?[column.lowerBound])
        }
        guard joined.allSatisfy({ $0 != nil }) else { return nil }
        return joined.map { $0! }
    }

    /// One column of every stretch joined in order; the stretches' parts of it are freed as
    /// they are joined, so that memory holds little more than the finished columns.
    private func join(_ table: StretchColumns, column: Int, layout: StretchLayout, target: UnsafeMutablePointer<Double>?) -> Joined? {
        let stretches = table.stretches
        let rows = table.rowCount
        if (0..<stretches).allSatisfy({ table.builder(stretch: $0, column: column).isNumeric }) {
            if let target {
                // In place: close the gaps that stretches with fewer rows than their limits left.
                var at = 0
                for s in 0..<stretches {
                    let held = table.rowCount(stretch: s)
                    if layout.offsets[s] != at { memmove(target + at, target + layout.offsets[s], held * MemoryLayout<Double>.stride) }
                    at += held
                }
                return Joined(column: nil, numbersInPlace: at)
            }
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
            return Joined(column: .numeric(names[column], numbers), numbersInPlace: 0)
        }

        // Text: every stretch's codes in order of first appearance, then one interner over all.
        var parser = CSVParser(file.p, file.count, separator: separator, name: name)
        var interner = ByteInterner()
        var parts: [(codes: ColumnBlock<Int32>?, toJoined: [Int32])] = []
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
                // The stretch's code plus one to the column's: the missing code, -1, to itself.
                let levelOf = [Column.missingCode] + parts[s].toJoined.map { level[Int($0)] }
                parts[s].codes?.withValues { codes in
                    levelOf.withUnsafeBufferPointer { levelOf in
                        for code in codes {
                            buffer[at] = levelOf[Int(code &+ 1)]
                            at += 1
                        }
                    }
                }
                parts[s].codes = nil
            }
            initialized = at
        }
        return Joined(column: .categorical(names[column], codes: codes, levels: levels), numbersInPlace: 0)
    }
}
