import Foundation

/// A design-based generalized linear model, equal to R's `svyglm()` (Lumley 2010, *Complex
/// Surveys*, ch. 5; Binder 1983, *Int. Stat. Rev.* 51): the coefficients solve the weighted
/// score equations Σ w_i x_i (y_i − μ_i) = 0 (a `glm` with the sampling weights, rescaled to
/// mean 1 as `svyglm` rescales them), and their variance is
///
/// - by linearization, the sandwich A⁻¹ V(Σ U_i) A⁻¹ with U_i = x_i w_i (y_i − μ_i)/μ′(η_i) · μ′²/V
///   (R `svy.varcoef`: the estimating functions times (XᵀWX)⁻¹, i.e. each respondent's
///   influence on the coefficients), whose design variance comes from ``TaylorVariance`` — so
///   strata, clusters, fpc, lonely PSUs and calibration act as for every other estimate;
/// - with replicate weights, from the coefficients refitted with every replicate's weights
///   (started at the full-sample ones) through ``ReplicateWeights/covariance(replicates:estimate:full:)``,
///   as R's `svyglm.svyrep.design`.
///
/// A filter is a domain, R's `svyglm(design = subset(design, …))`: the design keeps every PSU.
/// Each coefficient gets a t test and a Wald interval on the residual degrees of freedom,
/// design df + 1 − p (R `summary.svyglm`, `confint.svyglm`); each term of more than one column
/// a Wald F test (R `regTermTest(model, ~term)`, `method = "Wald"`).
struct SurveyRegression {
    let spec: RegressionSpec
    let dataset: Dataset
    let design: SurveyDesign
    let variance: TaylorVariance
    let options: AnalysisOptions

    /// What a regression adds to a result.
    struct Output {
        var rows: [ResultRow]
        var tests: [TestResult]
        var warnings: [String]
    }

    /// Fits the model on the respondents inside `mask` (nil: everyone).
    func run(mask: [Bool]?) throws(SurveyError) -> Output {
        if spec.oddsRatios, spec.family != .binomial {
            throw SurveyError(.invalidRequest, "\(parameter: .oddsRatios) applies to a logistic model, but the family is \(spec.family.rawValue); add \(parameter: .family, "binomial") or leave \(parameter: .oddsRatios) out.", field: .oddsRatios, value: spec.family.rawValue)
        }
        if let event = spec.event, spec.family != .binomial {
            throw SurveyError(.invalidRequest, "\(parameter: .event, event) names the event of a logistic model, but the family is \(spec.family.rawValue); add \(parameter: .family, "binomial") or leave \(parameter: .event) out.", field: .event, value: event)
        }
        if let method = options.ciMethod, method != .wald {
            throw SurveyError(.invalidRequest, "The interval method '\(method.rawValue)' applies to proportions; a coefficient's interval is Wald's on the model's degrees of freedom (R confint.svyglm), so leave \(parameter: .ciMethod) out or write \(parameter: .ciMethod, "wald").", field: .ciMethod, value: method.rawValue)
        }
        let formula = try ModelFormula(parsing: spec.model)
        let matrix = try RegressionDesignMatrix(formula: formula, spec: spec, dataset: dataset, mask: mask, options: options)
        let p = matrix.columnCount
        let y = matrix.outcome
        if let first = y.first, y.allSatisfy({ $0 == first }) {
            let what = spec.family == .binomial ? (first == 1 ? "an event" : "not an event") : NumberFormatting.code(first)
            throw SurveyError(.invalidVariable, "The outcome '\(formula.outcome)' is \(what) for every one of the \(y.count) respondents analysed, so there is nothing to explain; choose an outcome that varies\(mask == nil ? "" : ", or widen \(parameter: .filter)").", field: .model, value: formula.outcome)
        }
        guard matrix.rows.count > p else {
            throw SurveyError(.invalidRequest, "The model '\(formula.text)' has \(p) coefficients but only \(matrix.rows.count) respondents are analysed; simplify \(parameter: .model) or widen \(parameter: .filter).", field: .model, value: formula.text)
        }

        // The full-sample fit on the weights rescaled to mean 1 over the design (R `svyglm`:
        // (1/prob)/mean(1/prob), zero outside the domain); the scale cancels in the variance.
        let sampling = design.weights
        var domainWeightSum = 0.0
        for i in 0..<design.rowCount where mask?[i] ?? true { domainWeightSum += sampling[i] }
        // R's replicate-weight svyglm drops the rows outside the subset before rescaling.
        let rescaleCount = design.replicates == nil ? design.rowCount : (0..<design.rowCount).filter { mask?[$0] ?? true }.count
        let meanWeight = domainWeightSum / Double(rescaleCount)
        let weights = matrix.rows.map { sampling[$0] / meanWeight }
        let fit = try fitOrExplain(matrix, weights: weights, start: nil, formula: formula)

        // Variance of the coefficients, and the design's degrees of freedom.
        let covariance: [Double]
        let designDF: Int
        var warnings = matrix.warnings
        if let replicates = design.replicates {
            var betas = [Double](repeating: .nan, count: replicates.count * p)
            for r in 0..<replicates.count {
                let w = matrix.rows.map { replicates.values[$0 * replicates.count + r] }
                let total = w.reduce(0, +)
                guard total > 0 else { continue }
                if case .success(let refit) = WeightedGLMFit.fit(
                    x: matrix.values, columns: p, y: y, weights: w.map { $0 / total }, family: spec.family, start: fit.coefficients) {
                    for k in 0..<p { betas[r * p + k] = refit.coefficients[k] }
                }
            }
            let undefined = replicates.undefinedReplicates(betas, quantities: p)
            if undefined > 0 {
                warnings.append("\(undefined) of \(replicates.count) replicates could not refit the model (a level or the outcome without variation in the replicate) and were left out of the variance.")
            }
            covariance = replicates.covariance(replicates: betas, estimate: fit.coefficients, full: true)
            designDF = replicates.degreesOfFreedom { mask?[$0] ?? true }
        } else {
            covariance = try linearizedCovariance(matrix, fit: fit, weights: weights)
            let domains = DomainIndex(by: [], mask: Self.mask(of: matrix.rows, count: design.rowCount), rowCount: design.rowCount)
            let cells = DomainCells(design: design, variance: variance, domains: domains)
            designDF = cells.degreesOfFreedom(design: design, hasRespondents: { _ in true })[0]
        }
        let residualDF = designDF + 1 - p

        // Rows.
        let level = options.confidenceLevel
        let t = residualDF > 0 ? StudentTDistribution.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(residualDF)) : .nan
        let respondents = matrix.rows.count
        let weighted = matrix.rows.reduce(0.0) { $0 + sampling[$1] }
        var rows: [ResultRow] = []
        for k in 0..<p {
            let estimate = fit.coefficients[k]
            let se = covariance[k * p + k].squareRoot()
            let tValue = estimate / se
            let pValue = residualDF > 0 && tValue.isFinite
                ? 2 * StudentTDistribution.survival(abs(tValue), degreesOfFreedom: Double(residualDF)) : nil
            let lower = estimate - t * se, upper = estimate + t * se
            let defined = se.isFinite && t.isFinite
            var row = ResultRow(
                variable: matrix.columnNames[k], statistic: .coefficient, estimate: estimate, standardError: se.isFinite ? se : nil,
                ci: ConfidenceInterval(lower: defined ? lower : nil, upper: defined ? upper : nil, level: level, method: .wald),
                degreesOfFreedom: residualDF, unweightedCount: respondents, weightedCount: weighted)
            let term = matrix.termOfColumn[k] < 0 ? "(Intercept)" : matrix.termLabels[matrix.termOfColumn[k]]
            var detail = RegressionCoefficient(term: term, tValue: tValue.isFinite ? tValue : nil, pValue: pValue)
            if spec.oddsRatios {
                detail.oddsRatio = exp(estimate)
                detail.oddsRatioLower = defined ? exp(lower) : nil
                detail.oddsRatioUpper = defined ? exp(upper) : nil
            }
            row.coefficient = detail
            rows.append(row)
        }

        // A Wald F test of every term of more than one column (R regTermTest, method "Wald").
        var tests: [TestResult] = []
        for (index, label) in matrix.termLabels.enumerated() {
            let columns = (0..<p).filter { matrix.termOfColumn[$0] == index }
            guard columns.count > 1 else { continue }
            let m = columns.count
            var sub = [Double](repeating: 0, count: m * m)
            for a in 0..<m { for b in 0..<m { sub[a * m + b] = covariance[columns[a] * p + columns[b]] } }
            let beta = columns.map { fit.coefficients[$0] }
            var statistic: Double? = nil
            var pValue: Double? = nil
            let qr = HouseholderQR(sub, rows: m, columns: m)
            if qr.aliasedColumn == nil, residualDF > 0 {
                let solved = qr.solve(beta)
                let chisq = zip(beta, solved).reduce(0) { $0 + $1.0 * $1.1 }
                let f = chisq / Double(m)
                if f.isFinite {
                    statistic = f
                    pValue = FDistribution.survival(f, numeratorDegreesOfFreedom: Double(m), denominatorDegreesOfFreedom: Double(residualDF))
                }
            }
            tests.append(TestResult(name: "wald", statistic: statistic, df: [Double(m), Double(residualDF)], pValue: pValue, description: label))
        }
        if residualDF <= 0 {
            warnings.append("The model has \(p) coefficients but the design only \(designDF) degrees of freedom, so there are no t tests or intervals; simplify the model.")
        }
        return Output(rows: rows, tests: tests, warnings: warnings)
    }

    /// The fit, or the error that says why there is none (an aliased column, separation).
    private func fitOrExplain(_ matrix: RegressionDesignMatrix, weights: [Double], start: [Double]?, formula: ModelFormula) throws(SurveyError) -> WeightedGLMFit {
        let p = matrix.columnCount
        switch WeightedGLMFit.fit(x: matrix.values, columns: p, y: matrix.outcome, weights: weights, family: spec.family, start: start) {
        case .failure(.aliased(let column)):
            let name = matrix.columnNames[column]
            let term = matrix.termOfColumn[column] < 0 ? "the intercept" : "the term '\(matrix.termLabels[matrix.termOfColumn[column]])'"
            throw SurveyError(.invalidRequest, "The model '\(formula.text)' is singular: the column '\(name)' of \(term) is a linear combination of the columns before it (R would report its coefficient as NA); remove \(term == "the intercept" ? "a predictor" : term) or a variable it duplicates from \(parameter: .model).", field: .model, value: name)
        case .failure(.diverged):
            throw separation(matrix, coefficients: nil, formula: formula)
        case .success(let fit):
            if spec.family == .binomial {
                let extreme = fit.mean.indices.contains { weights[$0] > 0 && (fit.mean[$0] < 1e-8 || fit.mean[$0] > 1 - 1e-8) }
                if extreme || !fit.converged { throw separation(matrix, coefficients: fit.coefficients, formula: formula) }
            } else if !fit.converged {
                throw SurveyError(.invalidRequest, "The model '\(formula.text)' did not converge in \(fit.iterations) iterations; simplify \(parameter: .model) or rescale its predictors.", field: .model, value: formula.text)
            }
            return fit
        }
    }

    /// The error of a logistic model whose fitted probabilities reach 0 or 1: the predictors
    /// separate events from non-events, and the coefficient largest in size diverges.
    private func separation(_ matrix: RegressionDesignMatrix, coefficients: [Double]?, formula: ModelFormula) -> SurveyError {
        var culprit = ""
        if let coefficients {
            let candidates = (0..<matrix.columnCount).filter { matrix.termOfColumn[$0] >= 0 }
            if let k = candidates.max(by: { abs(coefficients[$0]) < abs(coefficients[$1]) }) {
                culprit = " — the coefficient of '\(matrix.columnNames[k])' (term '\(matrix.termLabels[matrix.termOfColumn[k]])') diverges"
            }
        }
        return SurveyError(.invalidRequest, "The model '\(formula.text)' separates the outcome: fitted probabilities reach 0 or 1\(culprit), so the coefficients have no finite estimate; remove or merge the levels of that predictor in \(parameter: .model).", field: .model, value: culprit.isEmpty ? formula.text : matrix.columnNames[0])
    }

    /// The covariance of the coefficients by linearization (R `svy.varcoef`): the influence
    /// values U_i (XᵀWX)⁻¹ summed by sampling unit, through ``TaylorVariance``.
    private func linearizedCovariance(_ matrix: RegressionDesignMatrix, fit: WeightedGLMFit, weights: [Double]) throws(SurveyError) -> [Double] {
        let p = matrix.columnCount
        let n = design.rowCount
        // Influence of every analysed respondent: x_i · r_i · W_i · A⁻¹ (a row of p values).
        var influence = [Double](repeating: 0, count: matrix.rows.count * p)
        var u = [Double](repeating: 0, count: p)
        let ainv = fit.inverseInformation
        for r in 0..<matrix.rows.count {
            let scale = fit.workingResiduals[r] * fit.workingWeights[r]
            for k in 0..<p { u[k] = matrix.values[r * p + k] * scale }
            for k in 0..<p {
                var s = 0.0
                for j in 0..<p { s += u[j] * ainv[j * p + k] }
                influence[r * p + k] = s
            }
        }
        let domains = DomainIndex(by: [], mask: Self.mask(of: matrix.rows, count: n), rowCount: n)
        let cells = DomainCells(design: design, variance: variance, domains: domains)
        var z = [Double](repeating: 0, count: cells.count * p)
        for (r, i) in matrix.rows.enumerated() {
            let c = Int(cells.cellOfRow[i])
            for k in 0..<p { z[c * p + k] += influence[r * p + k] }
        }
        // Σ_i b_ik z_iq of every calibration, for the calibration residuals.
        let calibrationSums: [[Double]] = design.calibrations.map { calibration in
            let kj = calibration.columnCount
            var sums = [Double](repeating: 0, count: p * kj)
            var rowOf = [Int](repeating: -1, count: n)
            for (r, i) in matrix.rows.enumerated() { rowOf[i] = r }
            for term in calibration.terms {
                for i in matrix.rows {
                    let column = Int(term.column[i])
                    if column < 0 { continue }
                    let b = term.b[i]
                    let r = rowOf[i]
                    for q in 0..<p { sums[q * kj + column] += b * influence[r * p + q] }
                }
            }
            return sums
        }
        return try variance.covariances(
            unitOfCell: cells.unitOfCell, domainOfCell: cells.domainOfCell, domainCount: 1, quantityCount: p,
            z: z, full: true, calibrationSums: calibrationSums)[0]
    }

    static func mask(of rows: [Int], count: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for i in rows { mask[i] = true }
        return mask
    }
}
