import Foundation
import SurveyCore
import Yams

/// Reads the YAML of a codebook into a ``CodebookDocument`` (the format is described on
/// ``CodebookYAML``). Every problem becomes one ``ReadError`` sentence naming the file, the
/// line, the key and the fix.
struct CodebookYAMLParser: YAMLDocumentParsing {
    static let documentKind = "codebook"
    /// The file name, for messages.
    let name: String
    /// The language of labels written as plain text (the file's `language:`, default `en`).
    private(set) var language = "en"

    static let topKeys = ["language", "title", "encoding", "documents", "design", "multiple-response", "variables"]
    static let variableKeys = ["label", "type", "measurement", "values", "missing", "missing-range", "format", "temporal", "width"]
    static let setKeys = ["label", "type", "counted", "variables"]

    init(name: String) {
        self.name = name
    }

    // MARK: - Document

    mutating func parse(_ text: String) throws(ReadError) -> CodebookDocument {
        let root = try compose(text)
        guard let root, !isNull(root) else {
            throw failure(nil, "the file holds no codebook; write at least a `variables:` section, e.g. `variables: {q1: {label: {en: Opinion of Russia}}}`")
        }
        guard case .mapping(let top) = root else {
            throw failure(line(root), "the top level is \(describe(root)), but a codebook is a mapping of keys such as `title:` and `variables:`")
        }
        let members = try keys(of: top, in: "the top level of the codebook", allowed: Self.topKeys)
        if let node = members["language"] {
            let tag = try scalar(node, what: "`language`")
            guard YAMLScalars.isLanguageTag(tag) else {
                throw failure(line(node), "`language: \(tag)` is not a language tag; write a BCP 47 tag such as en, ru or kk")
            }
            language = tag
        }

        var codebook = Codebook()
        if let node = members["title"] { codebook.fileLabel = try localized(node, what: "the title") }
        if let node = members["encoding"] { codebook.encoding = try scalar(node, what: "`encoding`") }
        if let node = members["documents"] { codebook.documents = try strings(node, what: "`documents`") }
        if let node = members["design"] { codebook.design = try design(node) }
        var setLines: [String: Int] = [:]
        if let node = members["multiple-response"] {
            (codebook.multipleResponseSets, setLines) = try multipleResponseSets(node)
        }
        var entries: [CodebookDocument.Entry] = []
        if let node = members["variables"], !isNull(node) {
            guard case .mapping(let variables) = node else {
                throw failure(line(node), "`variables:` holds \(describe(node)), but it must map each variable name to its labels, e.g. `q1: {label: {en: Opinion of Russia}}`")
            }
            for (key, value) in variables {
                let variable = try scalar(key, what: "a variable name")
                entries.append(try entry(variable, key: key, value))
            }
        }
        for entry in entries { codebook[entry.name] = Self.metadata(of: entry) }
        return CodebookDocument(name: name, codebook: codebook, entries: entries,
                                designLine: members["design"].flatMap(line), setLines: setLines)
    }

    // MARK: - Variables

    private func entry(_ variable: String, key: Node, _ node: Node) throws(ReadError) -> CodebookDocument.Entry {
        var entry = CodebookDocument.Entry(name: variable, line: line(key))
        if isNull(node) { return entry }
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "variable '\(variable)' holds \(describe(node)), but it must be a mapping of keys such as `label:` and `values:`")
        }
        let members = try keys(of: mapping, in: "variable '\(variable)'", allowed: Self.variableKeys)
        if let node = members["type"] {
            let text = try scalar(node, what: "the type of '\(variable)'")
            guard let type = CodebookDocument.DeclaredType(rawValue: text.lowercased()) else {
                throw failure(line(node), "the type of '\(variable)' is '\(text)', which is not a type; write numeric, categorical or text")
            }
            entry.type = type
        }
        if let node = members["label"] { entry.label = try localized(node, what: "the label of '\(variable)'") }
        if let node = members["measurement"] {
            let text = try scalar(node, what: "the measurement of '\(variable)'")
            guard let level = MeasurementLevel(rawValue: text.lowercased()) else {
                let hint = Self.measurementAliases[text.lowercased()].map { " (\(text) is called \($0.rawValue))" } ?? ""
                throw failure(line(node), "the measurement of '\(variable)' is '\(text)', which is not a measurement level; write nominal, ordinal or scale\(hint)")
            }
            entry.measurement = level
        }
        if let node = members["values"], !isNull(node) {
            guard case .mapping(let values) = node else {
                throw failure(line(node), "the values of '\(variable)' are \(describe(node)), but they must map each code to its label, e.g. `1: {en: Very favourable}`")
            }
            for (key, value) in values {
                let code = try self.code(key, variable: variable, numeric: entry.type == .numeric, what: "code")
                guard let label = try localized(value, what: "the label of code \(Self.shown(code)) of '\(variable)'") else {
                    throw failure(line(key), "the code \(Self.shown(code)) of '\(variable)' has no label; write one, e.g. `\(code.number == nil ? "\"\(code.text)\"" : code.text): {\(language): Don't know}`, or remove the line")
                }
                entry.values.append((code, label))
            }
        }
        if let node = members["missing"], !isNull(node) {
            let items: [Node]
            if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
            entry.missing = try items.map { item throws(ReadError) in
                try code(item, variable: variable, numeric: entry.type == .numeric, what: "missing code")
            }
        } else if members["missing"] != nil {
            entry.missing = []
        }
        if let node = members["missing-range"] {
            entry.missingRange = try missingRange(node, variable: variable)
            entry.missingRangeLine = line(node)
        }
        if let node = members["format"] { entry.format = try scalar(node, what: "the format of '\(variable)'") }
        if let node = members["temporal"] {
            let text = try scalar(node, what: "the temporal kind of '\(variable)'")
            guard let kind = Self.temporalKinds[text.lowercased()] else {
                throw failure(line(node), "the temporal kind of '\(variable)' is '\(text)', which is not one; write date, date-time or time")
            }
            entry.temporal = kind
        }
        if let node = members["width"] {
            let text = try scalar(node, what: "the width of '\(variable)'")
            guard let width = Int(text), width > 0 else {
                throw failure(line(node), "the width of '\(variable)' is '\(text)'; write the number of bytes of the string variable, e.g. `width: 40`")
            }
            entry.width = width
        }
        return entry
    }

    /// A code as written: a key under `values:` or an item of `missing:`.
    private func code(_ node: Node, variable: String, numeric: Bool, what: String) throws(ReadError) -> CodebookDocument.Code {
        guard case .scalar(let s) = node, !YAMLScalars.isNull(s) else {
            throw failure(line(node), "a \(what) of '\(variable)' is \(describe(node)); write a number such as 98, or a text in quotes")
        }
        let plain = s.style == .plain || s.style == .any
        let code = CodebookDocument.Code(text: s.string, number: plain ? YAMLScalars.number(s.string) : nil, line: line(node))
        if numeric, code.numericValue == nil {
            throw failure(line(node), "the \(what) '\(s.string)' of '\(variable)' is not a number, but '\(variable)' is declared `type: numeric`; write the stored number, e.g. `1: {\(language): Yes}`")
        }
        return code
    }

    /// A code as messages show it: a number as is, a text in quotes.
    static func shown(_ code: CodebookDocument.Code) -> String {
        code.number != nil ? code.text : "'\(code.text)'"
    }

    /// `missing-range: [low, high]` (or `{low: 90, high: 99}`), ends numbers or lo/hi.
    private func missingRange(_ node: Node, variable: String) throws(ReadError) -> ClosedRange<Double> {
        var ends: [Node] = []
        switch node {
        case .sequence(let sequence): ends = Array(sequence)
        case .mapping(let mapping):
            let members = try keys(of: mapping, in: "the missing range of '\(variable)'", allowed: ["low", "high"])
            ends = [members["low"], members["high"]].compactMap { $0 }
        default: break
        }
        let texts = ends.compactMap { n -> String? in if case .scalar(let s) = n { s.string } else { nil } }
        guard texts.count == 2, let low = YAMLScalars.rangeEnd(texts[0]), let high = YAMLScalars.rangeEnd(texts[1]) else {
            throw failure(line(node), "the missing range of '\(variable)' must be two numbers, low and high, e.g. `missing-range: [90, 99]` (lo and hi stand for no bound)")
        }
        guard low <= high else {
            throw failure(line(node), "the missing range of '\(variable)' runs from \(texts[0]) down to \(texts[1]); write the lower end first, e.g. `missing-range: [\(texts[1]), \(texts[0])]`")
        }
        return low...high
    }

    /// The codebook's view of one entry, without data: plain numbers are numeric codes, other
    /// codes stored texts (all codes are texts when the entry declares a text type).
    static func metadata(of entry: CodebookDocument.Entry) -> VariableMetadata {
        let textual = entry.type == .categorical || entry.type == .text
        var meta = VariableMetadata(label: entry.label ?? LocalizedText(), measurement: entry.measurement)
        for (code, label) in entry.values {
            if !textual, let number = entry.type == .numeric ? code.numericValue : code.number {
                meta.valueLabels.append(ValueLabel(code: number, label: label))
            } else {
                meta.valueLabels.append(ValueLabel(stringCode: code.text, label: label))
            }
        }
        for code in entry.missing ?? [] {
            if !textual, let number = entry.type == .numeric ? code.numericValue : code.number {
                meta.missingCodes.append(number)
            } else {
                meta.missingStrings.append(code.text)
            }
        }
        meta.missingRange = entry.missingRange
        meta.displayFormat = entry.format
        meta.temporal = entry.temporal
        meta.stringWidth = entry.width
        return meta
    }

    static let measurementAliases: [String: MeasurementLevel] = [
        "interval": .scale, "ratio": .scale, "continuous": .scale, "numeric": .scale, "scale": .scale,
        "categorical": .nominal, "nominal": .nominal, "ordered": .ordinal, "ordinal": .ordinal,
    ]

    static let temporalKinds: [String: TemporalKind] = [
        "date": .date, "date-time": .dateTime, "datetime": .dateTime, "time": .time,
    ]

    // MARK: - File-level sections

    private func multipleResponseSets(_ node: Node) throws(ReadError) -> ([MultipleResponseSet], [String: Int]) {
        if isNull(node) { return ([], [:]) }
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "`multiple-response:` holds \(describe(node)), but it must map each set name to its definition, e.g. `media: {type: dichotomies, counted: 1, variables: [m1, m2]}`")
        }
        var sets: [MultipleResponseSet] = []
        var lines: [String: Int] = [:]
        for (key, value) in mapping {
            let setName = try scalar(key, what: "a multiple-response set name")
            lines[setName] = line(key)
            guard case .mapping(let definition) = value else {
                throw failure(line(value), "the multiple-response set '\(setName)' holds \(describe(value)), but it must be a mapping such as `{type: categories, variables: [m1, m2]}`")
            }
            let members = try keys(of: definition, in: "the multiple-response set '\(setName)'", allowed: Self.setKeys)
            let label = try members["label"].flatMap { n throws(ReadError) in try localized(n, what: "the label of set '\(setName)'") }
            let typeText = try members["type"].map { n throws(ReadError) in try scalar(n, what: "the type of set '\(setName)'") }
            let counted = try members["counted"].map { n throws(ReadError) in try scalar(n, what: "the counted value of set '\(setName)'") }
            let kind: MultipleResponseSet.Kind
            switch (typeText?.lowercased(), counted) {
            case ("dichotomies", let value?), (nil, let value?): kind = .dichotomies(countedValue: value)
            case ("dichotomies", nil):
                throw failure(line(value), "the multiple-response set '\(setName)' is of type dichotomies but names no `counted:` value; add the value that means 'chosen', e.g. `counted: 1`")
            case ("categories", nil): kind = .categories
            case ("categories", _?):
                throw failure(line(value), "the multiple-response set '\(setName)' is of type categories, which counts no single value; remove `counted:` or write `type: dichotomies`")
            case (nil, nil):
                throw failure(line(value), "the multiple-response set '\(setName)' has no `type:`; write `type: categories`, or `type: dichotomies` with a `counted:` value")
            default:
                throw failure(members["type"].flatMap(line), "the type of the multiple-response set '\(setName)' is '\(typeText ?? "")'; write dichotomies or categories")
            }
            guard let variablesNode = members["variables"] else {
                throw failure(line(value), "the multiple-response set '\(setName)' lists no `variables:`; add them, e.g. `variables: [m1, m2, m3]`")
            }
            let variables = try strings(variablesNode, what: "the variables of set '\(setName)'")
            sets.append(MultipleResponseSet(name: setName, label: label ?? LocalizedText(), kind: kind, variables: variables))
        }
        return (sets, lines)
    }

    // MARK: - Building blocks

}
