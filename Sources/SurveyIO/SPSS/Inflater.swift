/// A decompressor for zlib streams (RFC 1950) holding DEFLATE data (RFC 1951), as found in the
/// data blocks of ZLIB-compressed SPSS system files (`.zsav`).
///
/// Written for hostile input: every read is bounds-checked, the output is capped by the caller,
/// Huffman code sets are validated before use, and each loop consumes input or output, so a
/// damaged stream ends in a ``Failure`` rather than a trap or a hang.
struct Inflater {
    /// Why a stream could not be decompressed.
    struct Failure: Error, Sendable {
        let reason: String
    }

    /// Decompresses the zlib stream in `input[range]` into `output`, checking its Adler-32
    /// checksum. `input` (a file's mapping, say) need only be valid during the call.
    /// - Parameter output: where the bytes go; its size is the most the stream may produce (a
    ///   guard against "zip bombs"). Bytes past those produced are left as they were.
    /// - Returns: how many bytes the stream produced.
    static func zlib(_ input: UnsafeRawBufferPointer, range: Range<Int>, into output: UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> Int {
        guard range.lowerBound >= 0, range.upperBound <= input.count, range.count >= 6 else {
            throw Failure(reason: "the compressed block is too short to be a zlib stream")
        }
        let cmf = Int(input[range.lowerBound]), flg = Int(input[range.lowerBound + 1])
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (cmf << 8 | flg) % 31 == 0 else {
            throw Failure(reason: "the compressed block does not start with a zlib header")
        }
        guard flg & 0x20 == 0 else {
            throw Failure(reason: "the compressed block needs a preset dictionary, which SPSS never uses")
        }
        var inflater = Inflater(input, range: (range.lowerBound + 2)..<range.upperBound, output: output)
        try inflater.run()
        // The Adler-32 checksum follows the last block, on a byte boundary, most significant first.
        let end = inflater.bytePosition
        guard end + 4 <= range.upperBound else {
            throw Failure(reason: "the compressed block ends before its checksum")
        }
        var stored: UInt32 = 0
        for i in 0..<4 { stored = stored << 8 | UInt32(input[end + i]) }
        guard stored == adler32(UnsafeBufferPointer(rebasing: output[0..<inflater.written])) else {
            throw Failure(reason: "the compressed block fails its checksum")
        }
        return inflater.written
    }

    /// The Adler-32 checksum of `data` (RFC 1950, section 8.2).
    static func adler32(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { adler32($0) }
    }

    /// The Adler-32 checksum of `data` (RFC 1950, section 8.2).
    static func adler32(_ data: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < data.count {
            // 5552 is the largest run for which b cannot overflow 32 bits before the modulo.
            let end = min(i + 5552, data.count)
            while i < end {
                a &+= UInt32(data[i])
                b &+= a
                i += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }

    // MARK: - State

    private let input: UnsafeRawBufferPointer
    private var position: Int
    private let end: Int
    private var bitBuffer: UInt64 = 0
    private var bitCount = 0
    /// Where the bytes go, ``limit`` of them at most.
    private let output: UnsafeMutablePointer<UInt8>
    private let limit: Int
    /// Bytes produced so far.
    private(set) var written = 0

    private init(_ input: UnsafeRawBufferPointer, range: Range<Int>, output: UnsafeMutableBufferPointer<UInt8>) {
        self.input = input
        self.position = range.lowerBound
        self.end = range.upperBound
        // A pointer that is never written through when the output holds nothing.
        self.output = output.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<UInt8>.alignment)!
        self.limit = output.count
    }

    /// The index of the first input byte not consumed, once the bit buffer is discarded.
    private var bytePosition: Int { position - bitCount / 8 }

    // MARK: - Bits

    /// Tops the bit buffer up to at least 57 bits, or to the end of the input. Bits above
    /// `bitCount` stay zero.
    private mutating func refill() {
        while bitCount <= 56 && position < end {
            bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
            position += 1
            bitCount += 8
        }
    }

    private mutating func bits(_ n: Int) throws(Failure) -> Int {
        if bitCount < n {
            refill()
            guard bitCount >= n else { throw Failure(reason: "the compressed block is cut short") }
        }
        let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
        bitBuffer >>= UInt64(n)
        bitCount -= n
        return value
    }

    // MARK: - Blocks

    private mutating func run() throws(Failure) {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try storedBlock()
            case 1: try huffmanBlock(literals: Self.fixedLiterals, distances: Self.fixedDistances)
            case 2:
                let (literals, distances) = try dynamicCodes()
                try huffmanBlock(literals: literals, distances: distances)
            default: throw Failure(reason: "the compressed block uses the reserved block type 3")
            }
        }
        // Drop the bits left in the final byte.
        bitBuffer = 0
        bitCount -= bitCount % 8
    }

    private mutating func storedBlock() throws(Failure) {
        bitBuffer >>= UInt64(bitCount % 8)
        bitCount -= bitCount % 8
        let length = try bits(16)
        let complement = try bits(16)
        guard length == ~complement & 0xFFFF else {
            throw Failure(reason: "a stored block's length does not match its complement")
        }
        // Whole bytes may still sit in the bit buffer; take those first.
        var left = length
        while left > 0 && bitCount >= 8 {
            try emit(UInt8(try bits(8)))
            left -= 1
        }
        guard left <= end - position else { throw Failure(reason: "the compressed block is cut short") }
        guard written + left <= limit else { throw tooLong }
        if left > 0 { UnsafeMutableRawPointer(output + written).copyMemory(from: input.baseAddress! + position, byteCount: left) }
        written += left
        position += left
    }

    private var tooLong: Failure {
        Failure(reason: "the compressed block expands to more than the \(limit) bytes it declares")
    }

    private mutating func emit(_ byte: UInt8) throws(Failure) {
        guard written < limit else { throw tooLong }
        output[written] = byte
        written += 1
    }

    private static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private mutating func huffmanBlock(literals: HuffmanCode, distances: HuffmanCode) throws(Failure) {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                try emit(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < Self.lengthBase.count else {
                throw Failure(reason: "the compressed block uses an invalid length code")
            }
            let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
            let distanceSymbol = try decode(distances)
            guard distanceSymbol < Self.distanceBase.count else {
                throw Failure(reason: "the compressed block uses an invalid distance code")
            }
            let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
            guard distance <= written else {
                throw Failure(reason: "the compressed block refers back before its start")
            }
            guard written + length <= limit else { throw tooLong }
            let to = output + written, from = to - distance
            if distance >= length {
                to.update(from: from, count: length)
            } else {
                // Overlapping: the bytes just written repeat, so they are copied one by one.
                for i in 0..<length { to[i] = from[i] }
            }
            written += length
        }
    }

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func dynamicCodes() throws(Failure) -> (HuffmanCode, HuffmanCode) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let lengthCodeCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw Failure(reason: "a block header declares too many codes")
        }
        var lengthLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<lengthCodeCount {
            lengthLengths[Self.codeLengthOrder[i]] = UInt8(try bits(3))
        }
        let lengthCode = try HuffmanCode(lengths: lengthLengths)
        var lengths: [UInt8] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            var repeated: UInt8 = 0
            var times = 0
            switch symbol {
            case 0...15:
                lengths.append(UInt8(symbol))
                continue
            case 16:
                guard let previous = lengths.last else {
                    throw Failure(reason: "a block header repeats a code length before giving one")
                }
                repeated = previous
                times = 3 + (try bits(2))
            case 17: times = 3 + (try bits(3))
            default: times = 11 + (try bits(7))
            }
            guard lengths.count + times <= literalCount + distanceCount else {
                throw Failure(reason: "a block header gives more code lengths than it declares")
            }
            lengths.append(contentsOf: repeatElement(repeated, count: times))
        }
        guard lengths[256] != 0 else {
            throw Failure(reason: "a block header has no end-of-block code")
        }
        let literals = try HuffmanCode(lengths: Array(lengths[0..<literalCount]))
        let distances = try HuffmanCode(lengths: Array(lengths[literalCount...]))
        return (literals, distances)
    }

    /// Reads one symbol: by one look-up when its code is short, else a bit at a time.
    @inline(__always)
    private mutating func decode(_ code: HuffmanCode) throws(Failure) -> Int {
        if bitCount < HuffmanCode.fastBits { refill() }
        let entry = Int(code.fast[Int(truncatingIfNeeded: bitBuffer) & (code.fast.count - 1)])
        let length = entry & 0xF
        // Near the end fewer bits may be left than the table reads; the missing ones are zero,
        // and the entry holds only if its code fits in the bits there are.
        if entry != 0 && length <= bitCount {
            bitBuffer >>= UInt64(length)
            bitCount -= length
            return entry >> 4
        }
        return try decodeBitByBit(code)
    }

    /// Reads one symbol a bit at a time, walking the canonical code length by length.
    @inline(never)
    private mutating func decodeBitByBit(_ code: HuffmanCode) throws(Failure) -> Int {
        var value = 0, first = 0, index = 0
        for length in 1...15 {
            value |= try bits(1)
            let count = code.counts[length]
            if value - first < count { return code.symbols[index + value - first] }
            index += count
            first = (first + count) << 1
            value <<= 1
        }
        throw Failure(reason: "the compressed block holds a code that its Huffman table does not define")
    }

    private static let fixedLiterals: HuffmanCode = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        // The fixed code is complete and valid by construction.
        return (try? HuffmanCode(lengths: lengths)) ?? HuffmanCode()
    }()

    private static let fixedDistances: HuffmanCode = {
        (try? HuffmanCode(lengths: [UInt8](repeating: 5, count: 32))) ?? HuffmanCode()
    }()
}
