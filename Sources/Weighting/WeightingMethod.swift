/// How weights are made to match the targets.
public enum WeightingMethod: String, Sendable, Codable, CaseIterable {
    /// Post-stratification to one margin or one set of cells (R `postStratify()`).
    case poststratify
    /// Raking by iterative proportional fitting over the margins and cells (R `rake()`).
    case rake
    /// Linear (GREG) calibration to margins, cells and totals (R `calibrate(calfun = "linear")`).
    case linear
    /// Calibration with the raking distance, which accepts bounds and totals (R `calfun = "raking"`).
    case raking
    /// Logit calibration, weights kept inside bounds (R `calfun = "logit"`).
    case logit
}
