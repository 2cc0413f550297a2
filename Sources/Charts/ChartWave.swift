/// A wave on a time axis: its label ("Autumn 2022") and its position as a fractional year
/// (the middle of fieldwork, e.g. 2022.79; `StudyWave.midpoint` gives it).
public struct ChartWave: Sendable, Equatable {
    /// The wave's name as readers see it.
    public var label: String
    /// The middle of fieldwork as a fractional year.
    public var x: Double

    public init(label: String, x: Double) {
        self.label = label
        self.x = x
    }
}
