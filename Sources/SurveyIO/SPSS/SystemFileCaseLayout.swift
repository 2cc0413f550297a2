/// Where each variable's value lies in a case of a system file, and how it becomes a column's
/// value: a number from the file's byte order, system-missing as `NaN`, dates and date-times
/// moved from the Gregorian epoch (1582-10-14) to 1970-01-01; a string gathered from its
/// segments (PSPP, *System File Format*, "Data Record").
struct SystemFileCaseLayout {
    /// Bytes in a case: its 8-byte units.
    let caseSize: Int
    let bigEndian: Bool
    /// The file's system-missing value, as bits.
    let sysmis: UInt64
    /// For each numeric variable: its offset in a case, and what is subtracted from its values.
    let numbers: [(offset: Int, shift: Double)]
    /// For each string variable: where its bytes are in a case, one entry per segment.
    let strings: [[(slot: Int, bytes: Int)]]

    /// The value of the numeric variable at `offset` in the case at `start`.
    @inline(__always)
    private func number(_ start: UnsafeRawPointer, offset: Int, shift: Double) -> Double {
        let stored = start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let bits = bigEndian ? UInt64(bigEndian: stored) : UInt64(littleEndian: stored)
        return bits == sysmis ? .nan : Double(bitPattern: bits) - shift
    }

    /// Appends the numbers of the `count` cases at `cases` to each numeric column.
    func appendNumbers(of cases: UnsafeRawPointer, count: Int, to columns: inout [[Double]]) {
        for k in numbers.indices {
            // Moved out and back so that the column is appended to in place.
            var column: [Double] = []
            swap(&column, &columns[k])
            let (offset, shift) = numbers[k]
            for row in 0..<count { column.append(number(cases + row * caseSize, offset: offset, shift: shift)) }
            swap(&column, &columns[k])
        }
    }

    /// Writes the numbers of the `count` cases at `cases` to each numeric column's storage,
    /// from row `firstRow`.
    func writeNumbers(of cases: UnsafeRawPointer, count: Int, to columns: [UnsafeMutablePointer<Double>], from firstRow: Int) {
        for k in numbers.indices {
            let (offset, shift) = numbers[k]
            let out = columns[k] + firstRow
            for row in 0..<count { out[row] = number(cases + row * caseSize, offset: offset, shift: shift) }
        }
    }

    /// Appends the strings of the `count` cases at `cases` to each string column; `scratch`
    /// is reused for the bytes of one value.
    func appendStrings(of cases: UnsafeRawPointer, count: Int, to columns: inout [StringColumnBuilder],
                       decoder: TextDecoder, scratch: inout [UInt8]) {
        guard !strings.isEmpty else { return }
        for row in 0..<count {
            let start = cases + row * caseSize
            for j in strings.indices {
                scratch.removeAll(keepingCapacity: true)
                for (slot, length) in strings[j] {
                    scratch.append(contentsOf: UnsafeRawBufferPointer(start: start + slot * 8, count: length))
                }
                columns[j].append(scratch, decoder: decoder)
            }
        }
    }
}
