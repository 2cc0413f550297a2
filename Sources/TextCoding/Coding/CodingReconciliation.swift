/// The codes of every answer once the coders' records are in: an answer coded by one coder
/// keeps their codes; one coded alike by several keeps the common codes; where coders
/// disagree, a resolution decides, and without one the answer is a disagreement to resolve
/// and stays uncoded.
public struct CodingReconciliation: Sendable {
    /// Two or more coders gave an answer different codes.
    public struct Disagreement: Sendable, Equatable {
        public var unit: String
        /// Each coder's codes, in the order of the records.
        public var codes: [(coder: String, codes: [String])]

        public static func == (a: Disagreement, b: Disagreement) -> Bool {
            a.unit == b.unit && a.codes.map(\.coder) == b.codes.map(\.coder) && a.codes.map(\.codes) == b.codes.map(\.codes)
        }
    }

    /// The final codes of each unit that has them.
    public let final: [String: [String]]
    /// The disagreements without a resolution, in the order their units were first coded.
    public let unresolved: [Disagreement]
    /// Every disagreement, resolved or not.
    public let disagreements: [Disagreement]
    /// Units coded by more than one coder.
    public let multiplyCoded: Int

    /// - Parameter records: the coders' records; a `.resolution` record decides its unit.
    public init(_ records: [CodeRecord]) {
        var order: [String] = []
        var byUnit: [String: [CodeRecord]] = [:]
        for record in records {
            if byUnit[record.unit] == nil { order.append(record.unit) }
            byUnit[record.unit, default: []].append(record)
        }
        var final: [String: [String]] = [:], unresolved: [Disagreement] = [], all: [Disagreement] = []
        var multiple = 0
        for unit in order {
            let records = byUnit[unit]!
            let coded = records.filter { $0.source != .resolution }
            let resolution = records.last { $0.source == .resolution }
            if Set(coded.map(\.coder)).count > 1 { multiple += 1 }
            let distinct = Set(coded.map { Set($0.codes) })
            if distinct.count > 1 {
                let disagreement = Disagreement(unit: unit, codes: coded.map { ($0.coder, $0.codes) })
                all.append(disagreement)
                if let resolution { final[unit] = resolution.codes } else { unresolved.append(disagreement) }
            } else if let resolution {
                final[unit] = resolution.codes
            } else if let first = coded.first {
                final[unit] = first.codes
            }
        }
        self.final = final
        self.unresolved = unresolved
        self.disagreements = all
        self.multiplyCoded = multiple
    }
}
