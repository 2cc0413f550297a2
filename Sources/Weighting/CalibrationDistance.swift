import Foundation

/// The distance functions of calibration (Deville & Särndal 1992, §2–3), as R's `survey`
/// defines them: g = 1 + F(u) with u = xᵀη, truncated at the bounds (L, U) on g, and the
/// derivative F′ that the Newton steps use.
enum CalibrationDistance: Sendable {
    /// Chi-square distance: g = 1 + u (GREG).
    case linear
    /// Multiplicative distance: g = exp(u), as raking.
    case raking
    /// Logit distance: g stays strictly inside (L, U).
    case logit

    /// F(u) = g − 1.
    func fMinusOne(_ u: Double, _ b: WeightLimits) -> Double {
        switch self {
        case .linear: return b.clamp(u + 1) - 1
        case .raking: return b.clamp(exp(u)) - 1
        case .logit:
            let (l, h) = (b.lower, b.upper)
            let a = (h - l) / ((h - 1) * (1 - l))
            let e = exp(a * u)
            return (l * (h - 1) + h * (1 - l) * e) / (h - 1 + (1 - l) * e) - 1
        }
    }

    /// F′(u); zero where the bounds bind (R compares u, not g, with the bounds for raking).
    func derivative(_ u: Double, _ b: WeightLimits) -> Double {
        switch self {
        case .linear: return u < b.upper - 1 && u > b.lower - 1 ? 1 : 0
        case .raking: return u < b.upper - 1 && u > b.lower - 1 ? exp(u) : 0
        case .logit:
            let (l, h) = (b.lower, b.upper)
            let a = (h - l) / ((h - 1) * (1 - l))
            let e = exp(a * u)
            let den = h - 1 + (1 - l) * e
            return h * (1 - l) * e * a / den - (l * (h - 1) + h * (1 - l) * e) * ((1 - l) * e * a) / (den * den)
        }
    }
}
