import Foundation
import SurveyCore

/// Where to split the data rows of a CSV file so that each stretch can be read on its own core.
///
/// A line end inside a quoted field does not end a row, so a split point cannot be found by
/// looking for the next line end alone. As in the two-pass designs of simdcsv and of Ge et al.,
/// "Speculative Distributed CSV Data Parsing for Big Data Analytics" (SIGMOD 2019), a first pass
/// counts the quotes of every stretch in parallel; the parity of the quotes before a nominal split
/// point tells whether it lies inside a quoted field, and the split moves on to the first line end
/// outside quotes (then past any blank lines).
///
/// In a file where every quote opens, closes or doubles inside a quoted field, the splits are row
/// starts. A stray quote inside an unquoted field (`5"`, which the reader takes literally) breaks
/// the parity; the reader detects that, because the stretch before a wrong split does not end
/// exactly on it, and reads the file in one pass instead (``ParallelCSVParser``).
enum CSVChunkBoundaries {
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Offsets `start = b₀ < b₁ < … < bₖ = end`, about `chunks` stretches that grow shorter
    /// towards the end (``nominalSplits(start:length:chunks:)``); each inner `bᵢ` follows a line
    /// end outside quotes and any blank lines after it. Fewer stretches come back when splits
    /// fall together or at the end.
    ///
    /// With each stretch comes the most rows it can hold when it is read from its start to the
    /// next: the line-end bytes (`\n` and `\r`) in it, as every row of an inner stretch ends with
    /// one, and one more for the last stretch, whose last row may end with the file.
    ///
    /// The pages of an unpopulated mapping (`pages`) are mapped by each stretch's count, so
    /// that they are mapped on every core at once.
    static func boundaries(
        _ p: UnsafePointer<UInt8>, start: Int, end: Int, chunks: Int, pages: MappedPages = .unmapped
    ) -> (bounds: [Int], rowLimits: [Int]) {
        let length = end - start
        guard chunks > 1, length > chunks else {
            return ([start, end], [countBytes(p, start..<end).lineEnds + 1])
        }
        let nominal = nominalSplits(start: start, length: length, chunks: chunks)
        let stretches = (0..<chunks).map { nominal[$0]..<($0 == chunks - 1 ? end : nominal[$0 + 1]) }
        let counts = RowChunks.map(stretches) { stretch in
            pages.populate(p, stretch)
            return countBytes(p, stretch)
        }

        // Each split with the line ends before it: those of the nominal stretches before its
        // nominal point, and those passed on the way from there to the split.
        var bounds = [start]
        var lineEndsBefore = [0]
        var quotesBefore = 0, nominalLineEnds = 0
        for i in 1..<chunks {
            quotesBefore += counts[i - 1].quotes
            nominalLineEnds += counts[i - 1].lineEnds
            let (split, passed) = rowStart(p, from: nominal[i], end: end, insideQuotes: quotesBefore % 2 == 1)
            if split > bounds[bounds.count - 1], split < end {
                bounds.append(split)
                lineEndsBefore.append(nominalLineEnds + passed)
            }
        }
        bounds.append(end)
        lineEndsBefore.append(nominalLineEnds + counts[chunks - 1].lineEnds)
        var rowLimits = zip(lineEndsBefore, lineEndsBefore.dropFirst()).map { $1 - $0 }
        rowLimits[rowLimits.count - 1] += 1
        return (bounds, rowLimits)
    }

    /// The ratio of the last stretch's length to the first's.
    static let lastToFirst = 1.0 / 16

    /// `chunks + 1` offsets from `start` to `start + length` that cut it into stretches shrinking
    /// geometrically, the last ``lastToFirst`` of the first. The cores take the stretches in
    /// order, each the next one as it finishes one (`concurrentPerform`), so the short ones at
    /// the end even out the cores' finishing times, as guided self-scheduling does
    /// (C. Polychronopoulos and D. Kuck, "Guided Self-Scheduling", IEEE Transactions on Computers
    /// 36, 1987). With stretches of equal length, the core that finished first waited for most
    /// of one stretch: on the 1,000,000-row file, about a tenth of the read.
    static func nominalSplits(start: Int, length: Int, chunks: Int) -> [Int] {
        guard chunks > 1 else { return [start, start + length] }
        let ratio = Foundation.pow(lastToFirst, 1 / Double(chunks - 1))
        let weights = (0..<chunks).map { Foundation.pow(ratio, Double($0)) }
        let total = weights.reduce(0, +)
        var splits = [start]
        var sum = 0.0
        for weight in weights.dropLast() {
            sum += weight
            splits.append(Swift.max(splits[splits.count - 1], start + Int(Double(length) * sum / total)))
        }
        splits.append(start + length)
        return splits
    }

    /// The first offset at or after `from` that follows a line end outside quotes, past blank
    /// lines (`end` when there is none), and how many line-end bytes lie before it from `from`.
    private static func rowStart(_ p: UnsafePointer<UInt8>, from: Int, end: Int, insideQuotes: Bool) -> (split: Int, lineEnds: Int) {
        var quoted = insideQuotes
        var lineEnds = 0
        var i = from
        while i < end {
            let b = p[i]
            if b == quote {
                quoted.toggle()
            } else if b == newline || b == carriageReturn {
                if !quoted { break }
                lineEnds += 1
            }
            i += 1
        }
        // Past the line end (CRLF counts as one) and the blank lines after it.
        while i < end, p[i] == newline || p[i] == carriageReturn {
            lineEnds += 1
            i += 1
        }
        return (i, lineEnds)
    }

    /// The number of quote bytes and of line-end bytes (`\n`, `\r`) in `p[range]`, sixteen
    /// bytes at a time: each comparison of a vector gives 0xFF in the lanes that match, which,
    /// subtracted, counts one in that lane; a lane's byte is added up and emptied every 255
    /// vectors, before it can wrap.
    static func countBytes(_ p: UnsafePointer<UInt8>, _ range: Range<Int>) -> (quotes: Int, lineEnds: Int) {
        typealias Vector = SIMD16<UInt8>
        let raw = UnsafeRawPointer(p)
        let quotes = Vector(repeating: quote), newlines = Vector(repeating: newline), returns = Vector(repeating: carriageReturn)
        var quoteCount = 0, lineEndCount = 0
        var i = range.lowerBound
        while i &+ Vector.scalarCount <= range.upperBound {
            var quoteLanes = Vector(), lineEndLanes = Vector()
            var vectors = 0
            while vectors < 255, i &+ Vector.scalarCount <= range.upperBound {
                let bytes = raw.loadUnaligned(fromByteOffset: i, as: Vector.self)
                quoteLanes &-= unsafeBitCast(bytes .== quotes, to: Vector.self)
                lineEndLanes &-= unsafeBitCast((bytes .== newlines) .| (bytes .== returns), to: Vector.self)
                vectors &+= 1
                i &+= Vector.scalarCount
            }
            quoteCount &+= Int(SIMD16<UInt16>(truncatingIfNeeded: quoteLanes).wrappedSum())
            lineEndCount &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lineEndLanes).wrappedSum())
        }
        while i < range.upperBound {
            let b = p[i]
            if b == quote { quoteCount &+= 1 }
            if b == newline || b == carriageReturn { lineEndCount &+= 1 }
            i &+= 1
        }
        return (quoteCount, lineEndCount)
    }
}
