import Foundation
import Testing
import SurveyCore
import SurveyIO

/// Damaged and malicious files end in one ``ReadError`` sentence, never in a trap, a hang or a
/// huge allocation.
@Suite struct StataHostileInputTests {
    /// Small fixtures covering the old fixed layout, old value labels, tagged formats, both
    /// byte orders, strL and label languages.
    static let fixtures = [
        "stata_pandas/stata4_105.dta", "stata_pandas/stata7_111.dta", "stata_pandas/stata8_113.dta",
        "stata_pandas/stata-compat-be-114.dta", "generated/pyreadstat_117.dta", "readstata13/statacar.dta",
        "stata_pandas/stata14_be_119.dta", "haven/tagged-na-int.dta",
    ]

    private static func outcome(_ bytes: Data, name: String = "bad.dta") -> ReadError? {
        do {
            _ = try StataReader.read(data: bytes, name: name)
            return nil
        } catch {
            return error
        }
    }

    private static func isOneClearSentence(_ error: ReadError, name: String = "bad.dta") -> Bool {
        error.message.hasPrefix("Cannot read '\(name)': ") && error.message.hasSuffix(".") && !error.message.contains("\n")
    }

    @Test(arguments: fixtures)
    func truncationAtEveryByte(_ fixture: String) throws {
        let bytes = try StataFixtures.bytes(fixture)
        let tagged = bytes.first == UInt8(ascii: "<")
        for length in 0 ..< bytes.count {
            let error = Self.outcome(bytes.prefix(length))
            if let error {
                #expect(Self.isOneClearSentence(error), "\(fixture) cut at \(length): \(error.message)")
                #expect(error.kind == .malformed || error.kind == .unsupportedFormat, "\(fixture) cut at \(length)")
            } else {
                // Tagged files end with </stata_dta>: no strict prefix is a whole file. Old files
                // end after the last value-label set, so a cut between sets reads as fewer sets.
                #expect(!tagged, "\(fixture) cut at \(length) of \(bytes.count) was read")
            }
        }
    }

    @Test(arguments: fixtures)
    func randomByteFlips(_ fixture: String) throws {
        let original = [UInt8](try StataFixtures.bytes(fixture))
        var rng = SeededGenerator(seed: UInt64(original.count) &* 2_654_435_761)
        var failures = 0
        for _ in 0 ..< 1500 {
            var bytes = original
            for _ in 0 ..< Int.random(in: 1 ... 8, using: &rng) {
                let i = Int.random(in: 0 ..< bytes.count, using: &rng)
                bytes[i] = Bool.random(using: &rng) ? UInt8.random(in: 0 ... 255, using: &rng) : bytes[i] ^ (1 << UInt8.random(in: 0 ... 7, using: &rng))
            }
            if let error = Self.outcome(Data(bytes)) {
                failures += 1
                #expect(Self.isOneClearSentence(error), "\(fixture): \(error.message)")
            }
        }
        #expect(failures > 0)
    }

    // MARK: Absurd counts

    private static func taggedHeader(release: Int, variables: UInt64, observations: UInt64) -> [UInt8] {
        var b = Array("<stata_dta><header><release>\(release)</release><byteorder>LSF</byteorder><K>".utf8)
        func le(_ v: UInt64, _ width: Int) { for i in 0 ..< width { b.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
        le(variables, release == 119 ? 4 : 2)
        b += Array("</K><N>".utf8)
        le(observations, release == 117 ? 4 : 8)
        b += Array("</N><label>".utf8)
        le(0, release == 117 ? 1 : 2)
        b += Array("</label><timestamp>".utf8) + [0] + Array("</timestamp></header><map>".utf8)
        b += [UInt8](repeating: 0, count: 112) + Array("</map>".utf8)
        return b
    }

    @Test func headersClaimingHugeCountsFailAtOnce() {
        let cases: [(String, [UInt8])] = [
            ("118 with 65,535 variables", Self.taggedHeader(release: 118, variables: 65_535, observations: 1)),
            ("119 with 2^32 - 1 variables", Self.taggedHeader(release: 119, variables: 0xFFFF_FFFF, observations: 1)),
            ("118 with 2^63 observations", Self.taggedHeader(release: 118, variables: 0, observations: 1 << 63)),
            ("117 with 2^31 variables", Self.taggedHeader(release: 117, variables: 0xFFFF, observations: 0x8000_0000)),
            ("114 with 65,535 variables and 2^31 observations", [114, 2, 1, 0, 0xFF, 0xFF, 0, 0, 0, 0x80] + [UInt8](repeating: 0, count: 200)),
        ]
        for (what, bytes) in cases {
            let error = Self.outcome(Data(bytes))
            #expect(error?.kind == .malformed, "\(what)")
            #expect(error.map { Self.isOneClearSentence($0) } == true, "\(what): \(error?.message ?? "read")")
        }
        let error = Self.outcome(Data(Self.taggedHeader(release: 119, variables: 0xFFFF_FFFF, observations: 1)))
        #expect(error?.message.contains("claims 4294967295 entries") == true, "\(error?.message ?? "")")
    }

    /// A valid file whose header claims 2^40 observations.
    @Test func aValidFileClaimingTooManyObservations() throws {
        var bytes = [UInt8](try StataWriter.data(for: try Dataset(columns: [.numeric("x", [1, 2, 3])])))
        let n = try #require(StataWriterTests.find("<N>", in: bytes)) + 3
        for i in 0 ..< 8 { bytes[n + i] = UInt8(truncatingIfNeeded: (UInt64(1) << 40) >> (8 * UInt64(i))) }
        let error = try #require(Self.outcome(Data(bytes)))
        #expect(error.message.hasPrefix("Cannot read 'bad.dta': the header claims 1099511627776 observations of 1 bytes each, more than the "))
    }

    /// Value-label sets, long strings and characteristics that claim more than the file holds.
    @Test func innerCountsBeyondTheFile() throws {
        var meta = VariableMetadata()
        meta.valueLabels = [ValueLabel(code: 1, label: LocalizedText("one"))]
        var codebook = Codebook(variables: ["x": meta])
        codebook.documents = ["a note"]
        let d = try Dataset(columns: [.numeric("x", [1]), Column(name: "t", values: .text([String(repeating: "y", count: 3000)]))], codebook: codebook)
        let good = [UInt8](try StataWriter.data(for: d))
        #expect(Self.outcome(Data(good)) == nil)

        func patched(after tag: String, skip: Int, with value: UInt32) throws -> Data {
            var bytes = good
            let at = try #require(StataWriterTests.find(tag, in: bytes)) + tag.utf8.count + skip
            for i in 0 ..< 4 { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
            return Data(bytes)
        }
        // The value-label table's count of labels (after <lbl>, its length, name and padding).
        let labels = try #require(Self.outcome(try patched(after: "<lbl>", skip: 4 + 129 + 3, with: 0x7FFF_FFFF)))
        #expect(labels.message.contains("value-label set 'x' claims 2147483647 labels"))
        // The length of a value-label set, of a long string, of a characteristic.
        for (tag, skip) in [("<lbl>", 0), ("GSO", 12 + 1), ("<ch>", 0)] {
            let error = try #require(Self.outcome(try patched(after: tag, skip: skip, with: 0xFFFF_FFF0)), "\(tag)")
            #expect(error.kind == .malformed && Self.isOneClearSentence(error), "\(tag): \(error.message)")
        }
        // A strL reference to a long string the file does not hold.
        var bytes = good
        let data = try #require(StataWriterTests.find("<data>", in: bytes)) + 6 + 1
        bytes[data + 2] = 9
        let error = try #require(Self.outcome(Data(bytes)))
        #expect(error.message.contains("observation 1 of variable 't' refers to long string"))
    }
}
