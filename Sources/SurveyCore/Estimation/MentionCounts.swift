/// The mentions of a multiple-response question: the columns that each hold one coded mention
/// of a respondent (the first reason, the second, …), read as counts per respondent and code.
///
/// A mention is valid when its column has a code that the missing policy keeps: with
/// `missing: exclude`, codes marked user-missing (the code frame's uncodable codes, such as
/// "don't know" or "other") are not mentions, which gives the "categorizable only" base. A
/// respondent without a valid mention is outside the base of both shares (NaN here), as R's
/// `subset(design, mentions > 0)`; the design keeps every PSU.
struct MentionCounts {
    /// The codes mentioned in any column, in the first column's order, then the others' new
    /// codes; numeric codes in increasing order.
    let codes: [CategoryIndex.Category]
    /// Per code, per respondent: how many of the respondent's mentions name it (NaN outside the base).
    let mentionsOfCode: [[Double]]
    /// Per respondent: the number of valid mentions (NaN outside the base).
    let mentions: [Double]

    /// The counts of the columns read as categories (one ``CategoryIndex`` per column).
    init(_ indices: [CategoryIndex]) {
        var codes: [CategoryIndex.Category] = []
        var position: [String: Int] = [:]
        for index in indices {
            for category in index.categories where position[category.code] == nil {
                position[category.code] = codes.count
                codes.append(category)
            }
        }
        if codes.allSatisfy({ Double($0.code) != nil }) {
            codes.sort { Double($0.code)! < Double($1.code)! }
            for (i, c) in codes.enumerated() { position[c.code] = i }
        }
        // Category k of column j is code remap[j][k].
        let remap = indices.map { index in index.categories.map { position[$0.code]! } }
        let rows = indices.first?.categoryOfRow.count ?? 0
        var counts = [[Double]](repeating: [Double](repeating: 0, count: rows), count: codes.count)
        var total = [Double](repeating: 0, count: rows)
        for (j, index) in indices.enumerated() {
            for i in 0..<rows {
                let k = index.categoryOfRow[i]
                guard k >= 0 else { continue }
                counts[remap[j][Int(k)]][i] += 1
                total[i] += 1
            }
        }
        for i in 0..<rows where total[i] == 0 {
            total[i] = .nan
            for c in codes.indices { counts[c][i] = .nan }
        }
        self.codes = codes
        self.mentionsOfCode = counts
        self.mentions = total
    }

    /// Whether respondent i mentioned code c at least once, as a category index over the base:
    /// 0 = not mentioned (code "", which no stored code has), 1 = mentioned, −1 outside the base.
    func mentioned(_ c: Int, variable: String) -> CategoryIndex {
        let rows = mentionsOfCode[c].map { n -> Int32 in n.isNaN ? -1 : n > 0 ? 1 : 0 }
        let code = codes[c]
        return CategoryIndex(variable: variable, categoryOfRow: rows, categories: [
            .init(label: "not \(code.label)", code: "", isUserMissing: false),
            .init(label: code.label, code: code.code, isUserMissing: code.isUserMissing),
        ])
    }
}
