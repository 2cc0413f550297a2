import ArgumentParser
import Foundation
import Polls
import Reports
import Store
import Studies
import SurveyCore
import SurveyIO

/// `barometer demo`: generates the simulated study, writes it as SPSS files with its
/// study.yaml, reads it back and builds the demo report.
struct Demo: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the simulated demo study (16 waves, SPSS files) and build its report.",
        discussion: """
            The demo needs no input: from a fixed seed it simulates sixteen waves of a \
            Kazakhstan barometer (spring 2017 to autumn 2024, about 1,500 adults each, strata \
            region × urban/rural, clusters of about 10 interviews, weights raked to the census), \
            writes them as SPSS files beside a study.yaml, reads them back through the readers and \
            builds the report: report/report.html with every chart, Markdown, CSV and SVG.
            Everything it writes says "simulated data".

            Examples:
              swift run -c release barometer demo
              barometer demo --out /tmp/demo --lang ru
            """)

    /// The file that marks a folder as written by `barometer demo`, which may be replaced.
    static let marker = ".barometer-demo"

    @Option(help: ArgumentHelp("The folder to write (default: barometer-demo).", valueName: "folder"))
    var out: String = "barometer-demo"

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of the report: en, ru or kk.", valueName: "language"))
    var language: String = "en"

    @Option(help: ArgumentHelp("The seed of the simulation.", valueName: "n"))
    var seed: UInt64 = DemoStudyGenerator.defaultSeed

    func validate() throws {
        guard ["en", "ru", "kk"].contains(language) else {
            throw ValidationError("--lang \(language) is not en, ru or kk.")
        }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        try Self.checkTarget(out)
        let demo = try DemoStudyGenerator(seed: seed).generateCoded()

        // 1. The study as a user would receive it: SPSS files, study.yaml, census targets, report.yaml.
        var files: [(path: String, contents: Data)] = [(Self.marker, Data("Written by barometer demo (seed \(seed)); safe to delete.\n".utf8))]
        var study = demo.study
        for (i, wave) in study.waves.enumerated() {
            // The header's creation time is the end of fieldwork, so the same seed gives the same bytes.
            let created = Self.noonUTC(wave.fieldworkEnd)
            let bytes = try SPSSWriter.encode(demo.datasets[i], name: "wave \(wave.id)", created: created)
            files.append(("study/\(wave.file)", Data(bytes)))
            // An SPSS file holds labels in one language; the YAML codebook beside it keeps
            // the Russian and Kazakh ones.
            let codebook = (wave.file as NSString).deletingPathExtension + ".codebook.yaml"
            files.append(("study/\(codebook)", Data(try CodebookYAML.string(for: demo.datasets[i].codebook).utf8)))
            study.waves[i].codebook = codebook
        }
        files.append(("study/study.yaml", Data(try StudyYAML.string(for: study).utf8)))
        files.append(("study/census.yaml", Data(try WeightingTargetsYAML.string(for: demo.targets).utf8)))
        files.append(("report.yaml", Data(DemoReport.yaml.utf8)))
        // The published polls of the question the report sets beside the survey, with their sources.
        files.append(("polls.csv", Data(PollTable.csv(try PublishedPolls.all().filter { $0.question == "war_side" }).utf8)))
        try DirectoryWriter.write(files, to: out)

        // 2. Read it back through the readers, as any study, and build the report.
        let reportFile = (out as NSString).appendingPathComponent("report.yaml")
        let spec = try ReportSpecYAML.read(path: reportFile)
        let folder = try StudyFolder(path: (out as NSString).appendingPathComponent(spec.study))
        for wave in folder.study.waves {
            try StudyValidator.check(folder.study, wave: wave, dataset: try folder.dataset(of: wave))
        }
        let report = try Report.build(spec, folder: folder, language: language, base: out)
        let reportFolder = (out as NSString).appendingPathComponent("report")
        try Report.write(report, to: reportFolder)

        let respondents = demo.datasets.map(\.rowCount).reduce(0, +)
        sink.write("Barometer demo: \(study.waves.count) waves, \(respondents) respondents (simulated data, seed \(seed)).\n\n")
        sink.write(report.summaryTable + "\n")
        sink.write("Study:  \((out as NSString).appendingPathComponent("study"))  (SPSS files and study.yaml)\n")
        sink.write("Report: \((reportFolder as NSString).appendingPathComponent("report.html"))  (open it in a browser; \(report.charts.count) charts, \(report.tables.count) tables)\n")
        sink.write("Trend:  barometer trend \((out as NSString).appendingPathComponent("study")) opinion_russia --by agegroup\n")
        sink.write("Explorer: barometer serve --demo, then open http://127.0.0.1:8080/ (or: barometer import \((out as NSString).appendingPathComponent("study")) --slug demo, then barometer serve)\n")
    }

    /// Noon UTC of an ISO day (`2022-11-12`).
    static func noonUTC(_ day: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return Date(timeIntervalSince1970: 0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }

    /// Refuses to replace a folder that `barometer demo` did not write.
    static func checkTarget(_ path: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw ValidationError("--out \(path) is a file; give a folder for the demo.")
        }
        let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        if contents.isEmpty || contents.contains(marker) { return }
        throw SurveyError(.invalidRequest, "The folder '\(path)' exists and was not written by `barometer demo`, so it is left alone; choose another --out, or empty it first.")
    }
}
