import SurveyCore

/// Decodes the numeric variables of a `.dta` file's data section into columns: a block of rows
/// at a time, every variable of the block before the next, and the rows split across cores.
///
/// The data section holds one row after another, so a variable's values lie a row's width
/// apart; decoding one variable over all rows would bring every row's bytes from memory once
/// per variable. A block of about 256 KiB stays in cache while all its variables are decoded.
struct StataNumberDecoding {
    /// The first byte of the file.
    let base: UnsafeRawPointer?
    let rowWidth: Int
    let bigEndian: Bool
    /// Whether the release has extended missing values (`.a`–`.z`; format 113 and later).
    let modern: Bool
    /// The value an old release (105 and before) writes for a missing `double`.
    let oldDoubleMissing: Double

    /// Decodes the rows `rows` of the variables `fields` (each at its offset from the file's start
    /// in the first row) into `storages`, one per field with room for every row; the rows are
    /// split across cores in chunks of at least 8,192.
    func decode(_ fields: [(type: StataStorageType, offset: Int)], rows: Range<Int>, into storages: [UnsafeMutablePointer<Double>]) {
        guard !rows.isEmpty, let base else { return }
        let blockRows = Swift.max(16, (1 << 18) / Swift.max(rowWidth, 1))
        let chunkCount = Swift.max(1, Swift.min(8, rows.count / 8192))
        let size = (rows.count + chunkCount - 1) / chunkCount
        let chunks = (0..<chunkCount).map { c in
            Swift.min(rows.upperBound, rows.lowerBound + c * size)..<Swift.min(rows.upperBound, rows.lowerBound + (c + 1) * size)
        }
        _ = RowChunks.map(chunks) { chunk in
            var blockStart = chunk.lowerBound
            while blockStart < chunk.upperBound {
                let block = blockStart..<Swift.min(chunk.upperBound, blockStart + blockRows)
                for (k, field) in fields.enumerated() {
                    decode(field.type, in: base + field.offset, rows: block, into: storages[k])
                }
                blockStart = block.upperBound
            }
        }
    }

    @inline(__always)
    private func load<T: FixedWidthInteger>(_: T.Type, _ first: UnsafeRawPointer, row: Int) -> T {
        let raw = first.loadUnaligned(fromByteOffset: row &* rowWidth, as: T.self)
        return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    /// One variable (its value in the first row at `first`) over `rows`.
    private func decode(_ type: StataStorageType, in first: UnsafeRawPointer, rows: Range<Int>, into out: UnsafeMutablePointer<Double>) {
        switch type {
        case .byte:
            for row in rows {
                let raw = Int64(Int8(bitPattern: load(UInt8.self, first, row: row)))
                out[row] = modern ? StataMissingValues.integer(raw, systemMissing: 101, minimum: -127) : raw == 127 ? .nan : Double(raw)
            }
        case .int:
            for row in rows {
                let raw = Int64(Int16(bitPattern: load(UInt16.self, first, row: row)))
                out[row] = modern ? StataMissingValues.integer(raw, systemMissing: 32741, minimum: -32767) : raw == 32767 ? .nan : Double(raw)
            }
        case .long:
            for row in rows {
                let raw = Int64(Int32(bitPattern: load(UInt32.self, first, row: row)))
                out[row] = modern
                    ? StataMissingValues.integer(raw, systemMissing: 2_147_483_621, minimum: -2_147_483_647)
                    : raw == 2_147_483_647 ? .nan : Double(raw)
            }
        case .float:
            for row in rows {
                let bits = load(UInt32.self, first, row: row)
                if modern {
                    out[row] = StataMissingValues.float(bits: bits)
                } else {
                    let f = Float(bitPattern: bits)
                    out[row] = f.isFinite && abs(f) < 0x1p127 ? Double(f) : .nan
                }
            }
        case .double:
            for row in rows {
                let bits = load(UInt64.self, first, row: row)
                if modern {
                    out[row] = StataMissingValues.double(bits: bits)
                } else {
                    let d = Double(bitPattern: bits)
                    out[row] = d.isFinite && abs(d) <= StataMissingValues.largestDouble && d != oldDoubleMissing ? d : .nan
                }
            }
        case .str, .strL:
            break
        }
    }
}
