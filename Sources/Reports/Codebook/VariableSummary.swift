import Foundation
import SurveyCore

/// What a codebook listing says of one variable: its metadata, how many respondents answer it,
/// and the count of each category or the range of its values.
///
/// - Valid answers are those neither system-missing (empty) nor user-missing (a missing code
///   such as 98 "Don't know").
/// - ``categories`` lists, for a categorical variable, every level in level order; for a
///   numeric variable with value labels, the labelled codes and the other values present, in
///   increasing order. Codes labelled but absent from the data appear with a count of 0. At
///   most ``categoryLimit`` are listed; the rest are counted in ``omittedCategories``.
/// - ``minimum``, ``mean`` and ``maximum`` summarise the valid values of a numeric variable.
public struct VariableSummary: Sendable, Equatable {
    /// One category (a code or level) and how many respondents have it.
    public struct Category: Sendable, Equatable {
        /// The stored value as text (`1`, `98`, `Almaty`).
        public var code: String
        /// The label from the codebook, if any.
        public var label: LocalizedText?
        public var count: Int
        /// A user-missing code.
        public var isMissing: Bool

        public init(code: String, label: LocalizedText?, count: Int, isMissing: Bool) {
            self.code = code
            self.label = label
            self.count = count
            self.isMissing = isMissing
        }
    }

    /// The most categories listed per variable.
    public static let categoryLimit = 100

    public var name: String
    /// `numeric`, `categorical` or `text` (see ``Column/typeName``).
    public var type: String
    public var metadata: VariableMetadata
    public var valid: Int
    public var systemMissing: Int
    public var userMissing: Int
    public var categories: [Category]?
    /// Categories beyond ``categoryLimit``, not listed.
    public var omittedCategories: Int
    public var minimum: Double?
    public var mean: Double?
    public var maximum: Double?
    /// Distinct valid values of a text variable.
    public var distinct: Int?

    /// Respondents without a valid answer.
    public var missing: Int { systemMissing + userMissing }

    /// Counts `column`, described by `metadata`.
    public init(_ column: Column, metadata: VariableMetadata) {
        name = column.name
        type = column.typeName
        self.metadata = metadata
        omittedCategories = 0
        switch column.values {
        case .numeric(let values):
            (valid, systemMissing, userMissing) = (0, 0, 0)
            var sum = 0.0, low = Double.infinity, high = -Double.infinity
            let labelled = !metadata.valueLabels.isEmpty
            var counts: [Double: Int] = [:]
            for v in values {
                if v.isNaN { systemMissing += 1; continue }
                if labelled { counts[v, default: 0] += 1 }
                if metadata.isUserMissing(v) { userMissing += 1; continue }
                valid += 1
                sum += v
                low = min(low, v)
                high = max(high, v)
            }
            if valid > 0 { (minimum, mean, maximum) = (low, sum / Double(valid), high) }
            if labelled { categories = Self.numericCategories(counts, metadata: metadata, omitted: &omittedCategories) }
        case .categorical(let codes, let levels):
            var counts = [Int](repeating: 0, count: levels.count)
            systemMissing = 0
            for c in codes {
                if c < 0 { systemMissing += 1 } else { counts[Int(c)] += 1 }
            }
            var categories: [Category] = []
            userMissing = 0
            for (level, count) in zip(levels, counts) {
                let isMissing = metadata.isUserMissing(level: level)
                if isMissing { userMissing += count }
                categories.append(Category(code: level, label: Self.label(ofLevel: level, metadata), count: count, isMissing: isMissing))
            }
            let present = Set(levels)
            for v in metadata.valueLabels {
                guard let text = v.stringCode, !present.contains(text) else { continue }
                categories.append(Category(code: text, label: v.label, count: 0, isMissing: metadata.isUserMissing(level: text)))
            }
            valid = codes.count - systemMissing - userMissing
            self.categories = Self.limited(categories, omitted: &omittedCategories)
        case .text(let texts):
            (valid, systemMissing, userMissing) = (0, 0, 0)
            var seen = Set<String>()
            for t in texts {
                guard let t else { systemMissing += 1; continue }
                if metadata.isUserMissing(level: t) { userMissing += 1; continue }
                valid += 1
                seen.insert(t)
            }
            distinct = seen.count
        }
    }

    /// The labelled codes and the other values present, in increasing order; when more than
    /// ``unlabelledLimit`` values have no label (ages with a label for 99 "Refused"), only
    /// labelled codes are listed and the rest are summed into one omitted count.
    private static func numericCategories(_ counts: [Double: Int], metadata: VariableMetadata, omitted: inout Int) -> [Category] {
        let labelledCodes = Set(metadata.valueLabels.filter { $0.stringCode == nil }.map(\.code))
        let unlabelled = counts.keys.filter { !labelledCodes.contains($0) }
        var shown = labelledCodes
        if unlabelled.count <= unlabelledLimit { shown.formUnion(unlabelled) } else { omitted = unlabelled.count }
        let categories = shown.sorted().map { v in
            Category(code: code(v), label: metadata.valueLabels.first { $0.stringCode == nil && $0.code == v }?.label,
                     count: counts[v] ?? 0, isMissing: metadata.isUserMissing(v))
        }
        return limited(categories, omitted: &omitted)
    }

    /// Unlabelled values of a labelled numeric variable listed beside the labelled codes.
    static let unlabelledLimit = 20

    private static func limited(_ categories: [Category], omitted: inout Int) -> [Category] {
        guard categories.count > categoryLimit else { return categories }
        omitted += categories.count - categoryLimit
        return Array(categories.prefix(categoryLimit))
    }

    /// The label of a level: of that stored text, else of the number it spells (`98`).
    private static func label(ofLevel level: String, _ metadata: VariableMetadata) -> LocalizedText? {
        if let v = metadata.valueLabels.first(where: { $0.stringCode == level }) { return v.label }
        guard let number = Double(level.trimmingCharacters(in: .whitespaces)) else { return nil }
        return metadata.valueLabels.first { $0.stringCode == nil && $0.code == number }?.label
    }

    /// A number as a code: integers without a decimal point (`98`), others as Swift writes them.
    static func code(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }
}
