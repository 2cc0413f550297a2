/// A small zlib (RFC 1950) compressor for the data blocks of `.zsav` files: LZ77 matching over
/// a 32 KiB window with hash chains, coded with the fixed Huffman codes of DEFLATE (RFC 1951,
/// section 3.2.6). It trades some compression for simplicity; ``Inflater`` and every zlib
/// reader decode it.
enum Deflater {
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes = [0x78, 0x01]
        writer.write(1, count: 1)  // final block
        writer.write(1, count: 2)  // fixed Huffman codes
        let windowSize = 32_768, minMatch = 3, maxMatch = 258, maxChain = 32
        let hashSize = 1 << 15
        var head = [Int](repeating: -1, count: hashSize)
        var previous = [Int](repeating: -1, count: windowSize)
        func hash(_ i: Int) -> Int {
            (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & (hashSize - 1)
        }
        func insert(_ i: Int) {
            guard i + 2 < data.count else { return }
            let h = hash(i)
            previous[i % windowSize] = head[h]
            head[h] = i
        }
        var i = 0
        while i < data.count {
            var bestLength = 0, bestDistance = 0
            if i + minMatch <= data.count {
                var candidate = head[hash(i)]
                var chain = 0
                let limit = min(maxMatch, data.count - i)
                while candidate >= 0, i - candidate <= windowSize, chain < maxChain {
                    var length = 0
                    while length < limit, data[candidate + length] == data[i + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = i - candidate
                        if length == limit { break }
                    }
                    let next = previous[candidate % windowSize]
                    guard next < candidate else { break }
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= minMatch {
                writer.length(bestLength)
                writer.distance(bestDistance)
                for j in i..<(i + bestLength) { insert(j) }
                i += bestLength
            } else {
                writer.literal(Int(data[i]))
                insert(i)
                i += 1
            }
        }
        writer.literal(256)
        writer.flush()
        let adler = Inflater.adler32(data)
        for shift in [24, 16, 8, 0] { writer.bytes.append(UInt8(truncatingIfNeeded: adler >> UInt32(shift))) }
        return writer.bytes
    }

    /// Writes bits least significant first, and Huffman codes most significant first.
    private struct BitWriter {
        var bytes: [UInt8] = []
        private var buffer: UInt64 = 0
        private var count = 0

        mutating func write(_ value: Int, count n: Int) {
            buffer |= UInt64(value) << UInt64(count)
            count += n
            while count >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                count -= 8
            }
        }

        /// A Huffman code of `length` bits, sent most significant bit first.
        mutating func code(_ code: Int, length: Int) {
            var reversed = 0
            for b in 0..<length where code & (1 << b) != 0 { reversed |= 1 << (length - 1 - b) }
            write(reversed, count: length)
        }

        mutating func literal(_ symbol: Int) {
            switch symbol {
            case 0...143: code(0x30 + symbol, length: 8)
            case 144...255: code(0x190 + symbol - 144, length: 9)
            case 256...279: code(symbol - 256, length: 7)
            default: code(0xC0 + symbol - 280, length: 8)
            }
        }

        private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

        mutating func length(_ length: Int) {
            var index = Self.lengthBase.count - 1
            while Self.lengthBase[index] > length { index -= 1 }
            literal(257 + index)
            write(length - Self.lengthBase[index], count: Self.lengthExtra[index])
        }

        mutating func distance(_ distance: Int) {
            var index = Self.distanceBase.count - 1
            while Self.distanceBase[index] > distance { index -= 1 }
            code(index, length: 5)
            write(distance - Self.distanceBase[index], count: Self.distanceExtra[index])
        }

        mutating func flush() {
            if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            count = 0
        }
    }
}
