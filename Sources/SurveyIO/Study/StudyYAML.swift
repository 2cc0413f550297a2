import Foundation
import Studies
import SurveyCore
import Weighting
import Yams

/// A study's `study.yaml`: its title, waves, concepts and events.
///
/// ```yaml
/// title: {en: Central Asia Barometer, ru: Центральноазиатский барометр}
/// source: {en: "Central Asia Barometer (simulated data)"}
/// simulated: true
/// waves:
///   - id: 2017-spring
///     label: {en: Spring 2017, ru: Весна 2017}
///     file: waves/2017-spring.sav
///     fieldwork: {start: 2017-04-03, end: 2017-05-12}
///     mode: face-to-face
///     design: {weight: weight, strata: stratum, cluster: psu}
///     weighting: {targets: census.yaml, method: rake}     # optional: calibrate when analysed
/// concepts:
///   - id: opinion_russia
///     title: {en: Opinion of Russia}
///     text: {en: "Is your opinion of Russia very favourable, …?"}
///     levels:
///       - {id: very_favourable, label: {en: Very favourable}, valence: positive}
///       - {id: dont_know, label: {en: Don't know}, valence: missing}
///     variable: q_russia                     # in every wave, unless overridden
///     codes: {1: very_favourable, 98: dont_know}
///     waves: [2017-spring, 2017-autumn]      # optional: the waves that asked it
///     overrides:
///       2017-autumn: {variable: q12, wording-changed: {en: "Added 'neutral'"}}
/// events:
///   - {date: 2022-02-24, label: {en: Russia's full-scale invasion of Ukraine}}
/// ```
public enum StudyYAML {
    /// Reads `study.yaml` (or another file name).
    /// - Throws: ``ReadError`` naming the file, the line and the fix.
    public static func read(path: String) throws(ReadError) -> Study {
        let data = try FileContents.read(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(.invalidEncoding, "Cannot read study '\(path)': the file is not valid UTF-8; save it with UTF-8 encoding.")
        }
        return try read(string: text, name: path)
    }

    /// Reads a study held in a string; `name` identifies it in messages.
    public static func read(string: String, name: String) throws(ReadError) -> Study {
        var parser = StudyYAMLParser(name: name)
        return try parser.parse(string)
    }

    /// The YAML of `study`, which ``read(string:name:)`` reads back to the same study.
    public static func string(for study: Study) throws(ReadError) -> String {
        var top: [(Node, Node)] = [(Node("title"), CodebookYAMLEmitter.localized(study.title))]
        if CodebookYAMLEmitter.hasText(study.description) { top.append((Node("description"), CodebookYAMLEmitter.localized(study.description))) }
        if CodebookYAMLEmitter.hasText(study.source) { top.append((Node("source"), CodebookYAMLEmitter.localized(study.source))) }
        if study.simulated { top.append((Node("simulated"), Node("true"))) }
        top.append((Node("waves"), Node(study.waves.map(wave), .implicit, .block)))
        if !study.concepts.isEmpty {
            top.append((Node("concepts"), Node(study.concepts.map { concept($0, waves: study.waves.map(\.id)) }, .implicit, .block)))
        }
        if !study.events.isEmpty {
            top.append((Node("events"), Node(study.events.map { e in
                Node([(Node("date"), Node(e.date)), (Node("label"), CodebookYAMLEmitter.localized(e.label))], .implicit, .flow)
            }, .implicit, .block)))
        }
        if study.access != PublicAccess() {
            var fields: [(Node, Node)] = []
            func list(_ names: [String]) -> Node { Node(names.map { Node($0) }, .implicit, .flow) }
            if let b = study.access.breakdowns { fields.append((Node("breakdowns"), list(b))) }
            if let f = study.access.filters { fields.append((Node("filters"), list(f))) }
            if !study.access.estimate.isEmpty { fields.append((Node("estimate"), list(study.access.estimate))) }
            if !study.access.coded.isEmpty { fields.append((Node("coded"), list(study.access.coded))) }
            top.append((Node("public"), Node(fields, .implicit, .block)))
        }
        do {
            return "# Barometer study: waves, harmonized concepts and events. Paths are relative to this folder. Paths are relative to this folder.\n\n"
                + (try Yams.serialize(node: Node(top, .implicit, .block), indent: 2, width: -1, allowUnicode: true))
        } catch {
            throw ReadError(.malformed, "Cannot write the study as YAML: \(error); report this as a bug.")
        }
    }

    private static func wave(_ w: StudyWave) -> Node {
        var m: [(Node, Node)] = [(Node("id"), YAMLScalars.text(w.id))]
        if CodebookYAMLEmitter.hasText(w.label) { m.append((Node("label"), CodebookYAMLEmitter.localized(w.label))) }
        m.append((Node("file"), YAMLScalars.text(w.file)))
        if let c = w.codebook { m.append((Node("codebook"), YAMLScalars.text(c))) }
        m.append((Node("fieldwork"), Node([(Node("start"), Node(w.fieldworkStart)), (Node("end"), Node(w.fieldworkEnd))], .implicit, .flow)))
        if let mode = w.mode { m.append((Node("mode"), YAMLScalars.text(mode))) }
        m.append((Node("design"), CodebookYAMLEmitter.design(w.design)))
        if let weighting = w.weighting {
            var fields: [(Node, Node)] = [(Node("targets"), YAMLScalars.text(weighting.targets)), (Node("method"), Node(weighting.method.rawValue))]
            if let b = weighting.bounds { fields.append((Node("bounds"), limits(b))) }
            if let t = weighting.trim { fields.append((Node("trim"), limits(t))) }
            m.append((Node("weighting"), Node(fields, .implicit, .flow)))
        }
        if let e = w.embargoUntil { m.append((Node("embargo-until"), Node(e))) }
        return Node(m, .implicit, .block)
    }

    private static func limits(_ l: WeightLimits) -> Node {
        Node([YAMLScalars.number(l.lower), YAMLScalars.number(l.upper)], .implicit, .flow)
    }

    private static func concept(_ c: Concept, waves: [String]) -> Node {
        var m: [(Node, Node)] = [(Node("id"), YAMLScalars.text(c.id)), (Node("title"), CodebookYAMLEmitter.localized(c.title))]
        if CodebookYAMLEmitter.hasText(c.text) { m.append((Node("text"), CodebookYAMLEmitter.localized(c.text))) }
        m.append((Node("levels"), Node(c.levels.map { l in
            Node([(Node("id"), YAMLScalars.text(l.id)), (Node("label"), CodebookYAMLEmitter.localized(l.label)),
                  (Node("valence"), Node(l.valence.rawValue))], .implicit, .flow)
        }, .implicit, .block)))
        // The most common variable and codes are the concept's defaults; others are overrides.
        var counts: [String: Int] = [:]
        for mapping in c.mappings { counts[mapping.variable, default: 0] += 1 }
        let variable = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        let codes = c.mappings.first { $0.variable == variable }?.codes
        if let variable { m.append((Node("variable"), YAMLScalars.text(variable))) }
        if let codes { m.append((Node("codes"), codesNode(codes))) }
        let asked = c.mappings.map(\.wave)
        if asked != waves { m.append((Node("waves"), Node(asked.map(YAMLScalars.text), .implicit, .flow))) }
        var overrides: [(Node, Node)] = []
        for mapping in c.mappings where mapping.variable != variable || mapping.codes != codes || mapping.wordingChanged != nil {
            var fields: [(Node, Node)] = []
            if mapping.variable != variable { fields.append((Node("variable"), YAMLScalars.text(mapping.variable))) }
            if mapping.codes != codes { fields.append((Node("codes"), codesNode(mapping.codes))) }
            if let w = mapping.wordingChanged { fields.append((Node("wording-changed"), CodebookYAMLEmitter.localized(w))) }
            overrides.append((YAMLScalars.text(mapping.wave), Node(fields, .implicit, .flow)))
        }
        if !overrides.isEmpty { m.append((Node("overrides"), Node(overrides, .implicit, .block))) }
        return Node(m, .implicit, .block)
    }

    private static func codesNode(_ codes: [String: String?]) -> Node {
        let keys = codes.keys.sorted { a, b in
            switch (Double(a), Double(b)) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
        return Node(keys.map { k in
            (Double(k) != nil ? Node(k, .implicit, .plain) : YAMLScalars.text(k), codes[k]!.map(YAMLScalars.text) ?? Node("null"))
        }, .implicit, .flow)
    }
}
