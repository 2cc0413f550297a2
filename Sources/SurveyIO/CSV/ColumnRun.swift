import Foundation

/// The values of one column (numbers, or codes of texts) as a row loop stores them: raw memory
/// grown with `realloc` (which, for large blocks, moves pages rather than copying them), written
/// at the row's index, so that storing a value is one store, without `Array`'s count, capacity
/// and uniqueness checks.
///
/// Every row gives every column one value, so the row loop keeps one count and one capacity for
/// all of its runs (``resize(to:)`` them together). A run is owned by the loop that fills it:
/// ``finish(count:)`` hands its values to a ``ColumnBlock``, ``free()`` drops them (a column
/// that turned to text, or a loop that threw).
struct ColumnRun<Value: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Value>?

    /// A run without memory: ``resize(to:)`` gives it some.
    init() {}

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

    /// Makes room for `capacity` values, keeping those stored.
    mutating func resize(to capacity: Int) {
        guard let moved = realloc(base, Swift.max(capacity, 1) * MemoryLayout<Value>.stride) else {
            fatalError("out of memory for \(capacity) values of a CSV column")
        }
        base = moved.bindMemory(to: Value.self, capacity: capacity)
    }

    /// Gives back the memory, leaving a run without memory.
    mutating func free() {
        Foundation.free(base)
        base = nil
    }

    /// The first `count` values as a block of their own, leaving this run without memory.
    mutating func finish(count: Int) -> ColumnBlock<Value> {
        let block = ColumnBlock(adopting: base, count: count)
        base = nil
        return block
    }
}
