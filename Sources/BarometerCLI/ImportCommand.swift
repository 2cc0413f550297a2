import ArgumentParser
import Foundation
import Store
import Studies
import SurveyCore
import SurveyIO
import Weighting

/// `barometer import`: loads a study folder (or one survey file) into the store, atomically.
struct Import: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a study folder, or a single survey file as a one-wave study, into the server's store.",
        discussion: """
            A study folder is read through its study.yaml; every wave's file is loaded (with its \
            codebook), every concept is checked against it, and the whole study is written in \
            one transaction: a failure leaves the store as it was. A single .sav, .zsav, .por, \
            .dta or .csv file becomes a study with one wave (its design from --design-from-file \
            or the design flags, its labels from --codebook).

            Examples:
              barometer import barometer-demo/study --slug cab --data barometer-data
              barometer import barometer-demo/study --slug cab --store postgres://barometer@db.internal/barometer
              barometer import wave12.sav --codebook wave12.yaml --slug wave12 --design-from-file
            """)

    @Argument(help: ArgumentHelp("A study folder (with study.yaml), or a survey file.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("The study's short name in URLs (default: the folder's or file's name).", valueName: "slug"))
    var slug: String?

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Replace a study of the same slug.")
    var replace = false

    @OptionGroup(title: "Input (single file)")
    var input: InputOptions

    @OptionGroup(title: "Design (single file)")
    var design: DesignOptions

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let (study, datasets): (Study, [String: Dataset])
        var weightings: [String: WeightingSpec] = [:]
        let name: String
        if exists && (isDirectory.boolValue || path.hasSuffix(".yaml")) {
            let folder = try StudyFolder(path: path)
            (study, datasets, weightings) = try Self.load(folder)
            name = URL(fileURLWithPath: folder.path).standardized.lastPathComponent
        } else {
            let dataset = try input.load(path, progress: progress)
            var spec = design.spec
            if design.designFromFile { spec = try design.spec(over: dataset.codebook.design, file: path) }
            _ = try SurveyDesign(spec, dataset: dataset)
            name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let title = dataset.codebook.fileLabel ?? LocalizedText(name)
            study = Study(title: title, waves: [StudyWave(
                id: "w1", label: title, file: (path as NSString).lastPathComponent, fieldworkStart: "2000-01-01",
                fieldworkEnd: "2000-01-01", design: spec)])
            datasets = ["w1": dataset]
        }
        let store = try storeOptions.open()
        let summary = try store.importStudy(slug: slug ?? Self.slug(from: name), study: study, datasets: datasets, weightings: weightings,
                                              replace: replace)
        let respondents = datasets.values.map(\.rowCount).reduce(0, +)
        sink.write("Imported '\(summary.slug)': \(summary.waveCount) wave\(summary.waveCount == 1 ? "" : "s"), \(respondents) respondents, into \(storeOptions.shownName).\n")
    }

    /// Every wave of a study folder, checked against its concepts, with the weighting of each
    /// wave study.yaml weights when analysed (targets read, keyed by code, and tried once so
    /// that targets that do not fit fail the import, not a later analysis).
    static func load(_ folder: StudyFolder) throws -> (Study, [String: Dataset], [String: WeightingSpec]) {
        var datasets: [String: Dataset] = [:]
        var weightings: [String: WeightingSpec] = [:]
        for wave in folder.study.waves {
            let data = try folder.dataset(of: wave)
            try StudyValidator.check(folder.study, wave: wave, dataset: data)
            datasets[wave.id] = data
            if let weighting = try folder.weighting(of: wave, dataset: data) {
                _ = try AnalysisPipeline.prepare(WaveInput(dataset: data, design: wave.design, weighting: weighting), wave: wave)
                weightings[wave.id] = weighting
            }
        }
        return (folder.study, datasets, weightings)
    }

    /// A URL-safe short name: lowercase letters, digits and dashes.
    static func slug(from name: String) -> String {
        var out = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "study" : String(trimmed.prefix(60))
    }
}
