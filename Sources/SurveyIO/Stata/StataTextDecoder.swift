/// Turns the bytes of a Stata text (name, label, string value) into a `String`.
///
/// Stata 14 and later (format 118 and 119) store UTF-8. Earlier releases stored text in the
/// platform's 8-bit code page, windows-1252 on Windows and in practice everywhere, but files
/// written by other programs (R's haven, for one) put UTF-8 into format 117 too. So every text is
/// read as UTF-8 when its bytes are valid UTF-8 and as windows-1252 otherwise; in a UTF-8 file a
/// text that is not valid UTF-8 (a release-117 file converted badly) is read as windows-1252 as
/// well. The decoder remembers what it met, to report the file's encoding.
///
/// A text ends at its first NUL byte, as fixed-width Stata fields do.
struct StataTextDecoder {
    /// Some text held non-ASCII UTF-8.
    private(set) var sawUTF8 = false
    /// Some text was not valid UTF-8 and was read as windows-1252.
    private(set) var sawWindows1252 = false

    mutating func decode(_ raw: UnsafeRawBufferPointer) -> String {
        var end = raw.count
        var ascii = true
        for i in 0 ..< raw.count {
            let b = raw[i]
            if b == 0 { end = i; break }
            if b >= 0x80 { ascii = false }
        }
        let bytes = UnsafeRawBufferPointer(rebasing: raw[0 ..< end])
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        if let s = String(validating: bytes, as: UTF8.self) {
            sawUTF8 = true
            return s
        }
        sawWindows1252 = true
        return StataTextDecoder.windows1252(bytes)
    }

    /// The encoding to report for a file of `release`.
    func encoding(release: StataRelease) -> String {
        if release.isUnicode { return "UTF-8" }
        return sawUTF8 && !sawWindows1252 ? "UTF-8" : "windows-1252"
    }

    /// Decodes windows-1252: Latin-1 except for 0x80–0x9F, which hold typographic characters
    /// (the five unassigned bytes map to the C1 controls of the same number).
    static func windows1252(_ bytes: UnsafeRawBufferPointer) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value: UInt32 = (0x80 ... 0x9F).contains(b) ? UInt32(c1[Int(b) - 0x80]) : UInt32(b)
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    private static let c1: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
