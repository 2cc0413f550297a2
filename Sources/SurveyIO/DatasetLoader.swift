import Foundation
import SurveyCore

// TEMPORARY (helper-reports branch): a trivial CSV reader so that the CLI compiles and runs.
// No quoting rules, no codebook. The real `DatasetLoader` from the SurveyIO work replaces
// this file on merge.

/// Reads a survey file into a ``Dataset``.
public enum DatasetLoader {
    /// Reads the file at `path`. This stand-in reads only simple CSV: a header line, then
    /// comma-separated values; a column whose every non-empty value is a number is numeric,
    /// any other column is categorical. Empty cells and `NA` are missing.
    public static func load(path: String) throws(ReadError) -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(.notFound, "Cannot read '\(path)': there is no such file; check the path.")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(.unreadable, "Cannot read '\(path)': it is a directory or cannot be opened; name a survey file.")
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard let headerLine = lines.first else {
            throw ReadError(.malformed, "Cannot read '\(path)': the file is empty; a CSV file needs a header line.")
        }
        let header = fields(of: headerLine)
        var cells = Array(repeating: [String?](), count: header.count)
        for (index, line) in lines.dropFirst().enumerated() {
            let values = fields(of: line)
            guard values.count == header.count else {
                throw ReadError(.malformed, "Cannot read '\(path)': line \(index + 2) has \(values.count) values but the header names \(header.count) columns.")
            }
            for (i, v) in values.enumerated() { cells[i].append(v.isEmpty || v == "NA" ? nil : v) }
        }
        let columns = zip(header, cells).map { name, values -> Column in
            let numbers = values.map { $0.flatMap(Double.init) }
            if zip(values, numbers).allSatisfy({ ($0 == nil) == ($1 == nil) }) {
                return .numeric(name, numbers.map { $0 ?? .nan })
            }
            return .categorical(name, strings: values)
        }
        do {
            return try Dataset(columns: columns)
        } catch {
            throw ReadError(.malformed, "Cannot read '\(path)': \(error.message)")
        }
    }

    private static func fields(of line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map {
            var s = $0.trimmingCharacters(in: .whitespaces)
            if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") { s = String(s.dropFirst().dropLast()) }
            return s
        }
    }
}
