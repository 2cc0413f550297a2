import ArgumentParser
import SurveyCore

/// The sampling design flags shared by every analysis verb; they become a ``DesignSpec``.
struct DesignOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Sampling weight variable (default: implied by --fpc, else equal weights).",
                               valueName: "variable"))
    var weight: String?

    @Option(help: ArgumentHelp("Stratum variable of the first stage.", valueName: "variable"))
    var strata: String?

    @Option(help: ArgumentHelp(
        "Cluster (PSU) variable of a stage; repeat for each stage, first stage first (default: each respondent is a PSU).",
        valueName: "variable"))
    var cluster: [String] = []

    @Option(help: ArgumentHelp(
        "Finite population correction of a stage: population sizes or sampling fractions; repeat per stage.",
        valueName: "variable"))
    var fpc: [String] = []

    @Flag(help: "Cluster identifiers repeat across strata: read them within their stratum.")
    var nest = false

    @Option(name: .customLong("lonely-psu"),
            help: ArgumentHelp("What to do with a stratum that has a single PSU (default: fail).", valueName: "policy"))
    var lonelyPSU: LonelyPSUPolicy?

    @Flag(name: .customLong("design-from-file"),
          help: "Use the design stored in the file (e.g. Stata's svyset) or its --codebook; design flags given too replace its parts.")
    var designFromFile = false

    @OptionGroup(title: "Replicate weights")
    var replicateOptions: ReplicateOptions

    /// The design the flags name alone.
    var spec: DesignSpec {
        var spec = DesignSpec(weights: weight, strata: strata, clusters: cluster, fpc: fpc, nest: nest, lonelyPSU: lonelyPSU ?? .fail)
        replicateOptions.lay(over: &spec)
        return spec
    }

    /// The design stored in the file with the flags given on the command line laid over it:
    /// `--weight`, `--strata`, `--lonely-psu` replace the stored value, `--cluster` and `--fpc`
    /// the stored list, `--nest` sets nesting.
    /// - Throws: ``SurveyError`` (`invalidDesign`) when the file stores no design.
    func spec(over stored: DesignSpec?, file: String) throws(SurveyError) -> DesignSpec {
        guard var spec = stored else {
            throw SurveyError(.invalidDesign, "'\(file)' stores no sampling design, so --design-from-file has nothing to use; give the design with --weight, --strata and --cluster, or add a `design:` section to a codebook given with --codebook.")
        }
        if let weight { spec.weights = weight }
        if let strata { spec.strata = strata }
        if !cluster.isEmpty { spec.clusters = cluster }
        if !fpc.isEmpty { spec.fpc = fpc }
        if nest { spec.nest = true }
        if let lonelyPSU { spec.lonelyPSU = lonelyPSU }
        replicateOptions.lay(over: &spec)
        return spec
    }
}
