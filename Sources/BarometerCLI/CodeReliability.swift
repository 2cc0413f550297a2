import ArgumentParser
import Foundation
import Reports
import SurveyCore
import SurveyIO
import TextCoding

/// `barometer code reliability FILE --coders A,B[,C...]`: how far coders agree on the codes of
/// the same answers — Krippendorff's alpha, Cohen's and Fleiss' kappa and percent agreement,
/// with bootstrap intervals (``TextCoding/CoderReliability``).
struct CodeReliability: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "reliability",
        abstract: "How far coders agree: Krippendorff's alpha, Cohen's and Fleiss' kappa and percent agreement, with bootstrap intervals.",
        discussion: """
            FILE is a CSV file with one row per answer (unit) and one column per coder; an empty \
            cell is an answer that coder did not code. Codes are numbers or text; a cell may hold \
            several codes split by --separator, and then each code is reported on its own (given \
            or not by each coder).

            Here --level is the level of measurement of the codes (nominal, ordinal, interval or \
            ratio), not a confidence level as in other verbs; the confidence level of the \
            intervals is --confidence.

            Alpha and percent agreement are always reported, Cohen's kappa with exactly two \
            coders (also weighted for ordered codes), Fleiss' kappa when every answer coded twice \
            or more has the same number of codes. Intervals are bootstrap percentile intervals \
            from resampling the answers (Zapf et al. 2016); a seed repeats them exactly.

            Examples:
              barometer code reliability examples/coder-reliability.csv --coders coder_a,coder_b,coder_c --unit answer_id
              barometer code reliability scores.csv --coders r1,r2 --level ordinal --bootstrap 5000 --format csv
            """)

    @Argument(help: ArgumentHelp("The codings: a CSV file, one row per answer, one column per coder.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The coders' columns, comma-separated (at least two).", valueName: "c1,c2,..."))
    var coders: String

    @Option(help: ArgumentHelp("Level of measurement of the codes (not a confidence level: see --confidence).", valueName: "measurement"))
    var level: ReliabilityMetric = .nominal

    @Option(help: ArgumentHelp("The column naming the answers (default: row numbers).", valueName: "column"))
    var unit: String?

    @Option(help: ArgumentHelp("The character between several codes in one cell.", valueName: "character"))
    var separator: String = ";"

    @Option(help: ArgumentHelp("Bootstrap replicates behind each interval (at least \(Self.fewestReplicates)).", valueName: "count"))
    var bootstrap: Int = ReliabilityBootstrap.defaultReplicates

    @Option(help: ArgumentHelp("Seed of the bootstrap draws; the same seed gives the same intervals.", valueName: "seed"))
    var seed: UInt64 = ReliabilityBootstrap.defaultSeed

    @Option(help: ArgumentHelp("Confidence level of the intervals, between 0 and 1.", valueName: "level"))
    var confidence: Double = 0.95

    @OptionGroup(title: "Output")
    var output: OutputOptions

    /// Fewer replicates leave the ends of a 95% percentile interval to a handful of values.
    static let fewestReplicates = 100

    var coderNames: [String] {
        coders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        let names = coderNames
        guard names.count >= 2 else {
            throw ValidationError("--coders \(coders) names \(names.count) coder\(names.count == 1 ? "" : "s"); name the columns of at least two, e.g. --coders coder_a,coder_b.")
        }
        if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw ValidationError("--coders names '\(twice)' twice; name each coder's column once.")
        }
        guard separator.count == 1 else {
            throw ValidationError("--separator '\(separator)' is not one character; write e.g. --separator ';'.")
        }
        guard bootstrap >= Self.fewestReplicates else {
            throw ValidationError("--bootstrap \(bootstrap) is too few replicates for a percentile interval; use at least \(Self.fewestReplicates), e.g. --bootstrap \(ReliabilityBootstrap.defaultReplicates).")
        }
        guard confidence > 0, confidence < 1 else {
            let hint = confidence > 1 && confidence < 100 ? "\(confidence / 100)" : "0.95"
            throw ValidationError("--confidence \(confidence) is not between 0 and 1; write --confidence \(hint).")
        }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let dataset = try CSVReader.read(path: file)
        let fileName = URL(fileURLWithPath: file).lastPathComponent
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let sheet = try CodingSheetColumns(coders: coderNames, unit: unit, separator: separator.first)
            .sheet(of: dataset, name: name, file: fileName)
        var result: AnalysisResult
        do {
            result = try CoderReliability.analyse(
                sheet, measurement: level, bootstrap: ReliabilityBootstrap(replicates: bootstrap, seed: seed, confidenceLevel: confidence))
        } catch {
            throw SurveyError(.invalidData, ErrorText(verbatim: message(for: error, file: fileName)))
        }
        result.provenance = try FileFingerprint.provenance(path: file)
        try output.emit(result, into: &sink)
    }

    /// The sentence for a coding that cannot be analysed, with the flag that fixes it.
    func message(for error: CoderReliability.InputError, file: String) -> String {
        switch error {
        case .fewerThanTwoCoders(let count):
            "--coders names \(count) coder\(count == 1 ? "" : "s"); name the columns of at least two."
        case let .nonNumericCode(unit, coder, code, measurement):
            "\(file), \(unit), coder '\(coder)': the code '\(code)' is not a number, which --level \(measurement.rawValue) needs; recode it as a number, or use --level nominal."
        case let .severalCodesNeedNominal(unit, coder, codes, measurement):
            "\(file), \(unit), coder '\(coder)' gave several codes (\(codes.joined(separator: separator))), which --level \(measurement.rawValue) cannot compare; use --level nominal to report each code on its own, or --separator with a character the codes do not contain."
        case .noUnitCodedTwice:
            "\(file) has fewer than two coders on every unit: no answer was coded by two of \(coderNames.joined(separator: ", ")); name in --coders the columns of coders who coded the same answers."
        }
    }
}
