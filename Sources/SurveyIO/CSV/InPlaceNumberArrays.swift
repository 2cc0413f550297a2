/// New `[Double]` arrays whose storage is written directly, from any thread, while they are being
/// made: the numbers of a CSV file's columns go straight to where the finished columns keep
/// them, with no copy and no second set of pages to fault in.
///
/// `Array(unsafeUninitializedCapacity:initializingWith:)` lends an array's storage only for the
/// duration of its closure, so the arrays are made one inside another's closure, and the work
/// runs in the innermost, with every storage lent at once. The nesting is as deep as the
/// arrays are many: callers keep the count modest (``ParallelCSVParser/maximumColumnsInPlace``).
/// Each storage is advised to be backed by huge pages (``LargePages``) before it is touched.
enum InPlaceNumberArrays {
    /// `count` arrays of room for `capacity` numbers each, filled by `body`: it gets the storage
    /// of each (uninitialized) and returns how many leading numbers of each it initialized,
    /// with a result of its own.
    static func make<R>(
        count: Int, capacity: Int, _ body: ([UnsafeMutablePointer<Double>]) -> (initialized: [Int], result: R)
    ) -> (arrays: [[Double]], result: R) {
        var storages: [UnsafeMutablePointer<Double>] = []
        storages.reserveCapacity(count)
        var arrays = [[Double]](repeating: [], count: count)
        var outcome: (initialized: [Int], result: R)?
        nest(0, count: count, capacity: Swift.max(capacity, 1), &storages, &arrays) {
            outcome = body($0)
            return outcome!.initialized
        }
        return (arrays, outcome!.result)
    }

    /// Makes array `index` and, inside its closure, the ones after it; the counts `body` gave.
    @discardableResult
    private static func nest(
        _ index: Int, count: Int, capacity: Int, _ storages: inout [UnsafeMutablePointer<Double>], _ arrays: inout [[Double]],
        _ body: ([UnsafeMutablePointer<Double>]) -> [Int]
    ) -> [Int] {
        guard index < count else { return body(storages) }
        var initialized: [Int] = []
        let array = [Double](unsafeUninitializedCapacity: capacity) { buffer, done in
            storages.append(buffer.baseAddress!)
            LargePages.advise(buffer)
            initialized = nest(index + 1, count: count, capacity: capacity, &storages, &arrays, body)
            done = initialized[index]
        }
        arrays[index] = array
        return initialized
    }
}
