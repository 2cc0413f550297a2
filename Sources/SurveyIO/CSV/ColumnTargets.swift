/// Where a stretch of a CSV file writes its columns in place (``InPlaceArrays``): each column's
/// storage for numbers and for codes, made for `capacity` rows each, of which the stretch writes
/// the `rows` from `firstRow`. A column uses the one for its form (its numbers until its first
/// text, its codes after that); the other is never touched.
struct ColumnTargets {
    let numberArrays: [UnsafeMutablePointer<Double>]
    let codeArrays: [UnsafeMutablePointer<Int32>]
    let capacity: Int
    let firstRow: Int
    let rows: Int

    /// Column `column`'s numbers from the stretch's first row.
    func numbers(_ column: Int) -> UnsafeMutablePointer<Double> { numberArrays[column] + firstRow }

    /// Column `column`'s codes from the stretch's first row.
    func codes(_ column: Int) -> UnsafeMutablePointer<Int32> { codeArrays[column] + firstRow }

    /// The same storage, for the stretch that writes the `rows` rows from `firstRow`.
    func stretch(from firstRow: Int, rows: Int) -> ColumnTargets {
        ColumnTargets(numberArrays: numberArrays, codeArrays: codeArrays, capacity: capacity, firstRow: firstRow, rows: rows)
    }

    /// Backs by huge pages now the blocks at either end of column `column`'s storage (its
    /// numbers, or its codes) that this stretch's rows reach
    /// (``LargePages/collapseEdges(_:bytes:touching:)``), once the stretch has written its
    /// first rows and knows the column's form.
    func settle(column: Int, numeric: Bool) {
        if numeric {
            Self.settle(numberArrays[column], capacity: capacity, rows: firstRow..<(firstRow + rows))
        } else {
            Self.settle(codeArrays[column], capacity: capacity, rows: firstRow..<(firstRow + rows))
        }
    }

    /// The storage's whole room is what ``InPlaceArrays`` made for `capacity` rows.
    private static func settle<Value>(_ storage: UnsafeMutablePointer<Value>, capacity: Int, rows: Range<Int>) {
        let stride = MemoryLayout<Value>.stride
        let room = InPlaceArrays.room(for: capacity, of: Value.self)
        LargePages.collapseEdges(UnsafeMutableRawPointer(storage), bytes: room * stride,
                                 touching: (rows.lowerBound * stride)..<(rows.upperBound * stride))
    }
}
