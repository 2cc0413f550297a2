import Foundation
import SurveyCore
import SurveyIO
import Testing

/// What the system file reader makes of particular fixtures, beyond what pyreadstat checks.
@Suite("SPSS system file reader")
struct SPSSReaderTests {
    /// The reader decodes cases a block at a time (about 256 KiB); a file of many blocks, with
    /// groups of command bytes split between them, reads back whole in every compression.
    @Test(arguments: SPSSWriter.Compression.allCases)
    func casesSpanningManyBlocks(_ compression: SPSSWriter.Compression) throws {
        let rows = 5_001  // 43 units a case: 762 cases, 32,766 units, a block
        var rng = SeededGenerator(seed: 7)
        var codes: [Double] = [], literals: [Double] = [], mixed: [Double] = [], flags: [Double] = []
        var short: [String?] = [], long: [String?] = []
        for i in 0..<rows {
            codes.append(i % 7 == 0 ? .nan : Double(i % 5 + 1))
            literals.append(Double.random(in: -1e6...1e6, using: &rng))
            mixed.append(i % 11 == 0 ? -0.0 : Double(i))
            flags.append(Double(i % 2))
            short.append(i % 4 == 0 ? nil : "r\(i)")
            long.append(i % 3 == 0 ? nil : String(repeating: "ж", count: i % 150 + 1))
        }
        let dataset = try Dataset(columns: [
            .numeric("codes", codes), .numeric("literals", literals), .numeric("mixed", mixed), .numeric("flags", flags),
            Column(name: "short", values: .text(short)), Column(name: "long", values: .text(long)),
        ])
        let bytes = try SPSSWriter.encode(dataset, compression: compression)
        let back = try SPSSReader.read(bytes: bytes, name: "blocks.sav")
        #expect(back.rowCount == rows)
        for (written, read) in zip(dataset.columns, back.columns) {
            #expect(SPSSTest.sameValues(written, read), Comment(rawValue: written.name))
        }
        #expect(throws: ReadError.self) { try SPSSReader.read(bytes: Array(bytes.prefix(bytes.count * 2 / 3)), name: "cut.sav") }
    }

    /// A file on disk is read through a mapping of it, its numeric columns made in storage
    /// advised for huge pages (300,000 rows: 2.4 MB a column, more than a huge page); the
    /// values are those of the same bytes read from memory, as `[UInt8]` and as `Data`.
    @Test(arguments: SPSSWriter.Compression.allCases)
    func mappedFileReadsAsTheBytesInMemory(_ compression: SPSSWriter.Compression) throws {
        let rows = 300_000
        var rng = SeededGenerator(seed: 11)
        let wide = (0..<rows).map { i in i % 13 == 0 ? Double.nan : Double.random(in: -1e9...1e9, using: &rng) }
        let small = (0..<rows).map { Double($0 % 9) }
        let label = (0..<rows).map { $0 % 5 == 0 ? nil : "k\($0 % 4)" }
        let dataset = try Dataset(columns: [.numeric("wide", wide), .numeric("small", small), Column(name: "label", values: .text(label))])
        let bytes = try SPSSWriter.encode(dataset, compression: compression)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString).sav").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = try SPSSReader.read(path: path)
        let inMemory = try SPSSReader.read(bytes: bytes, name: "memory.sav")
        let fromData = try SPSSReader.read(data: Data(bytes), name: "data.sav")
        #expect(mapped.rowCount == rows)
        for back in [mapped, inMemory, fromData] {
            for (written, read) in zip(dataset.columns, back.columns) {
                #expect(SPSSTest.sameValues(written, read), Comment(rawValue: written.name))
            }
        }
    }

    /// A data set without rows writes a `.zsav` with no ZLIB blocks: nothing to inflate, and
    /// it reads back as its variables without cases.
    @Test(arguments: SPSSWriter.Compression.allCases)
    func filesWithoutCasesRead(_ compression: SPSSWriter.Compression) throws {
        let dataset = try Dataset(columns: [.numeric("x", []), Column(name: "s", values: .text([]))])
        let back = try SPSSReader.read(bytes: try SPSSWriter.encode(dataset, compression: compression), name: "empty.sav")
        #expect(back.rowCount == 0)
        #expect(back.columns.map(\.name) == ["x", "s"])
    }

    @Test func datesBecomeSecondsSince1970() throws {
        let d = try SPSSTest.read("readers/pyreadstat/sample.sav")
        #expect(d.metadata("mydate").temporal == .date)
        #expect(d.metadata("mydate").displayFormat == "EDATE10")
        #expect(d.metadata("dtime").temporal == .dateTime)
        #expect(d.metadata("mytime").temporal == .time)
        let dates = try #require(SPSSTest.numbers(d, "mydate"))
        #expect(dates[0] == 1_525_564_800)  // 2018-05-06
        #expect(dates[4].isNaN)
        #expect(SPSSTest.numbers(d, "dtime")?[0] == 1_525_601_410)  // 2018-05-06 10:10:10
        #expect(SPSSTest.numbers(d, "mytime")?[0] == 36_610)  // 10:10:10
        #expect(d.codebook.documents == ["some test text as notes", "   (Entered 15-Aug-2018)", "some other comments", "   (Entered 15-Aug-2018)"])
        #expect(d.codebook.encoding == "windows-1252")
    }

    @Test(arguments: ["generated/pspp_features.sav", "generated/pspp_features.zsav", "generated/pspp_features_uncompressed.sav"])
    func everyFeatureInEveryCompression(_ file: String) throws {
        let d = try SPSSTest.read(file)
        #expect(d.rowCount == 5)
        #expect(d.variableNames.contains("household_income_monthly"))  // long name (subtype 13)
        #expect(d.codebook.fileLabel?.text() == "Barometer SPSS feature fixture")
        #expect(d.codebook.design?.weights == "wt")
        #expect(d.codebook.documents.first == "DOCUMENT 'Made by conformance/spss-fixtures.py for Barometer.'")
        let sex = d.metadata("sex")
        #expect(sex.missingCodes == [9])
        #expect(sex.measurement == .nominal)
        #expect(sex.label(ofCode: 9) == "Refused")
        #expect(SPSSTest.numbers(d, "sex") == [1, 2, 9, 2, 1])  // user-missing stays a value
        #expect(d.metadata("age").missingRange == -Double.infinity...0)
        #expect(d.metadata("age").missingCodes == [999])
        #expect(d.metadata("household_income_monthly").missingRange == -99 ... -1)
        #expect(d.metadata("q1a").measurement == .ordinal)
        #expect(d.metadata("code").missingStrings == ["XX"])
        #expect(d.metadata("city").missingStrings == ["unknown"])  // long string (subtype 22)
        #expect(d.metadata("city").label(ofString: "Astana") == "Capital")  // subtype 21
        #expect(d.metadata("code").label(ofString: "CD") == "Charlie Delta")  // record type 3
        #expect(SPSSTest.numbers(d, "visited")?[0] == 1_647_302_400)  // 2022-03-15
        #expect(SPSSTest.numbers(d, "visited")?[1] == 0)
        #expect(SPSSTest.numbers(d, "stamp")?[2] == 951_868_799)  // 2000-02-29 23:59:59
        let comment = try #require(SPSSTest.strings(d, "comment"))
        #expect(d.metadata("comment").stringWidth == 300)
        #expect(comment[1] == nil)
        #expect(comment[2] == "Ответ на русском языке, довольно длинный")
        #expect(comment[3]?.utf8.count == 300)  // cut at the declared width of 300 bytes
        #expect(comment[4] == "Қазақша жауап")
        #expect(SPSSTest.strings(d, "city") == ["Almaty", "Astana", "Шымкент", "unknown", nil])
        #expect(d.codebook.multipleResponseSets == [
            MultipleResponseSet(name: "$media", label: LocalizedText("Media used"), kind: .dichotomies(countedValue: "1"), variables: ["q1a", "q1b", "q1c"]),
            MultipleResponseSet(name: "$langs", label: LocalizedText("Languages"), kind: .categories, variables: ["code", "lang"]),
            // Subtype 19, labelled by its first variable's label.
            MultipleResponseSet(name: "$tv", label: LocalizedText("Watches Kazakh TV"), kind: .dichotomies(countedValue: "1"), variables: ["q1a", "q1b"]),
        ])
        #expect(d.codebook.encoding == "UTF-8")
    }

    @Test(arguments: [("generated/pspp_cyrillic_1251.sav", "windows-1251"), ("generated/pspp_cyrillic_koi8r.sav", "KOI8-R"), ("generated/pspp_cyrillic_cp866.sav", "IBM866")])
    func cyrillicCodePages(_ file: String, _ encoding: String) throws {
        let d = try SPSSTest.read(file)
        #expect(d.codebook.encoding == encoding)
        #expect(d.codebook.fileLabel?.text() == "Кириллица в кодировке \(encoding == "IBM866" ? "CP866" : encoding)")
        #expect(d.metadata("trust").label.text() == "Доверие к России")
        #expect(d.metadata("trust").label(ofCode: 9) == "Затрудняюсь ответить")
        #expect(d.metadata("region").label(ofString: "Москва") == "Столица России")
        #expect(SPSSTest.strings(d, "region") == ["Москва", "Алматы", "Астана", "Шымкент"])
        #expect(SPSSTest.strings(d, "answer")?[3] == "Ёлка и ещё раз ёлка")
    }

    /// `bytes` with the encoding record turned into an unknown record and the code page of the
    /// machine integer info record set to 2, as SPSS before version 16 wrote.
    static func undeclared(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        func find(_ pattern: [UInt8]) -> Int? {
            (0...(bytes.count - pattern.count)).first { Array(bytes[$0..<($0 + pattern.count)]) == pattern }
        }
        if let at = find([7, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0]) { bytes[at + 4] = 99 }
        if let at = find([7, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0]) {
            let code = at + 16 + 28
            bytes.replaceSubrange(code..<(code + 4), with: [2, 0, 0, 0])
        }
        return bytes
    }

    @Test func undeclaredCyrillicIsRecognisedAndEncodingsCanBeForced() throws {
        let path = SPSSFixtures.path("generated/pspp_cyrillic_1251.sav")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let guessed = try SPSSReader.read(bytes: Self.undeclared(bytes), name: "old.sav")
        #expect(guessed.codebook.encoding == "windows-1251")
        #expect(guessed.metadata("trust").label(ofCode: 9) == "Затрудняюсь ответить")
        let latin = try SPSSReader.read(bytes: Self.undeclared(Array(try Data(contentsOf: URL(fileURLWithPath: SPSSFixtures.path("readers/savreaderwriter/german.sav"))))), name: "old.sav")
        #expect(latin.codebook.encoding == "windows-1252")
        #expect(latin.variableNames.contains("spaß"))

        let forced = try SPSSReader.read(path: path, encoding: "windows-1252")
        #expect(forced.codebook.encoding == "windows-1252")
        #expect(forced.metadata("trust").label.text() != "Доверие к России")
        let error = #expect(throws: ReadError.self) { try SPSSReader.read(path: path, encoding: "EBCDIC-37") }
        #expect(error?.kind == .invalidEncoding)
    }

    @Test func windows1252SurveyWithUserMissingValues() throws {
        let d = try SPSSTest.read("surveys/nhtsa_2008_drinking_driving_attitudes.sav")
        #expect(d.rowCount == 6999)
        #expect(d.columns.count == 121)
        #expect(d.codebook.encoding == "windows-1252")
        let withMissing = d.columns.filter { let m = d.metadata($0.name); return !m.missingCodes.isEmpty || m.missingRange != nil }
        #expect(withMissing.count == 108)
        // QN1 counts published in PSPP's CTABLES tests: 4667, 1274, 361, 130, 540.
        let qn1 = try #require(SPSSTest.numbers(d, "QN1"))
        let counts = Dictionary(grouping: qn1.filter { !$0.isNaN }, by: { $0 }).mapValues(\.count)
        #expect(counts.values.sorted(by: >).prefix(5) == [4667, 1274, 540, 361, 130])
    }

    @Test func afrobarometerTunisia() throws {
        let d = try SPSSTest.read("surveys/afrobarometer_r9_tunisia_2022.sav")
        #expect(d.rowCount == 1200)
        #expect(d.columns.count == 388)
        #expect(d.codebook.encoding == "UTF-8")
        let dates = d.columns.filter { d.metadata($0.name).temporal == .date }
        #expect(!dates.isEmpty)
        // Interviews took place in February and March 2022.
        for column in dates {
            let values = try #require(SPSSTest.numbers(d, column.name)).filter { !$0.isNaN }
            #expect(values.allSatisfy { $0 > 1_640_995_200 && $0 < 1_672_531_200 }, "\(column.name) outside 2022")
        }
    }

    @Test func bigEndianFiles() throws {
        let d = try SPSSTest.read("readers/spsslib_net/BigEndian.sav")
        #expect(d.rowCount == 50)
        #expect(d.variableNames == ["ID", "SEX", "GROUP", "AGE", "PRETEST", "POSTTEST"])
        #expect(SPSSTest.numbers(d, "ID")?.prefix(3) == [1, 2, 3])
        let types = try SPSSTest.read("readers/readstat_jl/types.sav")
        #expect(types.rowCount == 3)
    }

    @Test func veryLongStringsWrittenBySPSS13() throws {
        let d = try SPSSTest.read("readers/pspp/v13.sav")
        #expect(d.metadata("A2000").stringWidth == 2000)
        #expect(d.metadata("A258").displayFormat == "A258")
        let values = try #require(SPSSTest.strings(d, "A2000"))
        #expect(values.count == 2)
    }

    @Test func fuzzedFileWithBadLongStringMissingValuesStillReads() throws {
        // CVE-2017-10791: a damaged record 7.21; PSPP warns and reads the data, and so does Barometer.
        let d = try SPSSTest.read("readers/pspp/CVE-2017-10791.sav")
        #expect(d.rowCount == 10)
        #expect(SPSSTest.numbers(d, "VAR00001") == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(SPSSTest.numbers(d, "VAR00003") == [2, 3, 4, 3, 4, 2, 4, 3, 2, 4])
        #expect(SPSSTest.strings(d, d.variableNames[3]) == ["a", "s", "d", "f", "g", "h", "j", "k", "l", "p"])
    }

    @Test func encryptedFilesAreRefused() throws {
        let path = SPSSFixtures.path("readers/pspp/hotel-encrypted.sav")
        let error = #expect(throws: ReadError.self) { try SPSSReader.read(path: path) }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.message == "Cannot read '\(path)': the file is encrypted with a password; decrypt it in SPSS (open it with its password, then File > Save As without encryption) and read the saved copy.")
    }

    @Test func otherFilesAreRefusedWithTheirName() throws {
        let pcPlus = SPSSFixtures.path("readers/pspp/pcplus_test1.sys")
        let error = #expect(throws: ReadError.self) { try SPSSReader.read(path: pcPlus) }
        #expect(error?.message.contains("SPSS/PC+") == true)
        let portable = SPSSFixtures.path("readers/pspp/file_test.por")
        let porError = #expect(throws: ReadError.self) { try SPSSReader.read(path: portable) }
        #expect(porError?.message.contains("portable file") == true)
        #expect(SPSSTest.readError(Array("hello, world".utf8))?.kind == .unsupportedFormat)
        #expect(SPSSTest.readError([])?.message == "Cannot read 'test.sav': the file is only 0 bytes long, too short to be an SPSS system file; copy it again from its source.")
    }

    @Test func loaderDispatchesOnTheExtension() throws {
        #expect(try DatasetLoader.load(path: SPSSFixtures.path("readers/pyreadstat/sample.sav")).rowCount == 5)
        #expect(try DatasetLoader.load(path: SPSSFixtures.path("readers/pyreadstat/sample.zsav")).rowCount == 5)
        #expect(try DatasetLoader.load(path: SPSSFixtures.path("readers/pyreadstat/sample.por")).rowCount == 5)
        #expect(DatasetLoader.supportedExtensions.contains("sav"))
    }

    @Test func stringColumnsAreCategoricalWhenLabelledOrRepetitive() throws {
        let d = try SPSSTest.read("generated/pspp_features.sav")
        #expect(try d.column("lang").typeName == "categorical")  // labelled
        #expect(try d.column("comment").typeName == "text")  // open answers
        let large = try SPSSTest.read("readers/pyreadstat/sample_large.sav")
        #expect(try large.column("mychar").typeName == "categorical")  // 485 rows, few values
    }
}
