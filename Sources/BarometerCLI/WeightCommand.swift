import ArgumentParser
import Foundation
import Reports
import SurveyCore
import SurveyIO
import Weighting

/// `barometer weight`: weights a file to population targets and writes it with the new weight.
struct Weight: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "Weight a survey file to population targets: post-stratification, raking, calibration, trimming.",
        discussion: """
            The targets file (YAML) gives margins as population counts or shares, joint cells, \
            and totals of numeric variables; levels are named by label or code:

              population: 14000000
              margins:
                sex: {male: 0.486, female: 0.514}
                agegroup: {"18-29": 0.24, "30-44": 0.30, "45-59": 0.24, "60+": 0.22}
              cells:
                - variables: [region, settlement]
                  targets: {"Almaty oblast|urban": 0.052, "Almaty oblast|rural": 0.060}

            The diagnostics say whether the weighting converged, how the weights spread, their \
            Kish design effect and efficiency, and each target against what was achieved. With \
            --out the data is written with the new weight (any format `convert` writes); the \
            file is written whole or not at all.

            With replicate weights (--replicate-weights, or --replicates made from the respondents), \
            every replicate is weighted to the same targets, as R's calibrate() does for a \
            replicate design, and --out writes them next to the new weight as NAME_rep1, NAME_rep2, …

            Examples:
              barometer weight wave12.sav --targets census.yaml --base-weight dw --out wave12-w.sav
              barometer weight wave12.csv --targets census.yaml --method logit --bounds 0.3,3 --trim 0.2,5
              barometer weight panel.csv --targets census.yaml --base-weight wt --replicate-weights 'rw*' \
                --replicate-type jk1 --out panel-w.csv
            """)

    @Argument(help: ArgumentHelp("The survey file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The YAML file of weighting targets.", valueName: "targets.yaml"))
    var targets: String

    @Option(help: ArgumentHelp("How to weight (default: rake).", valueName: "method"))
    var method: WeightingMethod = .rake

    @Option(name: .customLong("base-weight"),
            help: ArgumentHelp("The design (base) weight to start from (default: equal weights).", valueName: "variable"))
    var baseWeight: String?

    @OptionGroup(title: "Limits")
    var limits: WeightingLimitOptions

    @OptionGroup(title: "Replicate weights")
    var replicateOptions: ReplicateOptions

    @Option(help: ArgumentHelp("Write the data with the new weight to this file (.csv, .sav, .zsav, .dta).", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Name of the new weight variable (default: weight).", valueName: "name"))
    var name: String = "weight"

    @Flag(help: "Replace a variable of that name if the data already has one.")
    var replace = false

    @OptionGroup(title: "Input")
    var input: InputOptions

    @Option(help: "Format of the diagnostics.")
    var format: OutputFormat = .table

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of value labels that name levels.", valueName: "language"))
    var language: String = "en"

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        if let out { try DatasetWriter.check(output: out, input: file) }
        let targetsRead = try WeightingTargetsYAML.read(path: targets)
        let dataset = try input.load(file, progress: progress)
        if dataset.hasVariable(name), !replace, out != nil {
            throw SurveyError(.invalidRequest, "The data already has a variable '\(name)'; choose another --name for the new weight, or pass --replace to overwrite it.")
        }
        var spec = DesignSpec(weights: baseWeight)
        replicateOptions.lay(over: &spec)
        let base = try SurveyDesign(spec, dataset: dataset)
        let outcome = try Calibrator.weight(
            base, dataset: dataset, spec: limits.spec(method: method, targets: targetsRead), language: language)
        var written: String? = nil
        if let out {
            let label = "Weight: \(outcome.diagnostics.method) to \((targets as NSString).lastPathComponent)"
            var weighted = try Self.adding(outcome.design.weights, named: name, to: dataset, label: label)
            var also = ""
            if let replicates = outcome.design.replicates {
                let names = (1...replicates.count).map { "\(name)_rep\($0)" }
                if !replace, let taken = names.first(where: dataset.hasVariable) {
                    throw SurveyError(.invalidRequest, "The data already has a variable '\(taken)'; choose another --name for the new weight and its replicates, or pass --replace to overwrite them.")
                }
                for (r, replicateName) in names.enumerated() {
                    weighted = try Self.adding(replicates.column(r), named: replicateName, to: weighted,
                                               label: "\(label), replicate \(r + 1)")
                }
                also = " and its \(replicates.count) \(replicates.type.rName) replicate weights '\(names[0])'…'\(names[names.count - 1])'"
            }
            let files = try DatasetWriter.write(weighted, to: out, input: file)
            written = "Wrote \(files.map { "'\($0)'" }.joined(separator: " and ")) with the weight '\(name)'\(also)."
        }
        let title = "\((file as NSString).lastPathComponent) weighted to \((targets as NSString).lastPathComponent)"
        sink.write(WeightingReportRenderer().render(outcome.diagnostics, title: title, written: written, as: format))
    }

    /// `dataset` with a numeric column `name` (replacing one of that name, in place).
    static func adding(_ weights: [Double], named name: String, to dataset: Dataset, label: String) throws(SurveyError) -> Dataset {
        var columns = dataset.columns
        let column = Column.numeric(name, weights)
        if let position = columns.firstIndex(where: { $0.name == name }) { columns[position] = column } else { columns.append(column) }
        var codebook = dataset.codebook
        codebook[name] = VariableMetadata(label: LocalizedText(label), measurement: .scale)
        return try Dataset(columns: columns, codebook: codebook)
    }
}
