import Foundation
import SurveyCore

/// Reads a concept out of one wave: every respondent's stored code of the mapped variable
/// becomes a canonical level (or a merged group of levels), as a categorical column with
/// labels in every language of the concept, "don't know" levels flagged user-missing, and a
/// net score column (+1 positive, −1 negative, 0 otherwise).
struct ConceptRecoder {
    /// One reported level: a canonical level or a group of them.
    struct OutputLevel: Equatable {
        var id: String
        var label: LocalizedText
        var valence: ConceptLevel.Valence
    }

    let concept: Concept
    let levels: [OutputLevel]
    /// The language of labels.
    let language: String
    /// Output level of every canonical level.
    let outputOfLevel: [Int]

    /// - Throws: ``SurveyError`` when a group names a level the concept lacks.
    init(concept: Concept, collapse: [TrendSpec.LevelGroup], language: String = "en") throws(SurveyError) {
        self.concept = concept
        self.language = language
        var output: [OutputLevel] = []
        var outputOf = [Int](repeating: -1, count: concept.levels.count)
        var groupOf: [Int: Int] = [:]   // canonical level → group index
        for (g, group) in collapse.enumerated() {
            for member in group.members {
                guard let i = Self.levelIndex(member, in: concept) else {
                    let names = concept.levels.map(\.id).joined(separator: ", ")
                    throw SurveyError(.invalidRequest, "The group '\(group.name)' names '\(member)', which is not a level of '\(concept.id)' (levels: \(names)); name levels by id or label.")
                }
                if let other = groupOf[i], other != g {
                    throw SurveyError(.invalidRequest, "The level '\(concept.levels[i].id)' of '\(concept.id)' is in two groups ('\(collapse[other].name)' and '\(group.name)'); put it in one.")
                }
                groupOf[i] = g
            }
        }
        var outputOfGroup: [Int: Int] = [:]
        for (i, level) in concept.levels.enumerated() {
            if let g = groupOf[i] {
                if let o = outputOfGroup[g] { outputOf[i] = o; continue }
                let members = concept.levels.indices.filter { groupOf[$0] == g }.map { concept.levels[$0] }
                let valences = Set(members.map(\.valence))
                output.append(OutputLevel(id: collapse[g].name, label: LocalizedText(collapse[g].name.prefix(1).uppercased() + collapse[g].name.dropFirst()),
                                          valence: valences.count == 1 ? valences.first! : .neutral))
                outputOfGroup[g] = output.count - 1
            } else {
                output.append(OutputLevel(id: level.id, label: level.label, valence: level.valence))
            }
            outputOf[i] = output.count - 1
        }
        levels = output
        outputOfLevel = outputOf
    }

    /// Names of the derived columns, which no survey file uses (they start with a control
    /// character); results are relabelled with the concept's id.
    static let columnName = "\u{1F}concept"
    static let scoreName = "\u{1F}net"

    /// The index of the level whose id or label (in any language) is `name`.
    static func levelIndex(_ name: String, in concept: Concept) -> Int? {
        let key = name.trimmingCharacters(in: .whitespaces)
        if let i = concept.levels.firstIndex(where: { $0.id == key }) { return i }
        let folded = key.lowercased()
        return concept.levels.firstIndex { $0.label.texts.values.contains { $0.lowercased() == folded } }
    }

    /// The label of a reported level in the language the wave's labels were read in.
    func label(of level: OutputLevel) -> String? { level.label.text(in: language) }

    /// Whether the concept has positive and negative levels, so a net score means something.
    var hasValence: Bool {
        levels.contains { $0.valence == .positive } && levels.contains { $0.valence == .negative }
    }

    /// The concept's column and net score of `dataset` (the wave `mapping` describes).
    /// - Throws: ``SurveyError`` when the variable is missing or holds a code the mapping lacks.
    func columns(of dataset: Dataset, mapping: ConceptMapping, missing: MissingPolicy) throws(SurveyError) -> (Column, VariableMetadata, Column) {
        guard dataset.hasVariable(mapping.variable) else {
            let close = NameSuggester.closest(to: mapping.variable, among: dataset.variableNames, limit: 3)
            throw SurveyError(.unknownVariable, "Concept '\(concept.id)' is mapped to '\(mapping.variable)' in wave '\(mapping.wave)', but that wave has no such variable\(close.isEmpty ? "" : " (similar: \(close.joined(separator: ", ")))"); correct the mapping in study.yaml.")
        }
        let column = try dataset.column(mapping.variable)
        let meta = dataset.metadata(mapping.variable)
        let levelIndex = Dictionary(uniqueKeysWithValues: concept.levels.enumerated().map { ($1.id, $0) })
        var codeOfText: [String: Int32] = [:]
        for (code, level) in mapping.codes {
            codeOfText[code] = level.map { Int32(outputOfLevel[levelIndex[$0]!]) } ?? -1
        }
        let n = dataset.rowCount
        var codes = [Int32](repeating: -1, count: n)
        func unmapped(_ text: String, _ row: Int) -> SurveyError {
            let label = Double(text).flatMap { meta.label(ofCode: $0) } ?? meta.label(ofString: text)
            return SurveyError(.invalidData, "Wave '\(mapping.wave)': '\(mapping.variable)' has the code \(text)\(label.map { " (\($0))" } ?? "") for respondent \(row + 1), which concept '\(concept.id)' does not map; add `\(text): LEVEL` (or `\(text): null` if it is not an answer) to its codes in study.yaml.")
        }
        switch column.values {
        case .numeric(let values):
            var cache: [Double: Int32] = [:]
            for i in 0..<n where !values[i].isNaN {
                if let c = cache[values[i]] { codes[i] = c; continue }
                let text = NumberFormatting.code(values[i])
                guard let c = codeOfText[text] else { throw unmapped(text, i) }
                cache[values[i]] = c
                codes[i] = c
            }
        case .categorical(let stored, let storedLevels):
            var map = [Int32?](repeating: nil, count: storedLevels.count)
            for (l, text) in storedLevels.enumerated() { map[l] = codeOfText[text] ?? codeOfText[text.trimmingCharacters(in: .whitespaces)] }
            for i in 0..<n where stored[i] >= 0 {
                guard let c = map[Int(stored[i])] else { throw unmapped(storedLevels[Int(stored[i])], i) }
                codes[i] = c
            }
        case .text(let strings):
            for i in 0..<n {
                guard let text = strings[i], !text.isEmpty else { continue }
                guard let c = codeOfText[text] else { throw unmapped(text, i) }
                codes[i] = c
            }
        }
        let ids = levels.map(\.id)
        let derived = Column.categorical(Self.columnName, codes: codes, levels: ids)
        var metadata = VariableMetadata(label: concept.title, valueLabels: levels.map { ValueLabel(stringCode: $0.id, label: $0.label) },
                                        measurement: .ordinal)
        metadata.missingStrings = levels.filter { $0.valence == .missing }.map(\.id)
        let score: [Double] = codes.map { c in
            guard c >= 0 else { return .nan }
            switch levels[Int(c)].valence {
            case .positive: return 1
            case .negative: return -1
            case .neutral: return 0
            case .missing: return missing == .exclude ? .nan : 0
            }
        }
        return (derived, metadata, Column.numeric(Self.scoreName, score))
    }
}
