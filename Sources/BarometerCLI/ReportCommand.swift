import ArgumentParser
import Foundation
import Polls
import Reports
import Studies
import SurveyCore
import SurveyIO
import TextCoding

/// `barometer report`: a report.yaml → one self-contained HTML page, Markdown, CSV and SVG.
struct Report: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build a study report: HTML with charts and verdicts, plus Markdown, CSV tables and SVG charts.",
        discussion: """
            The report file names the study and its sections, each with Markdown text and \
            analyses (a concept, a chart type and the trend options), and optionally focus groups \
            (`focus-groups: {transcripts: [groups.csv], frame: frame.yaml}`: transcripts coded with \
            a code frame, shown as counts apart from the estimates). The output folder gets \
            report.html (self-contained: open it in any browser, print it), report.md, \
            tables/*.csv and charts/*.svg, written whole or not at all.

            Example:
              barometer report barometer-demo/report.yaml --lang ru --out barometer-demo/report-ru
            """)

    @Argument(help: ArgumentHelp("The report file (YAML).", valueName: "report.yaml"))
    var file: String

    @Option(help: ArgumentHelp("The folder to write (default: 'report' beside the report file).", valueName: "folder"))
    var out: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of the report: en, ru or kk.", valueName: "language"))
    var language: String = "en"

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let spec = try ReportSpecYAML.read(path: file)
        let base = (file as NSString).deletingLastPathComponent
        let studyPath = spec.study.hasPrefix("/") ? spec.study : ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(spec.study)
        let folder = try StudyFolder(path: studyPath)
        let target = out ?? ((base.isEmpty ? "." : base) as NSString).appendingPathComponent("report")
        let report = try Self.build(spec, folder: folder, language: language, base: base, file: file)
        try Self.write(report, to: target)
        sink.write(report.summaryTable)
        sink.write("Wrote \((target as NSString).appendingPathComponent("report.html")) (\(report.charts.count) charts, \(report.tables.count) tables).\n")
    }

    /// Runs every analysis of `spec` on the study, each wave loaded once; `chart: polls`
    /// analyses average the polls of `spec.polls` (relative to `base`, the report's folder).
    /// The sections' focus groups are read and coded first, so a missing transcript stops the
    /// report before the analyses run; `file` is the report's name in their messages.
    static func build(_ spec: ReportSpec, folder: StudyFolder, language: String, base: String, file: String = "report.yaml") throws -> StudyReport {
        var focusGroups: [ReportFocusGroups: TranscriptCoding] = [:]
        for groups in spec.sections.compactMap(\.focusGroups) where focusGroups[groups] == nil {
            focusGroups[groups] = try FocusGroupsLoader.coding(groups, base: base, report: file)
        }
        var cache: [String: PreparedWave] = [:]
        var polls: [Poll] = []
        if let file = spec.polls {
            polls = try PollFile.read(path: file.hasPrefix("/") ? file : ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(file))
        } else if let analysis = spec.sections.flatMap(\.analyses).first(where: { $0.chart == .polls }) {
            throw ValidationError("The report's analysis of the polls of '\(analysis.polls?.question ?? "")' needs the polls: add `polls: FILE` (CSV or YAML) to the report.")
        }
        return try StudyReportBuilder(study: folder.study, language: language).build(spec, polls: polls, focusGroups: focusGroups) { request in
            try folder.run(request, cache: &cache)
        }
    }

    static func write(_ report: StudyReport, to folder: String) throws {
        var files: [(path: String, contents: Data)] = [
            ("report.html", Data(report.html.utf8)), ("report.md", Data(report.markdown.utf8)),
        ]
        files += report.tables.map { ($0.name, Data($0.contents.utf8)) }
        files += report.charts.map { ($0.name, Data($0.contents.utf8)) }
        try DirectoryWriter.write(files, to: folder)
    }
}
