import Foundation

/// The values of one column of one stretch of a CSV file, as a ``ColumnRun`` left them, in
/// `malloc`ed memory that goes with the block.
final class ColumnBlock<Value: BitwiseCopyable>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Value>?
    /// How many values the block holds.
    let count: Int

    /// Takes over `base` (allocated with `malloc`/`realloc`), which holds `count` values.
    init(adopting base: UnsafeMutablePointer<Value>?, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { free(base) }

    /// The values in place, for as long as the block lives.
    func withValues<R>(_ body: (UnsafeBufferPointer<Value>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The values as an array.
    var array: [Value] { withValues { Array($0) } }
}
