/// How values are read and written: proportions shown as percentages, or plain numbers.
/// Formatting is the same in every language (a decimal point, no grouping) so that charts do not
/// depend on the machine's locale.
public enum ChartValueFormat: Sendable, Equatable {
    /// Values are proportions from 0 to 1, written as whole percentages ("39%"); axis ticks
    /// "0%", "25%", … .
    case percentage
    /// Plain numbers such as means, written with `decimals` places (nil: chosen from the size
    /// of the axis: 2 below 1, 1 below 100 (a mean on a 1–5 scale: "3.4"), else none).
    case number(decimals: Int? = nil)

    /// A value label: "39%", or the number with the chosen decimals; "–" when not finite.
    func label(_ value: Double, magnitude: Double) -> String {
        switch self {
        case .percentage:
            return NumberText.fixed(value * 100, decimals: 0) + "%"
        case .number(let decimals):
            return NumberText.fixed(value, decimals: decimals ?? NumberText.decimals(forMagnitude: magnitude))
        }
    }

    /// An axis tick label for a tick step of `step`: "25%", "12.5%", "3.5".
    func tick(_ value: Double, step: Double) -> String {
        switch self {
        case .percentage:
            return NumberText.fixed(value * 100, decimals: NumberText.decimals(forStep: step * 100)) + "%"
        case .number:
            return NumberText.fixed(value, decimals: NumberText.decimals(forStep: step))
        }
    }

    /// An interval in words for tooltips and descriptions: "36–42%" or "3.1–3.5".
    func interval(_ range: ClosedRange<Double>, magnitude: Double) -> String {
        switch self {
        case .percentage:
            return NumberText.fixed(range.lowerBound * 100, decimals: 0) + "–" + label(range.upperBound, magnitude: magnitude)
        case .number:
            return label(range.lowerBound, magnitude: magnitude) + "–" + label(range.upperBound, magnitude: magnitude)
        }
    }

    var isPercentage: Bool { self == .percentage }
}

/// Locale-independent number text: a decimal point, a true minus sign (U+2212), no grouping.
enum NumberText {
    /// `value` rounded to `decimals` places; "–" when not finite; no "−0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let d = min(max(decimals, 0), 9)
        var p = 1.0
        for _ in 0..<d { p *= 10 }
        let magnitude = (abs(value) * p).rounded(.toNearestOrAwayFromZero)
        guard magnitude < 9e15 else { return value < 0 ? "−∞" : "∞" }
        let n = UInt64(magnitude)
        var digits = String(n)
        if d > 0 {
            if digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d))
        }
        return (value < 0 && n != 0 ? "−" : "") + digits
    }

    /// Decimals that show the ticks of a step: 25 → 0, 2.5 → 1, 0.25 → 2.
    static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var d = 0
        var s = step
        while d < 6, abs(s - s.rounded()) > 1e-6 * max(1, abs(s)) {
            s *= 10
            d += 1
        }
        return d
    }

    /// Decimals for value labels on an axis reaching `magnitude`: 2 under 1, 1 under 100,
    /// else 0.
    static func decimals(forMagnitude magnitude: Double) -> Int {
        let m = abs(magnitude)
        guard m.isFinite, m > 0 else { return 1 }
        if m < 1 { return 2 }
        if m < 100 { return 1 }
        return 0
    }

    /// A coordinate for SVG: at most two decimals, no exponent, "0" for anything not finite.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e7), 1e7)
        var text = fixed(clamped, decimals: 2)
        if text.hasPrefix("−") { text = "-" + text.dropFirst() }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
