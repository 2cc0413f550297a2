import Foundation
import SurveyCore
import SurveyIO
import Testing

@Suite("SPSS portable file reader")
struct SPSSPortableReaderTests {
    @Test func portableFileHoldsWhatTheSystemFileHolds() throws {
        let por = try SPSSPortableReader.read(path: SPSSFixtures.path("generated/pspp_features.por"))
        let sav = try SPSSTest.read("generated/pspp_features.sav")
        #expect(por.rowCount == sav.rowCount)
        // Portable files keep 8-character upper-case names and strings of at most 255 bytes.
        for (p, s) in zip(por.columns, sav.columns) where s.name != "comment" {
            #expect(SPSSTest.sameValues(Column(name: s.name, values: p.values), s), "\(s.name)")
            var expected = sav.metadata(s.name)
            expected.measurement = nil
            #expect(SPSSTest.sameMetadata(por.metadata(p.name), expected), "\(s.name)")
        }
        let comments = try #require(SPSSTest.strings(por, "COMMENT"))
        #expect(comments[2] == "Ответ на русском языке, довольно длинный")
        #expect(comments[3]?.utf8.count == 255)
        #expect(por.codebook.design?.weights == "WT")
        #expect(por.codebook.documents == sav.codebook.documents)
        #expect(por.codebook.encoding == "UTF-8")
    }

    @Test func datesInPortableFiles() throws {
        let d = try SPSSPortableReader.read(path: SPSSFixtures.path("readers/pyreadstat/sample.por"))
        #expect(d.metadata("MYDATE").displayFormat == "EDATE10")  // written by SPSS 25 as format 120
        #expect(d.metadata("MYDATE").temporal == .date)
        #expect(SPSSTest.numbers(d, "MYDATE")?[0] == 1_525_564_800)
        #expect(d.metadata("MYLABL").label(ofCode: 2) == "Female")
    }

    @Test func oldPortableFilesFromTheEighties() throws {
        let d = try SPSSPortableReader.read(path: SPSSFixtures.path("readers/pspp/por_test1.por"))
        #expect(d.rowCount == 75)
        #expect(d.metadata("HOUSESAT").label.text() == "SATISFACTION WITH HOUSING")
        #expect(d.metadata("HOUSESAT").missingCodes == [0, 9])
    }

    @Test func encodingCanBeGiven() throws {
        let path = SPSSFixtures.path("generated/pspp_features.por")
        let latin = try SPSSPortableReader.read(path: path, encoding: "windows-1252")
        #expect(latin.codebook.encoding == "windows-1252")
        #expect(SPSSTest.strings(latin, "CITY")?[2] != "Шымкент")
        let error = #expect(throws: ReadError.self) { try SPSSPortableReader.read(path: path, encoding: "klingon") }
        #expect(error?.kind == .invalidEncoding)
        #expect(error?.message == "Cannot read '\(path)': the encoding 'klingon' is not one Barometer knows; give a name such as UTF-8, windows-1251, windows-1252, CP866 or KOI8-R.")
    }

    @Test func notAPortableFile() throws {
        let path = SPSSFixtures.path("readers/pyreadstat/sample.sav")
        let error = #expect(throws: ReadError.self) { try SPSSPortableReader.read(path: path) }
        #expect(error?.message.hasPrefix("Cannot read '\(path)': ") == true)
        #expect(throws: ReadError.self) { try SPSSPortableReader.read(path: "/nonexistent/file.por") }
    }
}
