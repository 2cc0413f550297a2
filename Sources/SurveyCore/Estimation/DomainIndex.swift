/// The domains (subpopulations) of a request: every combination of the breakdown variables'
/// categories that occurs among respondents inside the filter, numbered densely, and the
/// domain of every respondent (−1 outside all domains).
///
/// Respondents outside the filter, or missing on a breakdown variable, belong to no domain
/// but stay in the design: their PSUs still count (Lumley 2010, §2.3, domain estimation).
public struct DomainIndex: Sendable {
    public let domainOfRow: [Int32]
    public let domains: [Domain]
    /// The combination of every domain as a mixed-radix number of the breakdown variables'
    /// categories, first variable most significant (the category itself for one variable).
    let keys: [Int]
    /// Whether every respondent is in the one domain (no breakdown, no filter).
    let coversEveryRow: Bool
    public var count: Int { domains.count }

    /// - Parameters:
    ///   - by: breakdown categories, in the order of the request.
    ///   - mask: the filter's subpopulation, or nil for everyone.
    public init(by: [CategoryIndex], mask: [Bool]?, rowCount n: Int) {
        let combinations = by.reduce(1.0) { $0 * Double($1.count) }
        if by.count <= 1, combinations <= Double(max(4 * n, 1 << 20)) {
            // No breakdown (one domain) or one variable: its categories are the keys.
            let categories = by.first?.categoryOfRow
            let radix = max(by.first?.count ?? 1, 1)
            let used: [UInt8]
            if mask == nil, let first = by.first, first.everyCategoryOccurs {
                used = [UInt8](repeating: 1, count: radix)
            } else {
                used = RowChunks.marks(rows: n, length: radix) { range, mark in
                    for i in range where mask?[i] ?? true {
                        let c = categories.map { Int($0[i]) } ?? 0
                        if c >= 0 { mark[c] = 1 }
                    }
                }
            }
            var number = [Int32](repeating: -1, count: radix)
            var keys: [Int] = []
            for k in 0..<radix where used[k] != 0 {
                number[k] = Int32(keys.count)
                keys.append(k)
            }
            let identity = keys.count == radix && keys.indices.allSatisfy { keys[$0] == $0 }
            if mask == nil, identity, let categories {
                // Every category occurs and there is no filter: the domains are the categories.
                domainOfRow = categories
            } else if mask == nil, by.isEmpty {
                domainOfRow = [Int32](repeating: keys.isEmpty ? -1 : 0, count: n)
            } else {
                domainOfRow = number.withUnsafeBufferPointer { number in
                    RowChunks.fill(rows: n) { range, out in
                        for i in range {
                            let c = categories.map { Int($0[i]) } ?? 0
                            out[i] = c >= 0 && (mask?[i] ?? true) ? number[c] : -1
                        }
                    }
                }
            }
            coversEveryRow = by.isEmpty && mask == nil && !keys.isEmpty
            self.keys = keys
            domains = keys.map { Self.domain(ofKey: $0, by: by) }
            return
        }
        // Mixed-radix key of the combination, first variable most significant.
        var key = [Int](repeating: 0, count: n)
        var valid = mask ?? [Bool](repeating: true, count: n)
        for index in by {
            let radix = index.count
            for i in 0..<n {
                let c = index.categoryOfRow[i]
                if c < 0 { valid[i] = false } else { key[i] = key[i] * radix + Int(c) }
            }
        }
        // Dense keys while the combinations are few; else renumber the keys that occur.
        if combinations > Double(max(4 * n, 1 << 20)) {
            var seen: [Int: Int] = [:]
            var order: [Int] = []
            for i in 0..<n where valid[i] {
                if seen[key[i]] == nil { seen[key[i]] = 0; order.append(key[i]) }
            }
            order.sort()
            for (j, k) in order.enumerated() { seen[k] = j }
            for i in 0..<n where valid[i] { key[i] = seen[key[i]]! }
            keys = order
            coversEveryRow = false
            domains = order.map { Self.domain(ofKey: $0, by: by) }
            domainOfRow = (0..<n).map { valid[$0] ? Int32(key[$0]) : -1 }
            return
        }
        var used = [Bool](repeating: false, count: max(Int(combinations), 1))
        for i in 0..<n where valid[i] { used[key[i]] = true }
        var number = [Int32](repeating: -1, count: used.count)
        var keys: [Int] = []
        for k in 0..<used.count where used[k] {
            number[k] = Int32(keys.count)
            keys.append(k)
        }
        var domainOfRow = [Int32](repeating: -1, count: n)
        for i in 0..<n where valid[i] { domainOfRow[i] = number[key[i]] }
        self.domainOfRow = domainOfRow
        self.keys = keys
        coversEveryRow = false
        domains = keys.map { Self.domain(ofKey: $0, by: by) }
    }

    /// The categories of a mixed-radix combination key, first variable most significant.
    private static func domain(ofKey k: Int, by: [CategoryIndex]) -> Domain {
        var rest = k
        var entries: [Domain.Entry] = []
        for index in by.reversed() {
            let c = rest % index.count
            rest /= index.count
            entries.append(Domain.Entry(variable: index.variable, value: index.categories[c].label))
        }
        return Domain(entries.reversed())
    }
}
