import Foundation
import SurveyCore

/// Weighting targets resolved against a data set: every margin and every set of cells becomes
/// a factor with a level per respondent and a population count per level; every numeric total
/// a column of values. Validation happens here, with one sentence per problem.
public struct CalibrationModel: Sendable {
    /// A margin (one variable) or a set of cells (several variables, levels joined by `|`).
    public struct Factor: Sendable {
        /// The variable, or the variables joined by " × ".
        public let name: String
        public let variables: [String]
        /// Label of every level (levels with respondents, in the data's level order).
        public let levels: [String]
        /// Level of every respondent.
        public let levelOfRow: [Int32]
        /// Population count of every level.
        public let targets: [Double]
        /// Whether the targets were given as shares.
        public let givenAsShares: Bool
    }

    /// A numeric variable and its population total.
    public struct NumericTotal: Sendable {
        public let name: String
        public let values: [Double]
        public let total: Double
    }

    public let factors: [Factor]
    public let numericTotals: [NumericTotal]
    /// The population size: given, or the sum of the first factor's counts; nil when only
    /// numeric totals are calibrated and no population is given (no intercept).
    public let population: Double?

    /// Resolves `targets` against `dataset`.
    /// - Parameters:
    ///   - baseWeights: the weights before weighting, whose sum scales shares when no
    ///     population is given.
    ///   - language: language of value labels that name levels; nil matches codes only (targets
    ///     from ``WeightingTargets/keyedByCode(in:)``, as the analysis pipeline uses them).
    /// - Throws: ``SurveyError`` naming the variable and level: unknown variables, respondents
    ///   without a value, levels with respondents but no target, targets for levels without
    ///   respondents, shares not summing to 1, margins disagreeing on the population size.
    public init(_ targets: WeightingTargets, dataset: Dataset, baseWeights: [Double], language: String? = "en") throws(SurveyError) {
        guard !targets.margins.isEmpty || !targets.cells.isEmpty || !targets.totals.isEmpty else {
            throw SurveyError(.invalidTargets, "The targets name no margins, cells or totals; give at least one, e.g. 'margins: {sex: {male: 0.486, female: 0.514}}'.")
        }
        if let n = targets.population, !(n > 0 && n.isFinite) {
            throw SurveyError(.invalidTargets, "The population size \(Self.format(n)) is not a positive number; give the number of people the sample represents.")
        }
        let shareBase = targets.population ?? baseWeights.reduce(0, +)
        var factors: [Factor] = []
        for margin in targets.margins {
            factors.append(try Self.factor(variables: [margin.variable], targets: margin.targets, dataset: dataset,
                                           shareBase: shareBase, language: language))
        }
        for cells in targets.cells {
            guard !cells.variables.isEmpty else {
                throw SurveyError(.invalidTargets, "A cells entry names no variables; write 'variables: [region, settlement]' above its targets.")
            }
            factors.append(try Self.factor(variables: cells.variables, targets: cells.targets, dataset: dataset,
                                           shareBase: shareBase, language: language))
        }
        var numeric: [NumericTotal] = []
        for total in targets.totals {
            let column = try dataset.column(total.variable)
            guard case .numeric(var values) = column.values else {
                throw SurveyError(.invalidTargets, "The total target names '\(total.variable)', which is \(column.typeName), not numeric; give totals for numeric variables and margins for categorical ones.")
            }
            let meta = dataset.metadata(total.variable)
            values = values.map { meta.isUserMissing($0) ? .nan : $0 }
            if let bad = values.firstIndex(where: { $0.isNaN }) {
                throw SurveyError(.invalidTargets, "Respondent \(bad + 1) has no value of '\(total.variable)', which has a total target; calibration needs it for every respondent (impute it, or drop the total).")
            }
            guard total.total.isFinite else {
                throw SurveyError(.invalidTargets, "The total of '\(total.variable)' is \(Self.format(total.total)); give a finite population total.")
            }
            numeric.append(NumericTotal(name: total.variable, values: values, total: total.total))
        }
        // Every factor describes the same population.
        if let first = factors.first {
            let reference = targets.population ?? first.targets.reduce(0, +)
            for f in factors {
                let sum = f.targets.reduce(0, +)
                if abs(sum - reference) > 1e-6 * reference {
                    let other = targets.population != nil ? "the population \(Self.format(reference))" : "'\(first.name)' sums to \(Self.format(reference))"
                    throw SurveyError(.invalidTargets, "The targets disagree on the population size: '\(f.name)' sums to \(Self.format(sum)) but \(other); make every margin sum to the same total, or give shares with 'population: N'.")
                }
            }
            population = reference
        } else {
            population = targets.population
        }
        self.factors = factors
        self.numericTotals = numeric
    }

    private static func factor(
        variables: [String], targets: [WeightingTargets.LevelTarget], dataset: Dataset, shareBase: Double, language: String?
    ) throws(SurveyError) -> Factor {
        let name = variables.joined(separator: " × ")
        var indices: [CategoryIndex] = []
        for v in variables {
            let column = try dataset.column(v)
            let index = CategoryIndex(column, metadata: dataset.metadata(v), missing: .include, language: language ?? "en")
            if let bad = index.categoryOfRow.firstIndex(of: -1) {
                throw SurveyError(.invalidTargets, "Respondent \(bad + 1) has no value of '\(v)', which has weighting targets; every respondent needs a level of every weighting variable (impute it, or add a level such as 'no answer' with its own target).")
            }
            indices.append(index)
        }
        // Joint level of every respondent, numbered in order of the levels (mixed radix).
        var radix: [Int] = []
        var product = 1
        for index in indices.reversed() {
            radix.insert(product, at: 0)
            product *= index.categories.count
        }
        let (levelOfRow, codes) = Self.jointLevels(indices, radix: radix, product: product, rowCount: dataset.rowCount)
        var present = [Int: Int32]()
        for code in codes { present[code] = Int32(present.count) }
        var levelNames = [String](repeating: "", count: present.count)
        for (code, level) in present {
            levelNames[Int(level)] = indices.enumerated().map { k, index in
                index.categories[(code / radix[k]) % index.categories.count].label
            }.joined(separator: "|")
        }

        // Match every target to a level: by label (unless matching codes only), then by code, part by part.
        var values = [Double?](repeating: nil, count: present.count)
        let sample = levelNames.prefix(8).joined(separator: ", ") + (levelNames.count > 8 ? ", …" : "")
        for target in targets {
            guard target.value.isFinite, target.value >= 0 else {
                throw SurveyError(.invalidTargets, "The target for '\(name)' level '\(target.level)' is \(format(target.value)); targets are counts or shares, zero or positive.")
            }
            let parts = variables.count == 1 ? [target.level] : target.level.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == variables.count else {
                throw SurveyError(.invalidTargets, "The cell '\(target.level)' of '\(name)' has \(parts.count) part(s) but there are \(variables.count) variables; join one level of each with '|', e.g. '\(levelNames.first ?? "a|b")'.")
            }
            var code = 0
            var found = true
            for (k, part) in parts.enumerated() {
                let cats = indices[k].categories
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                guard let position = (language == nil ? nil : cats.firstIndex(where: { $0.label == trimmed })) ?? cats.firstIndex(where: { $0.code == trimmed }) else {
                    found = false
                    break
                }
                code += position * radix[k]
            }
            guard found, let level = present[code] else {
                if target.value == 0 { continue }
                throw SurveyError(.invalidTargets, "The target for '\(name)' level '\(target.level)' (\(format(target.value))) matches no respondents in the sample: merge that level with a neighbour, set its target to 0, or correct its name (levels with respondents: \(sample)).")
            }
            if values[Int(level)] != nil {
                throw SurveyError(.invalidTargets, "'\(name)' level '\(target.level)' has two targets; give each level one.")
            }
            values[Int(level)] = target.value
        }
        for (level, value) in values.enumerated() {
            guard let value else {
                let count = levelOfRow.lazy.filter { $0 == Int32(level) }.count
                throw SurveyError(.invalidTargets, "Level '\(levelNames[level])' of '\(name)' has no target, yet \(count) respondent\(count == 1 ? " is" : "s are") in it; add a target for it (levels with respondents: \(sample)).")
            }
            if value == 0 {
                throw SurveyError(.invalidTargets, "'\(name)' level '\(levelNames[level])' has respondents but a target of 0; weighting cannot give them weight 0, so merge the level with a neighbour or drop those respondents.")
            }
        }
        var counts = values.map { $0! }
        let given = targets.map(\.value)
        let sum = given.reduce(0, +)
        let asShares = given.allSatisfy { $0 <= 1 } && sum <= 1.5
        if asShares {
            guard abs(sum - 1) <= 0.005 else {
                throw SurveyError(.invalidTargets, "The shares of '\(name)' sum to \(String(format: "%.6g", sum)), not 1; correct them (shares are fractions such as 0.486) or give population counts.")
            }
            counts = counts.map { $0 / sum * shareBase }
        }
        return Factor(name: name, variables: variables, levels: levelNames, levelOfRow: levelOfRow, targets: counts, givenAsShares: asShares)
    }

    /// The joint level of every respondent, numbered in order of the joint codes
    /// Σ_k category_k × radix_k that occur, and those codes in order. One variable whose
    /// categories all occur keeps its category numbers, sharing their storage.
    private static func jointLevels(_ indices: [CategoryIndex], radix: [Int], product: Int, rowCount n: Int) -> (levelOfRow: [Int32], codes: [Int]) {
        if product <= max(n, 1 << 16) {
            // A slot per code: marked when it occurs, then numbered.
            var slot = [Int32](repeating: -1, count: product)
            if indices.count == 1 {
                for c in indices[0].categoryOfRow { slot[Int(c)] = 0 }
            } else {
                for i in 0..<n {
                    var code = 0
                    for k in indices.indices { code += Int(indices[k].categoryOfRow[i]) * radix[k] }
                    slot[code] = 0
                }
            }
            var codes: [Int] = []
            for code in 0..<product where slot[code] == 0 {
                slot[code] = Int32(codes.count)
                codes.append(code)
            }
            if indices.count == 1 {
                if codes.count == product { return (indices[0].categoryOfRow, codes) }
                return (indices[0].categoryOfRow.map { slot[Int($0)] }, codes)
            }
            var levelOfRow = [Int32](repeating: 0, count: n)
            for i in 0..<n {
                var code = 0
                for k in indices.indices { code += Int(indices[k].categoryOfRow[i]) * radix[k] }
                levelOfRow[i] = slot[code]
            }
            return (levelOfRow, codes)
        }
        // Too many combinations for a slot each: number those that occur.
        var joint = [Int](repeating: 0, count: n)
        for (k, index) in indices.enumerated() {
            for i in 0..<n { joint[i] += Int(index.categoryOfRow[i]) * radix[k] }
        }
        let codes = Set(joint).sorted()
        var level = [Int: Int32]()
        for code in codes { level[code] = Int32(level.count) }
        return (joint.map { level[$0]! }, codes)
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
