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

    /// How many bytes a stretch reads between giving back the pages it has read.
    static let releaseEvery = 4 << 20

    /// One joined column: built (numbers copied from the stretches, or texts), or already in
    /// place in the column's storage: its numbers (how many), or its codes (how many, and the
    /// factor levels they index).
    enum Joined {
        case built(Column)
        case numbersInPlace(Int)
        case codesInPlace(Int, levels: [String])
    }

    /// The columns of the stretches of `layout`, or `nil` when one pass must decide (an error,
    /// or splits that turned out not to be row starts).
    ///
    /// With `targets` (room for `layout.rowLimit` rows in each column), each stretch writes its
    /// numbers and codes into them from its offset, and the joined column is made there: its
    /// rows moved together (when a stretch held fewer rows than its limit), and its codes
    /// turned to the column's levels. Without, the values are copied from the stretches into
    /// new columns.
    func columns(_ layout: StretchLayout, targets: ColumnTargets?) -> [Joined]? {
        let p = file.p, count = file.count
        let stretches = layout.ranges.indices.map { $0..<($0 + 1) }
        let parts: [CSVParser.CSVRows?] = RowChunks.map(stretches) { stretch in
            let s = stretch.lowerBound, range = layout.ranges[s]
            var parser = CSVParser(p, count, separator: separator, name: name)
            var reported = range.lowerBound, released = range.lowerBound
            let rows = try? parser.parseRows(
                from: range.lowerBound, until: range.upperBound, columnCount: names.count, expectedRows: layout.rowLimits[s],
                into: targets?.stretch(from: layout.offsets[s], rows: layout.rowLimits[s])
            ) { position in
                bytesRead.add(position - reported)
                reported = position
                // The pages read so far go back as the stretch goes on, not only at its end, so
                // that the first stretches, the longest, do not hold theirs all along.
                if position - released >= Self.releaseEvery {
                    pages.release(p, released..<position)
                    released = position
                }
            }
            bytesRead.add(range.upperBound - reported)
            pages.release(p, released..<range.upperBound)
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
            let c = column.lowerBound
            return join(table, column: c, layout: layout, numbers: targets?.numberArrays[c], codes: targets?.codeArrays[c])
        }
        guard joined.allSatisfy({ $0 != nil }) else { return nil }
        return joined.map { $0! }
    }

    /// One column of every stretch joined in order, in place when it was written to `numbers`
    /// or `codes`; the stretches' parts of it are freed as they are joined, so that memory
    /// holds little more than the finished columns.
    private func join(
        _ table: StretchColumns, column: Int, layout: StretchLayout,
        numbers target: UnsafeMutablePointer<Double>?, codes codeTarget: UnsafeMutablePointer<Int32>?
    ) -> Joined? {
        let stretches = table.stretches
        let rows = table.rowCount
        if (0..<stretches).allSatisfy({ table.builder(stretch: $0, column: column).isNumeric }) {
            if let target {
                return .numbersInPlace(Self.closeGaps(target, table: table, layout: layout))
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
            return .built(.numeric(names[column], numbers))
        }

        // Text: every stretch's codes in order of first appearance (a stretch that held only
        // numbers reads its fields again), then one interner over all.
        var parser = CSVParser(file.p, file.count, separator: separator, name: name)
        var interner = ByteInterner()
        var parts: [(codes: ColumnBlock<Int32>?, toJoined: [Int32])] = []
        parts.reserveCapacity(stretches)
        for s in 0..<stretches {
            guard let builder = try? parser.categorical(
                table.take(stretch: s, column: column), column: column, rows: table.rowCount(stretch: s), from: table.start(stretch: s),
                into: codeTarget.map { $0 + layout.offsets[s] }
            ) else { return nil }
            let toJoined = (0..<builder.interner.count).map { interner.intern(valueAt: $0, of: builder.interner) }
            parts.append((builder.codes, toJoined))
        }
        if interner.holdsInvalidUTF8 { return nil }
        let (levels, level) = CSVParser.factorLevels(interner)
        // For each stretch, its code plus one to the column's: the missing code, -1, to itself.
        let levelOf = parts.map { [Column.missingCode] + $0.toJoined.map { level[Int($0)] } }
        if let codeTarget {
            // In place: each stretch's codes turned to levels, moved down to follow the
            // stretches before it (never past codes not yet read).
            var at = 0
            for s in 0..<stretches {
                let held = table.rowCount(stretch: s)
                Self.recode(codeTarget + layout.offsets[s], count: held, by: levelOf[s], into: codeTarget + at)
                at += held
            }
            return .codesInPlace(at, levels: levels)
        }
        let codes = [Int32](unsafeUninitializedCapacity: rows) { buffer, initialized in
            var at = 0
            for s in parts.indices {
                parts[s].codes?.withValues { codes in
                    guard let source = codes.baseAddress else { return }
                    Self.recode(source, count: codes.count, by: levelOf[s], into: buffer.baseAddress! + at)
                    at += codes.count
                }
                parts[s].codes = nil
            }
            initialized = at
        }
        return .built(.categorical(names[column], codes: codes, levels: levels))
    }

    /// Moves each stretch's rows of a column written in place down to follow the stretches
    /// before it (where a stretch held fewer rows than its limit); how many rows there are.
    private static func closeGaps(_ target: UnsafeMutablePointer<Double>, table: StretchColumns, layout: StretchLayout) -> Int {
        var at = 0
        for s in 0..<table.stretches {
            let held = table.rowCount(stretch: s)
            if layout.offsets[s] != at { memmove(target + at, target + layout.offsets[s], held * MemoryLayout<Double>.stride) }
            at += held
        }
        return at
    }

    /// Writes the level of each of `count` stretch codes from `source` to `destination`, which
    /// is `source` or lies before it: each code is read before any write can reach it.
    private static func recode(
        _ source: UnsafePointer<Int32>, count: Int, by levelOf: [Int32], into destination: UnsafeMutablePointer<Int32>
    ) {
        levelOf.withUnsafeBufferPointer { levelOf in
            for i in 0..<count {
                let code = source[i]
                destination[i] = levelOf[Int(code &+ 1)]
            }
        }
    }
}
