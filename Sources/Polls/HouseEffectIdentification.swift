import SurveyCore

/// How house effects are identified: the model sees only μ_t + δ_j, so one linear constraint on
/// the δ fixes their level (Jackman 2005, §3).
public enum HouseEffectIdentification: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The house effects sum to zero across pollsters: the average pollster is unbiased.
    case sumToZero
    /// The named pollster's house effect is zero: the average follows that pollster.
    case reference(String)
    /// Known true values on some days (election or census results, Jackman's choice): μ is
    /// fixed there, and every pollster's house effect is free.
    case anchors([Anchor])

    /// A known true share on a day.
    public struct Anchor: Sendable, Equatable, Codable {
        public var day: CivilDay
        /// A proportion (0–1).
        public var share: Double

        public init(day: CivilDay, share: Double) {
            self.day = day
            self.share = share
        }
    }

    public var description: String {
        switch self {
        case .sumToZero: "sum-to-zero"
        case .reference(let pollster): "reference: \(pollster)"
        case .anchors(let list): "anchors: " + list.map { "\($0.day)=\($0.share * 100)%" }.joined(separator: ", ")
        }
    }

    /// The map from the free parameters θ (K of them) to the house effects δ (one per
    /// pollster): `rows[j]` is the row of pollster `j`, δ_j = rows[j] · θ.
    func rows(pollsters: [String]) -> [[Double]] {
        let j = pollsters.count
        if case .anchors = self { return (0..<j).map { p in (0..<j).map { $0 == p ? 1 : 0 } } }
        guard j > 1 else { return [[]] }
        switch self {
        case .anchors: return []
        case .sumToZero:
            return (0..<j).map { p in p == j - 1 ? [Double](repeating: -1, count: j - 1) : (0..<(j - 1)).map { $0 == p ? 1 : 0 } }
        case .reference(let name):
            let r = pollsters.firstIndex(of: name) ?? 0
            let free = (0..<j).filter { $0 != r }
            return (0..<j).map { p in free.map { $0 == p ? 1 : 0 } }
        }
    }
}
