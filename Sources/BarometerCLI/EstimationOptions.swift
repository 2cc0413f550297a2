import ArgumentParser
import Foundation
import SurveyCore

/// Flags that shape every estimate of an analysis verb: subpopulation, interval, missing values.
struct EstimationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Estimate for a subpopulation, e.g. \"age >= 18 and region == 'Almaty'\" (a domain: no rows are dropped).",
        valueName: "expression"))
    var filter: String?

    @Option(name: .customLong("ci-method"),
            help: ArgumentHelp("Confidence interval method (default: logit for proportions, wald otherwise).",
                               valueName: "method"))
    var ciMethod: CIMethod?

    @Option(help: ArgumentHelp("Confidence level between 0 and 1.", valueName: "level"))
    var level: Double = 0.95

    @Option(help: ArgumentHelp(
        "User-missing answers (\"Don't know\", \"Refused\"): 'include' shows them as categories (default), 'exclude' drops them.",
        valueName: "policy"))
    var missing: MissingPolicy?

    @Flag(name: .customLong("exclude-missing"), help: "The same as --missing exclude.")
    var excludeMissing = false

    /// The analysis options; `language` comes from the output flags.
    /// - Throws: `ValidationError` when the confidence level is not between 0 and 1.
    func analysisOptions(language: String, designEffects: Bool) throws -> AnalysisOptions {
        try Self.checkLevel(level)
        return AnalysisOptions(confidenceLevel: level, ciMethod: ciMethod, missing: policy,
                               language: language, designEffects: designEffects)
    }

    var policy: MissingPolicy { missing ?? (excludeMissing ? .exclude : .include) }

    /// These flags as request parameters (names from the one table, ``RequestParameter``).
    var parameters: [RequestParameters.Entry] {
        var out = [RequestParameters.Entry(RequestParameter.level.name, "\(level)"),
                   RequestParameters.Entry(RequestParameter.missing.name, policy.rawValue)]
        if let filter { out.append(.init(RequestParameter.filter.name, filter)) }
        if let ciMethod { out.append(.init(RequestParameter.ciMethod.name, ciMethod.rawValue)) }
        return out
    }

    /// A confidence level must lie strictly between 0 and 1; "95" gets a hint to write 0.95.
    static func checkLevel(_ level: Double) throws {
        guard !(level > 0 && level < 1) else { return }
        let text = plain(level)
        if level > 1, level < 100 {
            throw ValidationError("--level \(text) is not between 0 and 1; use \(plain(level / 100)) for \(text)%.")
        }
        throw ValidationError("--level \(text) is not between 0 and 1; use 0.95 for 95%.")
    }

    /// 95 rather than 95.0; 0.95 as is.
    private static func plain(_ x: Double) -> String {
        x.isFinite && x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : x.description
    }
}
