import ArgumentParser
import Foundation
import Reports
import Studies
import SurveyCore
import SurveyIO

/// `barometer chart`: one chart of a study concept as SVG (or PNG through rsvg-convert).
struct Chart: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a study concept as an SVG (or PNG) chart: diverging bars, trend lines, grouped bars, small multiples.",
        discussion: """
            The chart has a title, the question as subtitle, a source line with n and the \
            interval level, colour-blind-safe colours and text in the chosen language. A .png \
            output is converted with rsvg-convert (apt-get install librsvg2-bin).

            Examples:
              barometer chart barometer-demo/study opinion_russia --type trend --out russia.svg
              barometer chart barometer-demo/study opinion_russia --type bars --by agegroup \\
                --waves 2022-autumn --lang ru --out russia-age.png
            """)

    @Argument(help: ArgumentHelp("The study folder (or its study.yaml).", valueName: "study"))
    var study: String

    @Argument(help: ArgumentHelp("The concept to draw.", valueName: "concept"))
    var concept: String

    @Option(help: ArgumentHelp("diverging, trend, bars or small-multiples (default: trend).", valueName: "type"))
    var type: String = "trend"

    @Option(help: ArgumentHelp("The file to write: .svg or .png.", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("A title replacing the concept's.", valueName: "text"))
    var title: String?

    @OptionGroup(title: "Trend")
    var trend: TrendOptions

    @OptionGroup(title: "Estimation")
    var estimation: EstimationOptions

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of the chart's text: en, ru or kk.", valueName: "language"))
    var language: String = "en"

    func validate() throws {
        guard let kind = ReportAnalysis.ChartKind(rawValue: type), kind != .table else {
            throw ValidationError("--type \(type) is not a chart; use diverging, trend, bars or small-multiples.")
        }
        let ext = (out as NSString).pathExtension.lowercased()
        guard ext == "svg" || ext == "png" else {
            throw ValidationError("--out \(out) must end in .svg or .png.")
        }
        _ = try trend.request(concept: concept, estimation: estimation, language: language)
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let kind = ReportAnalysis.ChartKind(rawValue: type)!
        let png = (out as NSString).pathExtension.lowercased() == "png"
        let converter = png ? try Self.rsvgConvert() : nil
        let folder = try StudyFolder(path: study)
        let request = try trend.request(concept: concept, estimation: estimation, language: language)
        let result = try folder.run(request)
        guard let svg = StudyChartMaker(study: folder.study, language: language).svg(kind, result: result, title: title) else {
            throw SurveyError(.emptyDomain, "There is nothing to draw for '\(concept)' with these options; check --levels and --waves.")
        }
        if let converter {
            try Self.convert(svg, with: converter, to: out)
        } else {
            try AtomicFile.write(Data(svg.utf8), to: out)
        }
        sink.write("Wrote '\(out)'.\n")
    }

    /// The path of rsvg-convert, or an error saying how to install it.
    static func rsvgConvert(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> String {
        let paths = (searchPath ?? "/usr/bin:/bin").split(separator: ":")
        for dir in paths {
            let candidate = "\(dir)/rsvg-convert"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw SurveyError(.invalidRequest, "PNG export needs rsvg-convert, which is not installed; install it with `apt-get install librsvg2-bin` (or `brew install librsvg`), or write an .svg file instead.")
    }

    static func convert(_ svg: String, with converter: String, to path: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("chart.svg"), output = directory.appendingPathComponent("chart.png")
        try Data(svg.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: converter)
        process.arguments = ["--zoom", "2", "--background-color", "white", "-o", output.path, input.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let png = FileManager.default.contents(atPath: output.path) else {
            throw SurveyError(.invalidRequest, "rsvg-convert could not convert the chart (status \(process.terminationStatus)); write an .svg file instead.")
        }
        try AtomicFile.write(png, to: path)
    }
}
