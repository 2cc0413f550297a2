import Foundation
import SurveyCore
import SurveyIO
import Testing

@Suite("SPSS writer")
struct SPSSWriterTests {
    /// Writes `dataset`, reads it back and lists what differs. Metadata the writer fills in when
    /// the codebook leaves it open (display format, string width) is not a difference.
    static func roundTrip(_ dataset: Dataset, compression: SPSSWriter.Compression) throws -> [String] {
        let bytes = try SPSSWriter.encode(dataset, compression: compression)
        let back = try SPSSReader.read(bytes: bytes, name: "round-trip.sav")
        var out: [String] = []
        if back.variableNames != dataset.variableNames { return ["names \(back.variableNames)"] }
        if back.rowCount != dataset.rowCount { out.append("rows \(back.rowCount)") }
        for (a, b) in zip(dataset.columns, back.columns) where !SPSSTest.sameValues(a, b) {
            var detail = ""
            if case .numeric(let x) = a.values, case .numeric(let y) = b.values {
                if let i = x.indices.first(where: { !(x[$0].isNaN && y[$0].isNaN) && x[$0] != y[$0] }) { detail = "row \(i): \(x[i]) became \(y[i])" }
            } else {
                let x = SPSSTest.texts(a), y = SPSSTest.texts(b)
                if x.count != y.count { detail = "\(a.typeName) became \(b.typeName)" }
                else if let i = x.indices.first(where: { x[$0] != y[$0] }) { detail = "row \(i): \(String(describing: x[i]).prefix(40)) became \(String(describing: y[i]).prefix(40))" }
            }
            out.append("values of \(a.name) \(detail)")
        }
        for name in dataset.variableNames {
            var expected = dataset.metadata(name)
            let read = back.metadata(name)
            if expected.displayFormat == nil || expected.stringWidth != nil { expected.displayFormat = read.displayFormat }
            if expected.stringWidth == nil { expected.stringWidth = read.stringWidth }
            // The writer widens a string variable to hold its longest labelled value (ReadStat
            // writes labels for values wider than the variable).
            let longestLabel = expected.valueLabels.compactMap { $0.stringCode?.utf8.count }.max() ?? 0
            if let width = expected.stringWidth, longestLabel > width, read.stringWidth == longestLabel {
                expected.stringWidth = longestLabel
                expected.displayFormat = read.displayFormat
            }
            if !SPSSTest.sameMetadata(expected, read) { out.append("metadata of \(name): \(read)") }
        }
        var codebook = dataset.codebook
        codebook.variables = back.codebook.variables
        codebook.encoding = "UTF-8"
        if codebook != back.codebook { out.append("codebook \(back.codebook.fileLabel as Any) \(back.codebook.documents) \(back.codebook.multipleResponseSets) \(back.codebook.design as Any)") }
        return out
    }

    static let fixtures = SPSSFixtures.all(extensions: ["sav", "zsav", "por"]).filter {
        !$0.contains("hotel-encrypted")
    }

    @Test(arguments: fixtures)
    func fixturesRoundTrip(_ file: String) throws {
        let dataset = file.hasSuffix(".por")
            ? try SPSSPortableReader.read(path: SPSSFixtures.path(file))
            : try SPSSReader.read(path: SPSSFixtures.path(file))
        for compression in SPSSWriter.Compression.allCases {
            let differences = try Self.roundTrip(dataset, compression: compression)
            #expect(differences.isEmpty, Comment(rawValue: "\(file) \(compression): \(differences)"))
        }
    }

    /// A random dataset: numbers (integers, fractions, huge, negative zero, NaN), dates, short
    /// and very long Unicode strings, missing values; labels, missing codes and ranges, measures,
    /// MR sets, documents, a file label and a weight.
    static func randomDataset(seed: UInt64) throws -> Dataset {
        var rng = SeededGenerator(seed: seed)
        let rows = Int.random(in: 0...40, using: &rng)
        let alphabet = Array("abcXYZ019 -_.,ёжЖқүәЁ€中😀'\"")
        func word(_ length: Int) -> String {
            var s = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            while s.hasSuffix(" ") { s.removeLast() }
            return s.isEmpty ? "x" : s
        }
        var columns: [Column] = []
        var codebook = Codebook()
        for v in 0..<Int.random(in: 1...12, using: &rng) {
            let name = v % 3 == 0 ? "variable_with_a_long_name_\(v)" : "v\(v)"
            var meta = VariableMetadata()
            if Bool.random(using: &rng) { meta.label = LocalizedText(word(Int.random(in: 1...60, using: &rng))) }
            if Bool.random(using: &rng) { meta.measurement = MeasurementLevel.allCases.randomElement(using: &rng) }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0, 1:
                let kind = Int.random(in: 0..<4, using: &rng)
                // Dates are whole seconds: moving a fraction between the 1582 and 1970 epochs
                // costs its last bits (about a microsecond), as in every SPSS reader.
                let values: [Double] = (0..<rows).map { _ in
                    if kind == 1 || kind == 2 {
                        return Int.random(in: 0..<6, using: &rng) == 0 ? Double.nan : Double(Int.random(in: -20_000_000_000...20_000_000_000, using: &rng))
                    }
                    switch Int.random(in: 0..<8, using: &rng) {
                    case 0: return .nan
                    case 1: return Double(Int.random(in: -120...260, using: &rng))
                    case 2: return Double.random(in: -1e6...1e6, using: &rng)
                    case 3: return -0.0
                    case 4: return Double.random(in: -1e300...1e300, using: &rng)
                    default: return Double(Int.random(in: 1...5, using: &rng))
                    }
                }
                if kind == 1 { meta.temporal = .date; meta.displayFormat = "DATE11" }
                if kind == 2 { meta.temporal = .dateTime; meta.displayFormat = "DATETIME20" }
                if kind == 3 { meta.displayFormat = "F10.3" }
                if Bool.random(using: &rng) {
                    meta.valueLabels = (1...Int.random(in: 1...5, using: &rng)).map { ValueLabel(code: Double($0), label: LocalizedText(word(10))) }
                }
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: meta.missingCodes = [98, 99, -1].prefix(Int.random(in: 1...3, using: &rng)).map { $0 }
                case 1: meta.missingRange = -Double.infinity ... -1
                case 2: meta.missingRange = 90...Double.infinity; meta.missingCodes = [-9]
                default: break
                }
                columns.append(.numeric(name, values))
            default:
                let long = Int.random(in: 0..<3, using: &rng) == 0
                let levels = (0..<Int.random(in: 1...4, using: &rng)).map { _ in word(long ? Int.random(in: 100...700, using: &rng) : Int.random(in: 1...12, using: &rng)) }
                let values: [String?] = (0..<rows).map { _ in Int.random(in: 0..<5, using: &rng) == 0 ? nil : levels.randomElement(using: &rng) }
                if Bool.random(using: &rng), let first = levels.first, !long {
                    meta.valueLabels = [ValueLabel(stringCode: first, label: LocalizedText(word(8)))]
                }
                if Bool.random(using: &rng) { meta.missingStrings = ["NA", "DK"] }
                columns.append(Bool.random(using: &rng) ? .categorical(name, strings: values) : Column(name: name, values: .text(values)))
            }
            codebook[name] = meta
        }
        codebook.fileLabel = Bool.random(using: &rng) ? LocalizedText(word(30)) : nil
        codebook.documents = Bool.random(using: &rng) ? ["First line of the documents.", "Второй: " + word(20)] : []
        let numeric = columns.filter { if case .numeric = $0.values { true } else { false } }.map(\.name)
        if numeric.count >= 2 {
            codebook.multipleResponseSets = [
                MultipleResponseSet(name: "$set", label: LocalizedText(word(15)), kind: .dichotomies(countedValue: "1"), variables: Array(numeric.prefix(2))),
                MultipleResponseSet(name: "$cats", label: LocalizedText(), kind: .categories, variables: Array(numeric.prefix(2))),
            ]
            codebook.design = DesignSpec(weights: numeric[1])
        }
        return try Dataset(columns: columns, codebook: codebook)
    }

    @Test func randomDatasetsRoundTrip() throws {
        for seed in UInt64(1)...150 {
            let dataset = try Self.randomDataset(seed: seed)
            for compression in SPSSWriter.Compression.allCases {
                let differences = try Self.roundTrip(dataset, compression: compression)
                #expect(differences.isEmpty, Comment(rawValue: "seed \(seed) \(compression): \(differences)"))
            }
        }
    }

    @Test func writesAtomicallyAndRefusesWhatSPSSCannotHold() throws {
        let scratch = try SPSSTest.Scratch()
        let path = scratch.path("wave.sav")
        try Data("old contents".utf8).write(to: URL(fileURLWithPath: path))
        var codebook = Codebook()
        codebook["q1"] = VariableMetadata(missingCodes: [96, 97, 98, 99])
        let bad = try Dataset(columns: [.numeric("q1", [1, 2])], codebook: codebook)
        let error = #expect(throws: WriteError.self) { try SPSSWriter.write(bad, to: path) }
        #expect(error?.kind == .invalidData)
        #expect(error?.message == "Cannot write '\(path)': variable 'q1' has 4 user-missing codes, but SPSS allows at most 3 codes; drop some from the codebook.")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["wave.sav"])

        let good = try Dataset(columns: [.numeric("q1", [1, 2])])
        try SPSSWriter.write(good, to: path)
        #expect(try SPSSReader.read(path: path).rowCount == 2)

        let nowhere = scratch.path("missing/folder/wave.sav")
        let unwritable = #expect(throws: WriteError.self) { try SPSSWriter.write(good, to: nowhere) }
        #expect(unwritable?.kind == .unwritable)
        #expect(unwritable?.message.hasPrefix("Cannot write '\(nowhere)': ") == true)

        let badName = try Dataset(columns: [.numeric("a=b", [1])])
        #expect(throws: WriteError.self) { try SPSSWriter.encode(badName) }
        var strings = Codebook()
        strings["s"] = VariableMetadata()
        strings["s"]?.missingStrings = ["much too long for SPSS"]
        let longMissing = try Dataset(columns: [Column(name: "s", values: .text(["a"]))], codebook: strings)
        #expect(throws: WriteError.self) { try SPSSWriter.encode(longMissing) }
    }

    @Test func zlibFilesAreSmallerAndReadableByTheInflater() throws {
        let d = try SPSSTest.read("surveys/nhtsa_2008_drinking_driving_attitudes.sav")
        let plain = try SPSSWriter.encode(d, compression: .none)
        let bytecode = try SPSSWriter.encode(d, compression: .bytecode)
        let zlib = try SPSSWriter.encode(d, compression: .zlib)
        #expect(bytecode.count < plain.count)
        #expect(zlib.count < bytecode.count / 2)
        #expect(Array(zlib.prefix(4)) == Array("$FL3".utf8))
        let back = try SPSSReader.read(bytes: zlib, name: "nhtsa.zsav")
        #expect(zip(d.columns, back.columns).allSatisfy { SPSSTest.sameValues($0, $1) })
    }
}

/// Writes every fixture back out, in each compression, into the folder named by
/// `BAROMETER_SPSS_EXPORT`, for conformance/spss-check-written.py to read with pyreadstat and
/// PSPP. Skipped unless that variable is set.
@Test(.enabled(if: ProcessInfo.processInfo.environment["BAROMETER_SPSS_EXPORT"] != nil))
func exportWrittenFilesForExternalCheck() throws {
    let folder = try #require(ProcessInfo.processInfo.environment["BAROMETER_SPSS_EXPORT"])
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for file in SPSSWriterTests.fixtures where !file.hasSuffix(".por") {
        let dataset = try SPSSReader.read(path: SPSSFixtures.path(file))
        for compression in SPSSWriter.Compression.allCases {
            let name = file.replacingOccurrences(of: "/", with: "__") + ".\(compression.rawValue)." + (compression == .zlib ? "zsav" : "sav")
            try SPSSWriter.write(dataset, to: (folder as NSString).appendingPathComponent(name), compression: compression)
        }
    }
}
