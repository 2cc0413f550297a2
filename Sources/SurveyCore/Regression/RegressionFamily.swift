import Foundation

/// The error distribution and link of a generalized linear model, each with its canonical
/// link, as R's `gaussian()`, `binomial()` and `poisson()` families (McCullagh & Nelder 1989,
/// *Generalized Linear Models*, ch. 2). `svyglm` fits them by weighted IRLS; the design-based
/// variance does not use the family's dispersion (Lumley 2010, §5.2), so quasi-families give the
/// same numbers.
public enum RegressionFamily: String, Sendable, Codable, CaseIterable {
    /// Identity link: linear regression.
    case gaussian
    /// Logit link: logistic regression of a 0/1 outcome (an event or not).
    case binomial
    /// Log link: log-linear regression of a count.
    case poisson

    /// The mean μ of a linear predictor η.
    func mean(_ eta: Double) -> Double {
        switch self {
        case .gaussian: eta
        case .binomial: eta < -30 ? Double.ulpOfOne : eta > 30 ? 1 - Double.ulpOfOne : 1 / (1 + exp(-eta))
        case .poisson: max(exp(eta), Double.ulpOfOne)
        }
    }

    /// The variance function V(μ), which with the canonical link is also dμ/dη.
    func variance(_ mu: Double) -> Double {
        switch self {
        case .gaussian: 1
        case .binomial: mu * (1 - mu)
        case .poisson: mu
        }
    }

    /// The starting mean of R's `family$initialize`: y itself, (w y + 0.5)/(w + 1) for a binomial
    /// (w the prior weight), y + 0.1 for a Poisson count.
    func initialMean(_ y: Double, weight w: Double) -> Double {
        switch self {
        case .gaussian: y
        case .binomial: (w * y + 0.5) / (w + 1)
        case .poisson: y + 0.1
        }
    }

    /// dμ/dη, as R's `family$mu.eta` (bounded away from 0 as R bounds it).
    func derivative(_ eta: Double) -> Double {
        switch self {
        case .gaussian: return 1
        case .binomial:
            let e = exp(-abs(eta))
            return abs(eta) > 30 ? Double.ulpOfOne : e / ((1 + e) * (1 + e))
        case .poisson: return max(exp(eta), Double.ulpOfOne)
        }
    }

    /// The linear predictor of a mean: the link function g(μ).
    func link(_ mu: Double) -> Double {
        switch self {
        case .gaussian: mu
        case .binomial: log(mu / (1 - mu))
        case .poisson: log(mu)
        }
    }

    /// One respondent's unit deviance d(y, μ) (R's `family$dev.resids` with weight 1).
    func deviance(_ y: Double, _ mu: Double) -> Double {
        switch self {
        case .gaussian: return (y - mu) * (y - mu)
        case .binomial:
            func ylogy(_ a: Double, _ b: Double) -> Double { a > 0 ? a * log(a / b) : 0 }
            return 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu))
        case .poisson:
            return 2 * ((y > 0 ? y * log(y / mu) : 0) - (y - mu))
        }
    }
}
