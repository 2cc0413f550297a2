import Foundation

/// The values of one column (numbers, or codes of texts) as a row loop stores them: raw memory
/// grown with `realloc` (which, for large blocks, moves pages rather than copying them), written
/// at the row's index, so that storing a value is one store, without `Array`'s count, capacity
/// and uniqueness checks.
///
/// Every row gives every column one value, so the row loop keeps one count and one capacity for
/// all of its runs (``resize(to:)`` them together). A run owns its memory: ``finish(count:)``
/// hands its values to a ``ColumnBlock``, ``free()`` drops them (a column that turned to text,
/// or a loop that threw). Or it writes into memory lent to it (``init(writingInto:)``), which it
/// neither grows nor frees.
struct ColumnRun<Value: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Value>?
    /// Whether `base` is the run's own, from `malloc`.
    private var owned = true

    /// A run without memory: ``resize(to:)`` gives it some.
    init() {}

    /// A run that writes into `target`, memory the caller lends it for as long as the run is
    /// written, with room for as many values as the loop's capacity.
    init(writingInto target: UnsafeMutablePointer<Value>) {
        base = target
        owned = false
    }

    /// Whether the run writes into lent memory.
    var isLent: Bool { !owned }

    /// An empty run with room for `capacity` values.
    init(capacity: Int) {
        resize(to: capacity)
    }

    /// Whether the run has memory (it is the column's current form).
    var isActive: Bool { base != nil }

    /// Stores `value` as the value of row `row`, below the capacity last asked for.
    @inline(__always)
    func store(_ value: Value, at row: Int) {
        base.unsafelyUnwrapped[row] = value
    }

    /// Where row `row`'s value goes, for a store of several rows at once (below the capacity).
    @inline(__always)
    func slot(_ row: Int) -> UnsafeMutablePointer<Value> {
        base.unsafelyUnwrapped + row
    }

    /// Makes room for `capacity` values, keeping those stored.
    mutating func resize(to capacity: Int) {
        precondition(owned, "a run cannot grow memory lent to it")
        guard let moved = realloc(base, Swift.max(capacity, 1) * MemoryLayout<Value>.stride) else {
            fatalError("out of memory for \(capacity) values of a CSV column")
        }
        base = moved.bindMemory(to: Value.self, capacity: capacity)
    }

    /// Gives back the memory (or stops writing into lent memory), leaving a run without memory
    /// that owns whatever it gets next.
    mutating func free() {
        if owned { Foundation.free(base) }
        base = nil
        owned = true
    }

    /// The first `count` values as a block of their own, leaving this run without memory.
    mutating func finish(count: Int) -> ColumnBlock<Value> {
        precondition(owned, "lent memory stays with its lender")
        let block = ColumnBlock(adopting: base, count: count)
        base = nil
        return block
    }
}
