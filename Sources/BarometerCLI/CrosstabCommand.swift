import ArgumentParser
import SurveyCore

/// `barometer crosstab`: a two-way table of percentages with a test of independence.
struct Crosstab: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosstab",
        abstract: "Cross two categorical variables: weighted percentages with intervals and a Rao–Scott test.",
        discussion: """
            Example:
              barometer crosstab apistrat.csv stype sch.wide \\
                --weight pw --strata stype --fpc fpc --percent row
            """)

    @Argument(help: ArgumentHelp("The survey file.", valueName: "file"))
    var file: String

    @Argument(help: ArgumentHelp("The variable whose categories form the rows.", valueName: "row-variable"))
    var rowVariable: String

    @Argument(help: ArgumentHelp("The variable whose categories form the columns.", valueName: "column-variable"))
    var columnVariable: String

    @OptionGroup(title: "Table")
    var table: TableOptions

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
            design: design.spec,
            crosstab: CrosstabSpec(rows: rowVariable, columns: columnVariable, percent: table.percent, test: table.test),
            filter: estimation.filter,
            options: try estimation.analysisOptions(language: output.language, designEffects: false))
    }
}
