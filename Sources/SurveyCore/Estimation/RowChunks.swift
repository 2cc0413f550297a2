import Dispatch

/// A pass over the respondents split into chunks that run concurrently on every core, each
/// chunk with its own accumulator, merged afterwards in chunk order (DESIGN.md §8).
///
/// The chunks depend on the number of rows only, never on the number of cores, so a sum is
/// added in the same order on every machine and results are the same bit for bit wherever
/// they are computed. Small inputs make one chunk (no thread is involved), and so do
/// accumulators too large to copy per chunk.
package enum RowChunks {
    /// Fewest rows worth a chunk of their own.
    static let minimumRows = 1 << 16
    /// When set, every pass is split into chunks of this many rows whatever the sizes: tests
    /// run small data sets in chunks so that the merged results are compared with R's.
    @TaskLocal static var testChunkRows: Int? = nil
    /// Most chunks a pass is split into.
    static let maximumChunks = 8

    /// The chunks of `0..<n`: contiguous, in order, of (nearly) equal size.
    static func ranges(_ n: Int) -> [Range<Int>] {
        ranges(n, chunks: testChunkRows.map { n / max($0, 1) } ?? n / minimumRows)
    }

    /// The chunks of `0..<n` for an accumulator of `length` values per chunk: no more chunks
    /// than keep copying and merging the accumulators (length × chunks) under half a pass over
    /// the rows.
    static func ranges(_ n: Int, accumulatorLength length: Int) -> [Range<Int>] {
        if testChunkRows != nil { return ranges(n) }
        return ranges(n, chunks: min(n / minimumRows, n / max(2 * length, 1)))
    }

    private static func ranges(_ n: Int, chunks wanted: Int) -> [Range<Int>] {
        let chunks = max(1, min(maximumChunks, wanted))
        let size = (n + chunks - 1) / chunks
        return (0..<chunks).map { c in min(n, c * size)..<min(n, (c + 1) * size) }
    }

    /// `body` of every chunk, run concurrently; the results in chunk order.
    ///
    /// `body` may read shared data and write elements of shared buffers that belong to its
    /// chunk only; every chunk has finished when this returns.
    package static func map<T>(_ chunks: [Range<Int>], _ body: (Range<Int>) -> T) -> [T] {
        if chunks.count == 1 { return [body(chunks[0])] }
        return withoutActuallyEscaping(body) { body in
            let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: chunks.count)
            results.initialize(repeating: nil)
            defer { results.deinitialize().deallocate() }
            // Each iteration writes its own result slot; concurrentPerform returns after all of them.
            let shared = ChunkWork(body: body, results: results)
            DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
                shared.results[c] = shared.body(chunks[c])
            }
            return results.map { $0! }
        }
    }

    /// What the concurrent iterations share: the chunk body and one result slot per chunk,
    /// each written by its own iteration only.
    private struct ChunkWork<T>: @unchecked Sendable {
        let body: (Range<Int>) -> T
        let results: UnsafeMutableBufferPointer<T?>
    }

    /// Sums of `length` values accumulated by `body` over the rows of each chunk (into a
    /// zeroed buffer of its own), added together in chunk order.
    static func sums(rows n: Int, length: Int, _ body: (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
        combined(rows: n, length: length, start: 0, body) { $0 += $1 }
    }

    /// Which of `length` slots `body` marks (sets to 1) over the rows of each chunk, in a
    /// cleared buffer of its own; the chunks' marks combined (1 where any chunk marked).
    static func marks(rows n: Int, length: Int, _ body: (Range<Int>, UnsafeMutableBufferPointer<UInt8>) -> Void) -> [UInt8] {
        combined(rows: n, length: length, start: 0, body) { $0 |= $1 }
    }

    /// `length` values that `body` accumulates over the rows of each chunk, in a buffer of
    /// its own set to `start`; the chunks' buffers combined element by element in chunk order.
    private static func combined<T: BitwiseCopyable>(
        rows n: Int, length: Int, start: T, _ body: (Range<Int>, UnsafeMutableBufferPointer<T>) -> Void,
        merge: (inout T, T) -> Void
    ) -> [T] {
        let partials = map(ranges(n, accumulatorLength: length)) { range in
            [T](unsafeUninitializedCapacity: length) { buffer, count in
                buffer.initialize(repeating: start)
                body(range, buffer)
                count = length
            }
        }
        guard var all = partials.first else { return [T](repeating: start, count: length) }
        for partial in partials.dropFirst() {
            all.withUnsafeMutableBufferPointer { a in
                partial.withUnsafeBufferPointer { p in
                    for k in 0..<length { merge(&a[k], p[k]) }
                }
            }
        }
        return all
    }

    /// An array of one value per row, the rows of each chunk written by `body` concurrently
    /// (every element of its range; the buffer is uninitialized).
    static func fill<T: BitwiseCopyable>(rows n: Int, _ body: (Range<Int>, UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
        [T](unsafeUninitializedCapacity: n) { buffer, count in
            let whole = buffer
            _ = map(ranges(n)) { range in body(range, whole) }
            count = n
        }
    }
}
