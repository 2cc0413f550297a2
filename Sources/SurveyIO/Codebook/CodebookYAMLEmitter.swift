import SurveyCore
import Yams

/// Writes a ``Codebook`` as the YAML that ``CodebookYAMLParser`` reads: block mappings for
/// the structure, one line per value label with its languages in braces, so that a translator
/// adds `ru: …` or `kk: …` beside the English text.
struct CodebookYAMLEmitter {
    /// The variables in the order to write them, each with its storage type when known.
    let variables: [(name: String, type: CodebookDocument.DeclaredType?)]

    static let header = """
        # Barometer codebook. Each label holds one text per language tag (en, ru, kk, ...):
        # add a translation inside the braces, e.g. {en: Yes, ru: Да, kk: Иә}.
        # Codes in quotes are stored texts; codes without quotes are numbers.

        """

    /// - Throws: ``ReadError`` only if Yams cannot emit the tree (it has no reason to).
    func yaml(_ codebook: Codebook) throws(ReadError) -> String {
        var top: [(Node, Node)] = []
        if let title = codebook.fileLabel, Self.hasText(title) { top.append((key("title"), Self.localized(title))) }
        if let encoding = codebook.encoding { top.append((key("encoding"), YAMLScalars.text(encoding))) }
        if !codebook.documents.isEmpty {
            top.append((key("documents"), Node(codebook.documents.map(Self.longText), .implicit, .block)))
        }
        if let design = codebook.design { top.append((key("design"), Self.design(design))) }
        if !codebook.multipleResponseSets.isEmpty {
            let sets = codebook.multipleResponseSets.map { (YAMLScalars.text($0.name), Self.multipleResponseSet($0)) }
            top.append((key("multiple-response"), Node(sets, .implicit, .block)))
        }
        let entries = variables.map { v in
            (YAMLScalars.text(v.name), Self.variable(codebook[v.name] ?? VariableMetadata(), type: v.type))
        }
        if !entries.isEmpty { top.append((key("variables"), Node(entries, .implicit, .block))) }
        guard !top.isEmpty else { return Self.header + "variables: {}\n" }
        do {
            return Self.header + (try Yams.serialize(node: Node(top, .implicit, .block), indent: 2, width: -1, allowUnicode: true))
        } catch {
            throw ReadError(.malformed, "Cannot write the codebook as YAML: \(error); report this as a bug with the file that caused it.")
        }
    }

    private func key(_ text: String) -> Node { Node(text) }

    static func variable(_ meta: VariableMetadata, type: CodebookDocument.DeclaredType?) -> Node {
        var members: [(Node, Node)] = []
        if hasText(meta.label) { members.append((Node("label"), localized(meta.label))) }
        if let type { members.append((Node("type"), Node(type.rawValue))) }
        if let measurement = meta.measurement { members.append((Node("measurement"), Node(measurement.rawValue))) }
        if meta.valueLabels.contains(where: { hasText($0.label) }) {
            let values = meta.valueLabels.filter { hasText($0.label) }.map { v in
                (v.stringCode.map(YAMLScalars.text) ?? YAMLScalars.number(v.code), localized(v.label))
            }
            members.append((Node("values"), Node(values, .implicit, .block)))
        }
        let missing = meta.missingCodes.map(YAMLScalars.number) + meta.missingStrings.map(YAMLScalars.text)
        if !missing.isEmpty { members.append((Node("missing"), Node(missing, .implicit, .flow))) }
        if let range = meta.missingRange {
            let ends = [YAMLScalars.number(range.lowerBound), YAMLScalars.number(range.upperBound)]
            members.append((Node("missing-range"), Node(ends, .implicit, .flow)))
        }
        if let format = meta.displayFormat { members.append((Node("format"), YAMLScalars.text(format))) }
        if let temporal = meta.temporal { members.append((Node("temporal"), Node(temporalName(temporal)))) }
        if let width = meta.stringWidth { members.append((Node("width"), Node(String(width)))) }
        return Node(members, .implicit, members.isEmpty ? .flow : .block)
    }

    static func temporalName(_ kind: TemporalKind) -> String {
        switch kind {
        case .date: "date"
        case .dateTime: "date-time"
        case .time: "time"
        }
    }

    /// Whether any language has a non-empty text (empty texts are not written).
    static func hasText(_ text: LocalizedText) -> Bool {
        text.texts.values.contains { !$0.isEmpty }
    }

    /// `{en: …, ru: …, kk: …}`: English, Russian and Kazakh first, then other tags in order.
    static func localized(_ text: LocalizedText) -> Node {
        let tags = orderedLanguages(text.texts.keys.filter { !text.texts[$0]!.isEmpty })
        let pairs = tags.map { (Node($0), YAMLScalars.text(text.texts[$0]!)) }
        return Node(pairs, .implicit, .flow)
    }

    static func orderedLanguages<S: Sequence>(_ tags: S) -> [String] where S.Element == String {
        let preferred = ["en", "ru", "kk"]
        return tags.sorted { a, b in
            let i = preferred.firstIndex(of: a) ?? preferred.count, j = preferred.firstIndex(of: b) ?? preferred.count
            return i != j ? i < j : a < b
        }
    }

    /// A document: a literal block when it spans lines.
    static func longText(_ text: String) -> Node {
        text.contains("\n") && !text.hasSuffix(" ") ? Node(text, .implicit, .literal) : YAMLScalars.text(text)
    }

    static func design(_ spec: DesignSpec) -> Node {
        var members: [(Node, Node)] = []
        if let w = spec.weights { members.append((Node("weight"), YAMLScalars.text(w))) }
        if let s = spec.strata { members.append((Node("strata"), YAMLScalars.text(s))) }
        if !spec.clusters.isEmpty {
            members.append((Node("cluster"), Node(spec.clusters.map(YAMLScalars.text), .implicit, .flow)))
        }
        if !spec.fpc.isEmpty { members.append((Node("fpc"), Node(spec.fpc.map(YAMLScalars.text), .implicit, .flow))) }
        if spec.nest { members.append((Node("nest"), Node("true"))) }
        if spec.lonelyPSU != .fail { members.append((Node("lonely-psu"), Node(spec.lonelyPSU.rawValue))) }
        if let r = spec.replicateWeights {
            var replicate: [(Node, Node)] = [(Node("pattern"), YAMLScalars.text(r.pattern)), (Node("type"), Node(r.type.rawValue))]
            if let rho = r.fayRho { replicate.append((Node("fay-rho"), Node(NumberFormatting.code(rho)))) }
            if let scale = r.scale { replicate.append((Node("scale"), Node(NumberFormatting.code(scale)))) }
            if let rscales = r.rscales {
                replicate.append((Node("rscales"), Node(rscales.map { Node(NumberFormatting.code($0)) }, .implicit, .flow)))
            }
            if r.mse { replicate.append((Node("mse"), Node("true"))) }
            members.append((Node("replicates"), Node(replicate, .implicit, .block)))
        }
        if let r = spec.replicates {
            var replicate: [(Node, Node)] = [(Node("type"), Node(r.type.rawValue))]
            if let count = r.count { replicate.append((Node("count"), Node(String(count)))) }
            if let seed = r.seed { replicate.append((Node("seed"), Node(String(seed)))) }
            if let rho = r.fayRho { replicate.append((Node("fay-rho"), Node(NumberFormatting.code(rho)))) }
            if r.mse { replicate.append((Node("mse"), Node("true"))) }
            members.append((Node("replicates"), Node(replicate, .implicit, .block)))
        }
        return Node(members, .implicit, members.isEmpty ? .flow : .block)
    }

    static func multipleResponseSet(_ set: MultipleResponseSet) -> Node {
        var members: [(Node, Node)] = []
        if hasText(set.label) { members.append((Node("label"), localized(set.label))) }
        switch set.kind {
        case .dichotomies(let counted):
            members.append((Node("type"), Node("dichotomies")))
            members.append((Node("counted"), YAMLScalars.text(counted)))
        case .categories:
            members.append((Node("type"), Node("categories")))
        }
        members.append((Node("variables"), Node(set.variables.map(YAMLScalars.text), .implicit, .flow)))
        return Node(members, .implicit, .block)
    }
}
