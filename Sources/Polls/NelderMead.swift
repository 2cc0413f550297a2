/// The Nelder–Mead simplex method (Nelder & Mead 1965; the standard coefficients 1, 2, ½, ½)
/// minimising a function of a few variables inside a box: deterministic, so the same data give
/// the same optimum bit for bit. Used for the poll average's two hyperparameters on the log scale.
struct NelderMead {
    var lower: [Double]
    var upper: [Double]
    var tolerance = 1e-10
    var maxEvaluations = 4_000

    /// The minimum of `f` from `start` (clamped into the box) with initial steps `step`.
    func minimize(_ f: ([Double]) -> Double, start: [Double], step: [Double]) -> (point: [Double], value: Double) {
        let n = start.count
        func clamp(_ x: [Double]) -> [Double] { x.indices.map { min(max(x[$0], lower[$0]), upper[$0]) } }
        var evaluations = 0
        func value(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isFinite ? v : .infinity
        }
        var simplex = [clamp(start)]
        for i in 0..<n {
            var p = simplex[0]
            p[i] += step[i]
            if clamp(p) == simplex[0] { p[i] -= 2 * step[i] }
            simplex.append(clamp(p))
        }
        var values = simplex.map(value)
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[n] - values[0]) <= tolerance * (abs(values[0]) + tolerance) { break }
            let centroid = (0..<n).map { i in simplex[0..<n].reduce(0) { $0 + $1[i] } / Double(n) }
            func along(_ t: Double) -> [Double] { clamp((0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) }) }
            let reflected = along(-1), fr = value(reflected)
            if fr < values[0] {
                let expanded = along(-2), fe = value(expanded)
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (simplex[n], values[n]) = (reflected, fr)
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = value(contracted)
                if fc < min(fr, values[n]) {
                    (simplex[n], values[n]) = (contracted, fc)
                } else {
                    for i in 1...n {
                        simplex[i] = clamp((0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) })
                        values[i] = value(simplex[i])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return (simplex[best], values[best])
    }
}
