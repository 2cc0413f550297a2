/// A wave on a time axis: its label ("Autumn 2022") and its position as a fractional year
/// (the middle of fieldwork, e.g. 2022.79; `StudyWave.midpoint` gives it).
public struct ChartWave: Sendable, Equatable {
    public var label: String
    public var x: Double

    public init(label: String, x: Double) {
        self.label = label
        self.x = x
    }
}
