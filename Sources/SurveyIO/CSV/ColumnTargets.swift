/// Where a stretch of a CSV file writes its columns in place (``InPlaceArrays``): for each
/// column, room for its numbers and room for its codes, each from the stretch's first row. A
/// column uses the one for its form (its numbers until its first text, its codes after that);
/// the other is never touched.
struct ColumnTargets {
    let numbers: [UnsafeMutablePointer<Double>]
    let codes: [UnsafeMutablePointer<Int32>]

    /// The same columns from `rows` rows further on: where a later stretch starts.
    func advanced(by rows: Int) -> ColumnTargets {
        ColumnTargets(numbers: numbers.map { $0 + rows }, codes: codes.map { $0 + rows })
    }
}
