/// The features the classifier sees in an answer, by name:
/// - `c:` character n-grams (`minimumN`…`maximumN` characters) of every folded word padded with
///   `<` and `>` (so `<эк`, `ика>`), which survive the endings Kazakh and Russian add to a stem
///   (Cavnar & Trenkle 1994 "N-gram-based text categorization"; McNamee & Mayfield 2004
///   "Character n-gram tokenization for European language text retrieval");
/// - `w:` the folded words themselves;
/// - `r:` one per code whose frame rules match the answer (the rules as evidence).
///
/// Text features are binary and scaled together to unit length, so a long answer weighs as much
/// as a short one; rule features are 1.
struct AnswerFeatures {
    let minimumN: Int
    let maximumN: Int

    /// The text features of folded `words` (unscaled, each once, in order of first appearance).
    func textFeatures(_ words: [String]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ name: String) {
            if seen.insert(name).inserted { names.append(name) }
        }
        for word in words {
            add("w:" + word)
            let padded = Array("<" + word + ">")
            for n in minimumN...maximumN where n <= padded.count {
                for start in 0...(padded.count - n) {
                    add("c:" + String(padded[start..<(start + n)]))
                }
            }
        }
        return names
    }

    /// The feature vector of an answer over `vocabulary` (names unknown to it are dropped):
    /// sorted feature indices with their values.
    func vector(words: [String], ruleCodes: [String], vocabulary: [String: Int]) -> SparseVector {
        let text = textFeatures(words).compactMap { vocabulary[$0] }
        let scale = text.isEmpty ? 0 : 1 / Double(text.count).squareRoot()
        var entries = text.map { ($0, scale) }
        entries += ruleCodes.compactMap { vocabulary["r:" + $0] }.map { ($0, 1.0) }
        entries.sort { $0.0 < $1.0 }
        return SparseVector(indices: entries.map(\.0), values: entries.map(\.1))
    }
}

/// Feature indices in increasing order with their values.
struct SparseVector: Sendable, Equatable {
    var indices: [Int]
    var values: [Double]
}
