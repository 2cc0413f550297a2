import ArgumentParser
import Foundation
import Studies

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

    @Flag(name: .customLong("no-net"), help: "Leave out the net score (positive − negative).")
    var noNet = false

    /// The trend these flags describe for `concept`.
    /// - Throws: `ValidationError` for a malformed --collapse or --compare.
    func request(concept: String, estimation: EstimationOptions, language: String) throws -> TrendRequest {
        var groups: [TrendRequest.LevelGroup] = []
        for text in collapse {
            guard let group = TrendRequest.LevelGroup(parsing: text) else {
                throw ValidationError("--collapse \"\(text)\" is not NAME=LEVEL+LEVEL; write e.g. \"favourable=very_favourable+somewhat_favourable\".")
            }
            groups.append(group)
        }
        let (changes, invalid) = TrendRequest.Changes.parse(compare)
        if let invalid {
            throw ValidationError("--compare \(invalid) is not FROM:TO, consecutive, first-last or none; write e.g. 2021-spring:2022-autumn.")
        }
        func list(_ text: String?) -> [String] {
            (text ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return TrendRequest(
            concept: concept, by: by, filter: estimation.filter, levels: list(levels), collapse: groups,
            waves: list(waves), changes: changes, netScore: !noNet,
            options: try estimation.analysisOptions(language: language, designEffects: false))
    }
}
