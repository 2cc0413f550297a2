/// The replicate weights behind a result's variances, as its design summary reports them.
public struct ReplicateSummary: Sendable, Equatable, Codable {
    public var type: ReplicateType
    /// Number of replicates.
    public var count: Int
    /// The variance's constant.
    public var scale: Double
    /// Centred at the full-sample estimate (R's `mse = TRUE`) rather than the replicates' mean.
    public var mse: Bool
    /// Whether they were made from the strata and clusters (R `as.svrepdesign`) rather than
    /// read from the data.
    public var madeFromDesign: Bool

    public init(type: ReplicateType, count: Int, scale: Double, mse: Bool, madeFromDesign: Bool) {
        self.type = type
        self.count = count
        self.scale = scale
        self.mse = mse
        self.madeFromDesign = madeFromDesign
    }

    /// The summary of a design's replicate weights.
    public init(_ replicates: ReplicateWeights) {
        self.init(type: replicates.type, count: replicates.count, scale: replicates.scale, mse: replicates.mse,
                  madeFromDesign: replicates.columns.isEmpty)
    }
}
