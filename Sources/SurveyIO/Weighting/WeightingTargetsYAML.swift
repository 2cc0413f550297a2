import Foundation
import SurveyCore
import Weighting
import Yams

/// Weighting targets in YAML: margins of categorical variables, joint cells, totals of numeric
/// variables and the population size.
///
/// ```yaml
/// population: 14000000          # optional: scales shares; the calibration's intercept
/// margins:
///   sex: {male: 0.486, female: 0.514}        # shares (summing to 1) …
///   region: {Almaty city: 1462000, ...}      # … or population counts
/// cells:
///   - variables: [region, settlement]
///     targets: {"Almaty oblast|urban": 0.052, "Almaty oblast|rural": 0.060}
/// totals:
///   income: 2.1e12
/// ```
///
/// Levels are named by value label or code. Values are numbers (`1462000`, `1,462,000`,
/// `0.486`) or percentages (`48.6%`, read as the share 0.486).
public enum WeightingTargetsYAML {
    /// Reads a targets file.
    /// - Throws: ``ReadError`` naming the file, the line and the fix.
    public static func read(path: String) throws(ReadError) -> WeightingTargets {
        let data = try FileContents.read(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(.invalidEncoding, "Cannot read targets file '\(path)': the file is not valid UTF-8; save it with UTF-8 encoding.")
        }
        return try read(string: text, name: path)
    }

    /// The YAML of `targets`, which ``read(string:name:)`` reads back to the same targets.
    public static func string(for targets: WeightingTargets) throws(ReadError) -> String {
        var top: [(Node, Node)] = []
        if let n = targets.population { top.append((Node("population"), YAMLScalars.number(n))) }
        func levels(_ list: [WeightingTargets.LevelTarget]) -> Node {
            Node(list.map { (YAMLScalars.text($0.level), YAMLScalars.number($0.value)) }, .implicit, .flow)
        }
        if !targets.margins.isEmpty {
            top.append((Node("margins"), Node(targets.margins.map { (YAMLScalars.text($0.variable), levels($0.targets)) }, .implicit, .block)))
        }
        if !targets.cells.isEmpty {
            top.append((Node("cells"), Node(targets.cells.map { c in
                Node([(Node("variables"), Node(c.variables.map(YAMLScalars.text), .implicit, .flow)), (Node("targets"), levels(c.targets))],
                     .implicit, .block)
            }, .implicit, .block)))
        }
        if !targets.totals.isEmpty {
            top.append((Node("totals"), Node(targets.totals.map { (YAMLScalars.text($0.variable), YAMLScalars.number($0.total)) }, .implicit, .block)))
        }
        do {
            return try Yams.serialize(node: Node(top, .implicit, .block), indent: 2, width: -1, allowUnicode: true)
        } catch {
            throw ReadError(.malformed, "Cannot write the targets as YAML: \(error); report this as a bug.")
        }
    }

    /// Reads targets held in a string; `name` identifies it in messages.
    public static func read(string: String, name: String) throws(ReadError) -> WeightingTargets {
        try WeightingTargetsYAMLParser(name: name).parse(string)
    }
}

/// The parser behind ``WeightingTargetsYAML``.
struct WeightingTargetsYAMLParser: YAMLDocumentParsing {
    static let documentKind = "targets file"
    static let topKeys = ["population", "margins", "cells", "totals"]
    let name: String
    let language = "en"

    func parse(_ text: String) throws(ReadError) -> WeightingTargets {
        guard let root = try compose(text), !isNull(root) else {
            throw failure(nil, "the file holds no targets; write a `margins:` section, e.g. `margins: {sex: {male: 0.486, female: 0.514}}`")
        }
        guard case .mapping(let top) = root else {
            throw failure(line(root), "the top level is \(describe(root)), but a targets file is a mapping of `margins:`, `cells:`, `totals:` and `population:`")
        }
        let members = try keys(of: top, in: "the top level of the targets", allowed: Self.topKeys)
        var targets = WeightingTargets()
        if let node = members["population"] {
            targets.population = try number(node, what: "`population`").value
        }
        if let node = members["margins"], !isNull(node) {
            guard case .mapping(let margins) = node else {
                throw failure(line(node), "`margins:` holds \(describe(node)), but it must map each variable to its levels' targets, e.g. `sex: {male: 0.486, female: 0.514}`")
            }
            for (key, value) in margins {
                let variable = try scalar(key, what: "a variable of `margins`")
                targets.margins.append(.init(variable: variable, targets: try levels(value, of: "the margin of '\(variable)'")))
            }
        }
        if let node = members["cells"], !isNull(node) {
            guard case .sequence(let entries) = node else {
                throw failure(line(node), "`cells:` holds \(describe(node)), but it must be a list of entries, each with `variables:` and `targets:`")
            }
            for entry in entries {
                guard case .mapping(let mapping) = entry else {
                    throw failure(line(entry), "an entry of `cells:` is \(describe(entry)); write `- variables: [region, settlement]` and `targets: {...}` under it")
                }
                let fields = try keys(of: mapping, in: "an entry of `cells:`", allowed: ["variables", "targets"])
                guard let variablesNode = fields["variables"], let targetsNode = fields["targets"] else {
                    throw failure(line(entry), "an entry of `cells:` needs both `variables:` (e.g. [region, settlement]) and `targets:` (e.g. {\"Almaty|urban\": 0.106})")
                }
                let variables = try strings(variablesNode, what: "the variables of a cells entry")
                guard variables.count >= 2 else {
                    throw failure(line(variablesNode), "a cells entry names \(variables.count) variable(s); cells join two or more variables — put a single variable under `margins:`")
                }
                targets.cells.append(.init(variables: variables, targets: try levels(targetsNode, of: "the cells of \(variables.joined(separator: " × "))")))
            }
        }
        if let node = members["totals"], !isNull(node) {
            guard case .mapping(let totals) = node else {
                throw failure(line(node), "`totals:` holds \(describe(node)), but it must map numeric variables to population totals, e.g. `income: 2.1e12`")
            }
            for (key, value) in totals {
                let variable = try scalar(key, what: "a variable of `totals`")
                let (total, isShare) = try number(value, what: "the total of '\(variable)'")
                if isShare {
                    throw failure(line(value), "the total of '\(variable)' is a percentage; give the population total of the variable")
                }
                targets.totals.append(.init(variable: variable, total: total))
            }
        }
        guard !targets.margins.isEmpty || !targets.cells.isEmpty || !targets.totals.isEmpty else {
            throw failure(line(root), "the file names no margins, cells or totals; add at least one, e.g. `margins: {sex: {male: 0.486, female: 0.514}}`")
        }
        return targets
    }

    /// `{level: value, ...}`, in the file's order.
    private func levels(_ node: Node, of what: String) throws(ReadError) -> [WeightingTargets.LevelTarget] {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "\(what) is \(describe(node)); map each level (label or code) to its target, e.g. `{male: 0.486, female: 0.514}`")
        }
        var out: [WeightingTargets.LevelTarget] = []
        for (key, value) in mapping {
            let level = try scalar(key, what: "a level of \(what)")
            let (x, _) = try number(value, what: "the target of level '\(level)' in \(what)")
            out.append(.init(level: level, value: x))
        }
        guard !out.isEmpty else {
            throw failure(line(node), "\(what) lists no levels; give a target for every level with respondents")
        }
        return out
    }

    /// A number: `1462000`, `1,462,000`, `0.486`, `1e6`, or a percentage `48.6%` (a share).
    private func number(_ node: Node, what: String) throws(ReadError) -> (value: Double, isShare: Bool) {
        let text = try scalar(node, what: what).trimmingCharacters(in: .whitespaces)
        var body = text
        let percent = body.hasSuffix("%")
        if percent { body = String(body.dropLast()).trimmingCharacters(in: .whitespaces) }
        if body.range(of: #"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"#, options: .regularExpression) != nil {
            body = body.replacingOccurrences(of: ",", with: "")
        }
        body = body.replacingOccurrences(of: "_", with: "")
        guard let x = YAMLScalars.number(body) else {
            throw failure(line(node), "\(what) is '\(text)', not a number; write a count (1462000), a share (0.486) or a percentage (48.6%)")
        }
        return percent ? (x / 100, true) : (x, false)
    }
}
