import Foundation
import SurveyCore

/// What `barometer trend` asks of a study: one concept across waves, optionally broken down
/// and filtered, with levels chosen or collapsed, and the changes to test.
public struct TrendRequest: Sendable, Equatable {
    /// Levels merged into one: `favourable = very_favourable + somewhat_favourable`.
    public struct LevelGroup: Sendable, Equatable {
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
    }

    /// Which changes between waves to estimate.
    public enum Changes: Sendable, Equatable {
        /// First against last wave (the default).
        case firstToLast
        /// Every wave against the one before.
        case consecutive
        /// The given pairs of wave ids, earlier first.
        case pairs([[String]])
        case none

        /// Reads the words of `--compare` (CLI), `compare=` (URL) and `compare:` (report):
        /// `FROM:TO` (repeatable), `consecutive`, `first-last` or `none`; the last word wins,
        /// pairs collect. `invalid` is the first word that is none of these.
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
    }

    public var concept: String
    public var by: [String]
    public var filter: String?
    /// Level ids or labels to report (all when empty); estimates are always of all levels.
    public var levels: [String]
    public var collapse: [LevelGroup]
    /// Wave ids to use (every wave that asked the question when empty).
    public var waves: [String]
    public var changes: Changes
    /// Report the net score (positive − negative) when the concept's levels have valences.
    public var netScore: Bool
    public var options: AnalysisOptions

    public init(
        concept: String, by: [String] = [], filter: String? = nil, levels: [String] = [], collapse: [LevelGroup] = [],
        waves: [String] = [], changes: Changes = .firstToLast, netScore: Bool = true, options: AnalysisOptions = AnalysisOptions()
    ) {
        self.concept = concept
        self.by = by
        self.filter = filter
        self.levels = levels
        self.collapse = collapse
        self.waves = waves
        self.changes = changes
        self.netScore = netScore
        self.options = options
    }
}
