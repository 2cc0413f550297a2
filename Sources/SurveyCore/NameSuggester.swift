/// Finds the names closest to a misspelt one, for "did you mean" hints.
public enum NameSuggester {
    /// Up to `limit` names within an edit distance of about a third of the name's length
    /// (at least 2), closest first; names that contain the query or that it contains, regardless
    /// of case, count as close too.
    public static func closest(to query: String, among names: [String], limit: Int = 3) -> [String] {
        let q = query.lowercased()
        let threshold = max(2, q.count / 3)
        var scored: [(String, Int)] = []
        for name in names {
            let n = name.lowercased()
            var d = editDistance(q, n)
            if d > threshold, !q.isEmpty, n.contains(q) || q.contains(n) { d = threshold }
            if d <= threshold { scored.append((name, d)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map(\.0)
    }

    /// Levenshtein distance between two strings, over Unicode characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
