import Foundation
import Studies
import SurveyCore

/// A two-wave study with one concept and tiny datasets, built in code.
enum StoreFixture {
    static let design = DesignSpec(weights: "w", strata: "stratum", clusters: ["psu"])

    static func study(embargo: String? = nil, title: String = "Test tracker") -> Study {
        Study(
            title: LocalizedText(["en": title, "ru": "Тестовый мониторинг", "kk": "Сынақ мониторингі"]),
            source: LocalizedText("Test tracker (simulated data)"),
            simulated: true,
            waves: [
                StudyWave(id: "w1", label: LocalizedText(["en": "Spring 2021", "ru": "Весна 2021"]), file: "waves/w1.csv",
                          fieldworkStart: "2021-04-01", fieldworkEnd: "2021-04-30", mode: "face-to-face", design: design),
                StudyWave(id: "w2", label: LocalizedText(["en": "Autumn 2021"]), file: "waves/w2.csv",
                          fieldworkStart: "2021-10-01", fieldworkEnd: "2021-10-31", mode: "telephone", design: design,
                          embargoUntil: embargo),
            ],
            concepts: [
                Concept(
                    id: "opinion", title: LocalizedText(["en": "Opinion of Russia", "ru": "Мнение о России"]),
                    levels: [
                        ConceptLevel(id: "favourable", label: LocalizedText("Favourable"), valence: .positive),
                        ConceptLevel(id: "unfavourable", label: LocalizedText("Unfavourable"), valence: .negative),
                        ConceptLevel(id: "dont_know", label: LocalizedText("Don't know"), valence: .missing),
                    ],
                    mappings: [
                        ConceptMapping(wave: "w1", variable: "q_ru", codes: ["1": "favourable", "2": "unfavourable", "98": "dont_know"]),
                        ConceptMapping(wave: "w2", variable: "q_ru", codes: ["1": "favourable", "2": "unfavourable", "98": "dont_know"]),
                    ])
            ],
            events: [StudyEvent(date: "2022-02-24", label: LocalizedText("Invasion of Ukraine"))])
    }

    /// A small wave: numeric, categorical and text columns, a codebook with labels.
    static func dataset(rows: Int, seed: Int) throws -> Dataset {
        var codebook = Codebook()
        codebook["q_ru"] = VariableMetadata(
            label: LocalizedText(["en": "Opinion of Russia", "kk": "Ресей туралы пікір"]),
            valueLabels: [ValueLabel(code: 1, label: LocalizedText("Favourable")), ValueLabel(code: 2, label: LocalizedText("Unfavourable")),
                          ValueLabel(code: 98, label: LocalizedText("Don't know"))],
            missingCodes: [98], measurement: .nominal)
        codebook["lang"] = VariableMetadata(valueLabels: [ValueLabel(stringCode: "kk", label: LocalizedText("Kazakh"))])
        return try Dataset(columns: [
            .numeric("q_ru", (0..<rows).map { [1, 2, 98, .nan][($0 + seed) % 4] }),
            .numeric("w", (0..<rows).map { 1 + Double(($0 * 7 + seed) % 5) / 10 }),
            .numeric("stratum", (0..<rows).map { Double($0 % 2) }),
            .numeric("psu", (0..<rows).map { Double($0 / 4 * 2 + $0 % 2) }),  // nested in strata
            .categorical("lang", codes: (0..<rows).map { Int32(($0 + seed) % 3) - 1 }, levels: ["kk", "ru"]),
            Column(name: "why", values: .text((0..<rows).map { [nil, "", "Соседи", "Көршілер"][($0 + seed) % 4] })),
        ], codebook: codebook)
    }

    static func datasets() throws -> [String: Dataset] {
        ["w1": try dataset(rows: 12, seed: 0), "w2": try dataset(rows: 9, seed: 1)]
    }

    /// 2024-03-15 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_710_504_000)

    /// Whether two datasets hold the same columns and codebook, NaN equal to NaN.
    static func same(_ a: Dataset, _ b: Dataset) -> Bool {
        guard a.variableNames == b.variableNames, a.rowCount == b.rowCount, a.codebook.variables.keys == b.codebook.variables.keys else { return false }
        for (x, y) in zip(a.columns, b.columns) {
            switch (x.values, y.values) {
            case (.numeric(let u), .numeric(let v)):
                guard u.map(\.bitPattern) == v.map(\.bitPattern) else { return false }
            default:
                guard x == y else { return false }
            }
        }
        for (name, m) in a.codebook.variables {
            guard let n = b.codebook.variables[name], m.label == n.label, m.missingCodes == n.missingCodes,
                  m.valueLabels.count == n.valueLabels.count,
                  zip(m.valueLabels, n.valueLabels).allSatisfy({ $0.label == $1.label && $0.stringCode == $1.stringCode && ($0.code == $1.code || ($0.code.isNaN && $1.code.isNaN)) })
            else { return false }
        }
        return true
    }
}
