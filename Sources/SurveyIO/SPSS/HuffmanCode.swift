/// A canonical Huffman code (RFC 1951, section 3.2.2): how many codes have each length, and the
/// symbols in code order; and a table that decodes the codes of up to ``fastBits`` bits at once.
struct HuffmanCode: Sendable {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []
    /// For every value of the next ``fastBits`` bits of the stream (first bit lowest), the
    /// symbol whose code they start with, as `symbol << 4 | length`; 0 when that code is longer
    /// or does not exist.
    var fast = [UInt16](repeating: 0, count: 1 << HuffmanCode.fastBits)

    /// Codes up to this length are decoded by one look-up in ``fast``.
    static let fastBits = 11

    init() {}

    /// - Throws: when the lengths describe more codes than fit (an over-subscribed set).
    init(lengths: [UInt8]) throws(Inflater.Failure) {
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1...15 {
            left <<= 1
            left -= counts[length]
            guard left >= 0 else {
                throw Inflater.Failure(reason: "the compressed block has an over-subscribed Huffman table")
            }
        }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length != 0 {
            symbols[offsets[Int(length)]] = symbol
            offsets[Int(length)] += 1
        }
        // Canonical codes are consecutive within a length, shorter lengths first. DEFLATE packs
        // a code's first bit lowest, so the table is indexed by the code reversed.
        var code = 0, index = 0
        for length in 1...Self.fastBits {
            for _ in 0..<counts[length] {
                var reversed = 0
                for bit in 0..<length where code & (1 << (length - 1 - bit)) != 0 { reversed |= 1 << bit }
                let entry = UInt16(symbols[index] << 4 | length)
                for slot in stride(from: reversed, to: fast.count, by: 1 << length) { fast[slot] = entry }
                code += 1
                index += 1
            }
            code <<= 1
        }
    }
}
