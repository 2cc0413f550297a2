import Foundation

/// One turn of a focus-group transcript: who spoke, in which group and language, and what.
public struct TranscriptTurn: Sendable, Equatable {
    public var group: String
    public var language: String?
    public var speaker: String?
    public var text: String

    public init(group: String, language: String? = nil, speaker: String? = nil, text: String) {
        self.group = group
        self.language = language
        self.speaker = speaker
        self.text = text
    }

    /// The turns of a plain-text transcript: one turn per non-empty line, `Speaker: text` (a speaker is at most three
    /// words, each capitalised or a number: "Айгүл", "Participant 3") or just text; lines that start with `#` are notes, not turns.
    public static func turns(inPlainText text: String, group: String, language: String?) -> [TranscriptTurn] {
        text.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 40 {
                let speaker = line[..<colon].trimmingCharacters(in: .whitespaces)
                let said = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                let words = speaker.split(separator: " ")
                let named = words.allSatisfy { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }
                if !words.isEmpty, words.count <= 3, named, !said.isEmpty {
                    return TranscriptTurn(group: group, language: language, speaker: speaker, text: said)
                }
            }
            return TranscriptTurn(group: group, language: language, text: line)
        }
    }
}
