import Foundation
@testable import SurveyIO
import SurveyCore
import Testing

/// The row loop reads rows in batches: where every field of a batch starts and ends, then the
/// batch column by column; a row the batch does not take (doubled quotes, the wrong number of
/// fields, a stray quote) is read field by field. Reading every row field by field is the
/// reference: batches of every size must give the same dataset, bit for bit, and the same
/// error, on random files with quotes, line ends inside quotes, blank lines, CRLF and lone CR,
/// columns that turn to text late, and numbers of every shape.
@Suite("CSV rows in batches equal rows field by field")
struct CSVRowBatchTests {
    private static func read(_ bytes: [UInt8], rowsPerBatch: Int) -> Result<Dataset, ReadError> {
        Result { () throws(ReadError) in
            try bytes.withUnsafeBufferPointer { buffer throws(ReadError) in
                try CSVParser.parse(buffer, separator: 0x2C, name: "x.csv", rowsPerBatch: rowsPerBatch)
            }
        }
    }

    @Test("600 random files read alike field by field and in batches of 1 to 9 rows and of the usual size")
    func randomFiles() {
        var rng = SeededGenerator(seed: 0xBA7C)
        var read = 0
        for index in 0..<600 {
            let bytes = ParallelCSVReaderTests.file(&rng)
            let reference = Self.read(bytes, rowsPerBatch: 0)
            if case .success = reference { read += 1 }
            for rows in [Int.random(in: 1...9, using: &rng), CSVParser.batchRows] {
                #expect(
                    ParallelCSVReaderTests.agree(reference, Self.read(bytes, rowsPerBatch: rows)),
                    "file \(index) in batches of \(rows): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
                )
            }
        }
        // Most random files are well formed: the comparison is mostly of datasets, not errors.
        #expect(read > 400)
    }

    @Test("A bad row in the middle of a batch throws the error field by field reading throws, with its line", arguments: [
        "5\n",             // too few fields
        "3,4,5\n",         // too many
        "3,\"open\n4,5\n", // a quote never closed
        "3,\"x\"y\n",      // text after a closing quote
        "3,4,\n",          // a separator after the last field
    ])
    func badRow(row: String) {
        for before in [0, 1, 2, 3, 5, 8] {
            let text = "a,b\n" + String(repeating: "1,2\n", count: before) + row + String(repeating: "8,9\n", count: 20)
            let reference = Self.read(Array(text.utf8), rowsPerBatch: 0)
            guard case .failure = reference else {
                Issue.record("field by field reading read a bad file: \(text.debugDescription)")
                continue
            }
            for rows in [1, 2, 3, 4, CSVParser.batchRows] {
                #expect(ParallelCSVReaderTests.agree(reference, Self.read(Array(text.utf8), rowsPerBatch: rows)), "\(before) rows before, batches of \(rows)")
            }
        }
    }

    @Test("Rows a batch does not take, between rows it takes, keep their values and order")
    func rowsReadByFields() throws {
        // Doubled quotes and a quoted number are read field by field; blank lines and CRLF are skipped in the batch.
        let text = "id,answer,score\r\n1,\"say \"\"no\"\"\",2.5\r\n\r\n2,plain,\"3\"\r\n3,\"a,b\",NA\r\n4,\"Ресей, Қытай\",-1\r\n"
        let batched = try Self.read(Array(text.utf8), rowsPerBatch: 2).get()
        #expect(batched.isIdentical(to: try Self.read(Array(text.utf8), rowsPerBatch: 0).get()))
        guard case .categorical(let codes, let levels) = batched.columns[1].values else {
            Issue.record("the answers are not text")
            return
        }
        #expect(codes.map { levels[Int($0)] } == ["say \"no\"", "plain", "a,b", "Ресей, Қытай"])
        guard case .numeric(let scores) = batched.columns[2].values else {
            Issue.record("the scores are not numbers")
            return
        }
        #expect(scores[0] == 2.5 && scores[1] == 3 && scores[2].isNaN && scores[3] == -1)
    }
}
