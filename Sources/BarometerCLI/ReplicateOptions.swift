import ArgumentParser
import SurveyCore

/// The replicate-weight flags of a design: replicate weights read from the data's columns
/// (R `svrepdesign`), or made from its strata and clusters (R `as.svrepdesign`).
struct ReplicateOptions: ParsableArguments {
    @Option(name: .customLong("replicate-weights"), help: ArgumentHelp(
        "Replicate weight columns, a glob such as 'rw*' or a comma list; the variance then comes from them (R svrepdesign).",
        valueName: "pattern"))
    var replicateWeights: String?

    @Option(name: .customLong("replicate-type"), help: ArgumentHelp(
        "How the replicate weights were made: \(ReplicateType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
    var replicateType: ReplicateType?

    @Option(name: .customLong("fay-rho"), help: ArgumentHelp("Fay's ρ of fay replicates (given or made).", valueName: "rho"))
    var fayRho: Double?

    @Option(name: .customLong("replicate-scale"), help: ArgumentHelp(
        "The variance's constant (default: R's for the type).", valueName: "scale"))
    var replicateScale: Double?

    @Option(name: .customLong("replicate-rscales"), help: ArgumentHelp(
        "One constant per replicate column, comma-separated (or one for all); required for jkn.", valueName: "list"))
    var replicateRscales: ReplicateScales?

    @Flag(help: "Centre the replicates at the full-sample estimate instead of their mean (R's mse = TRUE).")
    var mse = false

    @Option(help: ArgumentHelp(
        "Make replicate weights from the strata and clusters: jk1, jkn, brr, fay or bootstrap (R as.svrepdesign).",
        valueName: "type"))
    var replicates: ReplicateType?

    @Option(name: .customLong("replicates-count"), help: ArgumentHelp("Replicates of a bootstrap (default 50).", valueName: "n"))
    var replicatesCount: Int?

    @Option(help: ArgumentHelp("Seed of the bootstrap's draws, so that results repeat exactly.", valueName: "n"))
    var seed: UInt64?

    func validate() throws {
        if replicateWeights == nil {
            if replicateType != nil || replicateScale != nil || replicateRscales != nil {
                throw ValidationError("--replicate-type, --replicate-scale and --replicate-rscales describe replicate weights in the data; add --replicate-weights 'rw*' naming their columns.")
            }
        } else {
            if replicateType == nil {
                throw ValidationError("--replicate-weights needs to know how the replicates were made; add --replicate-type with one of \(ReplicateType.allCases.map(\.rawValue).joined(separator: ", ")) (the data's documentation says which).")
            }
            if replicates != nil {
                throw ValidationError("--replicate-weights reads replicates from the data and --replicates makes them from the design; give one of the two.")
            }
        }
        if replicates == nil, replicatesCount != nil || seed != nil {
            throw ValidationError("--replicates-count and --seed apply to replicates made from the design; add --replicates bootstrap.")
        }
        if replicates == .sdr || replicates == .other {
            throw ValidationError("--replicates \(replicates!.rawValue) cannot be made from a design; choose jk1, jkn, brr, fay or bootstrap.")
        }
        if fayRho != nil, replicates != .fay, replicateType != .fay {
            throw ValidationError("--fay-rho applies to Fay's replicates; add --replicate-type fay (replicates in the data) or --replicates fay (made from the design).")
        }
        if mse, replicateWeights == nil, replicates == nil {
            throw ValidationError("--mse applies to replicate weights; add --replicate-weights or --replicates.")
        }
    }

    /// Sets the replicate parts of `spec` that the flags give.
    func lay(over spec: inout DesignSpec) {
        if let replicateWeights, let replicateType {
            spec.replicateWeights = ReplicateWeightsSpec(
                pattern: replicateWeights, type: replicateType, fayRho: fayRho, scale: replicateScale,
                rscales: replicateRscales?.values, mse: mse)
        }
        if let replicates {
            spec.replicates = ReplicateConversionSpec(type: replicates, count: replicatesCount, seed: seed, fayRho: fayRho, mse: mse)
        }
    }
}
