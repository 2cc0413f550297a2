import Foundation
import Studies
import SurveyCore
import Weighting
import Yams

/// Reads a `study.yaml` into a ``Study`` (the format is described on ``StudyYAML``). Every
/// problem is one ``ReadError`` sentence naming the file, the line, the key and the fix.
struct StudyYAMLParser: YAMLDocumentParsing {
    static let documentKind = "study"
    static let topKeys = ["language", "title", "description", "source", "simulated", "waves", "concepts", "events", "public"]
    static let waveKeys = ["id", "label", "file", "codebook", "fieldwork", "mode", "design", "weighting", "embargo-until"]
    static let conceptKeys = ["id", "title", "text", "levels", "variable", "codes", "waves", "overrides"]
    static let overrideKeys = ["variable", "codes", "wording-changed"]

    let name: String
    private(set) var language = "en"

    init(name: String) {
        self.name = name
    }

    mutating func parse(_ text: String) throws(ReadError) -> Study {
        guard let root = try compose(text), !isNull(root) else {
            throw failure(nil, "the file describes no study; write at least `title:` and `waves:`")
        }
        guard case .mapping(let top) = root else {
            throw failure(line(root), "the top level is \(describe(root)), but a study is a mapping of keys such as `title:`, `waves:` and `concepts:`")
        }
        let members = try keys(of: top, in: "the top level of the study", allowed: Self.topKeys)
        if let node = members["language"] {
            let tag = try scalar(node, what: "`language`")
            guard YAMLScalars.isLanguageTag(tag) else {
                throw failure(line(node), "`language: \(tag)` is not a language tag; write a BCP 47 tag such as en, ru or kk")
            }
            language = tag
        }
        guard let titleNode = members["title"], let title = try localized(titleNode, what: "the title") else {
            throw failure(line(root), "the study has no `title:`; add one, e.g. `title: {en: Central Asia Barometer, ru: Центральноазиатский барометр}`")
        }
        var study = Study(title: title, waves: [])
        if let node = members["description"] { study.description = try localized(node, what: "the description") ?? LocalizedText() }
        if let node = members["source"] { study.source = try localized(node, what: "the source") ?? LocalizedText() }
        if let node = members["simulated"] {
            let text = try scalar(node, what: "`simulated`")
            guard let flag = YAMLScalars.bool(text) else {
                throw failure(line(node), "`simulated: \(text)` is not true or false")
            }
            study.simulated = flag
        }
        guard let wavesNode = members["waves"], case .sequence(let waveNodes) = wavesNode, !waveNodes.isEmpty else {
            throw failure(members["waves"].flatMap(line) ?? line(root), "the study lists no waves; add `waves:` with one entry per wave (`- id: 2017-spring`, `file: waves/2017-spring.sav`, `fieldwork: {start: 2017-04-03, end: 2017-05-12}`)")
        }
        var waveLines: [String: Int] = [:]
        for node in waveNodes {
            let wave = try self.wave(node)
            if waveLines[wave.id] != nil {
                throw failure(line(node), "the wave id '\(wave.id)' is used twice (first on line \(waveLines[wave.id]!)); give every wave its own id")
            }
            waveLines[wave.id] = line(node) ?? 0
            study.waves.append(wave)
        }
        if let node = members["concepts"], !isNull(node) {
            guard case .sequence(let conceptNodes) = node else {
                throw failure(line(node), "`concepts:` holds \(describe(node)), but it must be a list of concepts (`- id: opinion_russia`)")
            }
            var seen = Set<String>()
            for c in conceptNodes {
                let concept = try self.concept(c, waves: study.waves.map(\.id))
                guard seen.insert(concept.id).inserted else {
                    throw failure(line(c), "the concept id '\(concept.id)' is used twice; give every concept its own id")
                }
                study.concepts.append(concept)
            }
        }
        if let node = members["events"], !isNull(node) {
            guard case .sequence(let eventNodes) = node else {
                throw failure(line(node), "`events:` holds \(describe(node)), but it must be a list such as `- {date: 2022-02-24, label: {en: Invasion of Ukraine}}`")
            }
            for e in eventNodes {
                guard case .mapping(let mapping) = e else {
                    throw failure(line(e), "an event is \(describe(e)); write `- {date: 2022-02-24, label: {en: …}}`")
                }
                let fields = try keys(of: mapping, in: "an event", allowed: ["date", "label"])
                guard let dateNode = fields["date"], let labelNode = fields["label"] else {
                    throw failure(line(e), "an event needs `date:` and `label:`")
                }
                let date = try self.date(dateNode, what: "the event's date")
                guard let label = try localized(labelNode, what: "the label of the event of \(date)") else {
                    throw failure(line(labelNode), "the event of \(date) has an empty label")
                }
                study.events.append(StudyEvent(date: date, label: label))
            }
        }
        if let node = members["public"], !isNull(node) {
            guard case .mapping(let mapping) = node else {
                throw failure(line(node), "`public:` holds \(describe(node)); write e.g. `public: {breakdowns: [agegroup, sex], estimate: [russian_media]}`")
            }
            let fields = try keys(of: mapping, in: "`public:`", allowed: ["estimate", "breakdowns", "filters", "coded"])
            if let n = fields["estimate"] { study.access.estimate = try strings(n, what: "`public: estimate`") }
            if let n = fields["breakdowns"] { study.access.breakdowns = try strings(n, what: "`public: breakdowns`") }
            if let n = fields["filters"] { study.access.filters = try strings(n, what: "`public: filters`") }
            if let n = fields["coded"] { study.access.coded = try strings(n, what: "`public: coded`") }
        }
        return study
    }

    private func wave(_ node: Node) throws(ReadError) -> StudyWave {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "a wave is \(describe(node)); write its `id:`, `file:` and `fieldwork:` under `- `")
        }
        let m = try keys(of: mapping, in: "a wave", allowed: Self.waveKeys)
        guard let idNode = m["id"] else { throw failure(line(node), "a wave has no `id:`; add one such as `id: 2017-spring`") }
        let id = try scalar(idNode, what: "a wave's id")
        guard let fileNode = m["file"] else { throw failure(line(node), "wave '\(id)' has no `file:`; give its data file relative to the study folder") }
        guard let fieldNode = m["fieldwork"], case .mapping(let fieldwork) = fieldNode else {
            throw failure(m["fieldwork"].flatMap(line) ?? line(node), "wave '\(id)' needs `fieldwork: {start: 2017-04-03, end: 2017-05-12}`")
        }
        let f = try keys(of: fieldwork, in: "the fieldwork of wave '\(id)'", allowed: ["start", "end"])
        guard let startNode = f["start"], let endNode = f["end"] else {
            throw failure(line(fieldNode), "the fieldwork of wave '\(id)' needs both `start:` and `end:`")
        }
        let start = try date(startNode, what: "the fieldwork start of wave '\(id)'")
        let end = try date(endNode, what: "the fieldwork end of wave '\(id)'")
        guard StudyDate.fractionalYear(start) <= StudyDate.fractionalYear(end) else {
            throw failure(line(endNode), "wave '\(id)' ends (\(end)) before it starts (\(start)); swap the dates")
        }
        var wave = StudyWave(
            id: id, label: try m["label"].flatMap { n throws(ReadError) in try localized(n, what: "the label of wave '\(id)'") } ?? LocalizedText(id),
            file: try scalar(fileNode, what: "the file of wave '\(id)'"), fieldworkStart: start, fieldworkEnd: end,
            design: try m["design"].flatMap { n throws(ReadError) in try design(n) } ?? DesignSpec())
        if let n = m["codebook"] { wave.codebook = try scalar(n, what: "the codebook of wave '\(id)'") }
        if let n = m["mode"] { wave.mode = try scalar(n, what: "the mode of wave '\(id)'") }
        if let n = m["embargo-until"] { wave.embargoUntil = try date(n, what: "the embargo of wave '\(id)'") }
        if let n = m["weighting"] { wave.weighting = try weighting(n, wave: id) }
        return wave
    }

    private func weighting(_ node: Node, wave: String) throws(ReadError) -> WaveWeighting {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "the weighting of wave '\(wave)' is \(describe(node)); write `{targets: census.yaml, method: rake}`")
        }
        let m = try keys(of: mapping, in: "the weighting of wave '\(wave)'", allowed: ["targets", "method", "bounds", "trim"])
        guard let targetsNode = m["targets"] else {
            throw failure(line(node), "the weighting of wave '\(wave)' names no `targets:` file")
        }
        var weighting = WaveWeighting(targets: try scalar(targetsNode, what: "the targets of wave '\(wave)'"))
        if let n = m["method"] {
            let text = try scalar(n, what: "the weighting method of wave '\(wave)'")
            guard let method = WeightingMethod(rawValue: text) else {
                throw failure(line(n), "the weighting method '\(text)' of wave '\(wave)' is not one of \(WeightingMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            weighting.method = method
        }
        if let n = m["bounds"] { weighting.bounds = try limits(n, what: "the bounds of wave '\(wave)'") }
        if let n = m["trim"] { weighting.trim = try limits(n, what: "the trimming limits of wave '\(wave)'") }
        return weighting
    }

    private func limits(_ node: Node, what: String) throws(ReadError) -> WeightLimits {
        let values = try strings(node, what: what).map { YAMLScalars.rangeEnd($0) }
        guard values.count == 2, let lower = values[0], let upper = values[1], lower < upper else {
            throw failure(line(node), "\(what) must be two numbers, lower first, e.g. `[0.3, 3]`")
        }
        return WeightLimits(lower: lower, upper: upper)
    }

    private func concept(_ node: Node, waves: [String]) throws(ReadError) -> Concept {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "a concept is \(describe(node)); write its `id:`, `title:`, `levels:` and `variable:` under `- `")
        }
        let m = try keys(of: mapping, in: "a concept", allowed: Self.conceptKeys)
        guard let idNode = m["id"] else { throw failure(line(node), "a concept has no `id:`; add one such as `id: opinion_russia`") }
        let id = try scalar(idNode, what: "a concept's id")
        let title = try m["title"].flatMap { n throws(ReadError) in try localized(n, what: "the title of concept '\(id)'") } ?? LocalizedText(id)
        let text = try m["text"].flatMap { n throws(ReadError) in try localized(n, what: "the text of concept '\(id)'") } ?? LocalizedText()
        guard let levelsNode = m["levels"], case .sequence(let levelNodes) = levelsNode, !levelNodes.isEmpty else {
            throw failure(m["levels"].flatMap(line) ?? line(node), "concept '\(id)' lists no `levels:`; give its answers in order, e.g. `- {id: very_favourable, label: {en: Very favourable}, valence: positive}`")
        }
        var levels: [ConceptLevel] = []
        for l in levelNodes {
            guard case .mapping(let lm) = l else {
                throw failure(line(l), "a level of concept '\(id)' is \(describe(l)); write `{id: …, label: {en: …}, valence: positive}`")
            }
            let f = try keys(of: lm, in: "a level of concept '\(id)'", allowed: ["id", "label", "valence"])
            guard let lid = try f["id"].map({ n throws(ReadError) in try scalar(n, what: "a level id of concept '\(id)'") }) else {
                throw failure(line(l), "a level of concept '\(id)' has no `id:`")
            }
            guard !levels.contains(where: { $0.id == lid }) else {
                throw failure(line(l), "concept '\(id)' has the level '\(lid)' twice")
            }
            var level = ConceptLevel(id: lid, label: try f["label"].flatMap { n throws(ReadError) in try localized(n, what: "the label of level '\(lid)'") } ?? LocalizedText(lid))
            if let v = f["valence"] {
                let text = try scalar(v, what: "the valence of level '\(lid)'")
                guard let valence = ConceptLevel.Valence(rawValue: text) else {
                    throw failure(line(v), "the valence '\(text)' of level '\(lid)' is not positive, negative, neutral or missing")
                }
                level.valence = valence
            }
            levels.append(level)
        }
        let levelIDs = levels.map(\.id)
        let defaultVariable = try m["variable"].map { n throws(ReadError) in try scalar(n, what: "the variable of concept '\(id)'") }
        let defaultCodes = try m["codes"].map { n throws(ReadError) in try codes(n, concept: id, levels: levelIDs) }
        var asked = waves
        if let n = m["waves"] {
            asked = try strings(n, what: "the waves of concept '\(id)'")
            if let unknown = asked.first(where: { !waves.contains($0) }) {
                throw failure(line(n), "concept '\(id)' names the wave '\(unknown)', which the study does not have\(suggestion(unknown, waves))")
            }
        }
        var overrides: [String: (variable: String?, codes: [String: String?]?, wording: LocalizedText?)] = [:]
        if let n = m["overrides"], !isNull(n) {
            guard case .mapping(let om) = n else {
                throw failure(line(n), "the overrides of concept '\(id)' are \(describe(n)); map wave ids to `{variable: …, codes: {…}, wording-changed: {en: …}}`")
            }
            for (k, v) in om {
                let wave = try scalar(k, what: "a wave of the overrides of concept '\(id)'")
                guard waves.contains(wave) else {
                    throw failure(line(k), "concept '\(id)' has overrides for the wave '\(wave)', which the study does not have\(suggestion(wave, waves))")
                }
                guard case .mapping(let fields) = v else {
                    throw failure(line(v), "the override of concept '\(id)' for wave '\(wave)' is \(describe(v)); write `{variable: …, codes: {…}}`")
                }
                let f = try keys(of: fields, in: "the override of concept '\(id)' for wave '\(wave)'", allowed: Self.overrideKeys)
                overrides[wave] = (
                    try f["variable"].map { n throws(ReadError) in try scalar(n, what: "the variable of concept '\(id)' in wave '\(wave)'") },
                    try f["codes"].map { n throws(ReadError) in try codes(n, concept: id, levels: levelIDs) },
                    try f["wording-changed"].flatMap { n throws(ReadError) in try localized(n, what: "the wording change of concept '\(id)' in wave '\(wave)'") })
                if !asked.contains(wave) { asked.append(wave) }
            }
        }
        var mappings: [ConceptMapping] = []
        for wave in waves where asked.contains(wave) {
            let o = overrides[wave]
            guard let variable = o?.variable ?? defaultVariable else {
                throw failure(line(node), "concept '\(id)' names no variable for wave '\(wave)'; add `variable:` to the concept or to its override for that wave")
            }
            guard let codes = o?.codes ?? defaultCodes else {
                throw failure(line(node), "concept '\(id)' maps no codes for wave '\(wave)'; add `codes: {1: \(levelIDs[0]), …}` to the concept or to its override")
            }
            mappings.append(ConceptMapping(wave: wave, variable: variable, codes: codes, wordingChanged: o?.wording))
        }
        return Concept(id: id, title: title, text: text, levels: levels, mappings: mappings)
    }

    /// `{1: very_favourable, 98: dont_know, 0: null}`.
    private func codes(_ node: Node, concept: String, levels: [String]) throws(ReadError) -> [String: String?] {
        guard case .mapping(let mapping) = node else {
            throw failure(line(node), "the codes of concept '\(concept)' are \(describe(node)); map each stored code to a level id, e.g. `{1: very_favourable, 98: dont_know}`")
        }
        var out: [String: String?] = [:]
        for (k, v) in mapping {
            let code = try scalar(k, what: "a code of concept '\(concept)'")
            if isNull(v) { out[code] = .some(nil); continue }
            let level = try scalar(v, what: "the level of code \(code) of concept '\(concept)'")
            guard levels.contains(level) else {
                throw failure(line(v), "code \(code) of concept '\(concept)' maps to '\(level)', which is not one of its levels\(suggestion(level, levels))")
            }
            out[code] = level
        }
        return out
    }

    private func date(_ node: Node, what: String) throws(ReadError) -> String {
        let text = try scalar(node, what: what)
        guard StudyDate.isValid(text) else {
            throw failure(line(node), "\(what) '\(text)' is not a date; write it as YYYY-MM-DD (or YYYY-MM), e.g. 2022-02-24")
        }
        return text
    }

    private func suggestion(_ text: String, _ candidates: [String]) -> String {
        NameSuggester.closest(to: text, among: candidates, limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
    }
}
