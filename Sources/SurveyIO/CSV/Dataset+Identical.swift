import SurveyCore

extension Dataset {
    /// Whether `other` has the same variables with the same values, bit for bit: a `NaN` equals
    /// a `NaN` with the same bits, and `0.0` differs from `-0.0` (unlike `==`). For checking that
    /// two ways of reading a file agree exactly.
    package func isIdentical(to other: Dataset) -> Bool {
        guard rowCount == other.rowCount, columns.count == other.columns.count else { return false }
        return zip(columns, other.columns).allSatisfy { a, b in
            guard a.name == b.name else { return false }
            switch (a.values, b.values) {
            case (.numeric(let x), .numeric(let y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
            case (.categorical(let xc, let xl), .categorical(let yc, let yl)):
                return xc == yc && xl == yl
            case (.text(let x), .text(let y)):
                return x == y
            default:
                return false
            }
        }
    }
}
