import Crypto
import Foundation
import SurveyCore

/// The binary form of a ``SurveyCore/Dataset``'s columns, as the store keeps them in a BLOB.
///
/// Format version 1. All integers are little-endian; there is no padding.
///
/// ```
/// offset  size  field
/// 0       4     magic "BRMD" (42 52 4D 44)
/// 4       2     format version (UInt16) = 1
/// 6       2     flags (UInt16) = 0, reserved
/// 8       8     row count n (UInt64)
/// 16      4     column count (UInt32)
/// 20      …     the columns, in dataset order:
///                 1      kind: 0 numeric, 1 categorical, 2 text
///                 4 + k  name: byte count (UInt32), UTF-8 bytes
///                 numeric:     n × 8  IEEE 754 binary64 bit patterns (NaN payloads kept)
///                 categorical: 4      level count L (UInt32)
///                              L × (4 + k) levels: byte count (UInt32), UTF-8 bytes
///                              n × 4  codes (Int32): −1 missing, else 0..<L
///                 text:        n × 4  byte counts (UInt32), 0xFFFFFFFF for a missing answer
///                              Σ k    the UTF-8 bytes of the present answers, in row order
/// end−32  32    SHA-256 of every byte before it
/// ```
///
/// Later versions keep the first 8 bytes and the closing SHA-256, so that any blob is checked
/// for damage before its version is trusted.
///
/// The same dataset always gives the same bytes. Decoding checks the digest first, then every
/// count against the bytes that remain before it allocates, so a truncated, damaged or hostile
/// blob gives a ``StoreError`` (kind `corrupt` or `unsupportedVersion`), never a crash or an
/// allocation larger than the blob warrants.
///
/// Cost: values are copied in bulk (`memcpy`), so numeric and categorical columns encode and
/// decode at memory speed plus one SHA-256 pass; text columns cost one `String` per answer.
/// The codebook is not part of the blob; the store keeps it as JSON beside it.
public enum DatasetBlobCodec {
    /// The format version this build writes and the newest it reads.
    public static let version: UInt16 = 1
    /// The first four bytes of every blob.
    public static let magic: [UInt8] = Array("BRMD".utf8)
    static let headerSize = 20
    static let digestSize = 32
    static let missingText = UInt32.max

    enum Kind: UInt8 {
        case numeric = 0, categorical = 1, text = 2
    }

    // MARK: Encoding

    /// The blob of `dataset`'s columns (its codebook is left out).
    /// - Throws: ``StoreError`` (`invalidInput`) when a categorical code points past its levels
    ///   or a text is longer than 4 GiB, which the format cannot hold.
    public static func encode(_ dataset: Dataset) throws(StoreError) -> Data {
        let n = dataset.rowCount
        var size = headerSize + digestSize
        for column in dataset.columns {
            size += 1 + 4 + column.name.utf8.count
            switch column.values {
            case .numeric:
                size += n * 8
            case .categorical(let codes, let levels):
                try checkCodes(codes, levelCount: levels.count, column: column.name)
                size += 4 + levels.reduce(0) { $0 + 4 + $1.utf8.count } + n * 4
            case .text(let texts):
                size += n * 4
                for t in texts {
                    guard let t else { continue }
                    let k = t.utf8.count
                    guard k < Int(missingText) else {
                        throw StoreError(.invalidInput, "Column '\(column.name)' holds a text of \(k) bytes; the store keeps texts up to 4 GiB, so shorten or drop it.")
                    }
                    size += k
                }
            }
        }
        var blob = Data(count: size)
        blob.withUnsafeMutableBytes { raw in
            var w = BlobWriter(raw)
            w.bytes(magic)
            w.integer(version)
            w.integer(UInt16(0))
            w.integer(UInt64(n))
            w.integer(UInt32(dataset.columns.count))
            for column in dataset.columns {
                switch column.values {
                case .numeric(let values):
                    w.integer(Kind.numeric.rawValue)
                    w.string(column.name)
                    w.array(values)
                case .categorical(let codes, let levels):
                    w.integer(Kind.categorical.rawValue)
                    w.string(column.name)
                    w.integer(UInt32(levels.count))
                    for level in levels { w.string(level) }
                    w.array(codes)
                case .text(let texts):
                    w.integer(Kind.text.rawValue)
                    w.string(column.name)
                    w.array(texts.map { $0.map { UInt32($0.utf8.count) } ?? missingText })
                    for t in texts {
                        if let t { w.utf8(t) }
                    }
                }
            }
            let body = UnsafeRawBufferPointer(rebasing: raw[0..<w.offset])
            w.bytes(Crypto.SHA256.hash(data: body))
            precondition(w.offset == raw.count, "DatasetBlobCodec sized the blob wrongly")
        }
        return blob
    }

    /// Codes must be −1 (missing) or index a level.
    private static func checkCodes(_ codes: [Int32], levelCount: Int, column: String) throws(StoreError) {
        var low = Int32.max, high = Int32.min
        for c in codes {
            low = min(low, c)
            high = max(high, c)
        }
        if codes.isEmpty || (low >= -1 && Int(high) < levelCount) { return }
        let row = codes.firstIndex { $0 < -1 || Int($0) >= levelCount }!
        throw StoreError(.invalidInput, "Column '\(column)' has code \(codes[row]) in row \(row + 1) but only \(levelCount) levels; codes must be -1 (missing) or 0..<\(levelCount).")
    }

    // MARK: Decoding

    /// The hex SHA-256 that closes `blob` (the digest of everything before it), without checking
    /// it; nil when the blob is too short to hold one.
    public static func storedDigest(of blob: Data) -> String? {
        guard blob.count >= headerSize + digestSize else { return nil }
        return blob.suffix(digestSize).map { hexDigits[Int($0)] }.joined()
    }

    /// The dataset held in `blob`, with `codebook` attached; `name` says which in messages.
    /// - Throws: ``StoreError`` (`corrupt`) naming what is wrong and where, or
    ///   (`unsupportedVersion`) for a blob written by a newer Barometer.
    public static func decode(
        _ blob: Data, codebook: Codebook = Codebook(), name: String = "the stored dataset"
    ) throws(StoreError) -> Dataset {
        let columns = try blob.withUnsafeBytes { raw -> Result<[Column], BlobProblem> in
            Result { () throws(BlobProblem) in try decodeColumns(raw) }
        }.mapError { problem in
            problem.isVersion
                ? StoreError(.unsupportedVersion, "Cannot decode \(name): \(problem.text); upgrade Barometer to read it.")
                : StoreError(.corrupt, "Cannot decode \(name): \(problem.text); re-import the study to rewrite it.")
        }.get()
        do {
            return try Dataset(columns: columns, codebook: codebook)
        } catch {
            throw StoreError(.corrupt, "Cannot decode \(name): its columns do not form a dataset (\(error.message)); re-import the study to rewrite it.")
        }
    }

    /// What is wrong with a blob, before the message names the blob.
    struct BlobProblem: Error {
        var text: String
        var isVersion = false
    }

    static func corrupt(_ problem: String) -> BlobProblem { BlobProblem(text: problem) }

    private static func decodeColumns(_ raw: UnsafeRawBufferPointer) throws(BlobProblem) -> [Column] {
        guard raw.count >= headerSize + digestSize else {
            throw corrupt("the blob has \(raw.count) bytes, fewer than the \(headerSize + digestSize) of an empty one, so it is truncated")
        }
        guard raw.prefix(4).elementsEqual(magic) else {
            throw corrupt("the blob does not start with the magic bytes 'BRMD', so it is not a Barometer dataset")
        }
        let bodyCount = raw.count - digestSize
        let body = UnsafeRawBufferPointer(rebasing: raw[0..<bodyCount])
        let digest = Crypto.SHA256.hash(data: body)
        guard digest.elementsEqual(raw[bodyCount...]) else {
            throw corrupt("its SHA-256 checksum does not match its \(raw.count) bytes, so it was damaged or cut short")
        }
        let version = raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self).littleEndian
        guard version <= Self.version else {
            throw BlobProblem(text: "it uses blob format version \(version) but this Barometer reads versions 1 to \(Self.version)", isVersion: true)
        }
        guard version >= 1 else { throw corrupt("its header has format version 0") }
        var r = BlobReader(body, offset: 6)
        let flags = try r.integer(UInt16.self, "the flags")
        guard flags == 0 else { throw corrupt("its header has unknown flags \(flags)") }
        let rows = try r.integer(UInt64.self, "the row count")
        let columnCount = try r.integer(UInt32.self, "the column count")
        // Every column takes at least 5 bytes and 4 per row, so both counts are bounded by the
        // bytes that remain: check before allocating anything.
        guard Int(columnCount) <= r.remaining / 5 else {
            throw corrupt("it claims \(columnCount) columns but only \(r.remaining) bytes follow the header")
        }
        guard rows <= UInt64(Int.max), columnCount > 0 || rows == 0 else {
            throw corrupt("it claims \(rows) rows")
        }
        let n = Int(rows)
        if columnCount > 0, n > r.remaining / 4 {
            throw corrupt("it claims \(n) rows but only \(r.remaining) bytes follow the header")
        }
        var columns: [Column] = []
        columns.reserveCapacity(Int(columnCount))
        for index in 0..<Int(columnCount) {
            let place = "column \(index + 1)"
            let kindByte = try r.integer(UInt8.self, "the kind of \(place)")
            guard let kind = Kind(rawValue: kindByte) else {
                throw corrupt("\(place) has unknown kind \(kindByte) at offset \(r.offset - 1)")
            }
            let name = try r.string("the name of \(place)")
            let what = "column \(index + 1) ('\(name)')"
            switch kind {
            case .numeric:
                columns.append(.numeric(name, try r.array(Double.self, count: n, "the values of \(what)")))
            case .categorical:
                let levelCount = try r.integer(UInt32.self, "the level count of \(what)")
                guard Int(levelCount) <= r.remaining / 4 else {
                    throw corrupt("\(what) claims \(levelCount) levels but only \(r.remaining) bytes remain")
                }
                var levels: [String] = []
                levels.reserveCapacity(Int(levelCount))
                for l in 0..<Int(levelCount) { levels.append(try r.string("level \(l + 1) of \(what)")) }
                let codes = try r.array(Int32.self, count: n, "the codes of \(what)")
                if let row = codes.firstIndex(where: { $0 < -1 || Int($0) >= levels.count }) {
                    throw corrupt("\(what) has code \(codes[row]) in row \(row + 1) but \(levels.count) levels")
                }
                columns.append(.categorical(name, codes: codes, levels: levels))
            case .text:
                let lengths = try r.array(UInt32.self, count: n, "the text lengths of \(what)")
                var total = 0
                for k in lengths where k != missingText {
                    total += Int(k)
                    if total > r.remaining { break }  // before the sum could overflow
                }
                guard total <= r.remaining else {
                    throw corrupt("\(what) needs \(total) bytes of text but only \(r.remaining) remain")
                }
                let region = try r.bytes(count: total, "the texts of \(what)")
                // Validate the column's bytes once; each answer is then valid when it starts
                // and ends on a character boundary, and decodes on the fast path.
                guard String(validating: region, as: UTF8.self) != nil else {
                    throw corrupt("the texts of \(what) are not valid UTF-8")
                }
                var texts: [String?] = []
                texts.reserveCapacity(n)
                var start = 0
                for (row, k) in lengths.enumerated() {
                    guard k != missingText else {
                        texts.append(nil)
                        continue
                    }
                    let end = start + Int(k)
                    guard start == region.count || region[start] & 0xC0 != 0x80,
                          end == region.count || region[end] & 0xC0 != 0x80 else {
                        throw corrupt("the text in row \(row + 1) of \(what) splits a UTF-8 character")
                    }
                    texts.append(String(decoding: UnsafeBufferPointer(rebasing: region[start..<end]), as: UTF8.self))
                    start = end
                }
                columns.append(Column(name: name, values: .text(texts)))
            }
        }
        guard r.remaining == 0 else {
            throw corrupt("\(r.remaining) unexpected bytes follow the last column at offset \(r.offset)")
        }
        return columns
    }

    static let hexDigits: [String] = (0..<256).map { String(format: "%02x", $0) }
}

/// Writes little-endian values into a buffer sized in advance.
private struct BlobWriter {
    let raw: UnsafeMutableRawBufferPointer
    var offset = 0

    init(_ raw: UnsafeMutableRawBufferPointer) { self.raw = raw }

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        raw.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
    }

    mutating func bytes(_ bytes: some Sequence<UInt8>) {
        for b in bytes {
            raw[offset] = b
            offset += 1
        }
    }

    mutating func utf8(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + utf8.count]).copyMemory(from: UnsafeRawBufferPointer(utf8))
            offset += utf8.count
        }
    }

    mutating func string(_ text: String) {
        integer(UInt32(text.utf8.count))
        utf8(text)
    }

    /// `values` in bulk: a `memcpy` on little-endian machines.
    mutating func array<T: BlobScalar>(_ values: [T]) {
        values.withUnsafeBytes { src in
            let dst = UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + src.count])
            dst.copyMemory(from: src)
            #if _endian(big)
            T.swapBytes(dst)
            #endif
            offset += src.count
        }
    }
}

/// Reads little-endian values, checking every count against the bytes that remain.
private struct BlobReader {
    let raw: UnsafeRawBufferPointer
    var offset: Int

    init(_ raw: UnsafeRawBufferPointer, offset: Int) {
        self.raw = raw
        self.offset = offset
    }

    var remaining: Int { raw.count - offset }

    private func need(_ count: Int, _ what: String) throws(DatasetBlobCodec.BlobProblem) {
        guard count <= remaining else {
            throw DatasetBlobCodec.corrupt("\(what) needs \(count) bytes at offset \(offset) but only \(remaining) remain")
        }
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type, _ what: String) throws(DatasetBlobCodec.BlobProblem) -> T {
        try need(MemoryLayout<T>.size, what)
        defer { offset += MemoryLayout<T>.size }
        return T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The next `count` bytes, not copied.
    mutating func bytes(count: Int, _ what: String) throws(DatasetBlobCodec.BlobProblem) -> UnsafeBufferPointer<UInt8> {
        try need(count, what)
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count]).assumingMemoryBound(to: UInt8.self)
    }

    mutating func utf8(count: Int, _ what: String) throws(DatasetBlobCodec.BlobProblem) -> String {
        try need(count, what)
        let bytes = UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count]).assumingMemoryBound(to: UInt8.self)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DatasetBlobCodec.corrupt("\(what) at offset \(offset) is not valid UTF-8")
        }
        offset += count
        return text
    }

    mutating func string(_ what: String) throws(DatasetBlobCodec.BlobProblem) -> String {
        let count = try integer(UInt32.self, "the length of \(what)")
        return try utf8(count: Int(count), what)
    }

    /// `count` values in bulk: a `memcpy` on little-endian machines.
    mutating func array<T: BlobScalar>(_: T.Type, count: Int, _ what: String) throws(DatasetBlobCodec.BlobProblem) -> [T] {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow else { throw DatasetBlobCodec.corrupt("\(what) claims \(count) values") }
        try need(bytes, what)
        let src = UnsafeRawBufferPointer(rebasing: raw[offset..<offset + bytes])
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let dst = UnsafeMutableRawBufferPointer(buffer)
            dst.copyMemory(from: src)
            #if _endian(big)
            T.swapBytes(dst)
            #endif
            initialized = count
        }
        offset += bytes
        return values
    }
}

/// A fixed-size value stored in bulk, little-endian.
protocol BlobScalar: BitwiseCopyable {
    /// Reverses the bytes of every value in `buffer` (for big-endian machines).
    static func swapBytes(_ buffer: UnsafeMutableRawBufferPointer)
}

extension BlobScalar {
    static func swapBytes(_ buffer: UnsafeMutableRawBufferPointer) {
        let size = MemoryLayout<Self>.size
        var i = 0
        while i < buffer.count {
            for j in 0..<size / 2 { buffer.swapAt(i + j, i + size - 1 - j) }
            i += size
        }
    }
}

extension Double: BlobScalar {}
extension Int32: BlobScalar {}
extension UInt32: BlobScalar {}
