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
        let combinations = by.reduce(1) { $0 * $1.count }
        var used = [Bool](repeating: false, count: max(combinations, 1))
        for i in 0..<n where valid[i] { used[key[i]] = true }
        var number = [Int32](repeating: -1, count: used.count)
        var domains: [Domain] = []
        for k in 0..<used.count where used[k] {
            number[k] = Int32(domains.count)
            var rest = k
            var entries: [Domain.Entry] = []
            for index in by.reversed() {
                let c = rest % index.count
                rest /= index.count
                entries.append(Domain.Entry(variable: index.variable, value: index.categories[c].label))
            }
            domains.append(Domain(entries.reversed()))
        }
        var domainOfRow = [Int32](repeating: -1, count: n)
        for i in 0..<n where valid[i] { domainOfRow[i] = number[key[i]] }
        self.domainOfRow = domainOfRow
        self.domains = domains
    }
}
