/// A generalized inverse G (A G A = A) of a small symmetric matrix — the inverse when A is
/// regular — from the eigendecomposition of the equilibrated matrix S = D^-½ A D^-½,
/// D = diag(A), by cyclic Jacobi rotations (Golub & Van Loan 2013, *Matrix Computations*,
/// §8.5), G = D^-½ S⁺ D^-½. Eigenvalues no larger than `tolerance` × the largest in magnitude
/// count as zero, as R's `MASS::ginv()` treats singular values. Equilibration keeps full
/// accuracy when calibration columns differ in scale (an intercept beside a total of
/// incomes).
struct SymmetricPseudoInverse {
    /// The inverse, `n × n` row-major.
    let values: [Double]
    /// Number of eigenvalues kept.
    let rank: Int

    init(_ a: [Double], size n: Int, tolerance: Double = 256 * Double.ulpOfOne) {
        let scale = (0..<n).map { i -> Double in
            let d = abs(a[i * n + i])
            return d > 0 && d.isFinite ? 1 / d.squareRoot() : 1
        }
        var m = a
        for i in 0..<n { for j in 0..<n { m[i * n + j] *= scale[i] * scale[j] } }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0, diagonal = 0.0
            for i in 0..<n {
                diagonal += m[i * n + i] * m[i * n + i]
                for j in (i + 1)..<max(i + 1, n) { off += m[i * n + j] * m[i * n + j] }
            }
            if off <= 1e-30 * max(diagonal, .leastNormalMagnitude) { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) {
                    let apq = m[p * n + q]
                    if apq == 0 { continue }
                    let theta = (m[q * n + q] - m[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let mkp = m[k * n + p], mkq = m[k * n + q]
                        m[k * n + p] = c * mkp - s * mkq
                        m[k * n + q] = s * mkp + c * mkq
                    }
                    for k in 0..<n {
                        let mpk = m[p * n + k], mqk = m[q * n + k]
                        m[p * n + k] = c * mpk - s * mqk
                        m[q * n + k] = s * mpk + c * mqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let eigen = (0..<n).map { m[$0 * n + $0] }
        let largest = eigen.map(abs).max() ?? 0
        var out = [Double](repeating: 0, count: n * n)
        var kept = 0
        for e in 0..<n where abs(eigen[e]) > tolerance * largest && largest > 0 {
            kept += 1
            let inv = 1 / eigen[e]
            for i in 0..<n {
                let vi = v[i * n + e] * inv
                if vi == 0 { continue }
                for j in 0..<n { out[i * n + j] += vi * v[j * n + e] }
            }
        }
        for i in 0..<n { for j in 0..<n { out[i * n + j] *= scale[i] * scale[j] } }
        values = out
        rank = kept
    }

    /// x = A⁺ b.
    func apply(_ b: [Double]) -> [Double] {
        let n = b.count
        return (0..<n).map { i in
            var acc = 0.0
            for j in 0..<n { acc += values[i * n + j] * b[j] }
            return acc
        }
    }
}
