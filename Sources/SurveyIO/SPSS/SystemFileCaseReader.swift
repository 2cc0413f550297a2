/// Reads the cases of a system file's data record, one case at a time, as raw 8-byte units
/// in the file's byte order (PSPP, *System File Format*, "Data Record").
///
/// - Uncompressed data: each case is `slotCount` 8-byte units.
/// - Bytecode compression: groups of eight command bytes, each followed by the 8-byte values its
///   code-253 commands refer to. Code 0 is padding, 1 to 251 the number `code - bias`, 252 the
///   end of the data, 253 a literal 8-byte value, 254 eight spaces, 255 system-missing.
/// - ZLIB compression (`.zsav`): a 24-byte header, zlib streams of bytecode-compressed data,
///   and a trailer describing each stream; the streams are inflated and then read as bytecode.
struct SystemFileCaseReader {
    private let data: [UInt8]
    private var position: Int
    private let end: Int
    private let compressed: Bool
    private let slotCount: Int
    private let bigEndian: Bool
    private let bias: Double
    private var commands: [UInt8] = []
    private var commandIndex = 8
    private var finished = false
    /// Cases read so far.
    private(set) var casesRead = 0

    /// The system-missing value, `-DBL_MAX`.
    static let sysmisBits: UInt64 = 0xFFEF_FFFF_FFFF_FFFF

    init(bytes: [UInt8], dictionary: SystemFileDictionary) throws(SPSSFormatError) {
        slotCount = dictionary.slotCount
        bigEndian = dictionary.bigEndian
        bias = dictionary.bias
        switch dictionary.compression {
        case 0:
            data = bytes
            position = dictionary.dataOffset
            end = bytes.count
            compressed = false
        case 1:
            data = bytes
            position = dictionary.dataOffset
            end = bytes.count
            compressed = true
        default:
            data = try Self.inflate(bytes, dictionary: dictionary)
            position = 0
            end = data.count
            compressed = true
        }
    }

    /// Reads the next case into `unit` (resized to `slotCount * 8` bytes).
    /// - Returns: `false` at the end of the data.
    /// - Throws: when the data ends in the middle of a case.
    mutating func next(into unit: inout [UInt8]) throws(SPSSFormatError) -> Bool {
        guard slotCount > 0, !finished else { return false }
        let size = slotCount * 8
        if unit.count != size { unit = [UInt8](repeating: 0, count: size) }
        if !compressed {
            if position >= end { finished = true; return false }
            guard end - position >= size else {
                throw .truncated("case \(casesRead + 1) of the data", at: data.count)
            }
            for i in 0..<size { unit[i] = data[position + i] }
            position += size
            casesRead += 1
            return true
        }
        for slot in 0..<slotCount {
            guard try nextCompressedUnit(into: &unit, at: slot * 8) else {
                finished = true
                if slot == 0 { return false }
                throw .truncated("case \(casesRead + 1) of the compressed data", at: position)
            }
        }
        casesRead += 1
        return true
    }

    private mutating func nextCompressedUnit(into unit: inout [UInt8], at offset: Int) throws(SPSSFormatError) -> Bool {
        while true {
            if commandIndex == 8 {
                // A partial group of command bytes at the very end is padding.
                guard end - position >= 8 else { return false }
                commands = Array(data[position..<(position + 8)])
                position += 8
                commandIndex = 0
            }
            let code = commands[commandIndex]
            commandIndex += 1
            switch code {
            case 0:
                continue
            case 252:
                return false
            case 253:
                guard end - position >= 8 else {
                    throw .truncated("case \(casesRead + 1) of the compressed data", at: position)
                }
                for i in 0..<8 { unit[offset + i] = data[position + i] }
                position += 8
            case 254:
                for i in 0..<8 { unit[offset + i] = 0x20 }
            case 255:
                store(Self.sysmisBits, into: &unit, at: offset)
            default:
                store((Double(code) - bias).bitPattern, into: &unit, at: offset)
            }
            return true
        }
    }

    private func store(_ bits: UInt64, into unit: inout [UInt8], at offset: Int) {
        for i in 0..<8 {
            let shift = UInt64(bigEndian ? 56 - 8 * i : 8 * i)
            unit[offset + i] = UInt8(truncatingIfNeeded: bits >> shift)
        }
    }

    // MARK: - ZLIB

    /// Inflates the zlib streams of a `.zsav` data record into one buffer of bytecode.
    private static func inflate(_ bytes: [UInt8], dictionary: SystemFileDictionary) throws(SPSSFormatError) -> [UInt8] {
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
        var output: [UInt8] = []
        var expectedCompressed = dataStart
        for block in 0..<blockCount {
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
            let inflated: [UInt8]
            do {
                inflated = try Inflater.zlib(bytes, range: start..<(start + compressedSize), limit: uncompressedSize)
            } catch {
                throw .damaged("ZLIB block \(block + 1) cannot be decompressed: \(error.reason)")
            }
            guard inflated.count == uncompressedSize else {
                throw .damaged("ZLIB block \(block + 1) inflates to \(inflated.count) bytes, not the \(uncompressedSize) its trailer declares")
            }
            output.append(contentsOf: inflated)
            expectedCompressed = compressedOffset + Int64(compressedSize)
        }
        guard expectedCompressed == trailerOffset else {
            throw .damaged("the ZLIB blocks end at byte \(expectedCompressed) but the trailer starts at byte \(trailerOffset)")
        }
        return output
    }
}
