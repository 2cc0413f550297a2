/// A canonical Huffman code (RFC 1951, section 3.2.2): how many codes have each length, and the
/// symbols in code order.
struct HuffmanCode: Sendable {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

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
    }
}
