/// A variable read as categories: one dense category per respondent (−1 when missing) and a
/// label and stored code per category.
///
/// Categorical columns keep their level order (R's factor order); numeric columns are
/// tabulated by their distinct values in increasing order. Every category is labelled from the
/// codebook when it has a value label (for a text level, the label of that text or, when the
/// text is a number such as `98`, of that code; see ``VariableMetadata/label(ofLevel:language:)``),
/// else with the stored value. User-missing codes stay categories (flagged) unless the missing
/// policy excludes them.
public struct CategoryIndex: Sendable {
    public struct Category: Sendable, Equatable {
        public var label: String
        public var code: String
        public var isUserMissing: Bool
    }

    public let variable: String
    public let categoryOfRow: [Int32]
    public let categories: [Category]
    /// Whether every category has respondents (true when read from a column, which keeps only
    /// the values that occur).
    let everyCategoryOccurs: Bool

    public init(_ column: Column, metadata: VariableMetadata, missing: MissingPolicy, language: String) {
        variable = column.name
        everyCategoryOccurs = true
        switch column.values {
        case .categorical(let codes, let levels):
            // Only levels that occur, in level order (R re-factors after subsetting). One pass
            // marks the levels that occur (and, in the last slot, codes below −1).
            let unusual = levels.count
            let present = codes.withUnsafeBufferPointer { codes in
                RowChunks.marks(rows: codes.count, length: levels.count + 1) { range, mark in
                    for i in range {
                        let c = Int(codes[i])
                        if c >= 0 { mark[c] = 1 } else if c < -1 { mark[unusual] = 1 }
                    }
                }
            }
            var remap = [Int32](repeating: -1, count: levels.count)
            var cats: [Category] = []
            for (i, level) in levels.enumerated() where present[i] != 0 {
                let userMissing = metadata.isUserMissing(level: level)
                if userMissing && missing == .exclude { continue }
                remap[i] = Int32(cats.count)
                cats.append(Category(label: metadata.label(ofLevel: level, language: language) ?? level, code: level,
                                     isUserMissing: userMissing))
            }
            if present[unusual] == 0, remap.indices.allSatisfy({ remap[$0] == Int32($0) }) {
                // Every level occurs and is kept, every missing code is −1: the codes already
                // are the categories.
                categoryOfRow = codes
            } else {
                categoryOfRow = codes.map { $0 >= 0 ? remap[Int($0)] : -1 }
            }
            categories = cats
        case .numeric(let values):
            var distinct: [Double]
            var codes: [Int32]
            if let dense = IntegerCodes.dense(values) {
                (codes, distinct) = (dense.codes, dense.distinct)
            } else {
                distinct = Array(Set(values.filter { !$0.isNaN })).sorted()
                var position: [Double: Int32] = [:]
                for (i, v) in distinct.enumerated() { position[v] = Int32(i) }
                codes = values.map { $0.isNaN ? -1 : position[$0] ?? -1 }
            }
            if missing == .exclude, distinct.contains(where: { metadata.isUserMissing($0) }) {
                var remap = [Int32](repeating: -1, count: distinct.count)
                var kept: [Double] = []
                for (i, v) in distinct.enumerated() where !metadata.isUserMissing(v) {
                    remap[i] = Int32(kept.count)
                    kept.append(v)
                }
                codes = codes.map { $0 < 0 ? -1 : remap[Int($0)] }
                distinct = kept
            }
            categoryOfRow = codes
            categories = distinct.map { v in
                let code = NumberFormatting.code(v)
                return Category(
                    label: metadata.label(ofCode: v, language: language) ?? code, code: code,
                    isUserMissing: metadata.isUserMissing(v))
            }
        case .text(let strings):
            var levels = FactorLevelOrder.sorted(Set(strings.compactMap { $0 }))
            if missing == .exclude { levels.removeAll { metadata.isUserMissing(level: $0) } }
            var position: [String: Int32] = [:]
            for (i, l) in levels.enumerated() { position[l] = Int32(i) }
            categoryOfRow = strings.map { $0.flatMap { position[$0] } ?? -1 }
            categories = levels.map {
                Category(label: metadata.label(ofLevel: $0, language: language) ?? $0, code: $0,
                         isUserMissing: metadata.isUserMissing(level: $0))
            }
        }
    }

    public var count: Int { categories.count }

    /// A category index built from parts (e.g. the joint categories of a crosstab).
    init(variable: String, categoryOfRow: [Int32], categories: [Category]) {
        self.variable = variable
        self.categoryOfRow = categoryOfRow
        self.categories = categories
        everyCategoryOccurs = false
    }

    /// The joint categories of two variables, row variable slowest; missing when either is.
    static func joint(_ a: CategoryIndex, _ b: CategoryIndex) -> CategoryIndex {
        let width = Int32(b.count)
        let codes = zip(a.categoryOfRow, b.categoryOfRow).map { $0 < 0 || $1 < 0 ? -1 : $0 * width + $1 }
        var categories: [Category] = []
        for x in a.categories {
            for y in b.categories {
                categories.append(Category(label: "\(x.label) × \(y.label)", code: "\(x.code) × \(y.code)",
                                           isUserMissing: x.isUserMissing || y.isUserMissing))
            }
        }
        return CategoryIndex(variable: "\(a.variable) × \(b.variable)", categoryOfRow: codes, categories: categories)
    }
}
