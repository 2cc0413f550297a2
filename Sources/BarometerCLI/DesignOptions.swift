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
            help: ArgumentHelp("What to do with a stratum that has a single PSU.", valueName: "policy"))
    var lonelyPSU: LonelyPSUPolicy = .fail

    var spec: DesignSpec {
        DesignSpec(weights: weight, strata: strata, clusters: cluster, fpc: fpc, nest: nest, lonelyPSU: lonelyPSU)
    }
}
