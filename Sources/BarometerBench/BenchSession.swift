import Foundation
import SurveyCore
import SurveyIO

/// One run of `barometer-bench`: generates (or loads) the data, writes the files to load, runs
/// the operations (each in a child process of its own unless `--in-process`), and reports.
struct BenchSession {
    var options: BenchOptions

    func run() throws {
        if let directory = options.prepareDirectory {
            try prepare(directory)
        } else if let op = options.child {
            try runChild(op)
        } else if options.steps {
            let dataset = SyntheticSurvey(rows: options.rows, seed: options.seed).dataset()
            let steps = try BenchSteps(dataset: dataset, repetitions: options.repetitions).run()
            print(BenchSteps.table(steps, rows: options.rows))
        } else if let path = options.writePath {
            try writeOnly(path)
        } else if let path = options.dataPath {
            try runOnFile(path)
        } else {
            try runGenerated()
        }
    }

    // MARK: Modes

    /// `--write-csv FILE`: the generated data, written once.
    private func writeOnly(_ path: String) throws {
        let survey = SyntheticSurvey(rows: options.rows, seed: options.seed)
        let dataset = survey.dataset()
        try DatasetWriter.write(dataset, to: path)
        log("wrote \(path): \(BenchReport.grouped(dataset.rowCount)) rows × \(dataset.columns.count) columns")
    }

    /// The default: generated data; the files of the load operations written once.
    ///
    /// With child processes, this process never holds the data: a process started by `exec`
    /// inherits its parent's peak RSS in `getrusage` (Linux carries `maxrss` over), so the
    /// files are written by a child too, and this process stays small.
    private func runGenerated() throws {
        let survey = SyntheticSurvey(rows: options.rows, seed: options.seed)
        let loads = options.operations.filter { $0.kind == .load }
        let (directory, madeDirectory) = try filesDirectory()
        var dataset: Dataset?
        var prepared = PreparedFiles(generationSeconds: nil, files: [])
        if options.inProcess {
            var made: Dataset?
            let seconds = BenchMeasurement.time { made = survey.dataset() }
            dataset = made
            prepared = try writeFiles(dataset!, for: loads, into: directory)
            prepared.generationSeconds = seconds
        } else if !loads.isEmpty {
            let output = try runSelf(["--prepare", directory, "--only", loads.map(\.rawValue).joined(separator: ","),
                                      "--rows", String(options.rows), "--seed", String(options.seed)], what: "writing the files")
            prepared = try JSONDecoder().decode(PreparedFiles.self, from: output)
        }
        if let g = prepared.generationSeconds {
            log("generated \(BenchReport.grouped(options.rows)) rows in \(BenchReport.fixed(g, 2)) s")
        }
        for file in prepared.files { log("wrote \(file.path) in \(BenchReport.fixed(file.seconds, 2)) s") }
        defer {
            if !options.keepFiles {
                for file in prepared.files { try? FileManager.default.removeItem(atPath: file.path) }
                if madeDirectory { try? FileManager.default.removeItem(atPath: directory) }
            }
        }

        var measurements: [BenchMeasurement] = []
        let runner = BenchRunner(dataset: dataset, repetitions: options.repetitions,
                                 csvPath: filePath(.loadCSV, in: directory), savPath: filePath(.loadSAV, in: directory),
                                 resultsDirectory: options.resultsDirectory)
        for op in options.operations {
            let m = options.inProcess ? try runner.measure(op) : try runInChild(op, directory: directory)
            log("\(op.rawValue): median \(BenchReport.ms(m.median)) ms, peak RSS \(BenchReport.fixed(m.peakRSSMB, 0)) MB")
            measurements.append(m)
        }
        let files = prepared.files
        let generationSeconds = prepared.generationSeconds
        let summary = BenchReport.DataSummary(
            source: "generated", rows: options.rows, numericColumns: SyntheticSurvey.columnNames.count,
            columnDataMB: Double(survey.columnBytes) / 1e6, strata: SyntheticSurvey.strataCount, psus: survey.psuCount,
            districts: SyntheticSurvey.strataCount * SyntheticSurvey.districtsPerStratum, seed: options.seed)
        try report(BenchReport(
            data: summary, repetitions: options.repetitions,
            mode: options.inProcess ? "in-process" : "separate processes", generationSeconds: generationSeconds,
            files: files, operations: measurements, meanByDistrictOverWhole: Self.districtRatio(measurements),
            peakRSSMB: measurements.map(\.peakRSSMB).max() ?? BenchMeasurement.peakRSSMB()))
    }

    /// `--data FILE`: the file loaded `repeat` times (timed), then the compute operations on it.
    private func runOnFile(_ path: String) throws {
        var loaded: Dataset?
        var seconds: [Double] = []
        let baseline = BenchMeasurement.peakRSSMB()
        for _ in 0..<options.repetitions {
            loaded = nil
            seconds.append(try BenchMeasurement.time { loaded = try DatasetLoader.load(path: path) })
        }
        let dataset = loaded!
        let ext = (path as NSString).pathExtension.lowercased()
        let loadOp: BenchOperation = ext == "csv" ? .loadCSV : .loadSAV
        var measurements = [BenchMeasurement(operation: loadOp, seconds: seconds, baselineRSSMB: baseline)]
        measurements[0].title = "load \(ext) (DatasetLoader.load)"
        log("load: median \(BenchReport.ms(measurements[0].median)) ms")
        let runner = BenchRunner(dataset: dataset, repetitions: options.repetitions, resultsDirectory: options.resultsDirectory)
        for op in options.operations where op.kind == .compute {
            let m = try runner.measure(op)
            log("\(op.rawValue): median \(BenchReport.ms(m.median)) ms")
            measurements.append(m)
        }
        let numeric = dataset.columns.filter { if case .numeric = $0.values { true } else { false } }.count
        func distinct(_ name: String) -> Int? {
            guard let column = try? dataset.column(name), case .numeric(let v) = column.values else { return nil }
            return Set(v).count
        }
        let summary = BenchReport.DataSummary(
            source: path, rows: dataset.rowCount, numericColumns: numeric,
            columnDataMB: Double(8 * dataset.rowCount * numeric) / 1e6,
            strata: distinct("stratum"), psus: distinct("psu"), districts: distinct("district"), seed: nil)
        try report(BenchReport(
            data: summary, repetitions: options.repetitions, mode: "file", generationSeconds: nil, files: [],
            operations: measurements, meanByDistrictOverWhole: Self.districtRatio(measurements),
            peakRSSMB: BenchMeasurement.peakRSSMB()))
    }

    /// `--child OP` (internal): one operation, its measurement printed as one JSON line.
    private func runChild(_ op: BenchOperation) throws {
        var runner = BenchRunner(dataset: nil, repetitions: options.repetitions, resultsDirectory: options.resultsDirectory)
        if op.kind == .compute {
            runner.dataset = SyntheticSurvey(rows: options.rows, seed: options.seed).dataset()
        } else {
            guard let directory = options.filesDirectory else { throw BenchError("--child \(op.rawValue) needs --files.") }
            runner.csvPath = filePath(.loadCSV, in: directory)
            runner.savPath = filePath(.loadSAV, in: directory)
        }
        let m = try runner.measure(op)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(m), as: UTF8.self))
    }

    /// `--prepare DIR` (internal): generates the data, writes the files of the load operations
    /// named by `--only` into DIR, and prints what it wrote as one JSON line.
    private func prepare(_ directory: String) throws {
        var made: Dataset?
        let seconds = BenchMeasurement.time { made = SyntheticSurvey(rows: options.rows, seed: options.seed).dataset() }
        var prepared = try writeFiles(made!, for: options.operations.filter { $0.kind == .load }, into: directory)
        prepared.generationSeconds = seconds
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(prepared), as: UTF8.self))
    }

    // MARK: Parts

    /// What the files of the load operations took to make.
    struct PreparedFiles: Codable {
        var generationSeconds: Double?
        var files: [BenchReport.WrittenFile]
    }

    /// Writes `dataset` once for each load operation, with the writers `barometer convert` uses
    /// (`DatasetWriter`: CSV; .sav bytecode-compressed, as SPSS writes by default).
    private func writeFiles(_ dataset: Dataset, for loads: [BenchOperation], into directory: String) throws -> PreparedFiles {
        var files: [BenchReport.WrittenFile] = []
        for op in loads {
            guard let path = filePath(op, in: directory) else { continue }
            let seconds = try BenchMeasurement.time { try DatasetWriter.write(dataset, to: path) }
            files.append(.init(path: path, bytes: Self.size(of: path), seconds: seconds))
        }
        return PreparedFiles(generationSeconds: nil, files: files)
    }

    /// The file a load operation reads (nil for other operations).
    private func filePath(_ op: BenchOperation, in directory: String) -> String? {
        let ext: String
        switch op {
        case .loadCSV: ext = "csv"
        case .loadSAV: ext = "sav"
        default: return nil
        }
        return (directory as NSString).appendingPathComponent("survey-\(options.rows)-\(options.seed).\(ext)")
    }

    /// Runs `op` in a fresh process of this program and reads its measurement.
    private func runInChild(_ op: BenchOperation, directory: String) throws -> BenchMeasurement {
        var arguments = ["--child", op.rawValue, "--rows", String(options.rows), "--repeat", String(options.repetitions),
                         "--seed", String(options.seed), "--files", directory]
        if let results = options.resultsDirectory { arguments += ["--results", results] }
        return try JSONDecoder().decode(BenchMeasurement.self, from: try runSelf(arguments, what: op.rawValue))
    }

    /// Runs this program with `arguments` and returns the last line of its output that is a JSON
    /// object (its standard error passes through).
    private func runSelf(_ arguments: [String], what: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executablePath)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("The child process for \(what) failed (exit \(process.terminationStatus)); run with --in-process to see why.")
        }
        let line = String(decoding: output, as: UTF8.self).split(separator: "\n").last { $0.hasPrefix("{") } ?? ""
        return Data(line.utf8)
    }

    /// The folder for the files to load, and whether this run made it (and removes it).
    private func filesDirectory() throws -> (String, Bool) {
        if let given = options.filesDirectory {
            try FileManager.default.createDirectory(atPath: given, withIntermediateDirectories: true)
            return (given, false)
        }
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("barometer-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return (path, true)
    }

    private func report(_ report: BenchReport) throws {
        print(options.json ? try report.json() : report.table())
    }

    private static func districtRatio(_ measurements: [BenchMeasurement]) -> Double? {
        guard let by = measurements.first(where: { $0.operation == BenchOperation.meanByDistrict.rawValue }),
              let whole = measurements.first(where: { $0.operation == BenchOperation.meanWhole.rawValue }),
              whole.median > 0 else { return nil }
        return by.median / whole.median
    }

    private static var executablePath: String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data(("barometer-bench: " + text + "\n").utf8))
    }
}
