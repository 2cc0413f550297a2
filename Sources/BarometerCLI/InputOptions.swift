import ArgumentParser
import SurveyCore
import SurveyIO

/// How a verb reads its survey file: the file's own codebook, overlaid with a YAML codebook.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A YAML codebook to apply to the data: labels and their translations, missing codes, measurement, design.",
        valueName: "file"))
    var codebook: String?

    /// Loads `file` (showing progress on a terminal) and applies `--codebook`. The codebook is
    /// read first, so a mistake in it is reported before a large file is loaded.
    /// - Throws: ``ReadError`` from the codebook, the loader or the merge.
    func load(_ file: String, progress: ProgressReporter) throws(ReadError) -> Dataset {
        try load(file, progress: progress) { path, handler throws(ReadError) in try DatasetLoader.load(path: path, progress: handler) }
    }

    /// Loads `file` as ``load(_:progress:)`` does, with the provenance of its bytes.
    func loadWithProvenance(_ file: String, progress: ProgressReporter) throws(ReadError) -> (Dataset, Provenance) {
        var provenance: Provenance?
        let dataset = try load(file, progress: progress) { path, handler throws(ReadError) in
            let loaded = try DatasetLoader.loadWithProvenance(path: path, progress: handler)
            provenance = loaded.provenance
            return loaded.dataset
        }
        return (dataset, provenance!)
    }

    private func load(
        _ file: String, progress: ProgressReporter, reading: (String, ReadProgress?) throws(ReadError) -> Dataset
    ) throws(ReadError) -> Dataset {
        let document = try codebook.map { path throws(ReadError) in try CodebookYAML.read(path: path) }
        let dataset: Dataset
        do {
            dataset = try reading(file, progress.handler(reading: file))
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        guard let document else { return dataset }
        return try CodebookMerger.apply(document, to: dataset, dataName: file)
    }
}
