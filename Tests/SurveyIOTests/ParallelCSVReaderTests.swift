import Foundation
@testable import SurveyIO
import SurveyCore
import Testing

/// The CSV reader split into stretches read on every core must give what one pass gives, bit
/// for bit, and the same error when the file is bad: a differential test of the two on random
/// files with quotes, line ends inside quotes, byte order marks, CRLF and lone CR, blank lines,
/// empty fields, NA spellings, Cyrillic, and numbers of every shape.
@Suite("CSV in stretches equals one pass")
struct ParallelCSVReaderTests {
    /// One random field: a number, a missing spelling, plain or Cyrillic text, or quoted text
    /// holding separators, doubled quotes and line ends.
    private static func field(_ rng: inout SeededGenerator, numeric: Bool) -> String {
        let numbers = ["1", "-2.5", ".5", "5.", "1e-3", "1e", "0x1A", "Inf", "-infinity", "NaN", " 7 ",
                       "0.30000000000000004", "123456789012345678", "9007199254740993", "-0.0",
                       "1.2345678901234567e-20", "12345678901234567890123", "2.5e300", "4.9e-324"]
        // Codes, identifiers and counts, which the batches read two at a time: one to eight
        // digits (leading zeros too), and nine, which they leave to the one-field reader.
        let integers = ["0", "7", "42", "98", "007", "1234", "65535", "12345678", "99999999", "123456789"]
        let missing = ["", "NA", "  ", "\"NA\""]
        let texts = ["Россия", "Китай", "Қазақстан", "don't know", "a b", " padded ", "x"]
        let quoted = ["\"a,b\"", "\"say \"\"no\"\"\"", "\"line\nbreak\"", "\"cr\r\nlf\"", "\"Ресей, Қытай\"", "\"1\"  "]
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return missing.randomElement(using: &rng)!
        case 1...3 where numeric: return integers.randomElement(using: &rng)!
        case 4...6 where numeric: return numbers.randomElement(using: &rng)!
        case 1...4: return texts.randomElement(using: &rng)!
        case 5, 6: return quoted.randomElement(using: &rng)!
        default:
            return numeric ? String(Double.random(in: -1e6...1e6, using: &rng)) : quoted.randomElement(using: &rng)!
        }
    }

    /// A random file: a header, then rows with mostly-numeric and text columns; some columns turn
    /// to text late, so that a stretch holds only numbers where another holds text.
    static func file(_ rng: inout SeededGenerator) -> [UInt8] {
        let columns = Int.random(in: 1...6, using: &rng)
        let rows = Int.random(in: 0...120, using: &rng)
        let lineEnd = ["\n", "\r\n", "\r"].randomElement(using: &rng)!
        var text = Bool.random(using: &rng) ? "\u{FEFF}" : ""
        if Int.random(in: 0..<4, using: &rng) == 0 { text += lineEnd }
        text += (0..<columns).map { "v\($0)" }.joined(separator: ",") + lineEnd
        let numeric = (0..<columns).map { _ in Int.random(in: 0..<3, using: &rng) != 0 }
        let turnsToText = (0..<columns).map { _ in Int.random(in: 0..<(rows + 2), using: &rng) }
        for row in 0..<rows {
            let fields = (0..<columns).map { column in
                row == turnsToText[column] && numeric[column] ? "late text" : field(&rng, numeric: numeric[column])
            }
            text += fields.joined(separator: ",")
            if Int.random(in: 0..<25, using: &rng) == 0 { text += lineEnd }  // a blank line
            if row < rows - 1 || Bool.random(using: &rng) { text += lineEnd }
        }
        return Array(text.utf8)
    }

    private static func bothWays(_ bytes: [UInt8], stretches: Int) -> (Result<Dataset, ReadError>, Result<Dataset, ReadError>) {
        let onePass = Result { () throws(ReadError) in try CSVReader.read(bytes: bytes, name: "x.csv", stretches: 1) }
        let split = Result { () throws(ReadError) in try CSVReader.read(bytes: bytes, name: "x.csv", stretches: stretches) }
        return (onePass, split)
    }

    static func agree(_ a: Result<Dataset, ReadError>, _ b: Result<Dataset, ReadError>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): x.isIdentical(to: y)
        case (.failure(let x), .failure(let y)): x.message == y.message
        default: false
        }
    }

    @Test("600 random files read alike in 2 to 9 stretches")
    func randomFiles() {
        var rng = SeededGenerator(seed: 0xC5F)
        var read = 0, readInStretches = 0
        for index in 0..<600 {
            let bytes = Self.file(&rng)
            let stretches = Int.random(in: 2...9, using: &rng)
            let (onePass, split) = Self.bothWays(bytes, stretches: stretches)
            #expect(Self.agree(onePass, split), "file \(index) in \(stretches) stretches: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if case .success = onePass { read += 1 }
            let inStretches = bytes.withUnsafeBufferPointer {
                ParallelCSVParser.parseInStretches($0.baseAddress!, $0.count, stretches: stretches, separator: 0x2C, name: "x.csv", progress: nil)
            }
            if inStretches != nil { readInStretches += 1 }
            // The other way of keeping numbers (copied from the stretches, as for very wide files).
            let copied = bytes.withUnsafeBufferPointer {
                ParallelCSVParser.parseInStretches(
                    $0.baseAddress!, $0.count, stretches: stretches, separator: 0x2C, name: "x.csv", progress: nil, columnsInPlace: 0
                )
            }
            #expect((inStretches == nil) == (copied == nil), "file \(index)")
            if let copied, case .success(let expected) = onePass {
                #expect(copied.isIdentical(to: expected), "file \(index) in \(stretches) stretches, numbers copied")
            }
        }
        // Most random files are well formed, and most of those are read in stretches rather than
        // handed back to one pass: the comparison is of the two ways of reading, not of errors.
        #expect(read > 400)
        #expect(readInStretches > 300)
    }

    @Test("A stray quote in an unquoted field misleads the split; the reader notices and reads in one pass")
    func strayQuote() throws {
        var text = "id,answer\n"
        for row in 0..<400 { text += row == 3 ? "\(row),5\"\n" : "\(row),\"yes, \(row)\"\n" }
        let (onePass, split) = Self.bothWays(Array(text.utf8), stretches: 6)
        #expect(Self.agree(onePass, split))
        let dataset = try onePass.get()
        #expect(dataset.rowCount == 400)
    }

    @Test("Each stretch's row limit holds its rows, and is exact for a file of LF line ends without blank lines")
    func rowLimits() throws {
        var rng = SeededGenerator(seed: 0x11E)
        for index in 0..<300 {
            let bytes = Self.file(&rng)
            let stretches = Int.random(in: 2...9, using: &rng)
            bytes.withUnsafeBufferPointer { buffer in
                var parser = CSVParser(buffer.baseAddress!, buffer.count, separator: 0x2C, name: "x.csv")
                guard let (names, dataStart, _) = try? parser.header() else { return }
                let split = CSVChunkBoundaries.boundaries(buffer.baseAddress!, start: dataStart, end: buffer.count, chunks: stretches)
                #expect(split.rowLimits.count == split.bounds.count - 1)
                for (s, limit) in split.rowLimits.enumerated() {
                    // Read with room for twice the limit, so that a limit too small shows as rows.
                    guard let rows = try? parser.parseRows(
                        from: split.bounds[s], until: split.bounds[s + 1], columnCount: names.count, expectedRows: 2 * limit + 1, report: nil
                    ), rows.end == split.bounds[s + 1] else { continue }
                    #expect(rows.rowCount <= limit, "file \(index), stretch \(s)")
                }
            }
        }
        // LF line ends, no blank lines: every inner limit is the stretch's rows, the last one more.
        let text = "a,b\n" + (0..<1000).map { "\($0),\"x\"" }.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            let split = CSVChunkBoundaries.boundaries(buffer.baseAddress!, start: 4, end: buffer.count, chunks: 7)
            #expect(split.rowLimits.reduce(0, +) == 1001)
            var parser = CSVParser(buffer.baseAddress!, buffer.count, separator: 0x2C, name: "x.csv")
            for s in split.rowLimits.indices {
                let rows = try parser.parseRows(from: split.bounds[s], until: split.bounds[s + 1], columnCount: 2, expectedRows: 0, report: nil)
                #expect(rows.rowCount == split.rowLimits[s] - (s == split.rowLimits.count - 1 ? 1 : 0))
            }
        }
    }

    @Test("Quotes and line ends are counted as byte by byte, across the vector blocks")
    func countBytes() {
        var rng = SeededGenerator(seed: 0xC0)
        let alphabet: [UInt8] = [0x22, 0x0A, 0x0D, 0x2C, 0x41, 0xD0, 0x22]
        let bytes = (0..<20_000).map { _ in alphabet.randomElement(using: &rng)! }
        bytes.withUnsafeBufferPointer { buffer in
            for _ in 0..<200 {
                let start = Int.random(in: 0..<buffer.count, using: &rng)
                let end = Int.random(in: start...Swift.min(buffer.count, start + Int.random(in: 0...9000, using: &rng)), using: &rng)
                let counted = CSVChunkBoundaries.countBytes(buffer.baseAddress!, start..<end)
                let slice = buffer[start..<end]
                #expect(counted.quotes == slice.filter { $0 == 0x22 }.count)
                #expect(counted.lineEnds == slice.filter { $0 == 0x0A || $0 == 0x0D }.count)
            }
        }
    }

    @Test("A file as wide as the columns written in place, read with progress on a worker thread, equals one pass")
    func widestInPlace() throws {
        let columns = ParallelCSVParser.maximumColumnsInPlace
        var text = (0..<columns).map { "v\($0)" }.joined(separator: ",") + "\n"
        var row = 0
        while text.utf8.count < ParallelCSVParser.minimumBytes + 4096 {
            text += (0..<columns).map { String(($0 + row) % 10) }.joined(separator: ",") + "\n"
            row += 1
        }
        let bytes = Array(text.utf8)
        var reports = 0
        let read = try CSVReader.read(data: Data(bytes), name: "wide.csv", progress: { _, _ in reports += 1 })
        #expect(read.isIdentical(to: try CSVReader.read(bytes: bytes, name: "wide.csv", stretches: 1)))
        #expect(read.columns.count == columns && read.rowCount == row)
        #expect(reports > 0)
    }

    @Test("Stretches run from the start to the end of the data and shrink towards the end, the last a sixteenth of the first")
    func shrinkingStretches() {
        for (length, chunks) in [(60_000_000, 16), (1_000_000, 7), (40, 9), (10, 9), (123_457, 2)] {
            let splits = CSVChunkBoundaries.nominalSplits(start: 5, length: length, chunks: chunks)
            #expect(splits.count == chunks + 1)
            #expect(splits.first == 5 && splits.last == 5 + length)
            let lengths = zip(splits, splits.dropFirst()).map { $1 - $0 }
            #expect(lengths.allSatisfy { $0 >= 0 }, "\(length) in \(chunks)")
            #expect(zip(lengths, lengths.dropFirst()).allSatisfy { $0 + 1 >= $1 }, "\(length) in \(chunks): \(lengths)")
            if length >= 1_000_000 {
                let ratio = Double(lengths.last!) / Double(lengths.first!)
                #expect(abs(ratio / CSVChunkBoundaries.lastToFirst - 1) < 0.01, "\(length) in \(chunks): \(lengths)")
            }
        }
    }

    @Test("A file whose columns span several huge pages, a numeric column turning to text in a late stretch, reads as one pass does")
    func columnsOverHugePages() throws {
        // 300,000 rows: each column's numbers fill more than 2 MiB, so their storage is sized
        // in whole blocks and its end blocks are collapsed by the stretches that reach them.
        var text = "id,weight,group,late\n"
        let rows = 300_000
        text.reserveCapacity(rows * 40)
        for row in 0..<rows {
            let late = row == 290_000 ? "text at last" : String(row % 97)
            text += "\(row),\(Double(row % 1_000) / 7),g\(row % 5),\(late)\n"
        }
        let bytes = Array(text.utf8)
        let onePass = try CSVReader.read(bytes: bytes, name: "big.csv", stretches: 1)
        for stretches in [2, 16] {
            let split = try CSVReader.read(bytes: bytes, name: "big.csv", stretches: stretches)
            #expect(split.isIdentical(to: onePass), "\(stretches) stretches")
        }
        #expect(onePass.rowCount == rows)
    }

    @Test("Line ends inside quoted fields at every split point")
    func quotedLineEnds() throws {
        var text = "id,comment,score\n"
        for row in 0..<300 { text += "\(row),\"first line\nsecond, with \"\"quotes\"\"\r\nthird\",\(Double(row) / 7)\n" }
        for stretches in [2, 3, 5, 8, 13] {
            let (onePass, split) = Self.bothWays(Array(text.utf8), stretches: stretches)
            #expect(Self.agree(onePass, split), "\(stretches) stretches")
            #expect(try split.get().rowCount == 300)
        }
    }

    @Test("Errors are one pass's errors, with the same line", arguments: [
        "a,b\n1,2\n3,4\n5\n6,7\n",                  // too few fields
        "a,b\n1,2\n3,4,5\n6,7\n",                   // too many
        "a,b\n1,2\n3,\"open\n4,5\n6,7\n",           // a quote never closed
        "a,b\n1,2\n3,\"x\"y\n",                     // text after a closing quote
    ])
    func errors(text: String) {
        let padded = text + String(repeating: "8,9\n", count: 50)
        for stretches in [2, 4, 7] {
            let (onePass, split) = Self.bothWays(Array(padded.utf8), stretches: stretches)
            guard case .failure = onePass else {
                Issue.record("one pass read a bad file")
                return
            }
            #expect(Self.agree(onePass, split))
        }
    }

    @Test("Invalid UTF-8 late in the file is reported at the same line")
    func invalidUTF8() {
        var bytes = Array(("a,b\n" + String(repeating: "Ресей,1\n", count: 200)).utf8)
        bytes.insert(0xFF, at: bytes.count - 20)
        let (onePass, split) = Self.bothWays(bytes, stretches: 5)
        #expect(Self.agree(onePass, split))
        if case .failure(let error) = split { #expect(error.message.contains("line 200")) }
    }

    @Test("A file of 4 MiB or more is read in stretches, and its progress is reported in order up to the end")
    func largeFileProgress() throws {
        var text = "id,region,weight\n"
        let regions = ["Алматы", "Астана", "Шымкент", "North Kazakhstan"]
        var row = 0
        while text.utf8.count < ParallelCSVParser.minimumBytes + 4096 {
            text += "\(row),\(regions[row % 4]),\(1.0 + Double(row % 97) / 13)\n"
            row += 1
        }
        let bytes = Array(text.utf8)
        var reports: [Int] = []
        let dataset = try CSVReader.read(data: Data(bytes), name: "big.csv", progress: { done, total in
            #expect(total == bytes.count)
            reports.append(done)
        })
        #expect(dataset.isIdentical(to: try CSVReader.read(bytes: bytes, name: "big.csv", stretches: 1)))
        #expect(reports.last == bytes.count)
        #expect(reports == reports.sorted())

        // From disk: mapped, and each stretch's pages given back once read (the texts of a
        // column that turns categorical late are read again from released pages).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes + Array("\(row),Алматы,late\n".utf8)).write(to: URL(fileURLWithPath: path))
        let fromDisk = try CSVReader.read(path: path)
        #expect(fromDisk.isIdentical(to: try CSVReader.read(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), name: path, stretches: 1)))
        #expect(fromDisk.rowCount == row + 1)
        guard case .categorical(_, let levels) = try fromDisk.column("weight").values else {
            Issue.record("the weight column should have turned categorical at its last row")
            return
        }
        #expect(levels.contains("late"))
    }

    @Test("A CSV file hashed while it is parsed has the checksum of its bytes, and the dataset of a plain load")
    func provenanceWhileParsing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "region,weight\n"
        for row in 0..<5_000 { text += "\(["Алматы", "Астана"][row % 2]),\(1 + Double(row % 13) / 7)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try DatasetLoader.loadWithProvenance(path: path)
        #expect(loaded.provenance.checksum == (try FileFingerprint.checksum(path: path)))
        #expect(loaded.provenance.file == (path as NSString).lastPathComponent)
        #expect(loaded.dataset.isIdentical(to: try DatasetLoader.load(path: path)))
        let bad = path + ".missing.csv"
        #expect(throws: ReadError.self) { try DatasetLoader.loadWithProvenance(path: bad) }
    }
}
