import Foundation
#if arch(x86_64)
import ByteClasses
#endif

/// Gives each distinct byte string a small integer in order of first appearance, without making a
/// `String` per field: an open-addressing hash table over an arena of the distinct values.
struct ByteInterner {
    /// The distinct values, back to back, after ``leadingBytes`` zeros (from the first value on).
    private(set) var arena: [UInt8] = []
    /// Where each distinct value starts in `arena`; value `k` is `arena[starts[k]..<starts[k + 1]]`.
    private(set) var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slots of the hash table: an index into `hashes`/`starts`, or -1 when empty.
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    var count: Int { hashes.count }
    /// Whether a value added so far is not valid UTF-8 (each distinct value is checked once).
    private(set) var holdsInvalidUTF8 = false

    /// The value last interned at each of 32 places (``recentPlaceBits``), chosen by its length
    /// and outer words (``outerWords(_:_:readableBefore:)``). A column of few distinct values (the
    /// answers to a closed question) finds nearly every value here with one comparison, without
    /// the hash table. Every interner starts with the one shared empty table
    /// (``noRecentValues``) and copies it when it keeps its first value, so that the interners
    /// of numeric columns (every column of every stretch has one) hold none of their own.
    private var recent = noRecentValues

    private static let noRecentValues = [RecentValue](
        repeating: RecentValue(first: 0, last: 0, length: -1, index: 0, start: 0), count: 1 << recentPlaceBits
    )

    private static let recentPlaceBits: UInt64 = 5

    /// A value met before: its length, outer words, index and where its bytes start in `arena`.
    private struct RecentValue {
        var first: UInt64
        var last: UInt64
        var length: Int32
        var index: Int32
        var start: Int
    }

    /// The index of the value in `p[start..<end]`, added if new; the bytes before it from `p`
    /// on must be readable too (they are the buffer the value lies in).
    ///
    /// Under eight bytes, a value is its length and outer words, so a recent value with the same
    /// three is the same value; from eight bytes on, the value held is also compared with it
    /// (``sameRecent(at:_:_:readableBefore:)``). This part, a recent value found, is inlined
    /// into the callers' loops; the hash table is asked by a call
    /// (``internAnew(_:_:first:last:place:)``).
    ///
    /// A column's values take different paths here only by length class (under 8 bytes, 8 to
    /// 64, longer), not by whether they are recent or how long each is, so that a column of a
    /// few answers of different lengths, met in random order, does not make the processor
    /// mispredict a branch on each.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let value = p + start, length = end &- start
        let (first, last) = Self.outerWords(value, length, readableBefore: start)
        let mixed = (first ^ last &>> 5 ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        let place = Int(truncatingIfNeeded: mixed &>> (64 &- Self.recentPlaceBits))
        let seen = recent.withUnsafeBufferPointer { $0[place] }
        let sameOuter = (seen.first ^ first) | (seen.last ^ last) | UInt64(truncatingIfNeeded: Int(seen.length) ^ length) == 0
        if sameOuter, length < 8 || sameRecent(at: seen.start, value, length, readableBefore: start) {
            return seen.index
        }
        return internAnew(value, length, first: first, last: last, place: place)
    }

    /// ``intern(_:_:_:)`` for a value that is not the recent one at `place`: from the hash
    /// table, added if new, and kept as the recent value there.
    @inline(never)
    private mutating func internAnew(_ value: UnsafePointer<UInt8>, _ length: Int, first: UInt64, last: UInt64, place: Int) -> Int32 {
        let h = length <= 16 ? Self.mix(first, last, length) : Self.hash(value, length)
        let index = find(value, length, hash: h)
        // A value too long for the length's 32 bits is not kept (-1 matches no length).
        recent[place] = RecentValue(first: first, last: last, length: Int32(exactly: length) ?? -1, index: index, start: starts[Int(index)])
        return index
    }

    /// Whether the value held from `arena[start]`, which has `length` bytes (8 or more) and the
    /// same first and last eight, is the `length` bytes at `value` (after `readableBefore`
    /// readable bytes): up to 64 bytes in chunks of sixteen (``sameInChunks(_:_:_:)``; under
    /// sixteen, the chunk that ends with the value, which reads the bytes before it: the arena
    /// keeps ``leadingBytes`` before its first value), near the start of the buffer by words
    /// (``sameInWords(_:_:_:)``); longer ones by ``equal(_:_:_:)``.
    @inline(__always)
    private func sameRecent(at start: Int, _ value: UnsafePointer<UInt8>, _ length: Int, readableBefore: Int) -> Bool {
        arena.withUnsafeBufferPointer { a in
            let held = a.baseAddress! + start
            guard length <= 64 else { return Self.equal(held, value, length) }
            guard readableBefore >= Self.leadingBytes else { return Self.sameInWords(held, value, length) }
            return Self.sameInChunks(held, value, length)
        }
    }

    /// Whether the `length` bytes (8 to 64) at `held` and at `value` are the same, with sixteen
    /// readable bytes before each: on x86-64 by SSE2 in chunks of sixteen (``ByteClasses``),
    /// elsewhere by ``sameInWords(_:_:_:)``.
    @inline(__always)
    static func sameInChunks(_ held: UnsafePointer<UInt8>, _ value: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        #if arch(x86_64)
        byte_classes_same_8_to_64(held, value, length) != 0
        #else
        sameInWords(held, value, length)
        #endif
    }

    /// Bytes the arena keeps before its first value, so that every value held has sixteen
    /// readable bytes before it (``sameRecent(at:_:_:readableBefore:)``).
    static let leadingBytes = 16

    /// ``sameRecent(at:_:_:readableBefore:)`` in words: the six between the first and last
    /// eight, at offsets 8k (k from 1 to 6) clamped to `length` − 8.
    @inline(__always)
    static func sameInWords(_ held: UnsafePointer<UInt8>, _ value: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let x = UnsafeRawPointer(held), y = UnsafeRawPointer(value)
        var difference: UInt64 = 0
        for word in 1..<7 {
            let offset = Swift.min(word &* 8, length &- 8)
            difference |= x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ y.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }
        return difference == 0
    }

    /// Whether value `index` is the `length` bytes at `value`.
    @inline(__always)
    private func holds(_ index: Int32, _ value: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let k = Int(index)
        return arena.withUnsafeBufferPointer { a in Self.equal(a.baseAddress! + starts[k], value, length) }
    }

    /// The index of the `length` bytes at `value`, whose hash is `h`, from the hash table;
    /// added if new.
    private mutating func find(_ value: UnsafePointer<UInt8>, _ length: Int, hash h: UInt64) -> Int32 {
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[slot]
            if k < 0 { break }
            let index = Int(k)
            if hashes[index] == h, starts[index &+ 1] &- starts[index] == length, holds(k, value, length) {
                return k
            }
            slot = (slot &+ 1) & mask
        }
        let index = Int32(hashes.count)
        let bytes = UnsafeBufferPointer(start: value, count: length)
        if UTF8Validator.firstInvalidOffset(bytes) != nil { holdsInvalidUTF8 = true }
        if arena.isEmpty {
            arena = [UInt8](repeating: 0, count: Self.leadingBytes)
            starts[0] = Self.leadingBytes
        }
        arena.append(contentsOf: bytes)
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

    /// The first and last eight bytes of the `n` bytes at `p` (which may overlap); under eight
    /// bytes, the value's bytes alone in one word, the rest zero: the eight bytes that end with
    /// it, shifted down past those before it (when `readableBefore`, the bytes readable before
    /// `p`, makes eight), or else, near the start of its buffer, byte by byte (the same word, as
    /// the hash table needs). With the length they determine every value of up to 16 bytes.
    /// Except near a buffer's start, read without a loop or a branch on the length: a column of
    /// age groups has `60+` among `18-29` and `30-44`.
    @inline(__always)
    private static func outerWords(_ p: UnsafePointer<UInt8>, _ n: Int, readableBefore: Int) -> (first: UInt64, last: UInt64) {
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
        }
        guard n > 0 else { return (0, 0) }
        if readableBefore &+ n >= 8 {
            return (raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) &>> UInt64((8 &- n) &* 8), 0)
        }
        var word: UInt64 = 0
        for k in 0..<n { word |= UInt64(p[k]) &<< UInt64(k &* 8) }
        return (word, 0)
    }

    /// The hash of a value of up to 16 bytes from its length and outer words: the two words
    /// multiplied apart and mixed.
    @inline(__always)
    private static func mix(_ first: UInt64, _ last: UInt64, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        h = (h ^ first) &* 0xFF51_AFD7_ED55_8CCD &+ (last ^ 0x2545_F491_4F6C_DD1D) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 32
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 29)
    }

    /// A 64-bit multiplicative hash of a value of more than 16 bytes, over eight bytes at a time.
    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
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
            // The last one to seven bytes: the last eight (some counted twice).
            h = (h ^ raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        return h
    }
}
