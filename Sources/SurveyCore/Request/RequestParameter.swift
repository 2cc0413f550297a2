/// The one table of request names: every option of an ``AnalysisRequest`` with the one name it
/// has on every surface — the command line (`--NAME`), URL queries (`NAME=`) and `report.yaml`
/// (`NAME:`). ``RequestParameters`` decodes all three through this table; errors name
/// parameters through it (``ErrorText``), so a fix is worded in the surface's own terms.
///
/// A few parameters exist on some surfaces only: the design and weighting of a file belong to
/// the command line (the server analyses each wave with the study's own design, which no client
/// can change); the measures of a single analysis belong to the command line and the API;
/// `wave` (one wave of a study) to the API. On the command line `concept` is the argument after
/// the study, not a flag.
public enum RequestParameter: String, Sendable, CaseIterable {
    // A trend of a study concept.
    case concept, waves, levels, collapse, compare, net
    // Any analysis.
    case wave, by, filter, missing, level
    case ciMethod = "ci-method"
    case lang
    // Measures of one wave or file.
    case mean, total, proportion, ratio
    // Quantiles of a numeric variable, and the probabilities of every quantile of the request.
    case quantile, probabilities
    // Shares of the codes of a multiple-response question (coded open-ended answers).
    case mentions, mentioned
    // Differences between the groups of one breakdown of one sample.
    case differences, reference
    // A design-based regression (svyglm): the formula, family, event level and odds ratios.
    case model, family, event
    case oddsRatios = "odds-ratios"
    // The design and weighting of a file (command line only).
    case weight, strata, cluster, fpc, nest
    case lonelyPSU = "lonely-psu"
    case calibrate
    case calibrateMethod = "calibrate-method"
    case bounds, trim
    // Replicate weights of a file: read from its columns, or made from its strata and clusters.
    case replicateWeights = "replicate-weights"
    case replicateType = "replicate-type"
    case fayRho = "fay-rho"
    case replicateScale = "replicate-scale"
    case replicateRscales = "replicate-rscales"
    case mse
    case replicates
    case replicatesCount = "replicates-count"
    case seed

    /// The name, the same on every surface where the parameter exists.
    public var name: String { rawValue }

    /// The surfaces that accept the parameter.
    public var surfaces: Set<RequestSurface> {
        switch self {
        case .concept, .waves, .levels, .collapse, .compare, .net, .by, .filter, .missing, .level, .ciMethod:
            return Set(RequestSurface.allCases)
        case .differences, .reference:
            // Differences between groups: of an estimate (command line, API) or in every wave
            // of a trend (API, report.yaml).
            return Set(RequestSurface.allCases)
        case .model, .family, .event, .oddsRatios:
            // A regression of one file or one wave (a report's table of one wave).
            return Set(RequestSurface.allCases)
        case .lang, .mean, .total, .proportion, .ratio:
            // A report's language is the `report` command's --lang; its analyses are trends.
            return [.commandLine, .query]
        case .quantile, .probabilities:
            // A report's `chart: table` tables the quantiles of a numeric variable in one wave.
            return Set(RequestSurface.allCases)
        case .mentions, .mentioned:
            // A report's `chart: mentions` tables a coded open-ended question of one wave.
            return Set(RequestSurface.allCases)
        case .wave:
            // One wave of a study is a server request or a report's table of mentions; the
            // command line analyses a file.
            return [.query, .reportSpec]
        case .weight, .strata, .cluster, .fpc, .nest, .lonelyPSU, .calibrate, .calibrateMethod, .bounds, .trim,
             .replicateWeights, .replicateType, .fayRho, .replicateScale, .replicateRscales, .mse, .replicates,
             .replicatesCount, .seed:
            return [.commandLine]
        }
    }

    /// Whether the parameter takes no value on the command line (a flag such as `--nest`); its
    /// query and YAML forms take `true` or `false`.
    public var isSwitch: Bool { self == .nest || self == .net || self == .differences || self == .mse || self == .oddsRatios }

    /// What the parameter is, for a surface that does not have it: "the study's design (weights)".
    public var thing: String {
        switch self {
        case .weight: "the weights of the study's design"
        case .strata: "the strata of the study's design"
        case .cluster: "the clusters of the study's design"
        case .fpc: "the finite population corrections of the study's design"
        case .nest: "the nesting of the study's design"
        case .lonelyPSU: "the study's lonely-PSU policy"
        case .calibrate, .calibrateMethod, .bounds, .trim: "the study's weighting"
        case .replicateWeights, .replicateType, .fayRho, .replicateScale, .replicateRscales, .mse, .replicates, .replicatesCount, .seed:
            "the replicate weights of the study's design"
        default: "the \(name) of the request"
        }
    }

    /// The parameter with a value as written on `surface`: `--ci-method wald`, `ci-method=wald`,
    /// `ci-method: wald`; without a value, `--ci-method`, `ci-method=`, `ci-method:`. A switch with
    /// the value `false` is `--no-net` on the command line. On a surface without the parameter,
    /// ``thing``.
    public func spelled(on surface: RequestSurface, value: String? = nil) -> String {
        guard surfaces.contains(surface) else { return thing }
        switch surface {
        case .commandLine:
            if isSwitch { return value == "false" ? "--no-\(name)" : "--\(name)" }
            return value.map { "--\(name) \($0)" } ?? "--\(name)"
        case .query:
            return "\(name)=\(value ?? "")"
        case .reportSpec:
            return value.map { "\(name): \($0)" } ?? "\(name):"
        }
    }

    /// The parameter of a name, also accepting the older spellings each surface used to have
    /// (`ci`, `dk`, `exclude-missing`, `variable`), which decode to the same options.
    public init?(name: String) {
        if let p = RequestParameter(rawValue: name) { self = p; return }
        switch name {
        case "ci": self = .ciMethod
        case "dk", "exclude-missing": self = .missing
        case "variable": self = .proportion
        case "language": self = .lang
        default: return nil
        }
    }
}
