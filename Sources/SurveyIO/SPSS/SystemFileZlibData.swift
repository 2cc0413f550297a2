import SurveyCore

/// The data record of a ZLIB-compressed system file (`.zsav`): a 24-byte header, zlib streams
/// of bytecode-compressed cases, and a trailer describing each stream (PSPP, *System File
/// Format*, "ZLIB Compressed Data"). The streams are independent, so they are inflated on every
/// core at once, each straight into its place in the one buffer of bytecode.
enum SystemFileZlibData {
    /// A stream the trailer describes, checked against the file.
    private struct Stream {
        /// Where its compressed bytes are in the file.
        let compressed: Range<Int>
        /// The bytes it inflates to, and where they go in the output.
        let size: Int
        let outputOffset: Int
    }

    /// Inflates the zlib streams of a `.zsav` data record into one buffer of bytecode.
    ///
    /// A damaged file fails with the error a reading of the streams one after the other would
    /// meet first: a stream that cannot be inflated before a later stream's bad description.
    static func inflate(_ bytes: UnsafeRawBufferPointer, dictionary: SystemFileDictionary) throws(SPSSFormatError) -> [UInt8] {
        var cursor = ByteCursor(bytes, offset: dictionary.dataOffset, bigEndian: dictionary.bigEndian)
        let what = "the ZLIB data header"
        let headerOffset = try cursor.int64(what)
        let trailerOffset = try cursor.int64(what)
        let trailerLength = try cursor.int64(what)
        let fileSize = Int64(bytes.count)
        let dataStart = Int64(dictionary.dataOffset) + 24
        guard headerOffset == Int64(dictionary.dataOffset) else {
            throw .damaged("the ZLIB data header says it is at byte \(headerOffset) but it is at byte \(dictionary.dataOffset)")
        }
        guard trailerOffset >= dataStart, trailerOffset <= fileSize, trailerLength >= 24,
              trailerLength <= fileSize - trailerOffset, (trailerLength - 24) % 24 == 0 else {
            if trailerOffset >= dataStart, trailerOffset <= fileSize, trailerLength > fileSize - trailerOffset {
                throw .truncated("the ZLIB data trailer", at: bytes.count)
            }
            throw .damaged("the ZLIB data header places its trailer (\(trailerLength) bytes at byte \(trailerOffset)) outside the file")
        }
        try cursor.seek(to: Int(trailerOffset), "the ZLIB data trailer")
        _ = try cursor.int64("the ZLIB data trailer")  // bias, as a negative integer
        _ = try cursor.int64("the ZLIB data trailer")  // zero
        let blockSize = try cursor.int("the ZLIB data trailer")
        let blockCount = try cursor.int("the ZLIB data trailer")
        guard blockCount == Int((trailerLength - 24) / 24), blockSize > 0 else {
            throw .damaged("the ZLIB data trailer describes \(blockCount) blocks of \(blockSize) bytes but has room for \((trailerLength - 24) / 24)")
        }
        // The streams' descriptions, up to the first that cannot be right.
        var streams: [Stream] = []
        var badDescription: SPSSFormatError?
        var expectedCompressed = dataStart
        var total = 0
        for block in 0..<blockCount {
            do throws(SPSSFormatError) {
                let what = "the ZLIB data trailer"
                _ = try cursor.int64(what)  // uncompressed offset
                let compressedOffset = try cursor.int64(what)
                let uncompressedSize = try cursor.int(what)
                let compressedSize = try cursor.int(what)
                guard compressedOffset == expectedCompressed, compressedSize > 0,
                      Int64(compressedSize) <= trailerOffset - compressedOffset else {
                    throw .damaged("ZLIB block \(block + 1) lies outside the compressed data (\(compressedSize) bytes at byte \(compressedOffset))")
                }
                // DEFLATE cannot expand data by more than about 1032 to 1.
                guard uncompressedSize >= 0, uncompressedSize <= blockSize,
                      uncompressedSize / 1032 <= compressedSize else {
                    throw .damaged("ZLIB block \(block + 1) claims to inflate to \(uncompressedSize) bytes, which its \(compressedSize) compressed bytes cannot hold")
                }
                let start = Int(compressedOffset)
                streams.append(Stream(compressed: start..<(start + compressedSize), size: uncompressedSize, outputOffset: total))
                total += uncompressedSize
                expectedCompressed = compressedOffset + Int64(compressedSize)
            } catch {
                badDescription = error
                break
            }
        }
        var failure: SPSSFormatError?
        let output = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            // One stream an iteration; each result is that stream's error, if any.
            let failures = RowChunks.map(streams.indices.map { $0..<($0 + 1) }) { index in
                inflate(streams[index.lowerBound], number: index.lowerBound + 1, of: bytes, into: buffer)
            }
            failure = failures.lazy.compactMap { $0 }.first
            // Bytes are plain values: what a failure left unwritten is never read.
            count = failure == nil ? total : 0
        }
        if let failure { throw failure }
        if let badDescription { throw badDescription }
        guard expectedCompressed == trailerOffset else {
            throw .damaged("the ZLIB blocks end at byte \(expectedCompressed) but the trailer starts at byte \(trailerOffset)")
        }
        return output
    }

    /// Inflates `stream`, block `number` of the file, straight into its place in `output`; the
    /// error if it cannot be inflated or inflates to another size than its description's.
    private static func inflate(_ stream: Stream, number: Int, of bytes: UnsafeRawBufferPointer,
                                into output: UnsafeMutableBufferPointer<UInt8>) -> SPSSFormatError? {
        let slot = UnsafeMutableBufferPointer(rebasing: output[stream.outputOffset..<(stream.outputOffset + stream.size)])
        let produced: Int
        do {
            produced = try Inflater.zlib(bytes, range: stream.compressed, into: slot)
        } catch {
            return .damaged("ZLIB block \(number) cannot be decompressed: \(error.reason)")
        }
        guard produced == stream.size else {
            return .damaged("ZLIB block \(number) inflates to \(produced) bytes, not the \(stream.size) its trailer declares")
        }
        return nil
    }
}
