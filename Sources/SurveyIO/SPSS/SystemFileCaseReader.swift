/// Reads the cases of a system file's data record, a block of cases at a time, as raw 8-byte
/// units in the file's byte order (PSPP, *System File Format*, "Data Record").
///
/// - Uncompressed data: each case is `slotCount` 8-byte units.
/// - Bytecode compression: groups of eight command bytes, each followed by the 8-byte values its
///   code-253 commands refer to. Code 0 is padding, 1 to 251 the number `code - bias`, 252 the
///   end of the data, 253 a literal 8-byte value, 254 eight spaces, 255 system-missing.
/// - ZLIB compression (`.zsav`): a 24-byte header, zlib streams of bytecode-compressed data,
///   and a trailer describing each stream; the streams are inflated and then read as bytecode.
struct SystemFileCaseReader {
    /// The file (or, for `.zsav`, the inflated bytecode), valid while the reader is used: see
    /// ``withCases(in:dictionary:_:)``.
    private let data: UnsafeRawBufferPointer
    private var position: Int
    private let end: Int
    private let compressed: Bool
    /// 8-byte units in a case.
    let slotCount: Int
    /// The 8 bytes that command codes 1 to 251 (a number), 254 (spaces) and 255
    /// (system-missing) stand for, as they lie in the file; 0, 252 and 253 are not values.
    private let codeUnits: [UInt64]
    /// The current group of command bytes, the first in the lowest byte.
    private var commands: UInt64 = 0
    private var commandIndex = 8
    private var finished = false
    /// Cases read so far.
    private(set) var casesRead = 0
    /// How far into the case data the reader is, and where the data ends (bytes), for progress.
    var bytePosition: Int { position }
    var byteEnd: Int { end }

    /// The system-missing value, `-DBL_MAX`.
    static let sysmisBits: UInt64 = 0xFFEF_FFFF_FFFF_FFFF

    /// Calls `body` with a reader of the cases of `file`, whose dictionary is `dictionary`.
    /// The reader reads straight from `file` (uncompressed or bytecode data), or from the
    /// inflated streams of a `.zsav`, which live until `body` returns; neither it nor a copy
    /// may outlive the call. A copy reads on from where the reader was when it was made.
    static func withCases<Result>(
        in file: UnsafeRawBufferPointer, dictionary: SystemFileDictionary,
        _ body: (SystemFileCaseReader) throws(SPSSFormatError) -> Result
    ) throws(SPSSFormatError) -> Result {
        guard dictionary.compression == 2 else {
            return try body(SystemFileCaseReader(data: file, start: dictionary.dataOffset,
                                                 compressed: dictionary.compression == 1, dictionary: dictionary))
        }
        let inflated = try SystemFileZlibData.inflate(file, dictionary: dictionary)
        return try inflated.withUnsafeBufferPointer { buffer throws(SPSSFormatError) in
            try body(SystemFileCaseReader(data: UnsafeRawBufferPointer(buffer), start: 0, compressed: true, dictionary: dictionary))
        }
    }

    private init(data: UnsafeRawBufferPointer, start: Int, compressed: Bool, dictionary: SystemFileDictionary) {
        slotCount = dictionary.slotCount
        let bigEndian = dictionary.bigEndian
        let inFileOrder = { (bits: UInt64) in bigEndian ? bits.bigEndian : bits.littleEndian }
        var units = [UInt64](repeating: 0, count: 256)
        for code in 1...251 { units[code] = inFileOrder((Double(code) - dictionary.bias).bitPattern) }
        units[254] = 0x2020_2020_2020_2020
        units[255] = inFileOrder(Self.sysmisBits)
        codeUnits = units
        self.data = data
        self.compressed = compressed
        position = min(start, data.count)
        end = data.count
    }

    /// The most cases the rest of the data can hold: a case takes `slotCount` 8-byte units
    /// uncompressed, and at least one command byte per unit compressed.
    var caseBound: Int {
        guard slotCount > 0 else { return 0 }
        return max(end - position, 0) / (compressed ? slotCount : slotCount * 8)
    }

    /// Reads up to `limit` cases, one after the other, each `slotCount * 8` bytes in the file's
    /// byte order: decompressed into `block`, or, when the data is not compressed, where they
    /// lie in the file (no copy).
    /// - Returns: how many cases were read, fewer than `limit` only at the end of the data, and
    ///   where the first of them starts (valid until the next read).
    /// - Throws: when the data ends in the middle of a case.
    mutating func read(upTo limit: Int, into block: UnsafeMutableRawBufferPointer) throws(SPSSFormatError) -> (count: Int, cases: UnsafeRawPointer) {
        precondition(block.count >= max(limit, 0) * slotCount * 8 && block.count > 0, "the block holds fewer than \(limit) cases")
        let first = UnsafeRawPointer(block.baseAddress!)
        if !compressed {
            let start = position
            let count = try passUncompressed(upTo: limit)
            return (count, count > 0 ? data.baseAddress! + start : first)
        }
        return (try passCompressed(upTo: limit, into: block.baseAddress!), first)
    }

    /// Passes over up to `limit` cases without decoding them, as ``read(upTo:into:)`` would
    /// read them (the same count, the same errors): a copy of the reader made before the call
    /// reads those cases later, so that parts of the data can be decoded at once, each from
    /// where it starts.
    mutating func skip(upTo limit: Int) throws(SPSSFormatError) -> Int {
        compressed ? try passCompressed(upTo: limit, into: nil) : try passUncompressed(upTo: limit)
    }

    /// Moves over up to `limit` uncompressed cases; how many there were.
    private mutating func passUncompressed(upTo limit: Int) throws(SPSSFormatError) -> Int {
        guard slotCount > 0, !finished, limit > 0 else { return 0 }
        let size = slotCount * 8
        let count = min(limit, max(end - position, 0) / size)
        position += count * size
        casesRead += count
        if count < limit {
            finished = true
            if position < end { throw .truncated("case \(casesRead + 1) of the data", at: data.count) }
        }
        return count
    }

    /// Decompresses up to `limit` cases into `block`, or only moves over them when it is `nil`.
    @inline(__always)
    private mutating func passCompressed(upTo limit: Int, into block: UnsafeMutableRawPointer?) throws(SPSSFormatError) -> Int {
        guard slotCount > 0, !finished, limit > 0 else { return 0 }
        let (count, cutShort) = runCompressed(upTo: limit, into: block)
        if cutShort { throw .truncated("case \(casesRead + 1) of the compressed data", at: position) }
        return count
    }

    /// Bytecode: groups of eight command bytes, each followed by the literal units its code-253
    /// commands take. A group of eight units inside one case (no padding or end code, tested
    /// with ``SWARBytes``) is taken whole: without a `block`, the count of its literals says
    /// where the next group begins; with one, its units are decoded without a branch per code.
    /// - Returns: the cases read, and whether the data ended in the middle of the next one.
    @inline(__always)
    private mutating func runCompressed(upTo limit: Int, into block: UnsafeMutableRawPointer?) -> (count: Int, cutShort: Bool) {
        // No bytes (a `.zsav` without blocks): no cases, as when the data ends before a command.
        guard let base = data.baseAddress else {
            finished = true
            return (0, false)
        }
        let end = self.end, slotCount = self.slotCount, codeUnits = self.codeUnits
        var position = self.position, commands = self.commands, commandIndex = self.commandIndex
        var count = 0
        defer {
            self.position = position
            self.commands = commands
            self.commandIndex = commandIndex
            casesRead += count
        }
        // `slot` units of the case at `count` have been read when the data ends.
        let slot = codeUnits.withUnsafeBufferPointer { units -> Int in
            while count < limit {
                var unit = block.map { $0 + count * slotCount * 8 }
                var slot = 0
                units: while slot < slotCount {
                    if commandIndex == 8 {
                        // A partial group of command bytes at the very end is padding.
                        guard end - position >= 8 else { break units }
                        commands = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                        position += 8
                        commandIndex = 0
                        if slotCount - slot >= 8, !SWARBytes.contains(0, in: commands),
                           !SWARBytes.contains(252, in: commands) {
                            if let out = unit {
                                // Eight units of this case, without a branch on each code: a
                                // literal is loaded for every code and kept for 253 only, so
                                // the 64 bytes that eight literals could take must be there.
                                if end - position >= 64 {
                                    for i in 0..<8 {
                                        let code = Int(truncatingIfNeeded: commands >> UInt64(i &* 8)) & 0xFF
                                        let literal = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                                        let isLiteral = code == 253
                                        (out + i &* 8).storeBytes(of: isLiteral ? literal : units[code], as: UInt64.self)
                                        position &+= isLiteral ? 8 : 0
                                    }
                                    commandIndex = 8
                                    slot += 8
                                    unit = out + 64
                                    continue units
                                }
                            } else {
                                let literals = SWARBytes.count(of: 253, in: commands) * 8
                                if end - position >= literals {
                                    position += literals
                                    commandIndex = 8
                                    slot += 8
                                    continue units
                                }
                            }
                        }
                    }
                    let code = Int(truncatingIfNeeded: commands >> UInt64(commandIndex &* 8)) & 0xFF
                    commandIndex += 1
                    switch code {
                    case 0:
                        continue units
                    case 252:
                        break units
                    case 253:
                        // A literal unit cut short: the data ends inside this unit.
                        guard end - position >= 8 else { return -slot - 1 }
                        unit?.copyMemory(from: base + position, byteCount: 8)
                        position += 8
                    default:
                        unit?.storeBytes(of: units[code], as: UInt64.self)
                    }
                    unit = unit.map { $0 + 8 }
                    slot += 1
                }
                if slot < slotCount { return slot }
                count += 1
            }
            return slotCount
        }
        if slot < slotCount { finished = true }
        return (count, slot != 0 && slot < slotCount)
    }
}
