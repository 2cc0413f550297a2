/// The trend part of an ``AnalysisRequest``: a harmonized concept of a study followed across
/// waves, with the levels to show, levels merged, the changes between waves to test and the net
/// score; or, without a concept, the request's shares of mentions of a coded question followed
/// across the waves that have its columns. Breakdowns, filter and options are the request's own.
public struct TrendSpec: Sendable, Equatable, Codable {
    /// Levels merged into one: `favourable = very_favourable + somewhat_favourable`.
    public struct LevelGroup: Sendable, Equatable, Codable {
        public var name: String
        /// Level ids or labels (in any language).
        public var members: [String]

        public init(name: String, members: [String]) {
            self.name = name
            self.members = members
        }

        /// Parses `name=a+b+c`.
        public init?(parsing text: String) {
            let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            let members = parts[1].split(separator: "+").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard !members.isEmpty, !members.contains(where: \.isEmpty) else { return nil }
            self.init(name: parts[0], members: members)
        }

        /// `name=a+b+c`, as parsed.
        public var text: String { name + "=" + members.joined(separator: "+") }
    }

    /// Which changes between waves to estimate. Encoded as the words of `compare`.
    public enum Changes: Sendable, Equatable, Codable {
        /// First against last wave (the default).
        case firstToLast
        /// Every wave against the one before.
        case consecutive
        /// The given pairs of wave ids, earlier first.
        case pairs([[String]])
        case none

        /// Reads the words of `compare` (`--compare`, `compare=`, `compare:`): `FROM:TO`
        /// (repeatable), `consecutive`, `first-last` or `none`; the last word wins, pairs
        /// collect. `invalid` is the first word that is none of these.
        public static func parse(_ words: [String]) -> (changes: Changes, invalid: String?) {
            var changes = Changes.firstToLast
            var pairs: [[String]] = []
            for word in words {
                switch word {
                case "consecutive": changes = .consecutive
                case "first-last": changes = .firstToLast
                case "none": changes = .none
                default:
                    let pair = word.split(separator: ":").map { String($0).trimmingCharacters(in: .whitespaces) }
                    guard pair.count == 2, !pair.contains(where: \.isEmpty) else { return (changes, word) }
                    pairs.append(pair)
                }
            }
            return (pairs.isEmpty ? changes : .pairs(pairs), nil)
        }

        /// The words that ``parse(_:)`` reads back to these changes.
        public var words: [String] {
            switch self {
            case .firstToLast: ["first-last"]
            case .consecutive: ["consecutive"]
            case .none: ["none"]
            case .pairs(let pairs): pairs.map { $0.joined(separator: ":") }
            }
        }

        public init(from decoder: Decoder) throws {
            let words = try decoder.singleValueContainer().decode([String].self)
            let (changes, invalid) = Self.parse(words)
            if let invalid {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(invalid)' is not FROM:TO, consecutive, first-last or none"))
            }
            self = changes
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(words)
        }
    }

    /// The concept followed; nil when the trend follows the request's shares of mentions
    /// (``Statistic/mentions`` or ``Statistic/mentioned`` of a coded open-ended question), which
    /// have no levels, collapses or net score.
    public var concept: String?
    /// Wave ids to use (every wave that asked the question when empty).
    public var waves: [String]
    /// Level ids or labels to report (all when empty); estimates are always of all levels.
    public var levels: [String]
    public var collapse: [LevelGroup]
    public var changes: Changes
    /// Report the net score (positive − negative) when the concept's levels have valences.
    public var netScore: Bool

    public init(
        concept: String?, waves: [String] = [], levels: [String] = [], collapse: [LevelGroup] = [],
        changes: Changes = .firstToLast, netScore: Bool = true
    ) {
        self.concept = concept
        self.waves = waves
        self.levels = levels
        self.collapse = collapse
        self.changes = changes
        self.netScore = netScore
    }

    enum CodingKeys: String, CodingKey { case concept, waves, levels, collapse, changes, netScore }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        concept = try c.decodeIfPresent(String.self, forKey: .concept)
        waves = try c.decodeIfPresent([String].self, forKey: .waves) ?? []
        levels = try c.decodeIfPresent([String].self, forKey: .levels) ?? []
        collapse = try c.decodeIfPresent([LevelGroup].self, forKey: .collapse) ?? []
        changes = try c.decodeIfPresent(Changes.self, forKey: .changes) ?? .firstToLast
        netScore = try c.decodeIfPresent(Bool.self, forKey: .netScore) ?? true
    }
}
