import Foundation
import SurveyCore

/// Writes a ``Dataset`` as CSV (RFC 4180) that ``CSVReader`` and R's `read.csv` read back to
/// the same values.
///
/// - The first line names the variables; lines end with CRLF; the text is UTF-8 without a
///   byte order mark.
/// - Numbers are written with the shortest digits that read back to the same `Double`
///   (`1`, `2.5`, `1e-05`); infinities as `Inf` and `-Inf`. Labelled variables keep their
///   stored codes (`1`, `98`), not their labels: the labels go to the sidecar codebook
///   (``DatasetWriter``). Dates and times stay the stored seconds.
/// - Texts are written as they are, in double quotes when they hold a comma, a quote (doubled),
///   a line break, or leading or trailing spaces.
/// - A missing value is an empty field.
public enum CSVWriter {
    /// Writes `dataset` to the file at `path` (not atomically; ``DatasetWriter`` writes through
    /// a temporary file).
    /// - Throws: ``ReadError`` (`unwritable`) when the file cannot be created or written.
    public static func write(_ dataset: Dataset, to path: String) throws(ReadError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ReadError(.unwritable, "Cannot write '\(path)': the file cannot be created; check that you may write to its folder.")
        }
        do {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(Self.chunk + 4096)
            try encode(dataset) { bytes in
                buffer.append(contentsOf: bytes)
                if buffer.count >= Self.chunk {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch {
            try? handle.close()
            throw ReadError(.unwritable, "Cannot write '\(path)': \(error.localizedDescription); check the free space on the disk.")
        }
    }

    /// The CSV text of `dataset`.
    public static func string(_ dataset: Dataset) -> String {
        var bytes: [UInt8] = []
        encode(dataset) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes written to the file at a time.
    static let chunk = 1 << 20

    /// Hands the CSV to `sink` a line at a time.
    static func encode<E: Error>(_ dataset: Dataset, into sink: (ArraySlice<UInt8>) throws(E) -> Void) throws(E) {
        var line: [UInt8] = []
        for (i, column) in dataset.columns.enumerated() {
            if i > 0 { line.append(comma) }
            appendText(column.name, to: &line)
        }
        line += lineEnd
        try sink(line[...])
        for row in 0..<dataset.rowCount {
            line.removeAll(keepingCapacity: true)
            for (i, column) in dataset.columns.enumerated() {
                if i > 0 { line.append(comma) }
                switch column.values {
                case .numeric(let values):
                    let x = values[row]
                    if !x.isNaN { line += number(x).utf8 }
                case .categorical(let codes, let levels):
                    let code = codes[row]
                    if code >= 0 { appendText(levels[Int(code)], to: &line) }
                case .text(let texts):
                    if let t = texts[row] { appendText(t, to: &line) }
                }
            }
            line += lineEnd
            try sink(line[...])
        }
    }

    /// A number as the reader reads it back exactly.
    static func number(_ x: Double) -> String {
        if x == .infinity { return "Inf" }
        if x == -.infinity { return "-Inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }

    /// `text`, quoted when it must be (RFC 4180) or when spaces at its ends would be lost.
    static func appendText(_ text: String, to line: inout [UInt8]) {
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == comma || $0 == quote || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20 || utf8.first == 0x09 || utf8.last == 0x09
        guard needsQuotes else {
            line += utf8
            return
        }
        line.append(quote)
        for byte in utf8 {
            if byte == quote { line.append(quote) }
            line.append(byte)
        }
        line.append(quote)
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineEnd: [UInt8] = [0x0D, 0x0A]
}
