/// New arrays whose storage is written directly, from any thread, while they are being made:
/// the numbers (and a CSV file's codes of texts) go straight to where the finished columns keep
/// them, with no copy and no second set of pages to fault in.
///
/// `Array(unsafeUninitializedCapacity:initializingWith:)` lends an array's storage only for the
/// duration of its closure, so the arrays are made one inside another's closure, and the work
/// runs in the innermost, with every storage lent at once. The nesting is as deep as the
/// arrays are many: callers keep the count modest (``ParallelCSVParser/maximumColumnsInPlace``,
/// ``SystemFileColumnReader/mostColumnsInParts``, and the Stata reader's groups of 256).
/// Each storage is advised to be backed by huge pages (``LargePages``) before it is touched;
/// storage that is never written costs address space only.
enum InPlaceArrays {
    /// `count` arrays of room for `capacity` elements each (or a little more, so that huge pages
    /// can back all of a large one: ``LargePages/capacity(atLeast:stride:)``), filled by `body`:
    /// it gets the storage of each (uninitialized) and returns how many leading elements of each
    /// it initialized, with a result of its own.
    static func make<Element: BitwiseCopyable, R>(
        count: Int, capacity: Int, of _: Element.Type = Element.self,
        _ body: ([UnsafeMutablePointer<Element>]) -> (initialized: [Int], result: R)
    ) -> (arrays: [[Element]], result: R) {
        var storages: [UnsafeMutablePointer<Element>] = []
        storages.reserveCapacity(count)
        var arrays = [[Element]](repeating: [], count: count)
        var outcome: (initialized: [Int], result: R)?
        nest(0, count: count, capacity: room(for: capacity, of: Element.self), &storages, &arrays) {
            outcome = body($0)
            return outcome!.initialized
        }
        return (arrays, outcome!.result)
    }

    /// The room ``make(count:capacity:of:_:)`` gives each array asked to hold `capacity`
    /// elements of `Element`: at least one, and sized by ``LargePages/capacity(atLeast:stride:)``.
    static func room<Element>(for capacity: Int, of _: Element.Type) -> Int {
        LargePages.capacity(atLeast: Swift.max(capacity, 1), stride: MemoryLayout<Element>.stride)
    }

    /// Makes array `index` and, inside its closure, the ones after it; the counts `body` gave.
    @discardableResult
    private static func nest<Element: BitwiseCopyable>(
        _ index: Int, count: Int, capacity: Int, _ storages: inout [UnsafeMutablePointer<Element>], _ arrays: inout [[Element]],
        _ body: ([UnsafeMutablePointer<Element>]) -> [Int]
    ) -> [Int] {
        guard index < count else { return body(storages) }
        var initialized: [Int] = []
        let array = [Element](unsafeUninitializedCapacity: capacity) { buffer, done in
            storages.append(buffer.baseAddress!)
            LargePages.advise(buffer)
            initialized = nest(index + 1, count: count, capacity: capacity, &storages, &arrays, body)
            done = initialized[index]
        }
        arrays[index] = array
        return initialized
    }
}
