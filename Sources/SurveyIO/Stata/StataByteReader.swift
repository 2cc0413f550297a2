import Foundation

/// A bounds-checked cursor over the bytes of a `.dta` file.
///
/// Every read first checks that the bytes are there, so a truncated or damaged file ends in a
/// ``ReadError`` naming the part of the file that was being read, never in a trap. Counts taken
/// from the file are checked against the bytes that remain before anything is allocated for them.
struct StataByteReader {
    let bytes: UnsafeRawBufferPointer
    /// The file name used in messages.
    let name: String
    var position = 0
    /// Multi-byte numbers are stored most significant byte first (Stata's `MSF`, `HILO`).
    var bigEndian = false

    init(bytes: UnsafeRawBufferPointer, name: String) {
        self.bytes = bytes
        self.name = name
    }

    var remaining: Int { bytes.count - position }

    // MARK: Errors

    /// A `.malformed` error: "Cannot read 'name': `problem`; `fix`."
    func malformed(_ problem: String, fix: String = StataByteReader.damagedFix) -> ReadError {
        ReadError(.malformed, "Cannot read '\(name)': \(problem); \(fix).")
    }

    /// A name read from the file, made safe to quote in a one-line message: control characters
    /// become `?` and a long name is cut with `…`.
    static func shown(_ text: String) -> String {
        let clean = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return clean.count > 40 ? String(clean.prefix(40)) + "…" : clean
    }

    static let damagedFix = "the file is truncated or damaged, so copy it again or re-save it in Stata"

    /// The error for a part of the file that runs past its end.
    func truncated(_ what: String, needing count: Int) -> ReadError {
        malformed("the file ends at byte \(bytes.count) inside \(what), which needs \(count) bytes from byte \(position)")
    }

    // MARK: Checks

    /// Fails unless `count` more bytes are left.
    func require(_ count: Int, for what: @autoclosure () -> String) throws(ReadError) {
        guard count >= 0, count <= remaining else { throw truncated(what(), needing: count) }
    }

    /// `count × size` as a byte count, failing when it overflows or runs past the end of the file.
    func requireArray(_ count: Int, of size: Int, for what: @autoclosure () -> String) throws(ReadError) -> Int {
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        guard count >= 0, size >= 0, !overflow, total <= remaining else {
            throw malformed("\(what()) claims \(count) entries of \(size) bytes from byte \(position), more than the \(remaining) bytes left in the file")
        }
        return total
    }

    // MARK: Reads

    mutating func skip(_ count: Int, for what: @autoclosure () -> String) throws(ReadError) {
        try require(count, for: what())
        position += count
    }

    /// The next `count` bytes, without copying.
    mutating func take(_ count: Int, for what: @autoclosure () -> String) throws(ReadError) -> UnsafeRawBufferPointer {
        try require(count, for: what())
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position ..< position + count])
        position += count
        return slice
    }

    mutating func u8(_ what: @autoclosure () -> String) throws(ReadError) -> UInt8 {
        try require(1, for: what())
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u16(_ what: @autoclosure () -> String) throws(ReadError) -> UInt16 {
        try require(2, for: what())
        defer { position += 2 }
        return load(UInt16.self, at: position)
    }

    mutating func u32(_ what: @autoclosure () -> String) throws(ReadError) -> UInt32 {
        try require(4, for: what())
        defer { position += 4 }
        return load(UInt32.self, at: position)
    }

    mutating func u64(_ what: @autoclosure () -> String) throws(ReadError) -> UInt64 {
        try require(8, for: what())
        defer { position += 8 }
        return load(UInt64.self, at: position)
    }

    /// An unsigned number of `width` bytes (1 to 8) in the file's byte order.
    mutating func unsigned(width: Int, _ what: @autoclosure () -> String) throws(ReadError) -> UInt64 {
        let raw = try take(width, for: what())
        return StataByteReader.unsigned(raw, bigEndian: bigEndian)
    }

    /// A count that must fit in `Int` (it always does on 64-bit platforms).
    mutating func count(width: Int, _ what: @autoclosure () -> String) throws(ReadError) -> Int {
        let value = try unsigned(width: width, what())
        guard value <= UInt64(Int.max) else {
            throw malformed("\(what()) holds the impossible count \(value)")
        }
        return Int(value)
    }

    /// Whether the next bytes spell `tag` (ASCII), without moving.
    func peek(_ tag: StaticString) -> Bool {
        let n = tag.utf8CodeUnitCount
        guard n <= remaining else { return false }
        let expected = UnsafeRawBufferPointer(start: tag.utf8Start, count: n)
        for i in 0 ..< n where bytes[position + i] != expected[i] { return false }
        return true
    }

    /// Consumes `tag` or fails naming it.
    mutating func expect(_ tag: StaticString) throws(ReadError) {
        guard peek(tag) else {
            if remaining < tag.utf8CodeUnitCount {
                throw malformed("the file ends at byte \(bytes.count) where \(tag) was expected")
            }
            throw malformed("byte \(position) should start \(tag) but does not")
        }
        position += tag.utf8CodeUnitCount
    }

    // MARK: Raw loads (the caller has checked the bounds)

    func load<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
        let raw = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    static func unsigned(_ raw: UnsafeRawBufferPointer, bigEndian: Bool) -> UInt64 {
        var value: UInt64 = 0
        if bigEndian {
            for b in raw { value = value << 8 | UInt64(b) }
        } else {
            for b in raw.reversed() { value = value << 8 | UInt64(b) }
        }
        return value
    }
}
