import Foundation

/// Gives each distinct byte string a small integer in order of first appearance, without making a
/// `String` per field: an open-addressing hash table over an arena of the distinct values.
struct ByteInterner {
    /// The distinct values, back to back.
    private(set) var arena: [UInt8] = []
    /// Where each distinct value starts in `arena`; value `k` is `arena[starts[k]..<starts[k + 1]]`.
    private(set) var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slots of the hash table: an index into `hashes`/`starts`, or -1 when empty.
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    var count: Int { hashes.count }
    /// Whether a value added so far is not valid UTF-8 (each distinct value is checked once).
    private(set) var holdsInvalidUTF8 = false

    /// The index of the value in `p[start..<end]`, added if new.
    mutating func intern(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let length = end &- start
        let h = Self.hash(p + start, length)
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[slot]
            if k < 0 { break }
            let index = Int(k)
            if hashes[index] == h, starts[index &+ 1] &- starts[index] == length,
               arena.withUnsafeBufferPointer({ a in
                   Self.equal(a.baseAddress! + starts[index], p + start, length)
               }) {
                return k
            }
            slot = (slot &+ 1) & mask
        }
        let index = Int32(hashes.count)
        let value = UnsafeBufferPointer(start: p + start, count: length)
        if UTF8Validator.firstInvalidOffset(value) != nil { holdsInvalidUTF8 = true }
        arena.append(contentsOf: value)
        starts.append(arena.count)
        hashes.append(h)
        slots[slot] = index
        if hashes.count &* 2 > slots.count { grow() }
        return index
    }

    /// The index of value `k` of `other`, added if new.
    mutating func intern(valueAt k: Int, of other: ByteInterner) -> Int32 {
        let start = other.starts[k], end = other.starts[k &+ 1]
        if start == end {
            var nothing: UInt8 = 0
            return intern(&nothing, 0, 0)
        }
        return other.arena.withUnsafeBufferPointer { a in intern(a.baseAddress!, start, end) }
    }

    /// Value `k` as a `String` (invalid UTF-8 repaired; see ``holdsInvalidUTF8``).
    func string(_ k: Int) -> String {
        arena.withUnsafeBufferPointer { a in
            String(decoding: UnsafeBufferPointer(rebasing: a[starts[k]..<starts[k &+ 1]]), as: UTF8.self)
        }
    }

    private mutating func grow() {
        let size = slots.count &* 2
        let mask = size &- 1
        var fresh = [Int32](repeating: -1, count: size)
        for (index, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while fresh[slot] >= 0 { slot = (slot &+ 1) & mask }
            fresh[slot] = Int32(index)
        }
        slots = fresh
    }

    /// Whether the `n` bytes at `a` and `b` are the same: from 8 to 16 bytes as two words that
    /// may overlap, from 17 to 64 (a Cyrillic answer of a few words) as words, the last two of
    /// which may overlap, others by `memcmp`.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        if n >= 8, n <= 16 {
            return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                && x.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        }
        if n > 16, n <= 64 {
            func differs(_ offset: Int) -> UInt64 {
                x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ y.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            }
            // Sixteen bytes at a time, then the last sixteen (which may overlap).
            var difference: UInt64 = 0
            var i = 0
            while i &+ 16 < n {
                difference |= differs(i) | differs(i &+ 8)
                i &+= 16
            }
            return difference | differs(n &- 16) | differs(n &- 8) == 0
        }
        return memcmp(a, b, n) == 0
    }

    /// A 64-bit multiplicative hash: from 8 to 16 bytes, two words (that may overlap) multiplied
    /// apart and mixed; otherwise over eight bytes at a time.
    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        if n >= 8, n <= 16 {
            let first = raw.loadUnaligned(as: UInt64.self), last = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            h = (h ^ first) &* 0xFF51_AFD7_ED55_8CCD &+ (last ^ 0x2545_F491_4F6C_DD1D) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 32
            h = h &* 0x9E37_79B9_7F4A_7C15
            return h ^ (h >> 29)
        }
        var i = 0
        // Two words at a time in two lanes, so that the multiplications do not wait on each other.
        var other: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        while i &+ 16 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            other = (other ^ raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 32
            other ^= other >> 29
            i &+= 16
        }
        h ^= other &* 0x9E37_79B9_7F4A_7C15
        while i &+ 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i &+= 8
        }
        if i < n {
            // The last one to seven bytes: the last eight bytes when the value is that long
            // (some counted twice), else byte by byte.
            var tail: UInt64 = 0
            if n >= 8 {
                tail = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            } else {
                var shift: UInt64 = 0
                while i < n {
                    tail |= UInt64(p[i]) << shift
                    shift &+= 8
                    i &+= 1
                }
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        return h
    }
}
