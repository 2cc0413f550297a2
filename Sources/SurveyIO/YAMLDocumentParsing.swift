import Foundation
import SurveyCore
import Yams

/// What the YAML files Barometer reads (codebooks, weighting targets) share: composing the
/// document, checking keys, reading scalars, and turning every problem into one ``ReadError``
/// sentence that names the file, the line, the key and the fix.
protocol YAMLDocumentParsing {
    /// The file name, for messages.
    var name: String { get }
    /// What the file is, for messages ("codebook", "targets file").
    static var documentKind: String { get }
    /// The language of texts written as plain scalars rather than per language.
    var language: String { get }
}

extension YAMLDocumentParsing {
    /// The keys of a `design:` mapping.
    var designKeys: [String] { ["weight", "strata", "cluster", "fpc", "nest", "lonely-psu", "replicates"] }
    var replicateKeys: [String] { ["pattern", "type", "fay-rho", "scale", "rscales", "mse", "count", "seed"] }

    /// Text in several languages: a plain scalar (in the file's language) or a mapping of
    /// language tags to texts. Empty texts are skipped, so a template may leave `ru: ""` blank.
    func localized(_ node: Node, what: String) throws(ReadError) -> LocalizedText? {
        switch node {
        case .scalar(let s):
            if YAMLScalars.isNull(s) || s.string.isEmpty { return nil }
            return LocalizedText([language: s.string])
        case .mapping(let mapping):
            var texts: [String: String] = [:]
            for (key, value) in mapping {
                let tag = try scalar(key, what: "a language of \(what)")
                guard YAMLScalars.isLanguageTag(tag) else {
                    throw failure(line(key), "'\(tag)' in \(what) is not a language tag; write a BCP 47 tag such as en, ru or kk")
                }
                guard case .scalar(let s) = value else {
                    throw failure(line(value), "the \(tag) text of \(what) is \(describe(value)); write the text, in quotes if it contains ': ' or starts with a special character")
                }
                if YAMLScalars.isNull(s) || s.string.isEmpty { continue }
                texts[tag] = s.string
            }
            return texts.isEmpty ? nil : LocalizedText(texts)
        default:
            throw failure(line(node), "\(what) is \(describe(node)); write a text, or one text per language such as `{en: Yes, ru: Да}`")
        }
    }

    func design(_ node: Node) throws(ReadError) -> DesignSpec? {
        if isNull(node) { return nil }
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "`design:` holds \(describe(node)), but it must be a mapping such as `{weight: indwt, strata: substratum, cluster: psu}`")
        }
        let members = try keys(of: mapping, in: "the design", allowed: designKeys)
        var spec = DesignSpec()
        if let n = members["weight"] { spec.weights = try scalar(n, what: "the design's `weight`") }
        if let n = members["strata"] { spec.strata = try scalar(n, what: "the design's `strata`") }
        if let n = members["cluster"] { spec.clusters = try strings(n, what: "the design's `cluster`") }
        if let n = members["fpc"] { spec.fpc = try strings(n, what: "the design's `fpc`") }
        if let n = members["nest"] {
            let text = try scalar(n, what: "the design's `nest`")
            guard let nest = YAMLScalars.bool(text) else {
                throw failure(line(n), "the design's `nest: \(text)` is not true or false; write `nest: true` when cluster identifiers repeat across strata")
            }
            spec.nest = nest
        }
        if let n = members["lonely-psu"] {
            let text = try scalar(n, what: "the design's `lonely-psu`")
            guard let policy = LonelyPSUPolicy(rawValue: text.lowercased()) else {
                let all = LonelyPSUPolicy.allCases.map(\.rawValue)
                throw failure(line(n), "the design's `lonely-psu: \(text)` is not a policy; write \(all.dropLast().joined(separator: ", ")) or \(all.last!)")
            }
            spec.lonelyPSU = policy
        }
        if let n = members["replicates"] { try replicates(n, into: &spec) }
        return spec
    }

    /// `replicates:` of a design: replicate weights in the data (`pattern: 'rw*'`, `type: jk1`,
    /// `scale`, `rscales`, `fay-rho`, `mse`), or made from the strata and clusters when no
    /// pattern is given (`type: bootstrap`, `count: 80`, `seed: 7`).
    func replicates(_ node: Node, into spec: inout DesignSpec) throws(ReadError) {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "the design's `replicates:` holds \(describe(node)), but it must be a mapping such as `{pattern: 'rw*', type: jk1}`")
        }
        let members = try keys(of: mapping, in: "the design's replicates", allowed: replicateKeys)
        guard let typeNode = members["type"] else {
            throw failure(line(node), "the design's `replicates:` names no `type`; add `type:` with one of \(ReplicateType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let typeText = try scalar(typeNode, what: "the replicates' `type`")
        guard let type = ReplicateType(rawValue: typeText.lowercased()) else {
            throw failure(line(typeNode), "the replicates' `type: \(typeText)` is not a replicate type; write one of \(ReplicateType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        func number(_ key: String) throws(ReadError) -> Double? {
            guard let n = members[key] else { return nil }
            let text = try scalar(n, what: "the replicates' `\(key)`")
            guard let value = Double(text) else {
                throw failure(line(n), "the replicates' `\(key): \(text)` is not a number; write e.g. `\(key): 0.5`")
            }
            return value
        }
        var mse = false
        if let n = members["mse"] {
            let text = try scalar(n, what: "the replicates' `mse`")
            guard let value = YAMLScalars.bool(text) else {
                throw failure(line(n), "the replicates' `mse: \(text)` is not true or false; write `mse: true` to centre the replicates at the full-sample estimate")
            }
            mse = value
        }
        if let patternNode = members["pattern"] {
            for key in ["count", "seed"] where members[key] != nil {
                throw failure(line(members[key]!), "the replicates' `\(key)` applies to replicates made from the design, but `pattern:` reads them from the data; remove one of the two")
            }
            var rscales: [Double]? = nil
            if let n = members["rscales"] {
                rscales = []
                for text in try strings(n, what: "the replicates' `rscales`") {
                    guard let value = Double(text) else {
                        throw failure(line(n), "the replicates' `rscales` holds '\(text)', which is not a number; write a list such as `[0.5, 0.5, 0.667]`")
                    }
                    rscales?.append(value)
                }
            }
            spec.replicateWeights = ReplicateWeightsSpec(
                pattern: try scalar(patternNode, what: "the replicates' `pattern`"), type: type, fayRho: try number("fay-rho"),
                scale: try number("scale"), rscales: rscales, mse: mse)
        } else {
            for key in ["scale", "rscales"] where members[key] != nil {
                throw failure(line(members[key]!), "the replicates' `\(key)` describes replicate weights in the data, but no `pattern:` names their columns; add `pattern: 'rw*'`, or remove `\(key)` to make replicates from the design")
            }
            let count = try number("count").map { Int($0) }
            let seed = try number("seed").map { UInt64(max(0, $0)) }
            spec.replicates = ReplicateConversionSpec(type: type, count: count, seed: seed, fayRho: try number("fay-rho"), mse: mse)
        }
    }

    /// The root node of `text`, or a syntax error with its line and a fix.
    func compose(_ text: String) throws(ReadError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch {
            throw syntaxError(error)
        }
    }

    /// The members of a mapping by key, every key checked against `allowed`.
    func keys(of mapping: Node.Mapping, in context: String, allowed: [String]) throws(ReadError) -> [String: Node] {
        var members: [String: Node] = [:]
        for (key, value) in mapping {
            let text = try scalar(key, what: "a key of \(context)")
            guard allowed.contains(text) else {
                let suggestions = NameSuggester.closest(to: text, among: allowed, limit: 1)
                let fix = suggestions.first.map { "did you mean '\($0)'?" }
                    ?? "use " + allowed.dropLast().joined(separator: ", ") + " or " + allowed.last!
                throw failure(line(key), "unknown key '\(text)' in \(context); \(fix)")
            }
            members[text] = value
        }
        return members
    }

    /// The text of a scalar node.
    func scalar(_ node: Node, what: String) throws(ReadError) -> String {
        guard case .scalar(let s) = node else {
            throw failure(line(node), "\(what) is \(describe(node)); write a single value")
        }
        return s.string
    }

    /// One text or a list of texts (`cluster: psu` or `cluster: [psu, ssu]`).
    func strings(_ node: Node, what: String) throws(ReadError) -> [String] {
        switch node {
        case .scalar(let s):
            return YAMLScalars.isNull(s) ? [] : [s.string]
        case .sequence(let sequence):
            return try sequence.map { item throws(ReadError) in try scalar(item, what: "an item of \(what)") }
        default:
            throw failure(line(node), "\(what) is \(describe(node)); write a list such as `[a, b]`")
        }
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return YAMLScalars.isNull(s) }
        return false
    }

    func line(_ node: Node) -> Int? {
        node.mark?.line
    }

    /// "a list", "a mapping", "the text 'x'".
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): YAMLScalars.isNull(s) ? "empty" : "the single value '\(s.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func failure(_ line: Int?, _ problem: String) -> ReadError {
        ReadError(.malformed, "Cannot read \(Self.documentKind) '\(name)'\(line.map { ", line \($0)" } ?? ""): \(problem)\(problem.hasSuffix("?") ? "" : ".")")
    }

    /// A YAML syntax error from Yams as one sentence with the line, the column and a fix.
    func syntaxError(_ error: any Error) -> ReadError {
        guard let error = error as? YamlError else {
            return failure(nil, "the YAML cannot be read (\(error)); check the file's syntax")
        }
        switch error {
        case .scanner(_, let problem, let mark, let yaml), .parser(_, let problem, let mark, let yaml),
             .composer(_, let problem, let mark, let yaml):
            let text = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let lineText = mark.line >= 1 && mark.line <= text.count ? text[mark.line - 1] : ""
            let fix = lineText.prefix(max(mark.column, 1)).contains("\t") ? "indent with spaces, not tabs" : Self.fix(for: problem)
            return ReadError(.malformed, "Cannot read \(Self.documentKind) '\(name)', line \(mark.line), column \(mark.column): the YAML is malformed (\(problem)); \(fix).")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return failure(context.mark.line, "the key \(keys) appears more than once in the same mapping; keep one of them")
        case .reader(let problem, _, _, _):
            return failure(nil, "the file is not valid text (\(problem)); save it with UTF-8 encoding")
        case .dataCouldNotBeDecoded:
            return failure(nil, "the file is not valid UTF-8; save it with UTF-8 encoding")
        default:
            return failure(nil, "the YAML cannot be read (\(error)); check the file's syntax")
        }
    }

    /// Advice for libyaml's usual complaints.
    static func fix(for problem: String) -> String {
        if problem.contains("tab") { return "indent with spaces, not tabs" }
        if problem.contains("mapping values are not allowed") {
            return "put a text that contains ': ' in quotes, e.g. label: \"Note: see Q1\""
        }
        if problem.contains("did not find expected key") || problem.contains("block end") {
            return "check that the keys at this level are indented by the same number of spaces"
        }
        if problem.contains("did not find expected ',' or '}'") || problem.contains("did not find expected ',' or ']'") {
            return "close the braces or brackets, and quote texts that contain commas or braces"
        }
        if problem.contains("found unexpected end of stream") || problem.contains("quoted scalar") {
            return "close the quotes that begin on this line"
        }
        return "check the indentation and quoting near this line"
    }
}
