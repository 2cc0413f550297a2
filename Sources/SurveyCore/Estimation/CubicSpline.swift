/// An interpolating cubic spline with the end conditions of Forsythe, Malcolm & Moler (1977,
/// *Computer Methods for Mathematical Computations*, §4.4): the third derivative at each end
/// equals that of the cubic through the four points nearest it. This is R's
/// `spline(method = "fmm")`, which the profile-likelihood interval of R's survey package uses.
struct CubicSpline {
    let x: [Double]
    let y: [Double]
    private var b: [Double]
    private var c: [Double]
    private var d: [Double]

    /// - Precondition: `x` strictly increasing, at least two points.
    init(x: [Double], y: [Double]) {
        self.x = x
        self.y = y
        let n = x.count
        b = [Double](repeating: 0, count: n)
        c = [Double](repeating: 0, count: n)
        d = [Double](repeating: 0, count: n)
        guard n >= 3 else {
            if n == 2 {
                let slope = (y[1] - y[0]) / (x[1] - x[0])
                b = [slope, slope]
            }
            return
        }
        let last = n - 1
        // Tridiagonal system for the second-derivative coefficients: diagonal in b,
        // off-diagonal (interval widths) in d, right-hand side in c.
        d[0] = x[1] - x[0]
        c[1] = (y[1] - y[0]) / d[0]
        for i in 1..<last {
            d[i] = x[i + 1] - x[i]
            b[i] = 2 * (d[i - 1] + d[i])
            c[i + 1] = (y[i + 1] - y[i]) / d[i]
            c[i] = c[i + 1] - c[i]
        }
        // End conditions from third divided differences.
        b[0] = -d[0]
        b[last] = -d[n - 2]
        c[0] = 0
        c[last] = 0
        if n > 3 {
            let left = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0])
            let right = c[n - 2] / (x[last] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4])
            c[0] = left * d[0] * d[0] / (x[3] - x[0])
            c[last] = -right * d[n - 2] * d[n - 2] / (x[last] - x[n - 4])
        }
        // Forward elimination and back substitution.
        for i in 1...last {
            let t = d[i - 1] / b[i - 1]
            b[i] -= t * d[i - 1]
            c[i] -= t * c[i - 1]
        }
        c[last] /= b[last]
        for i in stride(from: n - 2, through: 0, by: -1) {
            c[i] = (c[i] - d[i] * c[i + 1]) / b[i]
        }
        // Polynomial coefficients on each interval.
        b[last] = (y[last] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2 * c[last])
        for i in 0..<last {
            b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i])
            d[i] = (c[i + 1] - c[i]) / d[i]
            c[i] *= 3
        }
        c[last] *= 3
        d[last] = d[n - 2]
    }

    /// The spline's value at `u`.
    func value(at u: Double) -> Double {
        // Interval i with x[i] <= u < x[i+1] (the first interval to the left of x[0]).
        var lo = 0, hi = x.count - 1
        if u < x[0] { hi = 0 }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if u < x[mid] { hi = mid } else { lo = mid }
        }
        let i = u < x[0] ? 0 : (x.count > 1 && u >= x[x.count - 1] ? x.count - 1 : lo)
        let dx = u - x[i]
        return y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]))
    }

    /// R's `spline(x, y, n = 3 * length(x))`: the spline at n equally spaced points from the
    /// first to the last knot.
    func sampled(count: Int) -> (x: [Double], y: [Double]) {
        let lo = x[0], hi = x[x.count - 1]
        let step = (hi - lo) / Double(count - 1)
        let xs = (0..<count).map { $0 == count - 1 ? hi : lo + Double($0) * step }
        return (xs, xs.map(value(at:)))
    }
}
