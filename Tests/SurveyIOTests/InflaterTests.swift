@testable import SurveyIO
import Testing

/// The zlib decompressor behind `.zsav` files, writing straight into the caller's buffer.
@Suite("Inflater")
struct InflaterTests {
    /// Inflates `stream` into a buffer of `capacity` bytes: what it produced, or the failure.
    private static func inflate(_ stream: [UInt8], capacity: Int) -> Result<[UInt8], Inflater.Failure> {
        stream.withUnsafeBytes { input in
            let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
            defer { output.deallocate() }
            output.initialize(repeating: 0xAA)
            return Result { () throws(Inflater.Failure) in
                let produced = try Inflater.zlib(input, range: 0..<input.count, into: output)
                return Array(output[0..<produced])
            }
        }
    }

    @Test("Streams with back-references that overlap what they copy, long runs and literals inflate to what was compressed")
    func roundTrips() throws {
        var rng = SeededGenerator(seed: 3)
        let inputs: [[UInt8]] = [
            [],
            Array(repeating: 0x20, count: 1_000),
            Array(String(repeating: "ab", count: 5_000).utf8),
            (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &rng) },
            Array(String(repeating: "Қазақстан, Россия, Китай; ", count: 300).utf8) + (0..<3_000).map { UInt8($0 % 7) },
        ]
        for data in inputs {
            let stream = Deflater.zlib(data)
            #expect(try Self.inflate(stream, capacity: data.count).get() == data, "\(data.count) bytes")
            #expect(try Self.inflate(stream, capacity: data.count + 100).get() == data, "\(data.count) bytes, room to spare")
        }
    }

    @Test("A stored block is copied; a buffer a byte too small, or a wrong checksum, is a failure")
    func storedBlocksAndFailures() throws {
        let data = Array("stored, not compressed".utf8)
        let length = UInt16(data.count)
        let adler = Inflater.adler32(data)
        var stream: [UInt8] = [0x78, 0x01, 0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        stream += data
        stream += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adler >> $0) }
        #expect(try Self.inflate(stream, capacity: data.count).get() == data)
        let tooSmall = Self.inflate(stream, capacity: data.count - 1)
        #expect(throws: Inflater.Failure.self) { try tooSmall.get() }
        var wrongSum = stream
        wrongSum[wrongSum.count - 1] ^= 1
        let mismatch = Self.inflate(wrongSum, capacity: data.count)
        #expect((try? mismatch.get()) == nil)
        if case .failure(let failure) = mismatch { #expect(failure.reason.contains("checksum")) }
        let compressed = Deflater.zlib(Array(String(repeating: "xyz", count: 400).utf8))
        if case .failure(let failure) = Self.inflate(compressed, capacity: 1_199) {
            #expect(failure.reason.contains("more than the 1199 bytes"))
        } else {
            Issue.record("a stream of 1,200 bytes inflated into 1,199")
        }
    }
}
