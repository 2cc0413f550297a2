import Foundation
import Studies

/// Finds concepts by words in any language: every word of the query must occur (ignoring case
/// and accents) in the concept's id, title, question text or answer labels, in English,
/// Russian, Kazakh or any other language the study has. Titles that match rank first.
enum ConceptSearch {
    static func find(_ query: String, in concepts: [Concept]) -> [Concept] {
        let words = fold(query).split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return concepts }
        var scored: [(Int, Int, Concept)] = []
        for (i, c) in concepts.enumerated() {
            let title = fold(c.title.texts.values.joined(separator: " ") + " " + c.id)
            let all = title + " " + fold(c.text.texts.values.joined(separator: " ") + " " + c.levels.flatMap { $0.label.texts.values }.joined(separator: " "))
            guard words.allSatisfy({ all.contains($0) }) else { continue }
            let score = words.filter { title.contains($0) }.count
            scored.append((score, i, c))
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.2)
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
