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

    /// Offsets `start = b₀ < b₁ < … < bₖ = end`, about `chunks` stretches of equal length; each
    /// inner `bᵢ` follows a line end outside quotes and any blank lines after it. Fewer stretches
    /// come back when splits fall together or at the end.
    static func boundaries(_ p: UnsafePointer<UInt8>, start: Int, end: Int, chunks: Int) -> [Int] {
        let length = end - start
        guard chunks > 1, length > chunks else { return [start, end] }
        let nominal = (0...chunks).map { start + length / chunks * $0 }
        let stretches = (0..<chunks).map { nominal[$0]..<($0 == chunks - 1 ? end : nominal[$0 + 1]) }
        let quotes = RowChunks.map(stretches) { countQuotes(p, $0) }

        var result = [start]
        var quotesBefore = 0
        for i in 1..<chunks {
            quotesBefore += quotes[i - 1]
            let split = rowStart(p, from: nominal[i], end: end, insideQuotes: quotesBefore % 2 == 1)
            if split > result[result.count - 1], split < end { result.append(split) }
        }
        result.append(end)
        return result
    }

    /// The first offset at or after `from` that follows a line end outside quotes, past blank
    /// lines; `end` when there is none.
    private static func rowStart(_ p: UnsafePointer<UInt8>, from: Int, end: Int, insideQuotes: Bool) -> Int {
        var quoted = insideQuotes
        var i = from
        while i < end {
            let b = p[i]
            if b == quote {
                quoted.toggle()
            } else if !quoted, b == newline || b == carriageReturn {
                break
            }
            i += 1
        }
        // Past the line end (CRLF counts as one) and the blank lines after it.
        while i < end, p[i] == newline || p[i] == carriageReturn {
            i += p[i] == carriageReturn && i + 1 < end && p[i + 1] == newline ? 2 : 1
        }
        return i
    }

    /// The number of quote bytes in `p[range]`, eight bytes at a time.
    static func countQuotes(_ p: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
        let raw = UnsafeRawPointer(p)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let quotes: UInt64 = 0x2222_2222_2222_2222
        var count = 0
        var i = range.lowerBound
        while i &+ 8 <= range.upperBound {
            // A byte of `x` is zero exactly where the byte is a quote; `zero` gets its top bit set
            // there and nowhere else (no borrow crosses bytes, unlike the shorter zero-byte test).
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ quotes
            let zero = ~(((x & low7) &+ low7) | x | low7)
            count &+= zero.nonzeroBitCount
            i &+= 8
        }
        while i < range.upperBound {
            if p[i] == quote { count &+= 1 }
            i &+= 1
        }
        return count
    }
}
