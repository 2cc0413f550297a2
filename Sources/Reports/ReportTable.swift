/// A table of text cells with a title, as laid out by ``ReportBuilder`` and drawn by the
/// table and Markdown renderers.
struct ReportTable: Sendable, Equatable {
    enum Alignment: Sendable, Equatable { case left, right }

    struct Column: Sendable, Equatable {
        var header: String
        var alignment: Alignment
    }

    var title: String
    var columns: [Column]
    /// Cells, one array per line, as many cells as columns.
    var rows: [[String]]

    /// The width in terminal columns of each column (header included).
    var widths: [Int] {
        columns.indices.map { i in
            rows.reduce(DisplayWidth.of(columns[i].header)) { max($0, DisplayWidth.of($1[i])) }
        }
    }

    /// `cell` padded to the width of column `i`, on the side its alignment asks for.
    func padded(_ cell: String, column i: Int, widths: [Int]) -> String {
        DisplayWidth.pad(cell, to: widths[i], leading: columns[i].alignment == .right)
    }
}
