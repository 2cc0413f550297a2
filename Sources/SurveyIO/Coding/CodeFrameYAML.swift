import Foundation
import SurveyCore
import TextCoding
import Yams

/// Code frames in YAML:
///
/// ```yaml
/// frame:
///   name: Reasons for a favourable opinion of Russia
///   languages: [kk, ru, en]
/// codes:
///   - code: domestic
///     label: {en: Russia's domestic qualities, ru: Внутренние качества России, kk: Ресейдің ішкі қасиеттері}
///     description: Development, economy, living standards, order.
///     examples: [Развитая страна, Экономикасы күшті]
///     rules:
///       ru: {stems: [развит, экономик, уровен жизн], patterns: ['зарплат\S* (выше|больше)']}
///       kk: {stems: [дамы, экономик], exclude: [емес]}
///   - code: economy
///     parent: domestic          # a code inside the net `domestic`
///     label: {en: Economy, ru: Экономика, kk: Экономика}
///   - code: other
///     uncodable: true           # left out of the base of categorizable answers
///     label: {en: Other, don't know, ru: Другое, затрудняюсь, kk: Басқа, білмеймін}
/// ```
///
/// `frame:` names the frame and lists its languages; every code has a label in each. A code has
/// `code` and `label`, and optionally `parent`, `description`, `examples`, `uncodable` and
/// `rules` (by language: `kk`, `ru`, `en`, or `any` for every language; each with `stems`,
/// `patterns` and `exclude`, see ``TextCoding/CodeRules``). A problem names the file, the line
/// and the fix.
public enum CodeFrameYAML {
    /// Reads and checks the code frame in the file at `path`.
    /// - Throws: ``ReadError`` for a file that cannot be read, is not such YAML, or holds a frame
    ///   that fails its checks (``TextCoding/CodeFrame/validate()``).
    public static func read(path: String) throws(ReadError) -> CodeFrame {
        let data = try FileContents.read(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(.invalidEncoding, "Cannot read code frame '\(path)': the file is not valid UTF-8; save it with UTF-8 encoding.")
        }
        return try read(string: text, name: path)
    }

    /// Reads and checks the code frame held in a string; `name` identifies it in messages.
    public static func read(string: String, name: String) throws(ReadError) -> CodeFrame {
        try CodeFrameYAMLParser(name: name).parse(string)
    }
}

/// The parser behind ``CodeFrameYAML``.
struct CodeFrameYAMLParser: YAMLDocumentParsing {
    static let documentKind = "code frame"
    static let codeKeys = ["code", "label", "parent", "description", "examples", "uncodable", "rules"]
    let name: String
    let language = "en"

    func parse(_ text: String) throws(ReadError) -> CodeFrame {
        guard let root = try compose(text), !isNull(root) else {
            throw failure(nil, "the file is empty; write a `frame:` mapping (name, languages) and a `codes:` list")
        }
        guard case .mapping(let top) = root else {
            throw failure(line(root), "the file holds \(describe(root)), but it must be a mapping with `frame:` and `codes:`")
        }
        let members = try keys(of: top, in: "the top level of the code frame", allowed: ["frame", "codes"])
        guard let head = members["frame"], case .mapping(let headMapping) = head else {
            throw failure(members["frame"].flatMap(line) ?? line(root), "the file has no `frame:` mapping; add one such as `frame: {name: Reasons, languages: [kk, ru, en]}`")
        }
        let headMembers = try keys(of: headMapping, in: "`frame:`", allowed: ["name", "languages"])
        guard let nameNode = headMembers["name"], !isNull(nameNode) else {
            throw failure(line(head), "`frame:` has no `name`; add one, e.g. `name: Reasons for a favourable opinion of Russia`")
        }
        let frameName = try scalar(nameNode, what: "the frame's `name`")
        let languages = try headMembers["languages"].map { n throws(ReadError) in try strings(n, what: "the frame's `languages`") } ?? []
        for language in languages where !YAMLScalars.isLanguageTag(language) {
            throw failure(headMembers["languages"].flatMap(line), "'\(language)' in the frame's `languages` is not a language tag; write BCP 47 tags such as kk, ru, en")
        }
        guard let list = members["codes"], case .sequence(let items) = list else {
            throw failure(members["codes"].flatMap(line) ?? line(root), "the file has no `codes:` list; add one with a mapping per code (`- code: economy`)")
        }
        var codes: [FrameCode] = []
        var lines: [String: Int] = [:]
        for item in items {
            let code = try code(item)
            guard lines[code.id] == nil else {
                throw failure(line(item), "code '\(code.id)' appears more than once; give each code its own id")
            }
            lines[code.id] = line(item)
            codes.append(code)
        }
        let frame = CodeFrame(name: frameName, languages: languages, codes: codes)
        if let problem = frame.problems().first {
            let at = problem.code.flatMap { lines[$0] } ?? (problem.code == nil ? line(list) : nil)
            throw failure(at, problem.problem)
        }
        return frame
    }

    private func code(_ node: Node) throws(ReadError) -> FrameCode {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "a code is \(describe(node)); write a mapping with at least `code` and `label`")
        }
        let m = try keys(of: mapping, in: "a code", allowed: Self.codeKeys)
        guard let idNode = m["code"], !isNull(idNode) else {
            throw failure(line(node), "a code has no `code:` id; add one such as `code: economy`")
        }
        let id = try scalar(idNode, what: "`code`")
        let what = "the `label` of code '\(id)'"
        let labels = try m["label"].flatMap { n throws(ReadError) in try localized(n, what: what) }?.texts ?? [:]
        var uncodable = false
        if let n = m["uncodable"], !isNull(n) {
            let text = try scalar(n, what: "`uncodable` of code '\(id)'")
            guard let value = YAMLScalars.bool(text) else {
                throw failure(line(n), "`uncodable: \(text)` of code '\(id)' is not true or false; write `uncodable: true` for codes such as don't know")
            }
            uncodable = value
        }
        var rules: [String: CodeRules] = [:]
        if let n = m["rules"], !isNull(n) {
            guard case .mapping(let byLanguage) = n else {
                throw failure(line(n), "the `rules` of code '\(id)' are \(describe(n)); write them by language, e.g. `rules: {ru: {stems: [экономик]}}`")
            }
            for (key, value) in byLanguage {
                let tag = try scalar(key, what: "a language of the rules of code '\(id)'")
                guard tag == CodeRules.anyLanguage || YAMLScalars.isLanguageTag(tag) else {
                    throw failure(line(key), "'\(tag)' in the rules of code '\(id)' is not a language; write kk, ru, en (or another BCP 47 tag) or `any`")
                }
                rules[tag] = try self.rules(value, of: id, language: tag)
            }
        }
        func optionalText(_ key: String) throws(ReadError) -> String? {
            guard let n = m[key], !isNull(n) else { return nil }
            return try scalar(n, what: "the `\(key)` of code '\(id)'")
        }
        return FrameCode(
            id: id, labels: labels, parent: try optionalText("parent"), description: try optionalText("description"),
            examples: try m["examples"].map { n throws(ReadError) in try strings(n, what: "the `examples` of code '\(id)'") } ?? [],
            uncodable: uncodable, rules: rules)
    }

    private func rules(_ node: Node, of id: String, language: String) throws(ReadError) -> CodeRules {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "the \(language) rules of code '\(id)' are \(describe(node)); write a mapping such as `{stems: [экономик], patterns: [], exclude: []}`")
        }
        let m = try keys(of: mapping, in: "the \(language) rules of code '\(id)'", allowed: ["stems", "patterns", "exclude"])
        func list(_ key: String) throws(ReadError) -> [String] {
            try m[key].map { n throws(ReadError) in try strings(n, what: "the \(language) `\(key)` of code '\(id)'") } ?? []
        }
        let rules = CodeRules(stems: try list("stems"), patterns: try list("patterns"), exclude: try list("exclude"))
        // A pattern's problem is reported at its own line.
        if case .sequence(let items)? = m["patterns"] {
            for item in items {
                guard case .scalar(let s) = item, let problem = CodeFrame.patternProblem(s.string) else { continue }
                throw failure(line(item), "the \(language) pattern '\(s.string)' of code '\(id)' \(problem)")
            }
        }
        return rules
    }
}
