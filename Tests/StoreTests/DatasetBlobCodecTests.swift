import Crypto
import Foundation
@testable import Store
import SurveyCore
import Testing

@Suite("dataset blobs")
struct DatasetBlobCodecTests {
    func roundTrip(_ dataset: Dataset) throws -> Dataset {
        let blob = try DatasetBlobCodec.encode(dataset)
        #expect(try DatasetBlobCodec.encode(dataset) == blob, "the same dataset gives the same bytes")
        return try DatasetBlobCodec.decode(blob)
    }

    @Test("every column kind comes back: NaN payloads, -1 codes, nil versus empty text, Cyrillic and Kazakh, column order")
    func everyKind() throws {
        let payloadNaN = Double(bitPattern: 0x7FF8_0000_0000_BEEF)
        let dataset = try Dataset(columns: [
            .numeric("z_last_alphabetically", [1.5, .nan, -0.0, .infinity, payloadNaN, -.greatestFiniteMagnitude]),
            .categorical("язык", codes: [0, 1, -1, 2, 2, 0], levels: ["қазақ тілі", "русский", ""]),
            Column(name: "why", values: .text(["", nil, "Ресей — көрші ел", "😀 emoji", "a\u{0}b", "Жоқ"])),
            .numeric("a_first", [0, 1, 2, 3, 4, 5]),
        ])
        let back = try roundTrip(dataset)
        #expect(back.variableNames == ["z_last_alphabetically", "язык", "why", "a_first"])
        #expect(StoreFixture.same(dataset, back))
        guard case .numeric(let v) = back.columns[0].values else { Issue.record("not numeric"); return }
        #expect(v[4].bitPattern == payloadNaN.bitPattern)
        #expect(v[2].sign == .minus)
        guard case .text(let t) = back.columns[2].values else { Issue.record("not text"); return }
        #expect(t[0] == "" && t[1] == nil)
    }

    @Test("an empty dataset with columns, a dataset without columns, and one row")
    func edgeSizes() throws {
        let empty = try Dataset(columns: [.numeric("x", []), .categorical("c", codes: [], levels: ["a"]), Column(name: "t", values: .text([]))])
        let back = try roundTrip(empty)
        #expect(back.rowCount == 0 && back.variableNames == ["x", "c", "t"])
        #expect(back.columns == empty.columns)
        #expect(try roundTrip(Dataset(columns: [])).columns.isEmpty)
        let one = try Dataset(columns: [.numeric("x", [.nan]), .categorical("c", codes: [-1], levels: []), Column(name: "t", values: .text([nil]))])
        #expect(StoreFixture.same(try roundTrip(one), one))
    }

    @Test("the codebook passed in is attached; the fixture's waves round-trip")
    func fixture() throws {
        let dataset = try StoreFixture.dataset(rows: 50, seed: 3)
        let back = try DatasetBlobCodec.decode(DatasetBlobCodec.encode(dataset), codebook: dataset.codebook)
        #expect(StoreFixture.same(dataset, back))
    }

    @Test("the header is the magic, version 1 and the counts, and the blob ends with the SHA-256 of the rest")
    func layout() throws {
        let blob = try DatasetBlobCodec.encode(Dataset(columns: [.numeric("x", [1, 2])]))
        #expect(Array(blob.prefix(4)) == Array("BRMD".utf8))
        #expect(Array(blob[4..<8]) == [1, 0, 0, 0])
        #expect(Array(blob[8..<16]) == [2, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(blob[16..<20]) == [1, 0, 0, 0])
        #expect(blob.count == 20 + 1 + 4 + 1 + 16 + 32)
        #expect(Array(blob.suffix(32)) == Array(Crypto.SHA256.hash(data: blob.dropLast(32))))
        #expect(DatasetBlobCodec.storedDigest(of: blob)?.count == 64)
    }

    @Test("codes past the levels are refused when encoding, naming the column and row")
    func badCodes() throws {
        let dataset = try Dataset(columns: [.categorical("c", codes: [0, 3], levels: ["a", "b"])])
        let error = #expect(throws: StoreError.self) { try DatasetBlobCodec.encode(dataset) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("Column 'c' has code 3 in row 2") == true)
    }

    static func smallBlob() throws -> Data {
        try DatasetBlobCodec.encode(Dataset(columns: [
            .numeric("x", [1, .nan, 3]),
            .categorical("c", codes: [0, -1, 1], levels: ["да", "иә"]),
            Column(name: "t", values: .text(["a", nil, "Көршілер"])),
        ]))
    }

    /// Decoding `blob` fails with a `corrupt` error whose message names the dataset and the fix.
    func expectCorrupt(_ blob: Data, _ note: String) {
        do {
            _ = try DatasetBlobCodec.decode(blob, name: "the test blob")
            Issue.record("decoded a damaged blob (\(note))")
        } catch {
            #expect(error.kind == .corrupt, "\(note)")
            #expect(error.message.hasPrefix("Cannot decode the test blob: "), "\(note): \(error.message)")
            #expect(error.message.hasSuffix("."), "\(note): \(error.message)")
        }
    }

    @Test("a blob cut at any length gives a clean error")
    func truncated() throws {
        let blob = try Self.smallBlob()
        for length in 0..<blob.count { expectCorrupt(blob.prefix(length), "cut at \(length)") }
    }

    @Test("a blob with any one bit flipped gives a clean error")
    func bitFlips() throws {
        let blob = try Self.smallBlob()
        for i in 0..<blob.count {
            for bit in [0, 3, 7] {
                var damaged = blob
                damaged[i] ^= UInt8(1 << bit)
                expectCorrupt(damaged, "bit \(bit) of byte \(i)")
            }
        }
    }

    /// `body` closed with a valid digest, as a hostile or buggy writer could make it.
    static func sealed(_ body: Data) -> Data { body + Data(Crypto.SHA256.hash(data: body)) }

    @Test("a body cut at any length but sealed with a valid digest still gives a clean error")
    func truncatedButSealed() throws {
        let body = try Self.smallBlob().dropLast(32)
        for length in 0..<body.count { expectCorrupt(Self.sealed(Data(body.prefix(length))), "body cut at \(length)") }
    }

    @Test("counts far beyond the blob's length are refused before anything is allocated", arguments: [
        (8, UInt64.max), (8, UInt64(Int.max)), (8, 1 << 40), (16, UInt64(UInt32.max)),
    ])
    func hugeCounts(offset: Int, value: UInt64) throws {
        var body = Data(try Self.smallBlob().dropLast(32))
        let width = offset == 8 ? 8 : 4
        for k in 0..<width { body[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
        expectCorrupt(Self.sealed(body), "count \(value) at \(offset)")
    }

    @Test("a huge level count or text length in a sealed blob is refused")
    func hugeInnerCounts() throws {
        // One categorical column: kind, name "c", then the level count.
        var body = Data("BRMD".utf8) + Data([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
        body += Data([1, 1, 0, 0, 0]) + Data("c".utf8) + Data([0xFF, 0xFF, 0xFF, 0x7F])
        expectCorrupt(Self.sealed(body), "level count")
        // One text column of one row whose length is 2^32 − 2.
        var text = Data("BRMD".utf8) + Data([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
        text += Data([2, 1, 0, 0, 0]) + Data("t".utf8) + Data([0xFE, 0xFF, 0xFF, 0xFF])
        expectCorrupt(Self.sealed(text), "text length")
    }

    @Test("a newer format version asks for an upgrade")
    func newerVersion() throws {
        var body = Data(try Self.smallBlob().dropLast(32))
        body[4] = 2
        let blob = Self.sealed(body)
        let error = #expect(throws: StoreError.self) { try DatasetBlobCodec.decode(blob) }
        #expect(error?.kind == .unsupportedVersion)
        #expect(error?.message.contains("upgrade Barometer") == true)
    }

    @Test("invalid UTF-8 and duplicate column names in a sealed blob are refused")
    func invalidContent() throws {
        var body = Data(try DatasetBlobCodec.encode(Dataset(columns: [Column(name: "t", values: .text(["ab"]))])).dropLast(32))
        body[body.count - 1] = 0xFF
        expectCorrupt(Self.sealed(body), "invalid UTF-8")
        // "é" (C3 A9) cut between two answers: the column's bytes are valid UTF-8, its answers are not.
        var split = Data(try DatasetBlobCodec.encode(Dataset(columns: [Column(name: "t", values: .text(["é", ""]))])).dropLast(32))
        split.replaceSubrange(split.count - 10..<split.count - 6, with: [1, 0, 0, 0])
        split.replaceSubrange(split.count - 6..<split.count - 2, with: [1, 0, 0, 0])
        expectCorrupt(Self.sealed(split), "a character split between answers")
        let one = Data(try DatasetBlobCodec.encode(Dataset(columns: [.numeric("x", [1])])).dropLast(32))
        var two = one
        two[16] = 2
        two += one[20...]
        expectCorrupt(Self.sealed(two), "duplicate names")
    }
}
