import ArgumentParser
import Foundation
import Studies
import SurveyCore

/// The flags that shape a trend, shared by `trend` and `chart`.
struct TrendOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Break the estimates down by a variable present in every wave; repeat for combinations.", valueName: "variable"))
    var by: [String] = []

    @Option(help: ArgumentHelp("Report only these levels (ids or labels, comma-separated).", valueName: "levels"))
    var levels: String?

    @Option(help: ArgumentHelp("Merge levels: \"name=level+level\"; repeat for several groups.", valueName: "group"))
    var collapse: [String] = []

    @Option(help: ArgumentHelp("Use only these waves (ids, comma-separated).", valueName: "waves"))
    var waves: String?

    @Option(help: ArgumentHelp(
        "Changes to estimate: FROM:TO (repeatable), 'consecutive', 'first-last' (default) or 'none'.", valueName: "changes"))
    var compare: [String] = []

    @Flag(name: .customLong("net"), inversion: .prefixedNo,
          help: "Report the net score (positive − negative) when the concept's answers have a direction (default: yes).")
    var net = true

    @Flag(help: "In every wave, add the difference of every estimate between each pair of groups of the one --by variable, with the covariance of the two groups' estimates.")
    var differences = false

    @Option(help: ArgumentHelp("With --differences, compare every group with this one only.", valueName: "group"))
    var reference: String?

    /// The trend these flags describe for `concept`: the flags become request parameters of the
    /// one table (``RequestParameter``) and are decoded as the API and report.yaml decode theirs.
    /// - Throws: `ValidationError` with the decoder's sentence, worded for the command line.
    /// Without a concept, `mentions` are the trend's measure: shares of mentions of a coded
    /// question (`--mentions` or `--mentioned`) across waves.
    func request(concept: String?, mentions: [RequestParameters.Entry] = [], estimation: EstimationOptions, language: String) throws -> AnalysisRequest {
        var parameters = RequestParameters(
            (concept.map { [.init(RequestParameter.concept.name, $0)] } ?? mentions) + estimation.parameters, surface: .commandLine)
        for name in by { parameters.append(.by, name) }
        if let levels { parameters.append(.levels, levels) }
        for group in collapse { parameters.append(.collapse, group) }
        if let waves { parameters.append(.waves, waves) }
        for word in compare { parameters.append(.compare, word) }
        if concept != nil { parameters.append(.net, net ? "true" : "false") }
        if differences { parameters.append(.differences, "true") }
        if let reference { parameters.append(.reference, reference) }
        parameters.append(.lang, language)
        do {
            var start = AnalysisRequest()
            if concept == nil { start.trend = TrendSpec(concept: nil) }
            return try parameters.request(startingFrom: start)
        } catch {
            throw ValidationError(error.message(for: .commandLine))
        }
    }
}
