import ArgumentParser
import SurveyCore
import SurveyIO
import Weighting

/// `--calibrate` on `estimate` and `crosstab`: estimate with the design calibrated to targets,
/// so that standard errors account for the calibration.
struct CalibrationOptions: ParsableArguments {
    @Option(name: .customLong("calibrate"),
            help: ArgumentHelp("A YAML file of weighting targets: calibrate the design to them before estimating.", valueName: "targets.yaml"))
    var targets: String?

    @Option(name: .customLong("calibrate-method"),
            help: ArgumentHelp("How to calibrate (default: rake).", valueName: "method"))
    var method: WeightingMethod?

    @OptionGroup
    var limits: WeightingLimitOptions

    func validate() throws {
        if targets == nil, method != nil {
            throw ValidationError("--calibrate-method needs targets; add --calibrate TARGETS.yaml.")
        }
        if targets == nil, limits.bounds != nil {
            throw ValidationError("--bounds applies to a calibration; add --calibrate TARGETS.yaml.")
        }
    }

    /// The weighting asked for, nil when none. Reads the targets file.
    func spec() throws(ReadError) -> WeightingSpec? {
        guard targets != nil || limits.trim != nil else { return nil }
        let read = try targets.map { path throws(ReadError) in try WeightingTargetsYAML.read(path: path) }
        return limits.spec(method: read == nil ? nil : (method ?? .rake), targets: read)
    }
}
