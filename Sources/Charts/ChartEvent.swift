/// Something that happened, marked on time axes by a dashed vertical line with a label: its
/// date as a fractional year (`StudyEvent.fractionalYear`, e.g. 2022.15 for 24 February 2022)
/// and its label. Events outside the time axis are not drawn.
public struct ChartEvent: Sendable, Equatable {
    /// The date as a fractional year.
    public var x: Double
    /// What happened, in the reader's language.
    public var label: String

    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}
