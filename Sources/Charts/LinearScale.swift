/// A linear map from values (the domain) to pixels (the range), with "nice" ticks.
struct LinearScale {
    let domain: ClosedRange<Double>
    let start: Double
    let end: Double

    /// `domain` must be finite; a domain of zero width is widened so that the map stays finite.
    init(domain: ClosedRange<Double>, range start: Double, _ end: Double) {
        var d = domain
        if !(d.lowerBound.isFinite && d.upperBound.isFinite) { d = 0...1 }
        if d.upperBound - d.lowerBound <= 0 { d = (d.lowerBound - 0.5)...(d.upperBound + 0.5) }
        self.domain = d
        self.start = start
        self.end = end
    }

    func callAsFunction(_ value: Double) -> Double {
        start + (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (end - start)
    }

    /// Whether `value` is in the domain (allowing rounding error).
    func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        let eps = (domain.upperBound - domain.lowerBound) * 1e-9
        return value >= domain.lowerBound - eps && value <= domain.upperBound + eps
    }

    /// The largest absolute value in the domain (how many decimals numbers on it need).
    var magnitude: Double { max(abs(domain.lowerBound), abs(domain.upperBound)) }

    /// `value` limited to the domain.
    func clamp(_ value: Double) -> Double { min(max(value, domain.lowerBound), domain.upperBound) }

    /// Ticks every `step` from the first multiple of `step` in the domain.
    func ticks(step: Double) -> [Double] {
        guard step.isFinite, step > 0 else { return [domain.lowerBound, domain.upperBound] }
        var ticks: [Double] = []
        var k = (domain.lowerBound / step - 1e-9).rounded(.up)
        while ticks.count < 200 {
            let t = k * step
            if t > domain.upperBound + step * 1e-9 { break }
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            k += 1
        }
        return ticks
    }

    /// A step of 1, 5, 2.5 or 2 × 10^k (preferred in that order) that divides `span` into
    /// `target` ± 1 intervals, or failing that the one closest to `target` (for percentages
    /// 0–100%: 25%; 0–60%: 10%; 0–80%: 20%).
    static func niceStep(span: Double, target: Int = 5) -> Double {
        guard span.isFinite, span > 0 else { return 1 }
        let goal = Double(max(1, target))
        let raw = span / goal
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        var candidates: [Double] = []
        for scale in [magnitude, magnitude * 10] {
            for m in [1.0, 5, 2.5, 2] { candidates.append(m * scale) }
        }
        if let fit = candidates.first(where: { abs(span / $0 - goal) <= 1 + 1e-9 }) { return fit }
        return candidates.min { abs(span / $0 - goal) < abs(span / $1 - goal) } ?? magnitude
    }

    /// `step`, doubled (or multiplied by 2.5 from 2) until ticks are at least `minimum` pixels
    /// apart on this scale, so that their labels do not touch.
    func readableStep(_ step: Double, minimum: Double) -> Double {
        guard step.isFinite, step > 0, minimum > 0 else { return step }
        var s = step
        var guardCount = 0
        while abs(self(s) - self(0)) < minimum, guardCount < 20 {
            s *= 2
            guardCount += 1
        }
        return s
    }

    /// A domain with nice ends covering `low…high` (zero included when asked) and its tick step.
    static func niceDomain(low: Double, high: Double, includeZero: Bool, target: Int = 5) -> (ClosedRange<Double>, Double) {
        var lo = low.isFinite ? low : 0
        var hi = high.isFinite ? high : 1
        if lo > hi { swap(&lo, &hi) }
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi - lo <= 0 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= includeZero && lo >= 0 ? 0 : pad
            hi += pad
        }
        let step = niceStep(span: hi - lo, target: target)
        let niceLo = (lo / step + 1e-9).rounded(.down) * step
        let niceHi = (hi / step - 1e-9).rounded(.up) * step
        return (niceLo...niceHi, step)
    }
}
