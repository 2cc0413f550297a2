/// The order in which R's `factor()` sorts character levels in the C/POSIX-like
/// "en_US.UTF-8" collation used by default on Linux: case-insensitive alphabetical first,
/// lower case before upper case on ties, punctuation ignored at the first level.
///
/// This matters because the order of levels is the order of rows in every table and the
/// column order of the contingency matrix; goldens from R assume R's order.
public enum FactorLevelOrder {
    /// Sorts levels as R would.
    public static func sorted<S: Sequence>(_ levels: S) -> [String] where S.Element == String {
        levels.sorted(by: areInIncreasingOrder)
    }

    /// Compares two levels: first by the letters and digits ignoring case and punctuation,
    /// then lower case before upper case, then by the raw Unicode scalars as a final tiebreak.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let ka = primaryKey(a), kb = primaryKey(b)
        if ka != kb { return ka.lexicographicallyPrecedes(kb) }
        let ta = tertiaryKey(a), tb = tertiaryKey(b)
        if ta != tb { return ta.lexicographicallyPrecedes(tb) }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    private static func primaryKey(_ s: String) -> [UInt32] {
        var key: [UInt32] = []
        for ch in s.lowercased().unicodeScalars where ch.properties.isAlphabetic || ch.properties.numericType != nil {
            key.append(ch.value)
        }
        return key
    }

    private static func tertiaryKey(_ s: String) -> [UInt8] {
        s.unicodeScalars.filter { $0.properties.isAlphabetic }.map { $0.properties.isLowercase ? 0 : 1 }
    }
}
