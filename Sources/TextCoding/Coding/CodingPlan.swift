import SurveyCore

/// Who codes which answers: the units shared out among coders, and a random subsample coded
/// twice, blind, for the reliability of the coding (Krippendorff 2004, ch. 11: a reliability
/// sample coded independently by at least two coders).
///
/// The units are shuffled with a seeded generator (``SurveyCore/SplitMix64``), dealt to the
/// coders in turn, and the first `doubleShare` of the shuffled units go also to the next
/// coder in the rotation. A coder's sheet never shows another coder's codes. The same units,
/// coders, share and seed give the same plan.
public struct CodingPlan: Sendable, Equatable {
    /// Per coder, in the order given, the units on their sheet (in the file's order).
    public let sheets: [(coder: String, units: [CodingUnit])]
    /// The units coded by two coders.
    public let doubleCoded: Set<String>

    public static func == (a: CodingPlan, b: CodingPlan) -> Bool {
        a.doubleCoded == b.doubleCoded && a.sheets.map(\.coder) == b.sheets.map(\.coder)
            && a.sheets.map(\.units) == b.sheets.map(\.units)
    }

    /// - Precondition: at least one coder, coders distinct, `doubleShare` in [0, 1] and a
    ///   share above 0 needs two coders (the CLI checks these and says so).
    public init(units: [CodingUnit], coders: [String], doubleShare: Double, seed: UInt64) {
        precondition(!coders.isEmpty && Set(coders).count == coders.count)
        precondition(doubleShare >= 0 && doubleShare <= 1 && (doubleShare == 0 || coders.count > 1))
        var order = Array(units.indices)
        var random = SplitMix64(seed: seed)
        // Fisher–Yates with an unbiased bounded draw.
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let bound = UInt64(i + 1)
            let limit = UInt64.max - UInt64.max % bound
            var r = random.next()
            while r >= limit { r = random.next() }
            order.swapAt(i, Int(r % bound))
        }
        let doubles = Int((Double(units.count) * doubleShare).rounded())
        var assigned = [[Int]](repeating: [], count: coders.count)
        var twice = Set<String>()
        for (position, unit) in order.enumerated() {
            let first = position % coders.count
            assigned[first].append(unit)
            if position < doubles {
                assigned[(first + 1) % coders.count].append(unit)
                twice.insert(units[unit].id)
            }
        }
        sheets = coders.enumerated().map { i, coder in (coder, assigned[i].sorted().map { units[$0] }) }
        doubleCoded = twice
    }
}
