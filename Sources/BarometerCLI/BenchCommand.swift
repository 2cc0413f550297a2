import ArgumentParser
import Foundation
import SurveyCore
import SurveyIO

/// `barometer bench`: timings of Barometer's own work, for `bench/readers.py` and BENCHMARKS.md.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time how fast Barometer reads survey files.",
        subcommands: [BenchRead.self])
}

/// `barometer bench read FILE [--repeat N]`: loads a file N times with the reader the other verbs
/// use (no codebook, no progress bar, nothing summarised) and reports the time of each read.
struct BenchRead: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a survey file N times and print how long each read took.",
        discussion: """
            Prints one JSON object: the file, its size in bytes, rows and columns read, the \
            seconds of every read, their median and best, and the throughput at the median in \
            MB/s (10^6 bytes of the file per second). Only the read is timed: the file is \
            loaded into a data set exactly as estimate or codebook would load it.

            Example:
              barometer bench read wave12.sav --repeat 5
            """)

    @Argument(help: ArgumentHelp("The survey file to read.", valueName: "file"))
    var file: String

    @Option(name: .customLong("repeat"), help: ArgumentHelp("How many times to read the file.", valueName: "n"))
    var repetitions: Int = 3

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1, not \(repetitions).") }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let clock = ContinuousClock()
        var seconds: [Double] = []
        var rows = 0, columns = 0
        for _ in 0..<repetitions {
            let start = clock.now
            let dataset = try DatasetLoader.load(path: file)
            let elapsed = start.duration(to: clock.now)
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            rows = dataset.rowCount
            columns = dataset.columns.count
        }
        let bytes = Self.size(of: file)
        let sorted = seconds.sorted()
        let median = sorted.count % 2 == 1
            ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let throughput = median > 0 ? Double(bytes) / median / 1e6 : 0
        let report = BenchReport(file: file, bytes: bytes, rows: rows, columns: columns, seconds: seconds,
                                 median: median, best: sorted[0], megabytesPerSecond: throughput)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        sink.write(json + "\n")
    }

    /// The size of the file at `path` in bytes (0 if it cannot be told).
    private static func size(of path: String) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size]
        if let number = size as? NSNumber { return number.intValue }
        return size as? Int ?? 0
    }
}

/// What `barometer bench read` prints.
struct BenchReport: Codable, Equatable {
    var file: String
    var bytes: Int
    var rows: Int
    var columns: Int
    /// Seconds of each read, in the order they ran.
    var seconds: [Double]
    var median: Double
    var best: Double
    var megabytesPerSecond: Double
}
