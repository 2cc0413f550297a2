import Foundation
import SurveyCore
@testable import SurveyIO
import Testing

/// Builds small system files by hand, little-endian, to state absurd counts exactly.
private struct SystemFileBytes {
    var bytes: [UInt8] = []

    mutating func int32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func int64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
    mutating func text(_ s: String, _ count: Int) {
        let utf8 = Array(s.utf8.prefix(count))
        bytes += utf8 + [UInt8](repeating: 0x20, count: count - utf8.count)
    }

    /// A header, then one numeric variable `X`.
    init(cases: Int32 = -1, compression: Int32 = 0) {
        text(compression == 2 ? "$FL3" : "$FL2", 4)
        text("@(#) SPSS DATA FILE hostile test", 60)
        int32(2); int32(1); int32(compression); int32(0); int32(cases)
        double(100)
        text("01 Jan 25", 9); text("00:00:00", 8); text("", 64); bytes += [0, 0, 0]
        int32(2); int32(0); int32(0); int32(0); int32(0x050802); int32(0x050802); text("X", 8)
    }

    mutating func end() { int32(999); int32(0) }
}

@Suite("SPSS hostile input")
struct SPSSHostileInputTests {
    /// Reads `bytes` as a system or portable file; fails the test unless it reads or throws a
    /// one-sentence ReadError naming the file.
    static func survives(_ bytes: [UInt8], portable: Bool, _ context: @autoclosure () -> String) {
        do {
            if portable {
                _ = try SPSSPortableReader.read(bytes: bytes, name: "hostile.por")
            } else {
                _ = try SPSSReader.read(bytes: bytes, name: "hostile.sav")
            }
        } catch {
            let name = portable ? "hostile.por" : "hostile.sav"
            #expect(error.message.hasPrefix("Cannot read '\(name)': "), Comment(rawValue: context()))
            #expect(error.message.hasSuffix("."), Comment(rawValue: context()))
            #expect(!error.message.contains("\n"), Comment(rawValue: context()))
        }
    }

    static let smallFiles = [
        "readers/pyreadstat/sample.sav", "readers/pyreadstat/sample.zsav", "readers/spsslib_net/BigEndian.sav",
        "generated/pspp_features.sav", "generated/pspp_features.zsav", "generated/pspp_features_uncompressed.sav",
        "readers/pspp/v14.sav", "readers/pyreadstat/sample.por", "generated/pspp_features.por",
    ]

    @Test(.timeLimit(.minutes(5)), arguments: smallFiles)
    func truncatedAtEveryByte(_ file: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SPSSFixtures.path(file))))
        let portable = file.hasSuffix(".por")
        for length in 0..<bytes.count {
            Self.survives(Array(bytes.prefix(length)), portable: portable, "\(file) cut to \(length) bytes")
        }
        if file.hasSuffix(".zsav") {
            // The trailer that ends a .zsav file is needed to the last byte.
            #expect(SPSSTest.readError(Array(bytes.dropLast(1)))?.kind == .malformed)
        }
    }

    @Test(.timeLimit(.minutes(5)), arguments: smallFiles)
    func randomByteFlips(_ file: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SPSSFixtures.path(file))))
        var rng = SeededGenerator(seed: 0x5EED)
        let extremes: [UInt32] = [0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x0000_FFFF, 0x00FF_FFFF]
        for trial in 0..<400 {
            var bytes = original
            if trial % 2 == 0 {
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            } else {
                // An absurd 32-bit count somewhere in the file.
                let at = Int.random(in: 0..<(bytes.count - 4), using: &rng)
                let value = extremes.randomElement(using: &rng)!
                for i in 0..<4 { bytes[at + i] = UInt8(truncatingIfNeeded: value >> UInt32(8 * i)) }
            }
            Self.survives(bytes, portable: file.hasSuffix(".por"), "\(file) trial \(trial)")
        }
    }

    @Test func absurdCountsAreRefusedWithoutAllocating() throws {
        func message(_ build: (inout SystemFileBytes) -> Void) -> String? {
            var file = SystemFileBytes()
            build(&file)
            return SPSSTest.readError(file.bytes)?.message
        }
        // 2^31 - 1 value labels, document lines, variables for a label set, label bytes.
        #expect(message { $0.int32(3); $0.int32(.max) }?.contains("claims 2147483647 labels, more than the file holds") == true)
        #expect(message { $0.int32(6); $0.int32(.max) }?.contains("claims 2147483647 lines of 80 bytes") == true)
        #expect(message {
            $0.int32(3); $0.int32(1); $0.double(1); $0.bytes += [1, 65] + [UInt8](repeating: 0x20, count: 6)
            $0.int32(4); $0.int32(.max)
        }?.contains("claims 2147483647 variables") == true)
        #expect(message { $0.int32(7); $0.int32(13); $0.int32(0x4000_0000); $0.int32(0x4000_0000) }?.contains("more than the file holds") == true)
        #expect(message { $0.int32(2); $0.int32(0); $0.int32(1); $0.int32(0); $0.int32(0x050802); $0.int32(0x050802); $0.text("Y", 8); $0.int32(.max) }?
            .contains("claims a label of 2147483647 bytes") == true)
        #expect(message { $0.int32(2); $0.int32(0); $0.int32(0); $0.int32(7); $0.int32(0); $0.int32(0); $0.text("Y", 8) }?
            .contains("claims 7 missing values") == true)
        #expect(message { $0.int32(12345) }?.contains("record type 12345") == true)
        #expect(message { $0.end() } == nil)  // a well-formed file with no cases reads

        // A header that claims 2^31 - 1 cases over one case of data.
        var file = SystemFileBytes(cases: .max)
        file.end()
        file.double(42)
        #expect(SPSSTest.readError(file.bytes)?.message == "Cannot read 'test.sav': the header declares 2147483647 cases but the data holds only 1; the file is truncated, so copy it again from its source.")

        // Unknown extension records with absurd inner counts are skipped or ignored.
        var lenient = SystemFileBytes(cases: 1)
        let junk: [UInt8] = [0xFF, 0xFF, 0xFF, 0x7F, 0x41, 0x41, 0x41, 0x41]
        for subtype: Int32 in [7, 11, 13, 14, 19, 21, 22, 99] {
            lenient.int32(7); lenient.int32(subtype); lenient.int32(1); lenient.int32(Int32(junk.count)); lenient.bytes += junk
        }
        let overflow = Array("X=9223372036854775807".utf8) + [0, 9]
        lenient.int32(7); lenient.int32(14); lenient.int32(1); lenient.int32(Int32(overflow.count)); lenient.bytes += overflow
        lenient.end()
        lenient.double(42)
        let d = try SPSSReader.read(bytes: lenient.bytes, name: "lenient.sav")
        #expect(SPSSTest.numbers(d, "X") == [42])
    }

    @Test func zlibTrailersThatLieAreRefused() throws {
        func zsav(blockCount: Int32 = 1, uncompressed: Int32, compressed: [UInt8]) -> [UInt8] {
            var file = SystemFileBytes(cases: -1, compression: 2)
            file.end()
            let header = Int64(file.bytes.count)
            let trailer = header + 24 + Int64(compressed.count)
            file.int64(header); file.int64(trailer); file.int64(48)
            file.bytes += compressed
            file.int64(-100); file.int64(0); file.int32(0x3F_F000); file.int32(blockCount)
            file.int64(header); file.int64(header + 24); file.int32(uncompressed); file.int32(Int32(compressed.count))
            return file.bytes
        }
        // zlib stream of 16 bytes: eight bytecodes 101 and the end code.
        let stream: [UInt8] = [0x78, 0x9C, 0x4B, 0x84, 0x01, 0x00, 0x0B, 0x5C, 0x03, 0x2D]
        let claimsTooMuch = SPSSTest.readError(zsav(uncompressed: 0x3F_F000, compressed: stream))
        #expect(claimsTooMuch != nil)
        let bomb = SPSSTest.readError(zsav(uncompressed: 0x7FFF_FFFF, compressed: stream))
        #expect(bomb?.message.contains("cannot hold") == true)
        let countLies = SPSSTest.readError(zsav(blockCount: .max, uncompressed: 8, compressed: stream))
        #expect(countLies?.message.contains("describes 2147483647 blocks") == true)
        let garbage = SPSSTest.readError(zsav(uncompressed: 8, compressed: [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF]))
        #expect(garbage?.message.contains("cannot be decompressed") == true)
    }

    /// The streams of a `.zsav` are inflated at once; a damaged file fails with the error
    /// met first in file order, as if they were inflated one after the other.
    @Test func zlibStreamsInflatedAtOnceFailInFileOrder() throws {
        // Stream k holds k + 1 groups of eight bytecodes 100 + k: cases of the value k.
        let blocks: [[UInt8]] = (1...5).map { k in [UInt8](repeating: UInt8(100 + k), count: 8 * (k + 1)) }
        func zsav(_ streams: [[UInt8]], declaring sizes: [Int: Int] = [:], misplacing misplaced: Int? = nil) -> [UInt8] {
            var file = SystemFileBytes(cases: -1, compression: 2)
            file.end()
            let header = Int64(file.bytes.count)
            let trailer = header + 24 + Int64(streams.reduce(0) { $0 + $1.count })
            file.int64(header); file.int64(trailer); file.int64(24 + 24 * Int64(streams.count))
            for stream in streams { file.bytes += stream }
            file.int64(-100); file.int64(0); file.int32(0x3F_F000); file.int32(Int32(streams.count))
            var compressedAt = header + 24, uncompressedAt = header
            for (i, stream) in streams.enumerated() {
                let size = sizes[i] ?? blocks[i].count
                file.int64(uncompressedAt); file.int64(compressedAt + (i == misplaced ? 1 : 0))
                file.int32(Int32(size)); file.int32(Int32(stream.count))
                compressedAt += Int64(stream.count)
                uncompressedAt += Int64(size)
            }
            return file.bytes
        }
        let streams = blocks.map { Deflater.zlib($0) }
        // No streams at all: nothing to inflate, no cases.
        #expect(try SPSSReader.read(bytes: zsav([]), name: "none.zsav").rowCount == 0)
        let whole = try SPSSReader.read(bytes: zsav(streams), name: "streams.zsav")
        #expect(SPSSTest.numbers(whole, "X") == blocks.flatMap { $0.map { Double($0) - 100 } })
        var garbled = streams
        garbled[1] = [0x78, 0x9C] + [UInt8](repeating: 0xFF, count: streams[1].count - 2)
        let both = SPSSTest.readError(zsav(garbled, misplacing: 3))
        #expect(both?.message.contains("ZLIB block 2 cannot be decompressed") == true, "\(both?.message ?? "read")")
        let described = SPSSTest.readError(zsav(streams, misplacing: 3))
        #expect(described?.message.contains("ZLIB block 4 lies outside") == true, "\(described?.message ?? "read")")
        var lateGarbage = streams
        lateGarbage[4] = garbled[1]
        let short = SPSSTest.readError(zsav(lateGarbage, declaring: [2: blocks[2].count + 8]))
        #expect(short?.message.contains("ZLIB block 3 inflates to 32 bytes, not the 40") == true, "\(short?.message ?? "read")")
    }

    @Test func portableFilesWithAbsurdLengths() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SPSSFixtures.path("readers/pyreadstat/sample.por"))))
        // Replace the product string's length (base 30 "O", 24) with a huge number.
        let pattern = Array("1O/IBM SPSS".utf8)
        let at = try #require((0...(bytes.count - pattern.count)).first { Array(bytes[$0..<($0 + pattern.count)]) == pattern })
        let absurd = Array(bytes[..<at]) + Array("1TTTTTTT/IBM SPSS".utf8) + Array(bytes[(at + pattern.count)...])
        let error = #expect(throws: ReadError.self) {
            try SPSSPortableReader.read(bytes: absurd, name: "absurd.por")
        }
        #expect(error?.message.hasPrefix("Cannot read 'absurd.por': the product or author is given as ") == true, Comment(rawValue: error?.message ?? ""))
        #expect(error?.message.contains("more than any portable file holds") == true)
    }
}
