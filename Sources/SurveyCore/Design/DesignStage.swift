/// One stage of sampling in a compiled ``SurveyDesign``: which unit and stratum every
/// respondent belongs to at this stage, as dense integer indices.
///
/// As in R's `svydesign`, units of stage *s* > 1 are nested in the units of stage *s* − 1
/// (their identity is the combination of all earlier identifiers) and the strata of stage
/// *s* > 1 are the units of stage *s* − 1.
public struct DesignStage: Sendable {
    /// Unit of every respondent at this stage, `0..<unitCount`.
    public let unitOfRow: [Int32]
    public let unitCount: Int
    /// Stratum of every unit, `0..<strataCount`.
    public let stratumOfUnit: [Int32]
    public let strataCount: Int
    /// Units sampled in each stratum (R's `fpc$sampsize`).
    public let sampleSize: [Int]
    /// Population units in each stratum (R's `fpc$popsize`), `.infinity` without an fpc.
    public let populationSize: [Double]
    /// The unit of the previous stage that contains each stratum (`-1` at stage 1): the
    /// group over which R's `onestage` averages lonely strata.
    public let parentUnitOfStratum: [Int32]
    /// Product of the sampling fractions n/N of the strata of all earlier stages that contain
    /// each stratum: the factor by which its variance enters the total (R's `multistage`).
    public let ancestorFraction: [Double]
    /// Human-readable name of each stratum, for messages.
    public let stratumNames: [String]
}
