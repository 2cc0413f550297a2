import SurveyCore

/// Weights a design to targets: the one entry point that `barometer weight`, `--calibrate` on
/// `estimate` and `crosstab`, and studies share. The result is a design that remembers its
/// calibration, so every estimate made with it has the calibrated standard error.
public enum Calibrator {
    /// The weighted design and what the weighting did.
    public struct Outcome: Sendable {
        public let design: SurveyDesign
        public let model: CalibrationModel?
        public let diagnostics: WeightingDiagnostics
    }

    /// Calibrates `design` (compiled against `dataset`) by `spec`, then trims.
    /// - Throws: ``SurveyError``: targets that do not fit the data, a method that cannot use
    ///   them, non-convergence, infeasible bounds or trimming limits.
    public static func weight(_ design: SurveyDesign, dataset: Dataset, spec: WeightingSpec, language: String? = "en") throws(SurveyError) -> Outcome {
        try weight(design, dataset: dataset, spec: spec, language: language, shareBase: design.weights)
    }

    /// - Parameter shareBase: the weights whose sum scales targets given as shares (the full
    ///   sample's, also when a replicate is weighted).
    private static func weight(
        _ design: SurveyDesign, dataset: Dataset, spec: WeightingSpec, language: String?, shareBase: [Double]
    ) throws(SurveyError) -> Outcome {
        var current = design
        var iterations = 0
        var model: CalibrationModel? = nil
        var steps: [String] = []
        if let method = spec.method {
            guard let targets = spec.targets else {
                throw SurveyError(.invalidRequest, "Weighting by \(method.rawValue) needs targets; pass --targets FILE.yaml.")
            }
            let resolved = try CalibrationModel(targets, dataset: dataset, baseWeights: shareBase, language: language)
            model = resolved
            if (method == .poststratify || method == .rake), spec.bounds != nil || spec.calibrationTrim != nil {
                throw SurveyError(.invalidRequest, "Bounds on g apply to --method linear, raking or logit, not \(method.rawValue); drop --bounds, or trim the weights afterwards with --trim.")
            }
            switch method {
            case .poststratify:
                guard resolved.factors.count == 1, resolved.numericTotals.isEmpty else {
                    throw SurveyError(.invalidRequest, "Post-stratification takes one margin or one set of cells, but the targets have \(resolved.factors.count) margin(s)/cells and \(resolved.numericTotals.count) total(s); use --method rake for several margins or --method linear for totals.")
                }
                current = try PostStratification.calibrate(current, factor: resolved.factors[0])
                iterations = 1
            case .rake:
                guard resolved.numericTotals.isEmpty else {
                    throw SurveyError(.invalidRequest, "Raking by iterative proportional fitting takes margins and cells, not totals of numeric variables (\(resolved.numericTotals.map(\.name).joined(separator: ", "))); use --method raking, linear or logit to include them.")
                }
                let ipf = IterativeProportionalFitting(maxIterations: spec.maxIterations ?? 100, epsilon: spec.epsilon ?? 1)
                (current, iterations) = try ipf.calibrate(current, factors: resolved.factors)
            case .linear, .raking, .logit:
                let distance: CalibrationDistance = method == .linear ? .linear : method == .raking ? .raking : .logit
                let calibration = GeneralizedRaking(
                    distance: distance, bounds: spec.bounds ?? .none, trim: spec.calibrationTrim,
                    maxIterations: spec.maxIterations ?? 50, epsilon: spec.epsilon ?? 1e-7)
                (current, iterations) = try calibration.calibrate(current, model: resolved)
            }
            steps.append(method.rawValue)
        }
        var trimmed = 0
        if let trimming = spec.trimming {
            (current, trimmed) = try WeightTrimming.trim(current, limits: trimming.limits, strict: trimming.strict)
            steps.append("trimmed")
        }
        if let replicates = design.replicates, !steps.isEmpty {
            // R's calibrate() on a replicate design: every replicate weighted to the same targets.
            var values = replicates.values
            let R = replicates.count
            for r in 0..<R {
                // Shares are scaled to the full sample's weights in every replicate.
                let weighted = try weight(design.replicateView(r), dataset: dataset, spec: spec, language: language,
                                          shareBase: design.weights).design.weights
                for i in weighted.indices { values[i * R + r] = weighted[i] }
            }
            current = try current.replacingReplicateWeights(values)
        }
        let diagnostics = WeightingDiagnostics(
            method: steps.isEmpty ? "none" : steps.joined(separator: " + "), iterations: iterations,
            weights: current.weights, trimmed: trimmed, model: model)
        return Outcome(design: current, model: model, diagnostics: diagnostics)
    }
}
