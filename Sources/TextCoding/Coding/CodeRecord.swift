import Foundation

/// One coder's codes for one answer, with who gave them, when and how.
public struct CodeRecord: Sendable, Equatable, Codable {
    /// How the codes were given.
    public enum Source: String, Sendable, Codable, CaseIterable {
        /// A person coded the answer.
        case coder
        /// The code frame's rules matched the answer.
        case rules
        /// The classifier suggested the codes above the threshold.
        case classifier
        /// A person resolved a disagreement between coders.
        case resolution
    }

    public var unit: String
    /// The coder's name (for rules or the classifier: the frame or model that coded).
    public var coder: String
    /// The codes, in the order given; empty when the coder left the answer uncoded.
    public var codes: [String]
    /// When, as an ISO 8601 date-time (the sheet's time or the coder's own column).
    public var codedAt: String?
    public var source: Source
    /// The coder's note.
    public var note: String?

    public init(unit: String, coder: String, codes: [String], codedAt: String? = nil, source: Source = .coder, note: String? = nil) {
        self.unit = unit
        self.coder = coder
        self.codes = codes
        self.codedAt = codedAt
        self.source = source
        self.note = note
    }

    /// Codes written in one cell, as coders type them: separated by `;` or `,` (spaces
    /// around them ignored), each once, in order.
    public static func codes(in cell: String) -> [String] {
        var seen = Set<String>()
        return cell.split(whereSeparator: { $0 == ";" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
