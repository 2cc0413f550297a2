/// A small dense row-major matrix, for the few linear-algebra steps of the tests of
/// independence (tables have at most a few hundred cells).
struct DenseMatrix: Equatable {
    let rows: Int
    let columns: Int
    var values: [Double]

    init(rows: Int, columns: Int, values: [Double]? = nil) {
        self.rows = rows
        self.columns = columns
        self.values = values ?? [Double](repeating: 0, count: rows * columns)
    }

    static func diagonal(_ d: [Double]) -> DenseMatrix {
        var m = DenseMatrix(rows: d.count, columns: d.count)
        for i in 0..<d.count { m[i, i] = d[i] }
        return m
    }

    subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    var transposed: DenseMatrix {
        var t = DenseMatrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    static func * (a: DenseMatrix, b: DenseMatrix) -> DenseMatrix {
        precondition(a.columns == b.rows)
        var c = DenseMatrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a[i, k]
                if aik == 0 { continue }
                for j in 0..<b.columns { c[i, j] += aik * b[k, j] }
            }
        }
        return c
    }

    var trace: Double { (0..<min(rows, columns)).reduce(0) { $0 + self[$1, $1] } }

    /// X with A X = B, by Gaussian elimination with partial pivoting; nil when A is singular.
    static func solve(_ a: DenseMatrix, _ b: DenseMatrix) -> DenseMatrix? {
        precondition(a.rows == a.columns && a.rows == b.rows)
        let n = a.rows
        var m = a, r = b
        let scale = a.values.map(abs).max() ?? 0
        for col in 0..<n {
            var pivot = col
            for i in (col + 1)..<max(n, col + 1) where abs(m[i, col]) > abs(m[pivot, col]) { pivot = i }
            if abs(m[pivot, col]) <= scale * 1e-13 { return nil }
            if pivot != col {
                for j in 0..<n { m.values.swapAt(col * n + j, pivot * n + j) }
                for j in 0..<r.columns { r.values.swapAt(col * r.columns + j, pivot * r.columns + j) }
            }
            for i in (col + 1)..<max(n, col + 1) {
                let f = m[i, col] / m[col, col]
                if f == 0 { continue }
                for j in col..<n { m[i, j] -= f * m[col, j] }
                for j in 0..<r.columns { r[i, j] -= f * r[col, j] }
            }
        }
        for col in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<r.columns {
                var s = r[col, j]
                for k in (col + 1)..<max(n, col + 1) { s -= m[col, k] * r[k, j] }
                r[col, j] = s / m[col, col]
            }
        }
        return r
    }
}
