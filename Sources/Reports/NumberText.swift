import Foundation

/// Number formatting for people (tables, Markdown) and for machines (CSV).
///
/// All functions are locale-independent: the decimal separator is always a point.
enum NumberText {
    /// Full precision: the shortest text that reads back to the same `Double`; empty for
    /// `nil`, NaN and infinities.
    static func full(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value.description
    }

    /// `value` rounded to `decimals` places ("-0.0" is written "0.0").
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-"), !text.contains(where: { $0 >= "1" && $0 <= "9" }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// Places after the decimal point that show `digits` significant digits of `magnitude`,
    /// never negative and at most 12; `fallback` when the magnitude is zero or not finite.
    static func decimals(showing digits: Int, of magnitude: Double, fallback: Int = 0) -> Int {
        let m = abs(magnitude)
        guard m > 0, m.isFinite else { return fallback }
        let exponent = Int(floor(log10(m)))
        return min(12, max(0, digits - 1 - exponent))
    }

    /// `value` with `digits` significant digits, trailing zeros after the point removed
    /// (5.19, 20.9, 0.0217, 1).
    static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "—" }
        var text = fixed(value, decimals: decimals(showing: digits, of: value))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A proportion as a percentage with one decimal: 0.3941 → "39.4%".
    static func percent(_ proportion: Double) -> String {
        fixed(proportion * 100, decimals: 1) + "%"
    }

    /// A difference of proportions in signed percentage points with one decimal: 0.243 → "+24.3",
    /// −0.05 → "−5.0" (a minus sign), 0 → "0.0".
    static func points(_ difference: Double) -> String {
        let text = fixed(abs(difference) * 100, decimals: 1)
        guard difference.isFinite else { return text }
        if text == "0.0" { return text }
        return (difference > 0 ? "+" : "−") + text
    }

    /// A confidence level as a percentage: 0.95 → "95%", 0.995 → "99.5%".
    static func level(_ level: Double) -> String {
        significant(level * 100, digits: 6) + "%"
    }

    /// A p-value with three significant digits, or "< 0.0001".
    static func pValue(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : "= " + significant(p, digits: 3)
    }
}
