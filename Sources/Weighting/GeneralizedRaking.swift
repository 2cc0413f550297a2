import Foundation
import SurveyCore

/// Calibration to population totals (Deville & Särndal 1992, *JASA* 87; Deville, Särndal &
/// Sautory 1993, *JASA* 88): weights w = d·g with g = 1 + F(xᵀη) such that Σ w x equals the
/// totals, for the linear, raking or logit distance with optional bounds on g — R's
/// `calibrate()` on a `survey.design2`, step for step: the model matrix is R's (intercept and
/// treatment contrasts of every factor, then numeric variables), Newton steps solve with a
/// generalized inverse, steps are halved while g is not finite, weights are pre-scaled when
/// every total exceeds 20 times its sample estimate, and convergence is
/// max |misfit|/(1 + |total|) < ε. Unbounded linear calibration is R's one-step regression
/// estimator. Variances use residuals from the weighted regression on x
/// (``CalibrationAdjustment``).
struct GeneralizedRaking {
    let distance: CalibrationDistance
    let bounds: WeightLimits
    let trim: WeightLimits?
    let maxIterations: Int
    let epsilon: Double

    /// The model matrix, sparse: each respondent has a value in at most one column per term.
    struct Design {
        /// Per term: column of each respondent (−1: none) and the value there.
        var columns: [[Int32]] = []
        var values: [[Double]] = []
        var targets: [Double] = []
        var names: [String] = []
        var count: Int { targets.count }
    }

    static func modelMatrix(_ model: CalibrationModel, rowCount n: Int) -> Design {
        var m = Design()
        if let population = model.population {
            m.columns.append([Int32](repeating: 0, count: n))
            m.values.append([Double](repeating: 1, count: n))
            m.targets.append(population)
            m.names.append("(Intercept)")
        }
        for f in model.factors where f.levels.count > 1 {
            let offset = Int32(m.count) - 1
            m.columns.append(f.levelOfRow.map { $0 == 0 ? -1 : $0 + offset })
            m.values.append([Double](repeating: 1, count: n))
            for l in 1..<f.levels.count {
                m.targets.append(f.targets[l])
                m.names.append("\(f.name) = \(f.levels[l])")
            }
        }
        for t in model.numericTotals {
            m.columns.append([Int32](repeating: Int32(m.count), count: n))
            m.values.append(t.values)
            m.targets.append(t.total)
            m.names.append(t.name)
        }
        return m
    }

    func calibrate(_ design: SurveyDesign, model: CalibrationModel) throws(SurveyError) -> (SurveyDesign, iterations: Int) {
        let n = design.rowCount
        let d = design.weights
        let x = Self.modelMatrix(model, rowCount: n)
        let k = x.count
        func columnSums(_ f: (Int) -> Double) -> [Double] {
            var s = [Double](repeating: 0, count: k)
            for t in 0..<x.columns.count {
                let col = x.columns[t], val = x.values[t]
                for i in 0..<n where col[i] >= 0 { s[Int(col[i])] += f(i) * val[i] }
            }
            return s
        }
        func crossProduct(_ f: (Int) -> Double) -> [Double] {
            var m = [Double](repeating: 0, count: k * k)
            for i in 0..<n {
                let fi = f(i)
                if fi == 0 { continue }
                for t in 0..<x.columns.count {
                    let a = Int(x.columns[t][i])
                    if a < 0 { continue }
                    let va = x.values[t][i] * fi
                    for u in 0..<x.columns.count {
                        let b = Int(x.columns[u][i])
                        if b < 0 { continue }
                        m[a * k + b] += va * x.values[u][i]
                    }
                }
            }
            return m
        }
        func linear(_ eta: [Double]) -> [Double] {
            var u = [Double](repeating: 0, count: n)
            for t in 0..<x.columns.count {
                let col = x.columns[t], val = x.values[t]
                for i in 0..<n where col[i] >= 0 { u[i] += eta[Int(col[i])] * val[i] }
            }
            return u
        }

        var g: [Double]
        var iterations = 1
        if distance == .linear && bounds.isUnbounded {
            // R's regcalibrate(): one regression step.
            let sample = columnSums { d[$0] }
            let t = SymmetricPseudoInverse(crossProduct { d[$0] }, size: k).apply(zip(x.targets, sample).map { $0 - $1 })
            g = linear(t).map { 1 + $0 }
        } else {
            g = try newton(x: x, d: d, columnSums: columnSums, crossProduct: crossProduct, linear: linear, iterations: &iterations)
        }
        if let trim {
            let clamped = g.map { trim.clamp($0) }
            let outside = g.map { $0 < trim.lower || $0 > trim.upper }
            if outside.contains(true) {
                var excess = 0.0, inside = 0.0
                for i in 0..<n {
                    if outside[i] { excess += (g[i] - clamped[i]) * d[i] } else { inside += d[i] }
                }
                g = (0..<n).map { outside[$0] ? clamped[$0] : clamped[$0] + excess / inside }
            }
        }
        if let bad = g.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw SurveyError(.calibrationFailed, "Calibration gives respondent \(bad + 1) a weight of \(String(format: "%.4g", g[bad] * d[bad])) (g = \(String(format: "%.4g", g[bad]))), not positive; set bounds on g (e.g. --bounds 0.3,3), or use --method raking or logit, which keep weights positive.")
        }
        let w = (0..<n).map { d[$0] * g[$0] }
        let terms = (0..<x.columns.count).map { t in
            CalibrationAdjustment.Term(
                column: x.columns[t], a: (0..<n).map { w[$0] * x.values[t][$0] }, b: (0..<n).map { x.values[t][$0] / g[$0] })
        }
        let solution = SymmetricPseudoInverse(crossProduct { d[$0] }, size: k).values
        let name: String
        switch distance {
        case .linear: name = "linear calibration"
        case .raking: name = "calibration (raking distance)"
        case .logit: name = "logit calibration"
        }
        let boundsText = bounds.isUnbounded ? "" : ", g in [\(format(bounds.lower)), \(format(bounds.upper))]"
        let adjustment = CalibrationAdjustment(
            columnCount: k, terms: terms, solution: solution,
            description: "\(name) to \(x.names.joined(separator: ", "))\(boundsText)")
        return (try design.calibrated(weights: w, adjustment: adjustment), iterations)
    }

    /// R's `grake()`.
    private func newton(
        x: Design, d original: [Double], columnSums: ((Int) -> Double) -> [Double], crossProduct: ((Int) -> Double) -> [Double],
        linear: ([Double]) -> [Double], iterations iter: inout Int
    ) throws(SurveyError) -> [Double] {
        if distance == .logit && !bounds.isFinite {
            throw SurveyError(.invalidRequest, "Logit calibration needs finite bounds on g, e.g. --bounds 0.3,3.")
        }
        guard bounds.lower < 1, bounds.upper > 1 else {
            throw SurveyError(.invalidRequest, "The bounds [\(format(bounds.lower)), \(format(bounds.upper))] on g must contain 1 (the unchanged weight); e.g. --bounds 0.3,3.")
        }
        let n = original.count
        let k = x.count
        var d = original
        var sample = columnSums { d[$0] }
        var scale: Double? = nil
        let scales = zip(x.targets, sample).map { $0 / $1 }
        if let smallest = scales.min(), smallest > 20 {
            let s = scales.reduce(0, +) / Double(scales.count)
            scale = s
            d = d.map { $0 * s }
            sample = sample.map { $0 * s }
        }
        var eta = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: n)
        var g = u.map { 1 + distance.fMinusOne($0, bounds) }
        var deriv = u.map { distance.derivative($0, bounds) }
        func misfit() -> [Double] {
            let fitted = columnSums { d[$0] * (g[$0] - 1) }
            return (0..<k).map { x.targets[$0] - sample[$0] - fitted[$0] }
        }
        var achieved = Double.infinity
        while true {
            let tmat = crossProduct { d[$0] * deriv[$0] }
            var step = SymmetricPseudoInverse(tmat, size: k).apply(misfit())
            for j in 0..<k { eta[j] += step[j] }
            u = linear(eta)
            g = u.map { 1 + distance.fMinusOne($0, bounds) }
            deriv = u.map { distance.derivative($0, bounds) }
            while iter < maxIterations && (g.contains { !$0.isFinite } || deriv.contains { !$0.isFinite }) {
                iter += 1
                step = step.map { $0 / 2 }
                for j in 0..<k { eta[j] -= step[j] }
                u = linear(eta)
                g = u.map { 1 + distance.fMinusOne($0, bounds) }
                deriv = u.map { distance.derivative($0, bounds) }
            }
            let m = misfit()
            var worst = 0
            achieved = 0
            for j in 0..<k {
                let relative = abs(m[j]) / (1 + abs(x.targets[j]))
                if relative > achieved { achieved = relative; worst = j }
            }
            if achieved < epsilon { break }
            iter += 1
            if iter > maxIterations {
                if trim != nil { break }   // R: trimming forgives a failed calibration
                let boundsText = bounds.isUnbounded ? "" : " within the bounds [\(format(bounds.lower)), \(format(bounds.upper))]"
                throw SurveyError(.calibrationFailed, "Calibration did not converge\(boundsText) after \(maxIterations) iterations: '\(x.names[worst])' is still off its target \(format(x.targets[worst])) by \(String(format: "%.4g", m[worst])); widen the bounds, merge sparse levels, or check that the targets are consistent.")
            }
        }
        if let scale { g = g.map { $0 * scale } }
        return g
    }

    private func format(_ x: Double) -> String { CalibrationModel.format(x) }
}
