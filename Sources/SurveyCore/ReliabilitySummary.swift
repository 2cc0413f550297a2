/// What a result on the reliability of coders rests on (a result's `reliability`): the coders,
/// the units, the level of measurement of the codes, and the bootstrap of the intervals.
public struct ReliabilitySummary: Sendable, Equatable, Codable {
    /// The coders compared, in order.
    public var coders: [String]
    /// The units (answers) in the coding, coded or not.
    public var units: Int
    /// The units coded by at least two coders: those the statistics use.
    public var pairableUnits: Int
    /// The level of measurement of the codes: `nominal`, `ordinal`, `interval` or `ratio`.
    public var measurement: String
    /// Whether a unit may carry several codes; the rows are then per code (coded or not).
    public var perCode: Bool
    /// Bootstrap replicates behind each interval, and their seed.
    public var replicates: Int
    public var seed: UInt64

    public init(coders: [String], units: Int, pairableUnits: Int, measurement: String, perCode: Bool, replicates: Int, seed: UInt64) {
        self.coders = coders
        self.units = units
        self.pairableUnits = pairableUnits
        self.measurement = measurement
        self.perCode = perCode
        self.replicates = replicates
        self.seed = seed
    }
}
