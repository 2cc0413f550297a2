import Foundation
@testable import SurveyIO
import Testing

/// The row loop finds where each unquoted field ends with ``FieldEndCursor`` (64 bytes
/// classified at a time) and reads plain decimals between known ends with
/// ``CSVBytes/decimal(from:to:)`` (words read back from the end). Both are checked here against
/// the plainest way of doing the same thing, on random bytes.
@Suite("CSV field ends and plain decimals between known ends")
struct CSVFieldScanningTests {
    /// The first separator, `\n` or `\r` at or after `position`, byte by byte.
    private static func naiveEnd(_ bytes: [UInt8], from position: Int, separator: UInt8) -> Int {
        var i = position
        while i < bytes.count, bytes[i] != separator, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
        return i
    }

    /// Up to 300 random bytes with field ends (a random separator, `\n`, `\r`) at a random
    /// density among letters, digits, points, quotes, spaces and Cyrillic bytes.
    private static func randomFieldBytes(_ rng: inout SeededGenerator) -> (bytes: [UInt8], separator: UInt8) {
        let alphabet: [UInt8] = Array("a1.\"".utf8) + [0xD0, 0x9A, 0x20]
        let separator = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].randomElement(using: &rng)!
        let density = Int.random(in: 1...40, using: &rng)
        let count = Int.random(in: 0...300, using: &rng)
        let bytes: [UInt8] = (0..<count).map { _ in
            Int.random(in: 0..<density, using: &rng) == 0
                ? [separator, 0x0A, 0x0D].randomElement(using: &rng)!
                : alphabet.randomElement(using: &rng)!
        }
        return (bytes, separator)
    }

    /// 400 rounds of random bytes (``randomFieldBytes(_:)``), each with a new cursor over them
    /// for `body` to walk; `body` returns to end its round early.
    private static func eachRandomCursor(
        seed: UInt64, _ body: (_ round: Int, _ bytes: [UInt8], _ separator: UInt8, _ cursor: inout FieldEndCursor, _ rng: inout SeededGenerator) -> Void
    ) {
        var rng = SeededGenerator(seed: seed)
        for round in 0..<400 {
            let (bytes, separator) = randomFieldBytes(&rng)
            bytes.withUnsafeBufferPointer { buffer in
                // An empty array may have no address: any valid pointer will do for no bytes.
                let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 0x10)!
                var cursor = FieldEndCursor(CSVBytes(p: base, end: bytes.count, separator: separator))
                body(round, bytes, separator, &cursor, &rng)
            }
        }
    }

    @Test("Every field end is the first separator or line-end byte from the asked position, across blocks and at the end")
    func fieldEnds() {
        Self.eachRandomCursor(seed: 0xF1E1D) { round, bytes, separator, cursor, rng in
            var position = 0
            while position <= bytes.count {
                let found = cursor.next(from: position)
                let expected = Self.naiveEnd(bytes, from: position, separator: separator)
                #expect(found == expected, "round \(round), from \(position) of \(bytes.count)")
                guard found == expected else { return }
                // Sometimes just past the end found (the next field), sometimes a jump (a quoted field).
                position = Bool.random(using: &rng) ? found + 1 : position + Int.random(in: 0...90, using: &rng)
            }
        }
    }

    @Test("Ends taken out one by one, with skips ahead and the cursor forgotten, are every field end in order")
    func endsTakenOut() {
        Self.eachRandomCursor(seed: 0x90B) { round, bytes, separator, cursor, rng in
            var position = 0
            cursor.skip(to: position)
            while position <= bytes.count {
                // Mostly the next end taken out (the next field); sometimes a skip ahead (a
                // quoted field, a CRLF), or the cursor forgotten and asked again (a row read
                // again field by field), as the row loop's index does.
                switch Int.random(in: 0..<10, using: &rng) {
                case 0:
                    position = min(position + Int.random(in: 0...90, using: &rng), bytes.count)
                    cursor.skip(to: position)
                case 1:
                    cursor.forget()
                    _ = cursor.next(from: position)
                    cursor.skip(to: position)
                default:
                    break
                }
                let expected = Self.naiveEnd(bytes, from: position, separator: separator)
                let found = cursor.pop()
                #expect(found == expected, "round \(round), from \(position) of \(bytes.count)")
                guard found == expected else { return }
                position = found + 1
            }
        }
    }

    @Test("The platform's block classification (SSE2's movemask on x86-64) equals the portable one in Swift's vectors, bit for bit")
    func blockClassification() {
        var rng = SeededGenerator(seed: 0xB10C)
        let alphabet: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, 0x0A, 0x0D, 0x22, 0x20, 0x31, 0xD0, 0x9A, 0x00, 0xFF, 0x8A, 0x8D]
        for _ in 0..<5_000 {
            let separator = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].randomElement(using: &rng)!
            let block: [UInt8] = (0..<64).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            block.withUnsafeBytes { raw in
                let expected = (0..<64).reduce(UInt64(0)) { bits, k in
                    [separator, 0x0A, 0x0D].contains(block[k]) ? bits | 1 << UInt64(k) : bits
                }
                #expect(FieldEndCursor.fieldEnds(raw.baseAddress!, separator) == expected)
                #expect(FieldEndCursor.portableFieldEnds(raw.baseAddress!, separator) == expected)
            }
        }
    }

    @Test("Sixteen digits read at once (SSE2 on x86-64) equal the words read in Swift, and the digits written, for every count and any bytes before them")
    func sixteenDigits() {
        var rng = SeededGenerator(seed: 0x16D1)
        let alphabet: [UInt8] = Array("0123456789.,-x".utf8) + [0xD0, 0x00, 0xFF, 0x2F, 0x3A]
        for round in 0..<20_000 {
            let count = Int.random(in: 0...16, using: &rng)
            // Mostly digits where they are counted; now and then any byte, there or before them.
            let bytes: [UInt8] = (0..<16).map { k in
                k >= 16 - count && round % 4 != 0
                    ? UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng)
                    : alphabet.randomElement(using: &rng)!
            }
            let digits = bytes[(16 - count)...]
            let expected: UInt64 = digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                ? digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) }
                : .max
            bytes.withUnsafeBufferPointer { buffer in
                let scanner = CSVBytes(p: buffer.baseAddress!, end: 16, separator: UInt8(ascii: ","))
                #expect(scanner.sixteenDigits(endingAt: 16, count: count) == expected, "\(bytes), \(count)")
                #expect(scanner.portableSixteenDigits(endingAt: 16, count: count) == expected, "\(bytes), \(count)")
            }
        }
    }

    /// Whether `text` is what ``CSVBytes/decimal(from:to:)`` must take: an optional minus, then
    /// digits with at most one point and at least one digit.
    private static func isPlainDecimal(_ text: [UInt8]) -> Bool {
        let body = text.first == UInt8(ascii: "-") ? Array(text.dropFirst()) : text
        let points = body.filter { $0 == UInt8(ascii: ".") }.count
        let digits = body.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        return points <= 1 && digits >= 1 && points + digits == body.count
    }

    @Test("A plain decimal between known ends reads as the number parser reads it, bit for bit, and is taken whenever it fits")
    func decimals() {
        var rng = SeededGenerator(seed: 0xDEC1)
        let junk: [UInt8] = Array("e+- x.a".utf8) + [0xD0]
        var taken = 0
        for index in 0..<300_000 {
            var text: [UInt8] = []
            if Int.random(in: 0..<4, using: &rng) == 0 { text.append(UInt8(ascii: "-")) }
            let whole = Int.random(in: 0...(index % 3 == 0 ? 22 : 8), using: &rng)
            for _ in 0..<whole { text.append(UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng)) }
            if Bool.random(using: &rng) {
                text.append(UInt8(ascii: "."))
                let fraction = Int.random(in: 0...(index % 3 == 1 ? 22 : 8), using: &rng)
                for _ in 0..<fraction { text.append(UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng)) }
            }
            if Int.random(in: 0..<8, using: &rng) == 0 {
                text.insert(junk.randomElement(using: &rng)!, at: Int.random(in: 0...text.count, using: &rng))
            }
            // What comes before the field: sometimes too little for the words read back from its end.
            let prefix = [UInt8](repeating: UInt8(ascii: ","), count: Int.random(in: 0...30, using: &rng))
            let bytes = prefix + text + [UInt8(ascii: "\n")]
            let start = prefix.count, end = prefix.count + text.count
            bytes.withUnsafeBufferPointer { buffer in
                let scanner = CSVBytes(p: buffer.baseAddress!, end: buffer.count, separator: UInt8(ascii: ","))
                let fast = scanner.decimal(from: start, to: end)
                let parsed = NumberParser.parse(buffer.baseAddress!, start, end)
                let shown = String(decoding: text, as: UTF8.self)
                if let fast {
                    #expect(fast.bitPattern == parsed?.bitPattern, "\(shown): \(fast) against \(String(describing: parsed))")
                    taken += 1
                }
                // Taken whenever it fits: one or two digits anywhere; otherwise one word of at
                // most eight bytes, or three words of at most 19 digits (and a point), that the
                // bytes before the field can hold.
                let digits = text.first == UInt8(ascii: "-") ? text.count - 1 : text.count
                let short = text.count <= 2 && text.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                let fits = short || (text.count <= 8 ? end >= 8 : digits <= 19 && end >= 24)
                #expect((fast != nil) == (Self.isPlainDecimal(text) && fits), "\(shown) at \(start)")
            }
        }
        #expect(taken > 100_000)
    }

    @Test("Two fields of one to eight digits are read together (SSE2 on x86-64) as the decimal reader reads each, and only those")
    func twoIntegers() {
        var rng = SeededGenerator(seed: 0x2147)
        let junk: [UInt8] = Array("-.+e x,".utf8) + [0xD0, 0x00, 0xFF, 0x2F, 0x3A]
        func field() -> [UInt8] {
            let length = Int.random(in: 0...10, using: &rng)
            var text = (0..<length).map { _ in UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng) }
            if !text.isEmpty, Int.random(in: 0..<6, using: &rng) == 0 {
                text[Int.random(in: 0..<text.count, using: &rng)] = junk.randomElement(using: &rng)!
            }
            return text
        }
        var taken = 0
        for _ in 0..<100_000 {
            let first = field(), second = field()
            // Before the first, eight or more bytes of any kind (a previous field); a separator
            // between the two.
            let prefix = (0..<Int.random(in: 8...16, using: &rng)).map { _ in junk.randomElement(using: &rng)! }
            let bytes = prefix + first + [UInt8(ascii: ",")] + second + [UInt8(ascii: "\n")]
            let start = prefix.count, end = start + first.count, nextStart = end + 1, nextEnd = nextStart + second.count
            let plain = { (text: [UInt8]) in (1...8).contains(text.count) && text.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            bytes.withUnsafeBufferPointer { buffer in
                let scanner = CSVBytes(p: buffer.baseAddress!, end: buffer.count, separator: UInt8(ascii: ","))
                var out: [Double] = [-1, -1]
                let read = out.withUnsafeMutableBufferPointer {
                    scanner.twoIntegers(from: start, to: end, then: nextStart, to: nextEnd, into: $0.baseAddress!)
                }
                #expect(read == (plain(first) && plain(second)), "\(first) \(second)")
                if read {
                    taken += 1
                    #expect(out[0].bitPattern == scanner.decimal(from: start, to: end)?.bitPattern)
                    #expect(out[1].bitPattern == scanner.decimal(from: nextStart, to: nextEnd)?.bitPattern)
                } else {
                    #expect(out == [-1, -1], "nothing written")
                }
                // The words as the reader makes them, checked and converted in Swift.
                let ascii: UInt64 = 0x3030_3030_3030_3030
                let words = [(start, end), (nextStart, nextEnd)].map { s, e -> UInt64 in
                    guard (1...8).contains(e - s) else { return .max }
                    let word = UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(fromByteOffset: e - 8, as: UInt64.self) ^ ascii
                    return word & ~0 << UInt64((8 - (e - s)) * 8)
                }
                var portable: [Double] = [-1, -1]
                let portableRead = words.contains(.max) ? false : portable.withUnsafeMutableBufferPointer {
                    CSVBytes.portableTwoIntegers(words[0], words[1], into: $0.baseAddress!)
                }
                #expect(portableRead == read)
                if read { #expect(portable == out) }
            }
        }
        #expect(taken > 20_000)
    }

    @Test("Edge cases of a plain decimal", arguments: [
        ("7", 7.0), ("0", 0.0), ("98", 98.0), ("09", 9.0), ("10", 10.0), ("-5", -5.0),
        ("5.", 5.0), (".5", 0.5), ("-0", -0.0), ("-0.0", -0.0), ("00012", 12.0), ("-7.25", -7.25),
        ("12345678", 12_345_678.0), ("-1234567", -1_234_567.0), ("1234567.8", 1_234_567.8),
        ("3.680318049162283", 3.680318049162283), ("2.2448222888221148", 2.2448222888221148),
        ("9999999999999999999", 9_999_999_999_999_999_999.0), (".000000000000000001", 1e-18),
    ])
    func edgeCases(text: String, expected: Double) throws {
        // Enough bytes before the field for every word read back from its end.
        let bytes = Array(String(repeating: ",", count: 24).utf8) + Array(text.utf8) + [0x0A]
        let value = bytes.withUnsafeBufferPointer { buffer in
            CSVBytes(p: buffer.baseAddress!, end: buffer.count, separator: UInt8(ascii: ",")).decimal(from: 24, to: 24 + text.utf8.count)
        }
        #expect(try #require(value).bitPattern == expected.bitPattern)
    }

    @Test("Not plain decimals", arguments: ["-", ".", "-.", "a", "9a", "a9", ":", "/5", "5:", "1.2.3", "1e5", "+5", " 5", "5 ", "0x1A", "--5", "12345678901234567890", "1.23456789012345678901"])
    func notPlain(text: String) {
        let bytes = Array(String(repeating: ",", count: 24).utf8) + Array(text.utf8) + [0x0A]
        let value = bytes.withUnsafeBufferPointer { buffer in
            CSVBytes(p: buffer.baseAddress!, end: buffer.count, separator: UInt8(ascii: ",")).decimal(from: 24, to: 24 + text.utf8.count)
        }
        #expect(value == nil, "\(text)")
    }
}
