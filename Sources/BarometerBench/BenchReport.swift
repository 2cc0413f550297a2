import Foundation

/// What `barometer-bench` reports: the data, every operation's timings and memory, as a table
/// or as JSON (`--json`).
struct BenchReport: Codable {
    /// The data the operations ran on.
    struct DataSummary: Codable {
        /// `generated` or the path of the file given with `--data`.
        var source: String
        var rows: Int
        var numericColumns: Int
        /// 8 bytes × rows × numeric columns, in MB (10^6 bytes): what "peak memory ≤ 3× the
        /// column data" is judged against.
        var columnDataMB: Double
        var strata: Int?
        var psus: Int?
        var districts: Int?
        var seed: UInt64?
    }

    /// A file written for the load operations.
    struct WrittenFile: Codable {
        var path: String
        var bytes: Int
        var seconds: Double
    }

    var barometerBench = 1
    var data: DataSummary
    var repetitions: Int
    /// `separate processes` (each operation in a child process), `in-process` or `file`.
    var mode: String
    var generationSeconds: Double?
    var files: [WrittenFile]
    var operations: [BenchMeasurement]
    /// Median time of the mean by 200 districts over the median time of the mean of 1 domain.
    var meanByDistrictOverWhole: Double?
    /// The largest peak RSS of the processes that ran operations, MB.
    var peakRSSMB: Double

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        var lines: [String] = []
        let where_ = data.source == "generated" ? "generated (seed \(data.seed ?? 0))" : data.source
        var shape = "\(Self.grouped(data.rows)) respondents × \(data.numericColumns) numeric columns "
            + "(\(Self.fixed(data.columnDataMB, 1)) MB of column data), \(where_)"
        if let s = data.strata, let p = data.psus {
            shape += "; \(s) strata, \(Self.grouped(p)) PSUs" + (data.districts.map { ", \($0) districts" } ?? "")
        }
        lines.append(shape)
        lines.append("Medians of \(repetitions) repetition\(repetitions == 1 ? "" : "s"); \(mode == "separate processes" ? "each operation in a process of its own (peak RSS is that process's)" : "all operations in one process (peak RSS is the process's high-water mark so far)").")
        if let g = generationSeconds { lines.append("Generating the data took \(Self.fixed(g, 2)) s.") }
        for file in files {
            lines.append("Wrote \(file.path) (\(Self.fixed(Double(file.bytes) / 1e6, 1)) MB) in \(Self.fixed(file.seconds, 2)) s.")
        }
        lines.append("")
        lines.append("| operation | kind | median ms | min ms | max ms | peak RSS MB | peak ÷ column data |")
        lines.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for m in operations {
            lines.append("| \(m.title) | \(m.kind) | \(Self.ms(m.median)) | \(Self.ms(m.min)) | \(Self.ms(m.max)) "
                         + "| \(Self.fixed(m.peakRSSMB, 0)) | \(Self.fixed(m.peakRSSMB / data.columnDataMB, 2)) |")
        }
        let compute = operations.filter { $0.kind == "compute" }.map(\.median).reduce(0, +)
        let load = operations.filter { $0.kind == "load" }.map(\.median).reduce(0, +)
        lines.append("")
        lines.append("Compute (data in memory), sum of medians: \(Self.ms(compute)) ms; load (files), sum of medians: \(Self.ms(load)) ms.")
        if let r = meanByDistrictOverWhole {
            lines.append("Mean by 200 districts ÷ mean of 1 domain: \(Self.fixed(r, 2))×.")
        }
        lines.append("Largest peak RSS: \(Self.fixed(peakRSSMB, 0)) MB = \(Self.fixed(peakRSSMB / data.columnDataMB, 2))× the column data.")
        return lines.joined(separator: "\n")
    }

    static func ms(_ seconds: Double) -> String {
        let v = seconds * 1000
        return v >= 100 ? fixed(v, 0) : v >= 10 ? fixed(v, 1) : fixed(v, 2)
    }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", x)
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
