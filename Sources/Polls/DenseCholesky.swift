import Foundation

/// The Cholesky factor of a small symmetric positive-definite matrix (row-major, n × n), for
/// the K × K house-effect block of the poll average: solves, the inverse and the log-determinant.
struct DenseCholesky {
    let n: Int
    /// L, lower triangular, row-major.
    private let l: [Double]

    /// Nil when the matrix is not positive definite.
    init?(_ a: [Double], n: Int) {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 0, s.isFinite else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        self.n = n
        self.l = l
    }

    var logDeterminant: Double { (0..<n).reduce(0) { $0 + 2 * log(l[$1 * n + $1]) } }

    func solve(_ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k * n + i] * y[k] }
            y[i] /= l[i * n + i]
        }
        return y
    }

    /// A⁻¹, row-major.
    func inverse() -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            let column = solve(e)
            for i in 0..<n { out[i * n + j] = column[i] }
        }
        return out
    }
}
