import Foundation
import SurveyCore
import SurveyIO
import Testing

// MARK: - Helpers

private func read(_ text: String, name: String = "x.csv") throws(ReadError) -> Dataset {
    try CSVReader.read(string: text, name: name)
}

private func readError(_ text: String, name: String = "x.csv") -> ReadError? {
    do {
        _ = try CSVReader.read(string: text, name: name)
        return nil
    } catch {
        return error
    }
}

private func numbers(_ d: Dataset, _ name: String) -> [Double]? {
    guard case .numeric(let v) = try? d.column(name).values else { return nil }
    return v
}

private func categories(_ d: Dataset, _ name: String) -> (codes: [Int32], levels: [String])? {
    guard case .categorical(let c, let l) = try? d.column(name).values else { return nil }
    return (c, l)
}

/// The values of a categorical column as strings, `nil` when missing.
private func strings(_ d: Dataset, _ name: String) -> [String?]? {
    guard let (codes, levels) = categories(d, name) else { return nil }
    return codes.map { $0 < 0 ? nil : levels[Int($0)] }
}

/// Numbers equal, `NaN` equal to `NaN`.
private func same(_ a: [Double]?, _ b: [Double]) -> Bool {
    guard let a, a.count == b.count else { return false }
    return zip(a, b).allSatisfy { $0.isNaN && $1.isNaN || $0 == $1 }
}

/// A scratch directory removed when the test ends.
private final class ScratchDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

// MARK: - Structure

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func readsNumericAndCategoricalColumns() throws {
        let d = try read("id,region,weight\n1,Almaty,1.5\n2,Astana,2\n3,Almaty,0.25\n")
        #expect(d.rowCount == 3)
        #expect(d.variableNames == ["id", "region", "weight"])
        #expect(numbers(d, "id") == [1, 2, 3])
        #expect(numbers(d, "weight") == [1.5, 2, 0.25])
        let region = try #require(categories(d, "region"))
        #expect(region.levels == ["Almaty", "Astana"])
        #expect(region.codes == [0, 1, 0])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineEnds() throws {
        // The same file as R: read.csv gives name = "Smith, J", "say \"hi\"", "multi\nline", NA
        // and score = 3.5, NA, NA, 7.
        let d = try read("id,name,score\n1,\"Smith, J\",3.5\n2,\"say \"\"hi\"\"\",\n3,\"multi\nline\",NA\n4,\"NA\",\"7\"\n")
        #expect(strings(d, "name") == ["Smith, J", "say \"hi\"", "multi\nline", nil])
        #expect(same(numbers(d, "score"), [3.5, .nan, .nan, 7]))
        #expect(numbers(d, "id") == [1, 2, 3, 4])
    }

    @Test func quotedHeaderNamesAndSpacesAfterClosingQuote() throws {
        let d = try read("\"q 1\",\"a,b\"  ,c\n\"x\" ,2,3\n")
        #expect(d.variableNames == ["q 1", "a,b", "c"])
        #expect(strings(d, "q 1") == ["x"])
        #expect(numbers(d, "a,b") == [2])
    }

    @Test func lineEndsMayBeCRLFOrCROrLF() throws {
        let lf = try read("a,b\n1,x\n2,y\n")
        let crlf = try read("a,b\r\n1,x\r\n2,y\r\n")
        let cr = try read("a,b\r1,x\r2,y\r")
        let noFinal = try read("a,b\r\n1,x\r\n2,y")
        for d in [lf, crlf, cr, noFinal] {
            #expect(d.rowCount == 2)
            #expect(numbers(d, "a") == [1, 2])
            #expect(strings(d, "b") == ["x", "y"])
        }
        // A quoted CRLF is kept inside the value.
        let inside = try read("a,b\r\n1,\"x\r\ny\"\r\n")
        #expect(strings(inside, "b") == ["x\r\ny"])
    }

    @Test func blankLinesAreSkipped() throws {
        let d = try read("\n\na,b\n1,x\n\n\r\n2,y\n\n\n")
        #expect(d.rowCount == 2)
        #expect(numbers(d, "a") == [1, 2])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let d = try CSVReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("id,x\n1,2\n".utf8), name: "bom.csv")
        #expect(d.variableNames == ["id", "x"])
        #expect(numbers(d, "id") == [1])
    }

    @Test func headerOnlyGivesNoRows() throws {
        let d = try read("a,b\n")
        #expect(d.rowCount == 0)
        #expect(d.variableNames == ["a", "b"])
        #expect(numbers(d, "a") == [])
    }

    @Test func dataBytesAndStringAgree() throws {
        let text = "a,b\n1,\"x,y\"\n2,Қостанай\n"
        let s = try CSVReader.read(string: text, name: "s")
        let b = try CSVReader.read(bytes: Array(text.utf8), name: "b")
        let d = try CSVReader.read(data: Data(text.utf8), name: "d")
        #expect(s.columns == b.columns)
        #expect(s.columns == d.columns)
        #expect(strings(s, "b") == ["x,y", "Қостанай"])
    }

    @Test func nonASCIITextIsKept() throws {
        let d = try read("регион,доля\nАлматы,0.5\nАстана,0.25\n")
        #expect(d.variableNames == ["регион", "доля"])
        #expect(strings(d, "регион") == ["Алматы", "Астана"])
    }

    // MARK: - Missing values

    @Test func emptyNAAndBlankFieldsAreMissing() throws {
        let d = try read("n,c\n1,a\n,\nNA,NA\n\"NA\",\"NA\"\n\"\",\"\"\n  ,  \n5,b\n")
        #expect(same(numbers(d, "n"), [1, .nan, .nan, .nan, .nan, .nan, 5]))
        #expect(strings(d, "c") == ["a", nil, nil, nil, nil, nil, "b"])
        #expect(categories(d, "c")?.levels == ["a", "b"])
    }

    @Test func onlyExactNAIsMissing() throws {
        // As R's na.strings = "NA": " NA", "na" and "N/A" are text.
        let d = try read("c\n NA\nna\nN/A\n")
        #expect(strings(d, "c") == [" NA", "na", "N/A"])
    }

    @Test func allMissingColumnIsNumericNaN() throws {
        let d = try read("a,b\n1,\n2,NA\n3,\"\"\n")
        #expect(same(numbers(d, "b"), [.nan, .nan, .nan]))
    }

    // MARK: - Numbers

    @Test func numbersAsRTypeConvertReadsThem() throws {
        // Each of these is numeric in R: type.convert(x, as.is = TRUE) gives a number.
        let cases: [(String, Double)] = [
            ("1", 1), (" 1", 1), ("1 ", 1), ("+1", 1), ("-1", -1), (".5", 0.5), ("5.", 5), ("-.5", -0.5),
            ("1e5", 1e5), ("1E-5", 1e-5), ("1e+2", 100), ("1.e3", 1000), (" +.5e-3 ", 5e-4),
            ("1e", 1), ("1e+", 1), ("007", 7), ("0.1", 0.1), ("0x1A", 26), ("0X1a", 26), ("0x1p3", 8),
            ("Inf", .infinity), ("inf", .infinity), ("-Inf", -.infinity), ("+Inf", .infinity),
            ("Infinity", .infinity), ("123456789012345678901234567890", 123456789012345678901234567890.0),
            ("0.27475436221522076", 0.27475436221522076), ("2.868102815667748", 2.868102815667748),
            ("1.7976931348623157e308", 1.7976931348623157e308), ("4.9e-324", .leastNonzeroMagnitude), ("1e400", .infinity),
            ("-0", -0.0), ("0.000000000000000000000000001", 1e-27), ("9007199254740993", 9_007_199_254_740_992),
        ]
        for (text, value) in cases {
            let d = try read("x\n\"\(text)\"\n")
            #expect(numbers(d, "x") == [value], "\(text)")
            let unquoted = try read("x\n\(text)\n")
            #expect(numbers(unquoted, "x") == [value], "\(text)")
        }
        let nan = try read("x\nNaN\nnan\n-NaN\n")
        #expect(same(numbers(nan, "x"), [.nan, .nan, .nan]))
    }

    @Test func textThatIsNotANumberMakesAColumnCategorical() throws {
        // Each of these is character in R's type.convert.
        for text in ["e5", "1d5", "1,5", "1_000", "--1", "1.2.3", "0x", ".", ".e3", "1L", "TRUE", "１", "12abc", "+"] {
            let d = try read("x\n1\n\"\(text)\"\n")
            #expect(strings(d, "x") == ["1", text], "\(text)")
        }
    }

    @Test func laterTextTurnsANumericColumnCategoricalKeepingEarlierTexts() throws {
        var text = "n,x\r\n"
        for i in 0..<200 { text += "\(i),\(i % 3 == 0 ? "\"0\(i)\"" : i % 3 == 1 ? "" : "\"\(i).0\"")\r\n" }
        text += "200,\"said \"\"no\"\"\"\r\n"
        let d = try read(text)
        let x = try #require(strings(d, "x"))
        #expect(x.count == 201)
        #expect(x[0] == "00")
        #expect(x[1] == nil)
        #expect(x[2] == "2.0")
        #expect(x[3] == "03")
        #expect(x[200] == "said \"no\"")
        #expect(numbers(d, "n") == (0...200).map(Double.init))
    }

    // MARK: - Level order

    @Test func levelsAreSortedAsRSortsFactorLevels() throws {
        // R 4.2 (ICU collation): levels(factor(c("b","A","a","B","10","9"))) is
        // "10" "9" "a" "A" "b" "B".
        let d = try read("x\nb\nA\na\nB\n10\n9\n")
        let x = try #require(categories(d, "x"))
        #expect(x.levels == ["10", "9", "a", "A", "b", "B"])
        #expect(x.codes == [4, 3, 2, 5, 0, 1])
        let answers = try read("q\nDon't know\nDisagree\nagree\nAgree\nzebra\nZebra\n")
        #expect(categories(answers, "q")?.levels == ["agree", "Agree", "Disagree", "Don't know", "zebra", "Zebra"])
    }

    @Test func kazakhLettersAndPunctuationSortAsInR() throws {
        // What R 4.2 with ICU gives for these (checked with Rscript): Kazakh letters sort right
        // after their base letter, punctuation and spaces count and come before digits.
        let d = try read("region\nАлматы\nАстана\nҚостанай\nӨскемен\nАқтөбе\nШымкент\n")
        #expect(categories(d, "region")?.levels == ["Ақтөбе", "Алматы", "Астана", "Қостанай", "Өскемен", "Шымкент"])
        let p = try read("x\na1\na b\nab\na-b\n_x\n")
        #expect(categories(p, "x")?.levels == ["_x", "a b", "a-b", "a1", "ab"])
        let e = try read("x\nё\nж\nе\né\nz\ne\n")
        #expect(categories(e, "x")?.levels == ["e", "é", "z", "е", "ё", "ж"])
    }

    // MARK: - Errors

    @Test func raggedRowsNameTheLine() throws {
        #expect(readError("a,b,c\n1,2,3\n4,5\n")?.message
            == "Cannot read 'x.csv': line 3 has 2 fields but the header has 3; every line needs one field per column (leave a field empty for a missing value).")
        #expect(readError("a,b\n1,2\n\"x\ny\",2\n3,Smith, J\n")?.message
            == "Cannot read 'x.csv': line 5 has 3 fields but the header has 2; quote fields that contain commas.")
        #expect(readError("a,b\n1\n")?.message
            == "Cannot read 'x.csv': line 2 has 1 field but the header has 2; every line needs one field per column (leave a field empty for a missing value).")
        #expect(readError("a,b\n1,2") == nil)
    }

    @Test func headerNamesMustBeUniqueAndNonEmpty() throws {
        #expect(readError("id,age,sex,age\n1,2,3,4\n")?.message
            == "Cannot read 'x.csv': the header names two columns 'age' (columns 2 and 4); rename one so that every variable name is unique.")
        #expect(readError("id,,sex\n1,2,3\n")?.message
            == "Cannot read 'x.csv': column 2 of the header has no name; give every column a name in the first row.")
        #expect(readError("id,sex,\n1,2,3\n")?.message
            == "Cannot read 'x.csv': column 3 of the header has no name; give every column a name in the first row.")
        #expect(readError("id, \n1,2\n")?.kind == .malformed)
    }

    @Test func invalidUTF8NamesTheLine() throws {
        // "Almaty" then a Windows-1251 "А" (0xC0), which is not UTF-8.
        let bytes = Array("id,region\n1,Almaty\n2,".utf8) + [0xC0, 0xEB] + Array("\n".utf8)
        do {
            _ = try CSVReader.read(bytes: bytes, name: "w.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidEncoding)
            #expect(error.message == "Cannot read 'w.csv': line 3 is not valid UTF-8 (byte 0xC0); save the file with UTF-8 encoding.")
        }
        for bad: [UInt8] in [[0xED, 0xA0, 0x80], [0xC1, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF]] {
            #expect(throws: ReadError.self) { try CSVReader.read(bytes: Array("a\n".utf8) + bad, name: "b.csv") }
        }
        // Well-formed multi-byte text of every length is accepted.
        let good = try CSVReader.read(bytes: Array("a\né€𝄞Ж\n".utf8), name: "g.csv")
        #expect(strings(good, "a") == ["é€𝄞Ж"])
    }

    @Test func quotesMustBeClosedAndStandAlone() throws {
        #expect(readError("a,b\n1,\"open\n2,3\n")?.message
            == "Cannot read 'x.csv': the quote that opens field 2 on line 2 is never closed; close it, and write a quote inside a quoted field as two quotes (\"\").")
        #expect(readError("a,b\n1,\"say \"hi\"\"\n")?.message
            == "Cannot read 'x.csv': field 2 of line 2 has text after its closing quote; write a quote inside a quoted field as two quotes (\"\").")
        #expect(readError("\"a\"b,c\n1,2\n")?.message
            == "Cannot read 'x.csv': field 1 of the header has text after its closing quote; write a quote inside a quoted field as two quotes (\"\").")
    }

    @Test func emptyFileIsAnError() throws {
        #expect(readError("")?.message == "Cannot read 'x.csv': the file is empty; a CSV file needs a header row of variable names.")
        #expect(readError("\n\r\n")?.message == "Cannot read 'x.csv': the file is empty; a CSV file needs a header row of variable names.")
    }

    @Test func errorsAreDescribedByTheirMessage() {
        let e = ReadError(.malformed, "Cannot read 'x.csv': it is broken; fix it.")
        #expect(e.description == e.message)
        #expect(e.errorDescription == e.message)
        #expect((e as Error).localizedDescription == e.message)
    }

    // MARK: - Files

    @Test func readsFilesFromDisk() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("w.csv", "id,sex\n1,F\n2,M\n")
        let d = try CSVReader.read(path: path)
        #expect(strings(d, "sex") == ["F", "M"])
        let loaded = try DatasetLoader.load(path: path)
        #expect(loaded.columns == d.columns)
        let upper = try dir.write("W2.CSV", "id\n1\n")
        #expect(try DatasetLoader.load(path: upper).rowCount == 1)
    }

    @Test func loaderReadsTabSeparatedFiles() throws {
        let dir = try ScratchDirectory()
        let tsv = try dir.write("w.tsv", "id\tname\n1\t\"Smith, J\"\n2\tLee\n")
        let d = try DatasetLoader.load(path: tsv)
        #expect(strings(d, "name") == ["Smith, J", "Lee"])
        let txtTab = try dir.write("w.txt", "id\tname\n1\tA,B\n")
        #expect(strings(try DatasetLoader.load(path: txtTab), "name") == ["A,B"])
        let txtComma = try dir.write("c.txt", "id,name\n1,A\tB\n")
        #expect(strings(try DatasetLoader.load(path: txtComma), "name") == ["A\tB"])
        let ragged = try dir.write("r.tsv", "a\tb\n1\t2\t3\n")
        #expect(throws: ReadError.self) { try DatasetLoader.load(path: ragged) }
        do {
            _ = try DatasetLoader.load(path: ragged)
        } catch {
            #expect(error.message.hasSuffix("line 2 has 3 fields but the header has 2; quote fields that contain tabs."))
        }
    }

    @Test func missingFileIsNotFound() throws {
        let dir = try ScratchDirectory()
        let path = dir.url.appendingPathComponent("x.csv").path
        do {
            _ = try DatasetLoader.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message == "File '\(path)' not found; check the path.")
        }
        do {
            _ = try CSVReader.read(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message == "File '\(path)' not found; check the path.")
        }
    }

    @Test func directoryIsNotAFile() throws {
        let dir = try ScratchDirectory()
        let path = dir.url.appendingPathComponent("wave.csv").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        do {
            _ = try DatasetLoader.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.message == "Cannot read '\(path)': it is a directory, not a data file; give the path of a file inside it.")
        }
    }

    @Test func surveyFormatsAreNotReadableYet() throws {
        let dir = try ScratchDirectory()
        for (ext, format) in [("xlsx", "Excel"), ("rds", "R")] {
            let path = try dir.write("wave.\(ext)", [0, 1, 2])
            do {
                _ = try DatasetLoader.load(path: path)
                Issue.record("expected an error for .\(ext)")
            } catch {
                #expect(error.kind == .unsupportedFormat)
                #expect(error.message.hasPrefix("Cannot read '\(path)': \(format) files are not readable yet; "))
                #expect(error.message.hasSuffix(", and load the .csv file."))
            }
        }
    }

    @Test func unknownExtensionListsTheSupportedOnes() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("wave.xyz", "a\n1\n")
        do {
            _ = try DatasetLoader.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unsupportedFormat)
            #expect(error.message == "Cannot read '\(path)': '.xyz' is not a known data file type; Barometer reads .csv, .tsv, .tab, .txt, .dta, .sav, .zsav and .por files.")
        }
        let bare = try dir.write("wave", "a\n1\n")
        do {
            _ = try DatasetLoader.load(path: bare)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "Cannot read '\(bare)': the file name has no extension; Barometer reads .csv, .tsv, .tab, .txt, .dta, .sav, .zsav and .por files.")
        }
    }
}
