import Foundation

/// The order in which R's `factor()` sorts character levels on a typical Linux R (built with
/// ICU, whose default is the CLDR root collation; Unicode Technical Standard #10).
///
/// A simplified root collation, compared level by level:
/// 1. primary: characters by group — spaces and punctuation, then symbols, then digits, then
///    letters — and within letters by base letter, ignoring case and accents (`é` = `e`,
///    `ё` = `е`); the extra letters of Kazakh follow their base letter (а ә, г ғ, к қ, н ң,
///    о ө, у ұ ү, х һ, и і);
/// 2. secondary: accents;
/// 3. tertiary: lower case before upper case;
/// then the raw scalars as a final tiebreak.
///
/// This matters because the order of levels is the order of rows in every table and of the
/// cells in a contingency table. Keys are computed once per level, so sorting many levels
/// costs O(k log k) comparisons of small integer arrays.
public enum FactorLevelOrder {
    /// Sorts levels as R would.
    public static func sorted<S: Sequence>(_ levels: S) -> [String] where S.Element == String {
        levels.map { (key: SortKey($0), level: $0) }
            .sorted { $0.key < $1.key }
            .map(\.level)
    }

    /// The positions of `levels` in R's order (each key computed once), ties in input order.
    public static func order(_ levels: [String]) -> [Int] {
        let keys = levels.map(SortKey.init)
        return levels.indices.sorted { keys[$0] < keys[$1] }
    }

    /// Whether `a` sorts before `b` (two keys computed per call: to sort many, use ``order(_:)``).
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool { SortKey(a) < SortKey(b) }

    /// The collation key of one string.
    struct SortKey: Comparable {
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        var tertiary: [UInt8] = []
        var scalars: [UInt32] = []

        init(_ s: String) {
            scalars = s.unicodeScalars.map(\.value)
            for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
                let properties = scalar.properties
                if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                    // An accent on the previous base character.
                    if !secondary.isEmpty { secondary[secondary.count - 1] = secondary[secondary.count - 1] &* 31 &+ scalar.value }
                    continue
                }
                primary.append(Self.primaryWeight(scalar))
                secondary.append(0)
                tertiary.append(properties.isUppercase ? 1 : 0)
            }
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.primary != b.primary { return a.primary.lexicographicallyPrecedes(b.primary) }
            if a.secondary != b.secondary { return a.secondary.lexicographicallyPrecedes(b.secondary) }
            if a.tertiary != b.tertiary { return a.tertiary.lexicographicallyPrecedes(b.tertiary) }
            return a.scalars.lexicographicallyPrecedes(b.scalars)
        }

        /// Group in the top byte, position within the group below.
        static func primaryWeight(_ scalar: Unicode.Scalar) -> UInt32 {
            let properties = scalar.properties
            if let digit = properties.numericType, digit == .decimal, let value = properties.numericValue {
                return 3 << 24 | UInt32(value)
            }
            if properties.isAlphabetic {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
                return 4 << 24 | letterWeight(lower.value)
            }
            if properties.isWhitespace || properties.generalCategory.isPunctuation {
                return 1 << 24 | scalar.value
            }
            return 2 << 24 | scalar.value
        }

        /// Letters by code point, ×4 so that Kazakh letters can follow their base letter.
        static func letterWeight(_ v: UInt32) -> UInt32 {
            let following: [UInt32: (base: UInt32, rank: UInt32)] = [
                0x04D9: (0x0430, 1),  // ә after а
                0x0493: (0x0433, 1),  // ғ after г
                0x049B: (0x043A, 1),  // қ after к
                0x04A3: (0x043D, 1),  // ң after н
                0x04E9: (0x043E, 1),  // ө after о
                0x04B1: (0x0443, 1),  // ұ after у
                0x04AF: (0x0443, 2),  // ү after ұ
                0x04BB: (0x0445, 1),  // һ after х
                0x0456: (0x0438, 1),  // і after и
            ]
            if let f = following[v] { return f.base * 4 + f.rank }
            return v * 4
        }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }
}
