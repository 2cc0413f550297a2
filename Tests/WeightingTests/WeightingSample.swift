import SurveyCore
import Weighting

/// A small sample: 12 respondents, sex × settlement, coded numbers with value labels for
/// settlement, base weights, and an income.
enum WeightingSample {
    static let sex: [String?] = ["m", "m", "m", "m", "m", "f", "f", "f", "f", "f", "f", "f"]
    static let settlement: [Double] = [1, 1, 2, 1, 2, 1, 1, 1, 2, 2, 1, 2]
    static let weights: [Double] = [1, 2, 1, 1, 3, 2, 1, 1, 2, 1, 1, 2]
    static let income: [Double] = [10, 12, 7, 9, 5, 11, 14, 8, 6, 4, 13, 5]

    static func dataset(sex: [String?] = sex) throws -> Dataset {
        var codebook = Codebook()
        codebook["settlement"] = VariableMetadata(valueLabels: [
            ValueLabel(code: 1, label: LocalizedText(["en": "urban", "ru": "город"])),
            ValueLabel(code: 2, label: LocalizedText(["en": "rural", "ru": "село"])),
        ])
        return try Dataset(columns: [
            .categorical("sex", strings: sex),
            .numeric("settlement", settlement),
            .numeric("w", weights),
            .numeric("income", income),
            .numeric("psu", (0..<12).map { Double($0 / 2) }),
        ], codebook: codebook)
    }

    static func design(_ dataset: Dataset) throws -> SurveyDesign {
        try SurveyDesign(DesignSpec(weights: "w", clusters: ["psu"]), dataset: dataset)
    }

    static func margins(sex: [String: Double] = ["m": 480, "f": 520], settlement: [String: Double] = ["urban": 610, "rural": 390]) -> WeightingTargets {
        WeightingTargets(margins: [
            .init(variable: "sex", targets: sex.map { .init(level: $0.key, value: $0.value) }),
            .init(variable: "settlement", targets: settlement.map { .init(level: $0.key, value: $0.value) }),
        ])
    }

    /// Weighted count of each level of a column.
    static func achieved(_ weights: [Double], _ levels: [String]) -> [String: Double] {
        var out: [String: Double] = [:]
        for (w, l) in zip(weights, levels) { out[l, default: 0] += w }
        return out
    }

    static var settlementNames: [String] { settlement.map { $0 == 1 ? "urban" : "rural" } }
    static var sexNames: [String] { sex.map { $0 ?? "" } }
}
