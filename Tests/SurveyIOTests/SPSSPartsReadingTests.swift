@testable import SurveyIO
import Foundation
import SurveyCore
import Testing

/// A long system file is read in parts at once (``SystemFileColumnReader``): one pass finds
/// where each part starts, then the parts are decoded concurrently. These tests read the same
/// bytes both ways, in parts of every size (1 case, parts that end inside a group of bytecode
/// commands, parts longer than a block) and a block at a time, and require the same data set
/// bit for bit, or the same error word for word.
@Suite("SPSS files read in parts")
struct SPSSPartsReadingTests {
    private static let partSizes = [1, 7, 97, 1_000, 5_000]

    /// A data set of `rows` cases: numeric columns of codes, literals, system-missing values and
    /// a mix (so that bytecode has runs of eight compressed units, groups with literals, and
    /// cases that end inside a group), and string columns short, long and very long.
    private static func dataset(rows: Int, numeric: Int, strings: Int, seed: UInt64) throws -> Dataset {
        var rng = SeededGenerator(seed: seed)
        var columns: [Column] = []
        for k in 0..<numeric {
            let values = (0..<rows).map { i -> Double in
                switch (k + i / 50) % 4 {
                case 0: Double(i % 9)
                case 1: Double.random(in: -1e8...1e8, using: &rng)
                case 2: i % 3 == 0 ? .nan : Double(i % 200)
                default: Bool.random(using: &rng) ? .nan : Double.random(in: 0...1, using: &rng)
                }
            }
            columns.append(.numeric("n\(k)", values))
        }
        for j in 0..<strings {
            let width = [3, 20, 300][j % 3]
            let values = (0..<rows).map { i -> String? in
                i % 5 == 0 ? nil : String(repeating: (i + j) % 2 == 0 ? "ж" : "x", count: 1 + (i * 7 + j) % width)
            }
            columns.append(Column(name: "s\(j)", values: .text(values)))
        }
        return try Dataset(columns: columns)
    }

    /// The data set `bytes` read as one whole (`0`) or in parts of `cases`; the error's
    /// sentence when it does not read.
    private static func read(_ bytes: [UInt8], parts cases: Int) -> Result<Dataset, ReadError> {
        SystemFileColumnReader.$testPartCases.withValue(cases) {
            Result { () throws(ReadError) in try SPSSReader.read(bytes: bytes, name: "parts.sav") }
        }
    }

    /// The error's sentence, or the rows read.
    private static func outcome(_ result: Result<Dataset, ReadError>) -> String {
        switch result {
        case .success(let dataset): "\(dataset.rowCount) rows"
        case .failure(let error): error.message
        }
    }

    private static func same(_ a: Result<Dataset, ReadError>, _ b: Result<Dataset, ReadError>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): x.isIdentical(to: y)
        case (.failure(let x), .failure(let y)): x.message == y.message
        default: false
        }
    }

    @Test("Random files in every compression read the same in parts of every size as a block at a time",
          arguments: SPSSWriter.Compression.allCases)
    func partsReadAsBlocks(_ compression: SPSSWriter.Compression) throws {
        for (seed, shape) in [(numeric: 1, strings: 0), (numeric: 3, strings: 1), (numeric: 12, strings: 2), (numeric: 30, strings: 3)].enumerated() {
            let written = try Self.dataset(rows: 2_345, numeric: shape.numeric, strings: shape.strings, seed: UInt64(seed + 1))
            let bytes = try SPSSWriter.encode(written, compression: compression)
            let whole = Self.read(bytes, parts: 0)
            let dataset = try whole.get()
            #expect(zip(written.columns, dataset.columns).allSatisfy { SPSSTest.sameValues($0, $1) })
            for cases in Self.partSizes {
                let agree = Self.same(Self.read(bytes, parts: cases), whole)
                #expect(agree, "\(shape) in parts of \(cases)")
            }
        }
    }

    @Test("A file cut short, or holding fewer cases than its header declares, fails in parts with the sentence it fails with as a whole",
          arguments: SPSSWriter.Compression.allCases)
    func damagedFilesFailAlike(_ compression: SPSSWriter.Compression) throws {
        let written = try Self.dataset(rows: 1_500, numeric: 10, strings: 1, seed: 9)
        let bytes = try SPSSWriter.encode(written, compression: compression)
        var damaged: [[UInt8]] = [0.4, 0.77, 0.9, 0.999].map { Array(bytes.prefix(Int(Double(bytes.count) * $0))) }
        // The header's case count (at byte 80) raised past the data, and then unknown (-1).
        for declared in [Int32(1_600), -1] {
            var patched = bytes
            withUnsafeBytes(of: declared.littleEndian) { patched.replaceSubrange(80..<84, with: $0) }
            damaged.append(patched)
        }
        for (index, file) in damaged.enumerated() {
            let whole = Self.read(file, parts: 0)
            #expect(whole.isFailure == (index < 5), "file \(index)")
            for cases in Self.partSizes {
                let inParts = Self.read(file, parts: cases)
                let agree = Self.same(inParts, whole)
                #expect(agree, "file \(index) in parts of \(cases): \(Self.outcome(inParts)) against \(Self.outcome(whole))")
            }
        }
    }

    @Test("Progress in parts rises to the end of the data")
    func progressRises() throws {
        let bytes = try SPSSWriter.encode(try Self.dataset(rows: 3_000, numeric: 5, strings: 1, seed: 4), compression: .bytecode)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString).sav").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var heard: [(Int, Int)] = []
        _ = try SystemFileColumnReader.$testPartCases.withValue(100) {
            try SPSSReader.read(path: path, progress: { heard.append(($0, $1)) })
        }
        #expect(heard.count >= 5)
        #expect(zip(heard, heard.dropFirst()).allSatisfy { $0.0 <= $1.0 && $0.1 == $1.1 })
        #expect(heard.last.map { $0.0 == $0.1 } == true)
    }
}

private extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
