/// The domains (subpopulations) of a request: every combination of the breakdown variables'
/// categories that occurs among respondents inside the filter, numbered densely, and the
/// domain of every respondent (−1 outside all domains).
///
/// Respondents outside the filter, or missing on a breakdown variable, belong to no domain
/// but stay in the design: their PSUs still count (Lumley 2010, §2.3, domain estimation).
public struct DomainIndex: Sendable {
    public let domainOfRow: [Int32]
    public let domains: [Domain]
    public var count: Int { domains.count }

    /// - Parameters:
    ///   - by: breakdown categories, in the order of the request.
    ///   - mask: the filter's subpopulation, or nil for everyone.
    public init(by: [CategoryIndex], mask: [Bool]?, rowCount n: Int) {
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
        let combinations = by.reduce(1.0) { $0 * Double($1.count) }
        if combinations > Double(max(4 * n, 1 << 20)) {
            var seen: [Int: Int] = [:]
            var order: [Int] = []
            for i in 0..<n where valid[i] {
                if seen[key[i]] == nil { seen[key[i]] = 0; order.append(key[i]) }
            }
            order.sort()
            for (j, k) in order.enumerated() { seen[k] = j }
            for i in 0..<n where valid[i] { key[i] = seen[key[i]]! }
            domains = order.map { Self.domain(ofKey: $0, by: by) }
            domainOfRow = (0..<n).map { valid[$0] ? Int32(key[$0]) : -1 }
            return
        }
        var used = [Bool](repeating: false, count: max(Int(combinations), 1))
        for i in 0..<n where valid[i] { used[key[i]] = true }
        var number = [Int32](repeating: -1, count: used.count)
        var domains: [Domain] = []
        for k in 0..<used.count where used[k] {
            number[k] = Int32(domains.count)
            domains.append(Self.domain(ofKey: k, by: by))
        }
        var domainOfRow = [Int32](repeating: -1, count: n)
        for i in 0..<n where valid[i] { domainOfRow[i] = number[key[i]] }
        self.domainOfRow = domainOfRow
        self.domains = domains
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
