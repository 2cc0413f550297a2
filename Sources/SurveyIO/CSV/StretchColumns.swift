/// The columns of every stretch, taken out one by one as the columns are joined. Each
/// (stretch, column) cell is touched by the one thread joining that column.
final class StretchColumns: @unchecked Sendable {
    let stretches: Int
    let columnCount: Int
    let rowCount: Int
    private let cells: UnsafeMutableBufferPointer<CSVParser.ColumnBuilder>
    private let rows: [Int]
    private let starts: [Int]

    init(_ parts: [CSVParser.CSVRows], columnCount: Int) {
        stretches = parts.count
        self.columnCount = columnCount
        rowCount = parts.reduce(0) { $0 + $1.rowCount }
        cells = .allocate(capacity: parts.count * columnCount)
        for (s, part) in parts.enumerated() {
            for column in 0..<columnCount {
                (cells.baseAddress! + s * columnCount + column).initialize(to: part.builders[column])
            }
        }
        rows = parts.map(\.rowCount)
        starts = parts.map(\.start)
    }

    func builder(stretch: Int, column: Int) -> CSVParser.ColumnBuilder { cells[stretch * columnCount + column] }

    /// The cell's builder, leaving an empty one behind so that its memory can go.
    func take(stretch: Int, column: Int) -> CSVParser.ColumnBuilder {
        let index = stretch * columnCount + column
        var taken = CSVParser.ColumnBuilder()
        swap(&taken, &cells[index])
        return taken
    }

    /// How many rows the stretch holds, and where it starts.
    func rowCount(stretch: Int) -> Int { rows[stretch] }
    func start(stretch: Int) -> Int { starts[stretch] }

    func release() {
        cells.deinitialize()
        cells.deallocate()
    }
}
