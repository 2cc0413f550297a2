/// Where the stretches of a CSV file's data rows lie, and where their rows go in the columns:
/// each stretch's rows start at the sum of the row limits before it (``CSVChunkBoundaries``),
/// so that the stretches can write their numbers into the same columns at once.
struct StretchLayout {
    /// The bytes of each stretch.
    let ranges: [Range<Int>]
    /// The most rows each stretch can hold.
    let rowLimits: [Int]
    /// Where each stretch's rows start in the columns.
    let offsets: [Int]
    /// The most rows the stretches can hold together.
    let rowLimit: Int

    init(bounds: [Int], rowLimits: [Int]) {
        ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        self.rowLimits = rowLimits
        var offsets: [Int] = []
        var sum = 0
        for limit in rowLimits {
            offsets.append(sum)
            sum += limit
        }
        self.offsets = offsets
        rowLimit = sum
    }
}
