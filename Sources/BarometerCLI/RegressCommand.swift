import ArgumentParser
import SurveyCore

extension RegressionFamily: ExpressibleByArgument {}

/// `barometer regress`: a design-based regression (R `svyglm`) of one file.
struct Regress: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Fit a design-based linear, logistic or Poisson regression (as R's svyglm).",
        discussion: """
            The model is an R formula: terms joined by '+', interactions by ':' or '*' \
            (a*b = a + b + a:b), '- 1' drops the intercept. A categorical predictor gets one \
            coefficient per level but its first (treatment contrasts, as R). Every coefficient \
            has a design-based standard error (linearization, or the design's replicate \
            weights), a t test and an interval on the design's degrees of freedom + 1 − the \
            number of coefficients; every term of several coefficients a Wald F test.

            Examples:
              barometer regress apistrat.csv --model 'api00 ~ ell + meals + stype' \\
                --weight pw --strata stype --fpc fpc
              barometer regress apiclus1.csv --model 'sch.wide ~ ell + stype' \\
                --family binomial --event Yes --odds-ratios \\
                --weight pw --cluster dnum --fpc fpc
              barometer regress apistrat.csv --model 'enroll ~ meals' --family poisson \\
                --weight pw --strata stype --fpc fpc --filter "stype == 'H'"
            """)

    @Argument(help: ArgumentHelp("The survey file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The model, an R formula, e.g. 'api00 ~ ell + meals + stype'.", valueName: "formula"))
    var model: String

    @Option(help: ArgumentHelp("gaussian (linear, default), binomial (logistic) or poisson (log-linear).", valueName: "family"))
    var family: RegressionFamily?

    @Option(help: ArgumentHelp(
        "For a binomial model of a categorical outcome: the level that is the event (default: its last level).",
        valueName: "level"))
    var event: String?

    @Flag(name: .customLong("odds-ratios"), help: "For a binomial model: add exp(coefficient) and its interval.")
    var oddsRatios = false

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
        var parameters = RequestParameters([.init(RequestParameter.model.name, model)], surface: .commandLine)
        if let family { parameters.append(.family, family.rawValue) }
        if let event { parameters.append(.event, event) }
        if oddsRatios { parameters.append(.oddsRatios, "true") }
        if let filter = estimation.filter { parameters.append(.filter, filter) }
        do {
            var request = try parameters.request()
            request.design = design.spec
            request.options = try estimation.analysisOptions(language: output.language, designEffects: false)
            if let spec = request.regression {
                // The formula and the flags that only fit some families are checked while parsing.
                _ = try ModelFormula(parsing: spec.model)
                if spec.oddsRatios, spec.family != .binomial {
                    throw ValidationError("--odds-ratios applies to a logistic model; add --family binomial or leave --odds-ratios out.")
                }
                if let event = spec.event, spec.family != .binomial {
                    throw ValidationError("--event \(event) names the event of a logistic model; add --family binomial or leave --event out.")
                }
            }
            return request
        } catch let error as SurveyError {
            throw ValidationError(error.message)
        }
    }
}
