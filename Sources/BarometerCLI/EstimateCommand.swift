import ArgumentParser
import SurveyCore

/// `barometer estimate`: means, totals, proportions and ratios, optionally by domains.
struct Estimate: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate means, totals, proportions and ratios with design-based standard errors.",
        discussion: """
            Name at least one measure. Measures are estimated in the order they are given; \
            --by breaks every one of them down by the combinations of the breakdown variables.

            Example:
              barometer estimate apistrat.csv --weight pw --strata stype --fpc fpc \\
                --mean api00 --proportion sch.wide --by stype

            --differences adds the difference of every estimate between each pair of groups \
            of the one --by variable (the covariance of the two groups' estimates accounted \
            for), with its interval and p-value; --reference GROUP compares every group with \
            that one only:
              barometer estimate apiclus1.csv --weight pw --cluster dnum --fpc fpc \
                --mean api00 --by stype --differences --reference E
            """)

    @Argument(help: ArgumentHelp("The survey file.", valueName: "file"))
    var file: String

    @OptionGroup(title: "Estimates")
    var measures: MeasureOptions

    @OptionGroup(title: "Input")
    var input: InputOptions

    @OptionGroup(title: "Design")
    var design: DesignOptions

    @OptionGroup(title: "Weighting")
    var calibration: CalibrationOptions

    @OptionGroup(title: "Estimation")
    var estimation: EstimationOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    func makeRequest(arguments: [String]?) throws -> AnalysisRequest {
        AnalysisRequest(
            design: design.spec, measures: try measures.measures(arguments: arguments), by: measures.by,
            filter: estimation.filter,
            options: try estimation.analysisOptions(language: output.language, designEffects: measures.deff),
            differences: try measures.differencesSpec())
    }
}
