/// Decodes the text of an SPSS file (names, labels, string values) to Swift strings.
///
/// A system file names its encoding in the character encoding record (record 7, subtype 20) or,
/// in older files, by a Windows code page number in the machine integer info record (record 7,
/// subtype 3, `character_code`); see PSPP, *System File Format*, "Character Encoding Record".
/// UTF-8 and the single-byte code pages of ``SingleByteCodePages`` (Windows, DOS, KOI8, ISO
/// 8859, Mac) are supported. Bytes that are not valid in the encoding become U+FFFD.
struct TextDecoder: Sendable {
    /// The encoding's canonical name (`UTF-8`, `windows-1251`), as reported in the codebook.
    let name: String
    /// The characters of bytes 0x80 to 0xFF, or `nil` for UTF-8.
    private let upperHalf: [UInt16]?

    static let utf8 = TextDecoder(name: "UTF-8", upperHalf: nil)
    static let windows1252: TextDecoder = named("windows-1252") ?? utf8

    private init(name: String, upperHalf: [UInt16]?) {
        self.name = name
        self.upperHalf = upperHalf
    }

    /// The decoder for an encoding name such as `UTF-8`, `windows-1251`, `CP866` or `KOI8-R`
    /// (case, hyphens and underscores do not matter); `nil` when the encoding is not supported.
    static func named(_ name: String) -> TextDecoder? {
        let key = normalized(name)
        if ["utf8", "utf8bom", "unicode11utf8"].contains(key) { return .utf8 }
        if ["usascii", "ascii", "ansix341968", "iso646us", "us", "646"].contains(key) {
            // Declared ASCII files often hold Windows Latin text; decode the upper half leniently.
            return TextDecoder(name: "US-ASCII", upperHalf: windows1252.upperHalf)
        }
        for page in SingleByteCodePages.pages
        where normalized(page.name) == key || page.aliases.contains(where: { normalized($0) == key }) {
            return TextDecoder(name: page.name, upperHalf: page.upperHalf)
        }
        // "1251", "cp1251", "windows1251", "ibm866", "ms1251": a code page number.
        for prefix in ["windows", "cp", "ibm", "ms", ""] where key.hasPrefix(prefix) {
            if let number = Int(key.dropFirst(prefix.count)), let decoder = codePage(number) { return decoder }
        }
        return nil
    }

    /// The decoder for a `character_code` of the machine integer info record; `nil` for codes
    /// that name no supported encoding (1, EBCDIC; 4, DEC Kanji; unknown numbers).
    static func codePage(_ number: Int) -> TextDecoder? {
        switch number {
        case 65001: return .utf8
        case 2, 20127: return named("US-ASCII")
        default:
            guard let page = SingleByteCodePages.pages.first(where: { $0.codePages.contains(number) }) else { return nil }
            return TextDecoder(name: page.name, upperHalf: page.upperHalf)
        }
    }

    private static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// Decodes `bytes` as they are (no trimming).
    func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        guard let upperHalf else { return Self.decodeUTF8(Array(bytes)) }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : UInt32(upperHalf[Int(byte) - 0x80])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Decodes UTF-8, dropping a multi-byte character cut off at the end: SPSS stores strings
    /// in fixed byte widths, and text longer than the width is cut without regard to characters.
    private static func decodeUTF8(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        var continuation = 0
        while end > 0, continuation < 3, bytes[end - 1] & 0xC0 == 0x80 {
            end -= 1
            continuation += 1
        }
        if end > 0 {
            let lead = bytes[end - 1]
            let expected = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
            if lead >= 0xC0, continuation < expected {
                return String(decoding: bytes[0..<(end - 1)], as: UTF8.self)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes `bytes` without the spaces and NUL bytes that pad them on the right.
    func decodeTrimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0x20 || bytes[end - 1] == 0 { end -= 1 }
        return decode(bytes[bytes.startIndex..<end])
    }

    /// Whether every byte sequence is valid UTF-8 (used to guess the encoding of old files).
    static func isValidUTF8<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

extension TextDecoder {
    /// The decoder a caller asked for by name, or nil to follow the file.
    /// - Throws: ``ReadError`` naming `file` when the encoding is unknown.
    static func requested(_ encoding: String?, file name: String) throws(ReadError) -> TextDecoder? {
        guard let encoding else { return nil }
        guard let named = TextDecoder.named(encoding) else {
            throw ReadError(.invalidEncoding, "Cannot read '\(name)': the encoding '\(encoding)' is not one Barometer knows; give a name such as UTF-8, windows-1251, windows-1252, CP866 or KOI8-R.")
        }
        return named
    }
}
