import ArgumentParser
import Weighting

/// The limits shared by `weight` and `--calibrate`: bounds on g, trimming, iterations.
struct WeightingLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Bounds on g = new weight / base weight for --method linear, raking or logit, as LO,HI (e.g. 0.3,3).",
        valueName: "lo,hi"))
    var bounds: WeightLimits?

    @Option(help: ArgumentHelp(
        "Trim the final weights to LO,HI (absolute weights), sharing the excess among the others until none is outside (R's trimWeights, strict).",
        valueName: "lo,hi"))
    var trim: WeightLimits?

    @Option(name: .customLong("max-iterations"),
            help: ArgumentHelp("Raking cycles or calibration steps allowed (default 100 for rake, 50 otherwise).", valueName: "n"))
    var maxIterations: Int?

    /// The weighting these options and a method describe.
    func spec(method: WeightingMethod?, targets: WeightingTargets?) -> WeightingSpec {
        WeightingSpec(
            method: method, targets: targets, bounds: bounds,
            trimming: trim.map { WeightingSpec.Trimming(limits: $0, strict: true) }, maxIterations: maxIterations)
    }

    func validate() throws {
        if let maxIterations, maxIterations < 1 {
            throw ValidationError("--max-iterations must be at least 1, not \(maxIterations).")
        }
    }
}
