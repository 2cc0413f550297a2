import Foundation
import SurveyCore
import SurveyIO
import Testing

/// Every system file among the fixtures, read by Barometer, against what pyreadstat read
/// (Fixtures/spss/expected, written by conformance/spss-expectations.py).
@Suite("SPSS system files match pyreadstat")
struct SPSSReaderConformanceTests {
    /// Checks left out for a fixture, with the reason.
    static let known: [String: (skip: Set<String>, reason: String)] = {
        let utf8Values = "PSPP 1.6 writes the values of long string value labels in UTF-8 whatever the file's code page; pyreadstat decodes them in the code page (mojibake), Barometer recognises the UTF-8 (SPSSReaderTests checks the labels)"
        return [
            "generated/pspp_cyrillic_1251.sav": (["valueLabels"], utf8Values),
            "generated/pspp_cyrillic_koi8r.sav": (["valueLabels"], utf8Values),
            "generated/pspp_cyrillic_cp866.sav": (["valueLabels"], utf8Values),
        ]
    }()

    static let systemFiles: [String] = SPSSFixtures.all(extensions: ["sav", "zsav"]).filter {
        SPSSExpectation(fixture: $0).map { !$0.pyreadstatFailed } ?? false
    }

    @Test(arguments: systemFiles)
    func matchesPyreadstat(_ file: String) throws {
        let expectation = try #require(SPSSExpectation(fixture: file))
        let dataset = try SPSSReader.read(path: SPSSFixtures.path(file))
        let differences = expectation.differences(from: dataset, skipping: Self.known[file]?.skip ?? [])
        #expect(differences.isEmpty, Comment(rawValue: "\(file):\n" + differences.joined(separator: "\n")))
    }

    @Test func everyExpectationIsUsed() {
        // 2 files pyreadstat cannot read are tested in SPSSReaderTests.
        #expect(Self.systemFiles.count >= 50)
    }
}

/// Every portable file among the fixtures against pyreadstat. pyreadstat's portable reader
/// cannot keep user-missing values (it makes them `NaN` and reports no missing values) and
/// takes part of the splash header for a file label, so those checks are adapted or left out.
@Suite("SPSS portable files match pyreadstat")
struct SPSSPortableConformanceTests {
    /// Checks left out for a fixture, with the reason.
    static let known: [String: (skip: Set<String>, reason: String)] = [
        "generated/pspp_features.por": (["data"], "pyreadstat decodes the UTF-8 text PSPP writes in portable files as U+FFFD; SPSSPortableReaderTests checks that the data equal those of pspp_features.sav"),
    ]

    static let portableFiles: [String] = SPSSFixtures.all(extensions: ["por"]).filter {
        SPSSExpectation(fixture: $0).map { !$0.pyreadstatFailed } ?? false
    }

    @Test(arguments: portableFiles)
    func matchesPyreadstat(_ file: String) throws {
        let expectation = try #require(SPSSExpectation(fixture: file))
        let dataset = try SPSSPortableReader.read(path: SPSSFixtures.path(file))
        let differences = expectation.differences(
            from: dataset, skipping: Set(["missing", "fileLabel", "encoding", "measure"]).union(Self.known[file]?.skip ?? []),
            userMissingAsNaN: true)
        #expect(differences.isEmpty, Comment(rawValue: "\(file):\n" + differences.joined(separator: "\n")))
    }
}
