import Foundation

/// A symmetric positive-definite tridiagonal matrix, factored once as L D Lᵀ (L unit lower
/// bidiagonal) for solves, its log-determinant and the diagonal of its inverse, each in O(n).
///
/// The diagonal of the inverse uses the two-sided pivots of the matrix (Meurant 1992, "A review
/// on the inverse of symmetric tridiagonal and block tridiagonal matrices", SIAM J. Matrix
/// Anal. Appl. 13(3)): with forward pivots d_t = a_t − c_{t−1}²/d_{t−1} and backward pivots
/// e_t = a_t − c_t²/e_{t+1}, (A⁻¹)_tt = 1/(d_t + e_t − a_t).
struct SymmetricTridiagonal {
    /// Diagonal a_0 … a_{n−1}.
    let diagonal: [Double]
    /// Off-diagonal c_0 … c_{n−2}: A[t, t+1] = A[t+1, t] = c_t.
    let offDiagonal: [Double]
    /// Forward pivots d_t (the D of L D Lᵀ).
    let pivots: [Double]

    /// Factors the matrix; nil when it is not positive definite (a pivot ≤ 0).
    init?(diagonal: [Double], offDiagonal: [Double]) {
        precondition(offDiagonal.count == max(0, diagonal.count - 1))
        var d = [Double](repeating: 0, count: diagonal.count)
        for t in diagonal.indices {
            d[t] = t == 0 ? diagonal[0] : diagonal[t] - offDiagonal[t - 1] * offDiagonal[t - 1] / d[t - 1]
            guard d[t] > 0, d[t].isFinite else { return nil }
        }
        self.diagonal = diagonal
        self.offDiagonal = offDiagonal
        pivots = d
    }

    var count: Int { diagonal.count }

    /// log det A = Σ log d_t.
    var logDeterminant: Double { pivots.reduce(0) { $0 + log($1) } }

    /// A⁻¹ b.
    func solve(_ b: [Double]) -> [Double] {
        let n = count
        var x = b
        // L z = b (L[t, t−1] = c_{t−1}/d_{t−1}), then D Lᵀ x = z.
        guard n > 0 else { return x }
        for t in stride(from: 1, to: n, by: 1) { x[t] -= offDiagonal[t - 1] / pivots[t - 1] * x[t - 1] }
        x[n - 1] /= pivots[n - 1]
        for t in stride(from: n - 2, through: 0, by: -1) { x[t] = (x[t] - offDiagonal[t] * x[t + 1]) / pivots[t] }
        return x
    }

    /// The diagonal of A⁻¹.
    func inverseDiagonal() -> [Double] {
        let n = count
        var e = [Double](repeating: 0, count: n)
        var t = n - 1
        while t >= 0 {
            e[t] = t == n - 1 ? diagonal[t] : diagonal[t] - offDiagonal[t] * offDiagonal[t] / e[t + 1]
            t -= 1
        }
        return (0..<n).map { 1 / (pivots[$0] + e[$0] - diagonal[$0]) }
    }
}
