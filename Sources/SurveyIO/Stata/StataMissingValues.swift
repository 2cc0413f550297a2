/// Stata's missing values and how Barometer represents them.
///
/// Stata has 27 missing values: the system missing value `.` and the extended missing values
/// `.a` to `.z` (since format 113), which surveys use for "don't know" (`.a`), "refused" (`.b`)
/// and the like. Stata orders them after every number: `. < .a < .b < … < .z`.
///
/// ## Barometer's convention
///
/// A numeric Stata variable stays a numeric column:
///
/// - `.` becomes `NaN` (system-missing: the respondent drops out of estimates as a domain).
/// - `.a` … `.z` become the very number Stata itself stores for them in a `double` variable,
///   `2¹⁰²³ × (1 + k/4096)` for the k-th letter (`.a` is k = 1, about 8.9907e307; bit patterns
///   `0x7FE0_0100_0000_0000` plus `(k − 1) × 2⁴⁰`), whatever the storage type in the file
///   (`byte`, `int`, `long`, `float` or `double`). These codes are finite, distinct, sort after
///   every valid value as in Stata, can never collide with data (Stata refuses to store values
///   at or above 2¹⁰²³), and write back to `.a` … `.z` exactly.
/// - The reader lists every extended code that occurs in a variable or in its value labels in
///   ``VariableMetadata/missingCodes``, so estimates treat them as user-missing: proportions show
///   them as their own (flagged) categories and drop them when missing values are excluded, and
///   means, totals and ratios never include them. Each such code carries a value label: the
///   file's own (say "Don't know") or else the Stata name (".a").
public enum StataMissingValues {
    /// The letters of the extended missing values, `a` to `z`.
    public static let letters: [Character] = Array("abcdefghijklmnopqrstuvwxyz")

    /// The largest value a Stata `double` can hold (`0x7FDF_FFFF_FFFF_FFFF`, about 8.988e307).
    public static let largestDouble = Double(bitPattern: 0x7FDF_FFFF_FFFF_FFFF)

    /// The code of `.a` … `.z` (`letter` `a` … `z`); `nil` for any other character.
    public static func code(for letter: Character) -> Double? {
        guard let k = letters.firstIndex(of: letter) else { return nil }
        return code(index: k + 1)
    }

    /// The letter of an extended missing code, or `nil` when `value` is not one.
    public static func letter(for value: Double) -> Character? {
        index(of: value).map { letters[$0 - 1] }
    }

    /// Whether `value` is one of the 26 extended missing codes.
    public static func isExtendedMissing(_ value: Double) -> Bool { index(of: value) != nil }

    /// Every extended missing code, `.a` first.
    public static let allCodes: [Double] = (1 ... 26).map { code(index: $0) }

    // MARK: Internal

    static let doubleSystemMissingBits: UInt64 = 0x7FE0_0000_0000_0000
    static let doubleStep: UInt64 = 0x0000_0100_0000_0000
    static let floatSystemMissingBits: UInt32 = 0x7F00_0000
    static let floatStep: UInt32 = 0x0000_0800

    /// The code of the `k`-th missing value, `k` in 1…26.
    static func code(index k: Int) -> Double {
        Double(bitPattern: doubleSystemMissingBits + UInt64(k) * doubleStep)
    }

    /// 1…26 for `.a` … `.z`, else `nil`.
    static func index(of value: Double) -> Int? {
        let bits = value.bitPattern
        guard bits > doubleSystemMissingBits, bits <= doubleSystemMissingBits + 26 * doubleStep else { return nil }
        let offset = bits - doubleSystemMissingBits
        guard offset % doubleStep == 0 else { return nil }
        return Int(offset / doubleStep)
    }

    /// The value of the Stata integer `raw` of a type whose `.` is `systemMissing`: a number, NaN
    /// for `.` (and for anything beyond `.z` or below the valid range), or an extended code.
    @inline(__always)
    static func integer(_ raw: Int64, systemMissing: Int64, minimum: Int64) -> Double {
        if raw < systemMissing {
            return raw >= minimum ? Double(raw) : .nan
        }
        let k = raw - systemMissing
        return k >= 1 && k <= 26 ? code(index: Int(k)) : .nan
    }

    /// The value of a Stata `float` given its bits (format 113 and later).
    @inline(__always)
    static func float(bits: UInt32) -> Double {
        let f = Float(bitPattern: bits)
        if f.isFinite, abs(f) < Float(bitPattern: floatSystemMissingBits) { return Double(f) }
        if bits > floatSystemMissingBits, bits <= floatSystemMissingBits + 26 * floatStep,
           (bits - floatSystemMissingBits) % floatStep == 0 {
            return code(index: Int((bits - floatSystemMissingBits) / floatStep))
        }
        return .nan
    }

    /// The value of a Stata `double` given its bits (format 113 and later).
    @inline(__always)
    static func double(bits: UInt64) -> Double {
        let d = Double(bitPattern: bits)
        if d.isFinite, abs(d) <= largestDouble { return d }
        return index(of: d) != nil ? d : .nan
    }
}
