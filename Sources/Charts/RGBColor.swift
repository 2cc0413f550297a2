import Foundation  // pow only

/// An sRGB colour with the arithmetic charts need: parsing `#rrggbb`, relative luminance and
/// contrast ratio (WCAG 2.x), mixing, and darkening until text reaches a contrast.
struct RGBColor: Sendable, Equatable {
    var r: Double, g: Double, b: Double  // 0…1

    init(r: Double, g: Double, b: Double) {
        self.r = min(max(r, 0), 1)
        self.g = min(max(g, 0), 1)
        self.b = min(max(b, 0), 1)
    }

    /// `#rrggbb` or `#rgb`; nil for anything else.
    init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
        guard digits.count == 6, let n = UInt32(digits, radix: 16) else { return nil }
        self.init(r: Double((n >> 16) & 0xFF) / 255, g: Double((n >> 8) & 0xFF) / 255, b: Double(n & 0xFF) / 255)
    }

    static let white = RGBColor(r: 1, g: 1, b: 1)
    static let black = RGBColor(r: 0, g: 0, b: 0)

    var hex: String {
        func byte(_ v: Double) -> String {
            let n = Int((v * 255).rounded())
            let s = String(n, radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(r) + byte(g) + byte(b)
    }

    /// Relative luminance (WCAG 2.x).
    var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// Contrast ratio with `other`, 1…21.
    func contrast(with other: RGBColor) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// `self` moved a fraction `t` towards `other`.
    func mixed(with other: RGBColor, _ t: Double) -> RGBColor {
        RGBColor(r: r + (other.r - r) * t, g: g + (other.g - g) * t, b: b + (other.b - b) * t)
    }

    /// `self`, darkened towards black just enough to reach `ratio` against `background`.
    func darkened(toContrast ratio: Double, against background: RGBColor) -> RGBColor {
        if contrast(with: background) >= ratio { return self }
        var t = 0.0
        var c = self
        while t < 1, c.contrast(with: background) < ratio {
            t += 0.02
            c = mixed(with: .black, t)
        }
        return c
    }

    /// Near-black or white text, whichever contrasts more with `self` as a background.
    var textColor: RGBColor {
        let dark = RGBColor(hex: "#1a1a1a")!
        return dark.contrast(with: self) >= RGBColor.white.contrast(with: self) ? dark : .white
    }
}
