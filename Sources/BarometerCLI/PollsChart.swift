import ArgumentParser
import Charts
import Foundation
import Polls
import Reports
import SurveyCore
import SurveyIO

/// `barometer polls chart FILE --question Q --out chart.svg`: the published polls as dots
/// sized by sample size and coloured by pollster, with the average across pollsters and its
/// band.
struct PollsChart: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a question's polls and their average across pollsters as an SVG (or PNG) chart.",
        discussion: """
            Each poll is a dot at its fieldwork midpoint, its area in proportion to the sample \
            size and its colour the pollster's; the average (as `polls average` computes it, with \
            the same model options) is a line with its confidence band. Text is in the chosen \
            language; the title is the question's wording as published in it (else in English).

            Examples:
              barometer polls chart polls.csv --question war_side --answer Russia --out russia.svg
              barometer polls chart --question war_side --reference Demoscope --lang kk --out war-kk.svg
            """)

    @OptionGroup(title: "Polls")
    var source: PollSourceOptions

    @Option(help: ArgumentHelp("The question to draw.", valueName: "question"))
    var question: String

    @Option(help: ArgumentHelp("The answer to draw (default: every answer).", valueName: "answer"))
    var answer: String?

    @Option(help: ArgumentHelp("The file to write: .svg or .png.", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("A title replacing the question's wording.", valueName: "text"))
    var title: String?

    @Option(name: [.customLong("lang"), .customLong("language")],
            help: ArgumentHelp("Language of the chart's text: en, ru or kk.", valueName: "language"))
    var language: String = "en"

    @Option(help: ArgumentHelp("The chart's width in pixels.", valueName: "pixels"))
    var width: Double = 760

    @OptionGroup(title: "Model")
    var model: PollModelOptions

    @OptionGroup(title: "A study's own waves")
    var study: PollStudyOptions

    func validate() throws {
        let ext = (out as NSString).pathExtension.lowercased()
        guard ext == "svg" || ext == "png" else { throw ValidationError("--out \(out) must end in .svg or .png.") }
        guard width.isFinite, width >= 240 else { throw ValidationError("--width \(width) is too narrow; give 240 pixels or more.") }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let png = (out as NSString).pathExtension.lowercased() == "png"
        let converter = png ? try Chart.rsvgConvert() : nil
        let polls = try source.polls().map(\.poll)
        let trend = try study.trend(answer: answer, language: language)
        var also: [String: [PollObservation]] = [:]
        if let answer, let trend { also[answer] = try SurveyWaveObservations.observations(trend.result, pollster: trend.name) }
        let result = try model.result(polls, question: question, answers: answer.map { [$0] } ?? [], also: also)
        let series = trend.map { [PollChartMaker.studySeries($0.result, label: $0.name)] } ?? []
        let svg = PollChartMaker.chart(polls: polls, result: result, answer: answer, language: language, study: series, title: title,
                                       width: width).svg()
        if let converter {
            try Chart.convert(svg, with: converter, to: out)
        } else {
            try AtomicFile.write(Data(svg.utf8), to: out)
        }
        sink.write("Wrote '\(out)'.\n")
    }
}
