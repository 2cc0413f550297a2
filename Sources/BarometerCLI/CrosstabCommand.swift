import ArgumentParser
import SurveyCore

/// `barometer crosstab`: a two-way table of percentages with a test of independence.
struct Crosstab: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosstab",
        abstract: "Cross two categorical variables: weighted percentages with intervals and a Rao–Scott test.",
        discussion: """
            With a multiple-response set (`$NAME`, e.g. the coded columns `barometer code apply` \
            writes) as the rows, each code's share of the mentions of every column group \
            (--base respondents: of the respondents who answered, with a Rao–Scott test per code, \
            Holm-adjusted).

            Examples:
              barometer crosstab apistrat.csv stype sch.wide \\
                --weight pw --strata stype --fpc fpc --percent row
              barometer crosstab wave.sav '$russia_reason' language --weight weight --strata stratum --cluster psu
            """)

    @Argument(help: ArgumentHelp("The survey file.", valueName: "file"))
    var file: String

    @Argument(help: ArgumentHelp("The variable whose categories form the rows.", valueName: "row-variable"))
    var rowVariable: String

    @Argument(help: ArgumentHelp("The variable whose categories form the columns.", valueName: "column-variable"))
    var columnVariable: String

    @OptionGroup(title: "Table")
    var table: TableOptions

    @Option(help: ArgumentHelp(
        "With a multiple-response set as the rows: shares of all 'mentions' (default) or of the 'respondents' who answered.",
        valueName: "base"))
    var base: MentionBase?

    /// What the shares of a multiple-response set's codes are shares of.
    enum MentionBase: String, ExpressibleByArgument, CaseIterable {
        case mentions, respondents
    }

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
        if rowVariable.hasPrefix("$") {
            // Codes × groups of a multiple-response question: its shares of mentions by the column variable.
            return AnalysisRequest(
                design: design.spec, measures: [.mentions(base == .respondents ? .mentioned : .mentions, columns: [rowVariable])],
                by: [columnVariable], filter: estimation.filter,
                options: try estimation.analysisOptions(language: output.language, designEffects: false))
        }
        if let base {
            throw ValidationError("--base applies to a multiple-response set ($NAME) as the rows, but the rows are '\(rowVariable)'; name the set (e.g. '$\(rowVariable)'), or leave out --base \(base.rawValue).")
        }
        return AnalysisRequest(
            design: design.spec,
            crosstab: CrosstabSpec(rows: rowVariable, columns: columnVariable, percent: table.percent, test: table.test),
            filter: estimation.filter,
            options: try estimation.analysisOptions(language: output.language, designEffects: false))
    }
}
